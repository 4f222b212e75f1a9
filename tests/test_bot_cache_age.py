"""How long a brief is reused (``bot.cache_hours``, 24 by default): articles get updated,
so after that a link is fetched and briefed again. The clock is a fake one; pages come
from the local test server and their counts of requests show what was fetched."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from bot_support import (
    Bot,
    CountingBriefer,
    FakeClock,
    Recorder,
    article_page,
    fetches,
    fresh_database,
    only,
    running_bot,
    text_attachment,
)
from conftest import LocalHTTPServer

from bot.config import load_settings
from bot.events import ChatEvent
from bot.replies import BriefReply
from bot.runtime import open_runtime
from summarizer.settings import FetchSettings
from summarizer.types import Article

STORY = "/news/budget"
FIRST_TITLE, UPDATED_TITLE = "Minister announces budget", "Budget revised after protests"


@pytest.fixture
def database_url(tmp_path: Path) -> str:
    return fresh_database(tmp_path)


@pytest.fixture
def briefer() -> CountingBriefer:
    return CountingBriefer()


@pytest.fixture
def bot(
    database_url: str, fetch_settings: FetchSettings, briefer: CountingBriefer
) -> Iterator[Bot]:
    with running_bot(database_url, fetch_settings, briefer=briefer) as running:
        yield running


@pytest.fixture
def story(http_server: LocalHTTPServer) -> str:
    http_server.route(STORY, body=article_page(FIRST_TITLE))
    return http_server.url(STORY)


async def brief_in(bot: Bot, channel: str, text: str = "", **fields: object) -> BriefReply:
    reply = only(await bot.say(text, channel=channel, **fields))
    assert isinstance(reply, BriefReply), reply
    return reply


async def test_a_brief_is_reused_for_a_day_then_the_updated_article_is_briefed(
    bot: Bot, story: str, http_server: LocalHTTPServer
) -> None:
    await brief_in(bot, "news", story)
    bot.clock.advance(hours=23, minutes=59)
    reused = await brief_in(bot, "random", story)
    http_server.route(STORY, body=article_page(UPDATED_TITLE))
    bot.clock.advance(minutes=1)
    renewed = await brief_in(bot, "world", story)
    assert reused.cached and reused.brief.article.title == FIRST_TITLE
    assert not renewed.cached and renewed.brief.article.title == UPDATED_TITLE
    assert fetches(http_server, STORY) == 2


async def test_a_brief_is_as_old_as_its_article_not_as_when_it_was_made(
    bot: Bot, story: str, http_server: LocalHTTPServer
) -> None:
    await brief_in(bot, "news", story)
    for channel in ("short", "shorter"):
        await bot.say("/newsbrief settings sentences 2", channel=channel)
    bot.clock.advance(hours=23)
    made_from_the_stored_article = await brief_in(bot, "short", story)
    bot.clock.advance(hours=1)
    renewed = await brief_in(bot, "shorter", story)
    assert not made_from_the_stored_article.cached and not renewed.cached
    assert len(renewed.brief.summary) == 2
    assert fetches(http_server, STORY) == 2


async def test_the_age_survives_a_restart(
    database_url: str, fetch_settings: FetchSettings, story: str, http_server: LocalHTTPServer
) -> None:
    clock = FakeClock()
    with running_bot(database_url, fetch_settings, clock=clock) as before:
        await brief_in(before, "news", story)
    clock.advance(hours=12)
    with running_bot(database_url, fetch_settings, clock=clock) as after:
        reused = await brief_in(after, "random", story)
        clock.advance(hours=12)
        renewed = await brief_in(after, "world", story)
    assert reused.cached and not renewed.cached
    assert fetches(http_server, STORY) == 2


async def test_cache_hours_from_the_environment_reaches_the_running_bot(
    tmp_path: Path, story: str, http_server: LocalHTTPServer
) -> None:
    environ = {
        "NEWSBRIEF_DATA_DIR": str(tmp_path),
        "NEWSBRIEF_FETCH_ALLOW_PRIVATE": "1",
        "NEWSBRIEF_BOT_CACHE_HOURS": "2",
    }
    clock = FakeClock()
    with open_runtime(load_settings(environ=environ), briefer=CountingBriefer(), clock=clock) as rt:
        service = rt.service()
        await service.handle(event(story, "news"), Recorder())
        clock.advance(hours=2)
        renewed = Recorder()
        await service.handle(event(story, "random"), renewed)
    assert isinstance(reply := only(renewed.replies), BriefReply) and not reply.cached
    assert fetches(http_server, STORY) == 2


def event(text: str, channel: str) -> ChatEvent:
    return ChatEvent(platform="test", channel=channel, user="ana", message_id="", text=text)


async def test_an_old_brief_is_given_while_its_article_cannot_be_fetched_again(
    bot: Bot, story: str, http_server: LocalHTTPServer
) -> None:
    await brief_in(bot, "news", story)
    bot.clock.advance(days=2)
    http_server.route(STORY, status=503)
    fallback = await brief_in(bot, "random", story)
    http_server.route(STORY, body=article_page(UPDATED_TITLE))
    renewed = await brief_in(bot, "world", story)
    assert fallback.cached and fallback.brief.article.title == FIRST_TITLE
    assert not renewed.cached and renewed.brief.article.title == UPDATED_TITLE
    assert fetches(http_server, STORY) == 3


async def test_an_uploaded_file_is_never_briefed_again(bot: Bot, briefer: CountingBriefer) -> None:
    upload = text_attachment("storm.txt", b"Storm hits the coast. Thousands lose power.")
    await brief_in(bot, "news", attachments=(upload,))
    bot.clock.advance(days=30)
    again = await brief_in(bot, "random", attachments=(upload,))
    assert again.cached and briefer.calls == 1


async def test_a_digest_takes_a_shared_brief_of_any_age_without_fetching_again(
    bot: Bot, story: str, http_server: LocalHTTPServer
) -> None:
    await brief_in(bot, "news", story)
    http_server.route(STORY, body=article_page(UPDATED_TITLE))
    bot.clock.advance(days=6)
    from_digest, cached = await bot.briefs.get(story, 3, failing_load, any_age=True)
    assert cached and from_digest.article.title == FIRST_TITLE
    assert fetches(http_server, STORY) == 1


def failing_load() -> Article:
    raise AssertionError("a digest must not load a stored article again")
