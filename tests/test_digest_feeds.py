"""Feeds: RSS and Atom from a local server, conditional GET (304), backoff for broken feeds,
/feed commands and what /feed list shows."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from conftest import LocalHTTPServer, Reply, Request
from digest_support import BERLIN, CHANNEL, PLATFORM, FakeClock, Process, ProcessFactory

from bot.digest.errors import DigestInputError
from bot.digest.extension import FeedCommands, feed_status
from bot.digest.feeds import AddFeed, ListFeeds, RemoveFeed, parse_feed_command
from bot.digest.settings import DigestSettings
from bot.digest.stories import normalise
from bot.events import ChatEvent, EventKind
from bot.replies import Reply as ChatReply
from bot.replies import TextReply

RSS = """<?xml version="1.0"?>
<rss version="2.0"><channel><title>Example Wire</title>
<item><title>Thousands evacuated from Rhodes as wildfire spreads</title>
<link>https://wire.example/rhodes?utm_source=rss</link>
<description>&lt;p&gt;Greek authorities evacuated about 19,000 people
from Rhodes.&lt;/p&gt;</description>
<pubDate>Mon, 02 Jun 2025 06:00:00 GMT</pubDate></item>
<item><title>US tightens curbs on advanced chip exports to China</title>
<link>https://wire.example/chips</link>
<description>New restrictions on semiconductors.</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Desk</title>
<entry><title>Late penalty sends Arsenal top of the Premier League</title>
<link href="https://desk.example/arsenal"/><id>urn:1</id>
<updated>2025-06-02T07:00:00Z</updated><summary>Saka scored in stoppage time.</summary></entry>
</feed>"""


@pytest.fixture
def processes(tmp_path: Path) -> Iterator[ProcessFactory]:
    factory = ProcessFactory(f"sqlite:///{tmp_path / 'bot.db'}")
    yield factory
    factory.close_all()


@pytest.fixture
def process(processes: ProcessFactory) -> Process:
    return processes("only", FakeClock(datetime(2025, 6, 2, 8, 0, tzinfo=BERLIN)))


def serve_with_etag(server: LocalHTTPServer, path: str, body: str, etag: str) -> None:
    """The feed, or 304 Not Modified when the client already has ``etag``."""

    def answer(request: Request) -> Reply:
        if request.headers.get("if-none-match") == etag:
            return Reply(status=304, headers={"ETag": etag})
        headers = {"Content-Type": "application/rss+xml", "ETag": etag}
        return Reply(body=body.encode(), headers=headers)

    server.respond(path, answer)


def add_feed(process: Process, url: str) -> int:
    feed = process.store.add_feed(PLATFORM, CHANNEL, url, None, process.clock())
    assert feed is not None
    return feed.id


async def test_rss_items_are_stored_then_an_unchanged_feed_costs_a_304(
    process: Process, http_server: LocalHTTPServer
) -> None:
    serve_with_etag(http_server, "/wire.xml", RSS, '"v1"')
    feed_id = add_feed(process, http_server.url("/wire.xml"))

    assert await process.runner.poll_feeds() == 1
    items = process.store.feed_items_since(PLATFORM, CHANNEL, None)
    assert {item.entry.url for item in items} == {
        "https://wire.example/rhodes",  # tracking parameter dropped by the bot's normaliser
        "https://wire.example/chips",
    }
    rhodes = next(item for item in items if "rhodes" in item.entry.url)
    assert rhodes.entry.summary == "Greek authorities evacuated about 19,000 people from Rhodes."
    assert rhodes.feed_title == "Example Wire"

    process.clock.now += timedelta(minutes=30)  # the next poll is due
    assert await process.runner.poll_feeds() == 1
    assert http_server.requests[-1].headers.get("if-none-match") == '"v1"'
    assert len(process.store.feed_items_since(PLATFORM, CHANNEL, None)) == 2  # nothing new
    feed = process.store.feed(feed_id)
    assert feed is not None and feed.failures == 0 and feed.etag == '"v1"'


async def test_feed_is_not_polled_before_its_interval(
    process: Process, http_server: LocalHTTPServer
) -> None:
    serve_with_etag(http_server, "/wire.xml", RSS, '"v1"')
    add_feed(process, http_server.url("/wire.xml"))
    await process.runner.poll_feeds()
    process.clock.now += timedelta(minutes=29)
    assert await process.runner.poll_feeds() == 0
    assert len(http_server.requests) == 1


async def test_atom_feed_items_join_the_next_digest(
    process: Process, http_server: LocalHTTPServer
) -> None:
    http_server.route("/desk.atom", body=ATOM, content_type="application/atom+xml")
    add_feed(process, http_server.url("/desk.atom"))
    await process.runner.poll_feeds()
    digest = await process.runner.preview(PLATFORM, CHANNEL)
    assert [(s.title, s.sources[0].source) for s in digest.stories] == [
        ("Late penalty sends Arsenal top of the Premier League", "Atom Desk")
    ]


async def test_a_broken_feed_backs_off_instead_of_retrying_at_once(
    process: Process, http_server: LocalHTTPServer
) -> None:
    http_server.route("/gone.xml", status=404, body="no")
    feed_id = add_feed(process, http_server.url("/gone.xml"))
    start = process.clock.now
    waits = []
    for _attempt in range(4):
        feed = process.store.feed(feed_id)
        assert feed is not None
        process.clock.now = feed.next_poll_at
        assert await process.runner.poll_feeds() == 1
        assert await process.runner.poll_feeds() == 0  # not again at once
        after = process.store.feed(feed_id)
        assert after is not None
        waits.append(after.next_poll_at - process.clock.now)
    assert waits == [timedelta(minutes=30 * 2**n) for n in range(4)]
    assert len(http_server.requests) == 4
    broken = process.store.feed(feed_id)
    assert broken is not None and broken.failures == 4 and "404" in (broken.last_error or "")
    assert process.clock.now - start == timedelta(minutes=30 + 60 + 120)


async def test_backoff_is_capped_so_a_dead_feed_is_tried_about_daily(
    processes: ProcessFactory, http_server: LocalHTTPServer
) -> None:
    clock = FakeClock(datetime(2025, 6, 2, 8, 0, tzinfo=BERLIN))
    process = processes("only", clock, DigestSettings(feed_max_backoff=timedelta(hours=24)))
    http_server.route("/dead.xml", status=500)
    feed_id = add_feed(process, http_server.url("/dead.xml"))
    for _attempt in range(12):
        feed = process.store.feed(feed_id)
        assert feed is not None
        clock.now = feed.next_poll_at
        await process.runner.poll_feeds()
    feed = process.store.feed(feed_id)
    assert feed is not None and feed.next_poll_at - clock.now == timedelta(hours=24)


def test_not_a_feed_is_an_error_naming_the_url(
    process: Process, http_server: LocalHTTPServer
) -> None:
    from bot.digest.errors import FeedError

    http_server.route("/page.html", body="<html><body><p>Just a page.</p></body></html>")
    feed_id = add_feed(process, http_server.url("/page.html"))
    feed = process.store.feed(feed_id)
    assert feed is not None
    with pytest.raises(FeedError) as raised:
        process.runner._reader.poll(feed)
    assert "is not an RSS or Atom feed" in raised.value.message


# -- commands ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        ("add https://wire.example/rss", AddFeed("https://wire.example/rss")),
        ("list", ListFeeds()),
        ("", ListFeeds()),
        ("remove 2", RemoveFeed(2)),
    ],
)
def test_feed_commands_parse(arguments: str, expected: object) -> None:
    assert parse_feed_command(arguments) == expected


@pytest.mark.parametrize(
    ("arguments", "named_problem"),
    [
        ("add ftp://wire.example/rss", "is not a feed address"),
        ("remove two", "'two' is not a feed number"),
        ("remove 0", "'0' is not a feed number"),
        ("subscribe x", "I don't understand '/feed subscribe x'"),
    ],
)
def test_bad_feed_commands_name_the_problem(arguments: str, named_problem: str) -> None:
    with pytest.raises(DigestInputError) as raised:
        parse_feed_command(arguments)
    assert named_problem in raised.value.message


async def test_feed_add_list_remove_through_the_command(
    process: Process, http_server: LocalHTTPServer
) -> None:
    serve_with_etag(http_server, "/wire.xml", RSS, '"v1"')
    http_server.route("/gone.xml", status=404)
    commands = FeedCommands(process.runner, DigestSettings(), normalise, process.clock)
    replies: list[ChatReply] = []

    async def post(reply: ChatReply) -> str | None:
        replies.append(reply)
        return None

    def event(text: str) -> ChatEvent:
        return ChatEvent(PLATFORM, CHANNEL, "ana", "", text, kind=EventKind.COMMAND)

    await commands.run(event("/feed"), f"add {http_server.url('/wire.xml')}", post)
    await commands.run(event("/feed"), f"add {http_server.url('/gone.xml')}", post)
    process.clock.now += timedelta(minutes=5)
    await commands.run(event("/feed"), "list", post)
    await commands.run(event("/feed"), "remove 1", post)
    await commands.run(event("/feed"), "remove 5", post)
    texts = [reply.text for reply in replies if isinstance(reply, TextReply)]
    assert texts[0] == "Following Example Wire: ok, checked 0 min ago"
    assert texts[1].startswith("Following http://127.0.0.1:")
    assert "failing (1 try): the server answered 404" in texts[1]
    listing = texts[2].splitlines()
    assert listing[1] == "1. Example Wire: ok, checked 5 min ago"
    assert listing[2].startswith("2. http://127.0.0.1:") and "next try in 25 min" in listing[2]
    assert texts[3] == "No longer following Example Wire."
    assert texts[4] == "There is no feed 5: this channel has 1."


def test_feed_status_before_the_first_poll(process: Process) -> None:
    feed = process.store.add_feed(PLATFORM, CHANNEL, "https://x.example/f", None, process.clock())
    assert feed is not None
    assert feed_status(feed, process.clock()) == "not checked yet"
