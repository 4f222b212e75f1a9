"""RSS and Atom feeds: ``/feed`` commands, polling with conditional GET, backoff on failure.

Every feed is fetched through ``summarizer.fetch.Fetcher``, the project's one
network choke point (same SSRF guard, size and time limits as articles), with
``If-None-Match``/``If-Modified-Since`` from the previous answer, so an unchanged
feed costs a 304 and no parsing. A feed that fails is retried after
``feed_poll × 2^(failures - 1)``, capped at ``feed_max_backoff``: a dead feed is
tried about once a day, never in a tight loop, and ``/feed list`` shows its error.
"""

from __future__ import annotations

import html
import re
from calendar import timegm
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Any

import feedparser

from bot.digest.errors import DigestInputError, FeedError
from bot.digest.feed_store import Feed, FeedEntry
from bot.digest.stories import UrlNormaliser
from summarizer.errors import SummarizerError
from summarizer.fetch import Fetcher
from summarizer.fetch_response import Fetched

FEED_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1"
)
FEED_USAGE = "usage: /feed add <url> | /feed list | /feed remove <number from /feed list>"
SUMMARY_CHARS = 600
_TAG = re.compile(r"<[^>]+>")


# -- commands ----------------------------------------------------------------------------


@dataclass(frozen=True)
class AddFeed:
    url: str


@dataclass(frozen=True)
class ListFeeds:
    pass


@dataclass(frozen=True)
class RemoveFeed:
    number: int  # 1-based, as /feed list shows


FeedCommand = AddFeed | ListFeeds | RemoveFeed


def parse_feed_command(arguments: str) -> FeedCommand:
    words = arguments.split()
    head = words[0].lower() if words else "list"
    if head == "list" and len(words) <= 1:
        return ListFeeds()
    if head == "add" and len(words) == 2:
        if not words[1].lower().startswith(("http://", "https://")):
            raise DigestInputError(f"'{words[1]}' is not a feed address: give an http(s) URL")
        return AddFeed(words[1])
    if head == "remove" and len(words) == 2:
        if not words[1].isdigit() or int(words[1]) < 1:
            raise DigestInputError(f"'{words[1]}' is not a feed number: see /feed list")
        return RemoveFeed(int(words[1]))
    raise DigestInputError(f"I don't understand '/feed {arguments.strip()}'. {FEED_USAGE}")


# -- polling -----------------------------------------------------------------------------


@dataclass(frozen=True)
class PollResult:
    """A successful poll: the feed's new title and validators, and its entries (none on 304)."""

    feed: Feed
    entries: tuple[FeedEntry, ...]
    not_modified: bool


class FeedReader:
    """Fetches and parses feeds (blocking: the runner calls it on the worker pool)."""

    def __init__(self, fetcher: Fetcher, normalise: UrlNormaliser, max_items: int) -> None:
        self._fetcher = fetcher
        self._normalise = normalise
        self._max_items = max_items

    def poll(self, feed: Feed) -> PollResult:
        """Fetch ``feed`` conditionally and parse it; FeedError says what went wrong."""
        fetched = self._fetch(feed.url, _validators(feed))
        if fetched.not_modified:
            return PollResult(feed, (), not_modified=True)
        parsed = parse_feed(fetched.body, feed.url)
        entries = tuple(self._entries(parsed)[: self._max_items])
        title = _text(parsed.feed.get("title")) or feed.title
        updated = replace(
            feed,
            title=title,
            etag=fetched.etag,
            last_modified=fetched.last_modified,
        )
        return PollResult(updated, entries, not_modified=False)

    def _fetch(self, url: str, headers: dict[str, str]) -> Fetched:
        try:
            return self._fetcher.fetch(url, accept=FEED_ACCEPT, headers=headers)
        except SummarizerError as error:
            raise FeedError(error.message) from error

    def _entries(self, parsed: Any) -> list[FeedEntry]:
        entries = []
        for raw in parsed.entries:
            link = raw.get("link") or ""
            url = self._normalise(link) if link.startswith(("http://", "https://")) else None
            title = _text(raw.get("title"))
            if url and title:
                entries.append(FeedEntry(url, title, _summary(raw), _published(raw)))
        return entries


def parse_feed(body: bytes, url: str) -> Any:
    """feedparser's result, or FeedError when the body is not an RSS or Atom feed."""
    parsed = feedparser.parse(body)
    if not parsed.get("version") and not parsed.entries:
        problem = parsed.get("bozo_exception")
        detail = f" ({type(problem).__name__})" if problem else ""
        raise FeedError(f"{url} is not an RSS or Atom feed{detail}")
    return parsed


def next_poll_after_failure(
    failures: int, now: datetime, interval: timedelta, cap: timedelta
) -> datetime:
    """Exponential backoff: ``failures`` counts this one too (1 → one interval)."""
    factor = 2 ** min(max(failures - 1, 0), 20)
    return now + min(interval * factor, cap)


def _validators(feed: Feed) -> dict[str, str]:
    headers = {}
    if feed.etag:
        headers["If-None-Match"] = feed.etag
    if feed.last_modified:
        headers["If-Modified-Since"] = feed.last_modified
    return headers


def _text(value: object) -> str:
    """Feed text without markup or entities, whitespace collapsed."""
    if not isinstance(value, str):
        return ""
    return " ".join(html.unescape(_TAG.sub(" ", value)).split())


def _summary(raw: Any) -> str:
    text = _text(raw.get("summary") or raw.get("description"))
    return text[:SUMMARY_CHARS]


def _published(raw: Any) -> datetime | None:
    parsed = raw.get("published_parsed") or raw.get("updated_parsed")
    return datetime.fromtimestamp(timegm(parsed), UTC) if parsed else None
