"""Several bot processes on one database (replicas, a restart overlapping the old process):
"already briefed here" holds across them, and a process that stops mid-brief does not
block its link for long.

Each process is a briefing service with its own database connections, database thread,
brief cache and worker pool, over one SQLite file (or the server in
NEWSBRIEF_TEST_DATABASE_URL); pages come from the local test server.
"""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

import pytest
import sqlalchemy as sa
from bot_support import (
    Bot,
    CountingBriefer,
    FakeClock,
    article_page,
    fetches,
    fresh_database,
    only,
    running_bot,
)
from conftest import LocalHTTPServer, Request
from conftest import Reply as ServerReply

from bot.replies import AlreadyBriefed, BriefReply
from summarizer.settings import FetchSettings

STORY = "/news/budget"


@pytest.fixture
def database_url(tmp_path: Path) -> str:
    return fresh_database(tmp_path)


def record_shares_together(bot: Bot, at_once: threading.Barrier) -> None:
    """Hold each process's recording of a share until the other's is due too, so both
    decide whether the link is new at the same moment (two replicas each receiving one
    of two messages with the link). ``at_once`` times out rather than hang a test."""

    def wait_for_the_other(*args: object) -> None:
        statement = str(args[2])
        if statement.lstrip().upper().startswith("INSERT INTO SHARES"):
            at_once.wait()

    sa.event.listen(bot.db.storage.engine, "before_cursor_execute", wait_for_the_other)


async def test_two_processes_given_the_same_link_at_once_brief_it_once(
    database_url: str, fetch_settings: FetchSettings, http_server: LocalHTTPServer
) -> None:
    http_server.route(STORY, body=article_page())
    clock, briefer, at_once = FakeClock(), CountingBriefer(), threading.Barrier(2, timeout=5)
    with (
        running_bot(database_url, fetch_settings, clock=clock, briefer=briefer) as first,
        running_bot(database_url, fetch_settings, clock=clock, briefer=briefer) as second,
    ):
        record_shares_together(first, at_once)
        record_shares_together(second, at_once)
        replies = await asyncio.gather(
            first.say(http_server.url(STORY), user="ana", message_id="a1"),
            second.say(http_server.url(STORY), user="ben", message_id="b1"),
        )
    answers = [only(each) for each in replies]
    assert sorted(type(answer).__name__ for answer in answers) == ["AlreadyBriefed", "BriefReply"]
    assert fetches(http_server, STORY) == 1 and briefer.calls == 1


async def test_a_link_briefed_by_one_process_is_already_briefed_for_the_other(
    database_url: str, fetch_settings: FetchSettings, http_server: LocalHTTPServer
) -> None:
    http_server.route(STORY, body=article_page())
    clock = FakeClock()
    with (
        running_bot(database_url, fetch_settings, clock=clock) as first,
        running_bot(database_url, fetch_settings, clock=clock) as second,
    ):
        briefed = only(await first.say(http_server.url(STORY), message_id="a1"))
        clock.advance(days=1)
        again = only(await second.say(http_server.url(STORY), user="ben", message_id="b1"))
    assert isinstance(briefed, BriefReply)
    assert isinstance(again, AlreadyBriefed) and not again.in_progress
    assert again.earlier.user == "ana" and again.earlier.reply_ref == "ref-1"


async def test_a_brief_cut_off_mid_way_blocks_its_link_only_for_in_progress_minutes(
    database_url: str, fetch_settings: FetchSettings, http_server: LocalHTTPServer
) -> None:
    """``bot.in_progress_minutes`` of 3 (the default is 10): still "in progress" a second
    before the 3 minutes are up, briefed again a second after."""
    arrived, release = threading.Event(), threading.Event()

    def first_request_hangs(_request: Request) -> ServerReply:
        if not arrived.is_set():
            arrived.set()
            release.wait(5)
        return ServerReply(body=article_page().encode(), headers={"Content-Type": "text/html"})

    http_server.respond(STORY, first_request_hangs)
    url, clock = http_server.url(STORY), FakeClock()
    with (
        running_bot(database_url, fetch_settings, clock=clock, in_progress_minutes=3) as stuck,
        running_bot(database_url, fetch_settings, clock=clock, in_progress_minutes=3) as healthy,
    ):
        hung = asyncio.create_task(stuck.say(url, message_id="a1"))
        assert await asyncio.to_thread(arrived.wait, 5)
        clock.advance(minutes=3, seconds=-1)
        waiting = only(await healthy.say(url, user="ben", message_id="b1"))
        clock.advance(seconds=2)
        retried = only(await healthy.say(url, user="cy", message_id="c1"))
        release.set()
        await hung
    assert isinstance(waiting, AlreadyBriefed) and waiting.in_progress
    assert isinstance(retried, BriefReply)
