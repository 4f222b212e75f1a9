"""What goes into a channel's next digest: its shares since the last one, plus new feed items.

Shared links were briefed when they were posted, so their briefs come from the
brief cache (memory, then database). The newest feed items, up to
``feed_briefs_per_digest``, are briefed too (fetched once, then cached), so their
who-claims-what joins the story; the others take part with their feed title and
description. Grouping and ranking (CPU work) run on the worker pool.
"""

from __future__ import annotations

import asyncio
import logging
from collections import Counter
from collections.abc import Callable, Sequence
from concurrent.futures import Executor
from dataclasses import dataclass, replace
from datetime import datetime
from functools import partial
from typing import Protocol

from bot.articles import ArticleReader
from bot.digest.feed_store import FeedItem
from bot.digest.settings import DigestSettings
from bot.digest.store import DigestStore
from bot.digest.stories import Candidate, Digest, UrlNormaliser, build_digest, candidate_from_brief
from bot.nlp_workers import Source
from bot.records import Share, ShareStatus
from bot.storage import DatabaseThread
from summarizer.types import Brief

log = logging.getLogger(__name__)

#: Shares that count: briefed links and links posted again ("already briefed").
COUNTED = (ShareStatus.BRIEFED, ShareStatus.DUPLICATE)


class Briefs(Protocol):
    """``bot.briefs.BriefCache``: a brief by key, made with ``load`` only when not cached."""

    async def get(
        self, key: str, sentences: int, load: Callable[[], Source], *, any_age: bool = False
    ) -> tuple[Brief, bool]: ...


@dataclass(frozen=True)
class DigestRequest:
    platform: str
    channel: str
    since: datetime
    budget: int
    #: Only what came before this (``--last``: the window of a digest posted already).
    until: datetime | None = None


class DigestCollector:
    def __init__(
        self,
        *,
        db: DatabaseThread,
        store: DigestStore,
        briefs: Briefs,
        articles: ArticleReader,
        pool: Executor,
        settings: DigestSettings,
        sentences: int,
        normalise: UrlNormaliser,
    ) -> None:
        self._db = db
        self._store = store
        self._briefs = briefs
        self._articles = articles
        self._pool = pool
        self._settings = settings
        self._sentences = sentences
        self._normalise = normalise

    async def digest(self, request: DigestRequest) -> Digest:
        candidates = await self._shared(request) + await self._from_feeds(request)
        build = partial(build_digest, candidates, normalise=self._normalise, budget=request.budget)
        digest = await asyncio.get_running_loop().run_in_executor(self._pool, build)
        return replace(digest, platform=request.platform, channel=request.channel)

    async def _shared(self, request: DigestRequest) -> list[Candidate]:
        platform, channel, since = request.platform, request.channel, request.since
        shares = await self._db.run(lambda storage: storage.shares(platform, channel, since))
        counted = [share for share in shares if share.status in COUNTED and before(share, request)]
        times = Counter(share.key for share in counted)
        first = {share.key: share for share in reversed(counted)}
        found = await asyncio.gather(*(self._share_candidate(first[k], times[k]) for k in times))
        return [candidate for candidate in found if candidate is not None]

    async def _share_candidate(self, share: Share, times: int) -> Candidate | None:
        load = partial(self._articles.from_url, share.source)
        brief = await self._brief(share.key, load)
        url = share.key if share.key.startswith(("http://", "https://")) else None
        return candidate_from_brief(brief, url=url, shares=times) if brief else None

    async def _from_feeds(self, request: DigestRequest) -> list[Candidate]:
        platform, channel, since = request.platform, request.channel, request.since
        until = request.until
        items = await self._db.run(
            lambda _storage: self._store.feed_items_since(platform, channel, since, until)
        )
        briefed = self._settings.feed_briefs_per_digest
        richer = await asyncio.gather(*(self._briefed_item(item) for item in items[:briefed]))
        return list(richer) + [feed_candidate(item) for item in items[briefed:]]

    async def _briefed_item(self, item: FeedItem) -> Candidate:
        plain = feed_candidate(item)
        brief = await self._brief(item.entry.url, partial(self._articles.from_url, item.entry.url))
        if brief is None:
            return plain
        richer = candidate_from_brief(brief, url=item.entry.url, shares=0)
        return replace(richer, title=plain.title, source=brief.article.site or plain.source)

    async def _brief(self, key: str, load: Callable[[], Source]) -> Brief | None:
        try:
            brief, _cached = await self._briefs.get(key, self._sentences, load, any_age=True)
        except Exception as error:  # one unreadable article must not sink the digest
            log.info("digest: leaving out %s: %s", key, getattr(error, "message", error))
            return None
        return brief


def before(share: Share, request: DigestRequest) -> bool:
    return request.until is None or share.shared_at < request.until


def feed_candidate(item: FeedItem) -> Candidate:
    entry = item.entry
    return Candidate(
        url=entry.url,
        title=entry.title,
        lead=entry.summary or entry.title,
        source=item.feed_title,
        published=entry.published_at,
    )


def shares_of(candidates: Sequence[Candidate]) -> int:
    return sum(candidate.shares for candidate in candidates)
