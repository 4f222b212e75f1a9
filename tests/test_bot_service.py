"""The briefing service end to end against a local HTTP server and a real SQLite file.

A light briefer stands in for the NLP (its output is not what these tests check);
fetching, extraction, storage, dedupe and concurrency are the real ones.
"""

from __future__ import annotations

import asyncio
import dataclasses
import threading
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
from conftest import LocalHTTPServer, Request
from conftest import Reply as ServerReply

from bot.events import ChatEvent, EventKind
from bot.records import ShareStatus
from bot.replies import AlreadyBriefed, BriefReply, ErrorReply, Reply, TextReply
from summarizer.settings import FetchSettings

STORY = "/news/budget"
JAVASCRIPT_ONLY_PAGE = "<html><body><div id='app'></div><script>render()</script></body></html>"


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
    http_server.route(STORY, body=article_page())
    return http_server.url(STORY)


# -- links -------------------------------------------------------------------------------


async def test_a_pasted_link_gets_a_brief(bot: Bot, story: str) -> None:
    reply = only(await bot.say(f"Have you seen this? {story}"))
    assert isinstance(reply, BriefReply)
    assert reply.brief.article.title == "Minister announces budget"
    assert reply.brief.summary[0].text.startswith("Paragraph 0 of the story")
    assert reply.cached is False


async def test_tracking_parameters_do_not_make_a_new_article(
    bot: Bot, story: str, http_server: LocalHTTPServer
) -> None:
    await bot.say(f"{story}?utm_source=newsletter", channel="a")
    reply = only(await bot.say(f"{story}#comments", channel="b"))
    assert isinstance(reply, BriefReply) and reply.cached
    assert fetches(http_server, STORY) == 1


async def test_links_beyond_the_per_message_cap_are_not_fetched(
    bot: Bot, http_server: LocalHTTPServer
) -> None:
    for n in range(5):
        http_server.route(f"/s{n}", body=article_page(f"Story {n}"))
    message = " ".join(http_server.url(f"/s{n}") for n in range(5))
    replies = await bot.say(message)
    assert [reply.brief.article.title for reply in replies] == ["Story 0", "Story 1", "Story 2"]  # type: ignore[union-attr]
    assert len(http_server.requests) == 3


async def test_channel_with_auto_brief_off_ignores_links_but_not_commands(
    bot: Bot, story: str
) -> None:
    await bot.say("/newsbrief settings auto off")
    assert await bot.say(story) == []
    assert isinstance(only(await bot.say(f"/summarize {story}")), BriefReply)
    assert isinstance(only(await bot.say(story, channel="elsewhere")), BriefReply)


async def test_a_request_with_nothing_to_brief_says_so_privately(bot: Bot) -> None:
    reply = only(await bot.say("no links here", kind=EventKind.REQUEST))
    assert isinstance(reply, TextReply) and reply.private
    assert "no article link" in reply.text


# -- duplicates --------------------------------------------------------------------------


async def test_same_link_again_in_the_channel_points_at_the_earlier_brief(
    bot: Bot, story: str, briefer: CountingBriefer
) -> None:
    recorder = Recorder()
    await bot.service.handle(bot.event(story), recorder)  # posted as ref-1
    bot.clock.advance(days=6)
    again = only(await bot.say(f"{story}?utm_campaign=x", user="ben"))
    assert isinstance(again, AlreadyBriefed)
    assert again.earlier.reply_ref == "ref-1"
    assert again.earlier.user == "ana"
    assert not again.in_progress
    assert briefer.calls == 1


async def test_after_the_dedupe_window_the_link_is_briefed_again(
    bot: Bot, story: str, http_server: LocalHTTPServer
) -> None:
    await bot.say(story)
    bot.clock.advance(days=7, seconds=1)
    reply = only(await bot.say(story))
    assert isinstance(reply, BriefReply) and not reply.cached  # a week old: fetched again
    assert fetches(http_server, STORY) == 2


async def test_same_link_in_another_channel_gets_the_cached_brief(
    bot: Bot, story: str, http_server: LocalHTTPServer, briefer: CountingBriefer
) -> None:
    first = only(await bot.say(story, channel="news"))
    second = only(await bot.say(story, channel="random"))
    assert isinstance(first, BriefReply) and isinstance(second, BriefReply)
    assert second.cached and second.brief == first.brief
    assert fetches(http_server, STORY) == 1 and briefer.calls == 1


async def test_a_link_pasted_while_its_brief_is_being_made_is_answered_in_progress(
    bot: Bot, http_server: LocalHTTPServer
) -> None:
    arrived, release = threading.Event(), threading.Event()

    def slow_page(_request: Request) -> ServerReply:
        arrived.set()
        release.wait(5)
        return ServerReply(body=article_page().encode(), headers={"Content-Type": "text/html"})

    http_server.respond("/slow", slow_page)
    first = Recorder()
    making = asyncio.create_task(bot.service.handle(bot.event(http_server.url("/slow")), first))
    assert await asyncio.to_thread(arrived.wait, 5)
    again = only(await bot.say(http_server.url("/slow")))
    release.set()
    await making
    assert isinstance(again, AlreadyBriefed) and again.in_progress
    assert isinstance(only(first.replies), BriefReply)


async def test_a_failed_link_is_tried_again_when_pasted_again(
    bot: Bot, http_server: LocalHTTPServer
) -> None:
    http_server.route("/flaky", status=503)
    assert isinstance(only(await bot.say(http_server.url("/flaky"))), ErrorReply)
    http_server.route("/flaky", body=article_page())
    assert isinstance(only(await bot.say(http_server.url("/flaky"))), BriefReply)


async def test_bots_edits_and_redelivered_events_are_ignored(bot: Bot, story: str) -> None:
    assert await bot.say(story, is_bot=True) == []
    assert await bot.say(story, is_edit=True) == []
    assert isinstance(only(await bot.say(story, event_id="Ev1")), BriefReply)
    assert await bot.say(story, event_id="Ev1", channel="other") == []
    redelivered = bot.event(story, message_id="m-same")
    assert len(await _handle(bot, redelivered)) == 1
    assert await _handle(bot, redelivered) == []


async def _handle(bot: Bot, event: ChatEvent) -> list[Reply]:
    recorder = Recorder()
    await bot.service.handle(event, recorder)
    return recorder.replies


# -- concurrency -------------------------------------------------------------------------


async def test_twenty_identical_links_at_once_cause_one_fetch_and_one_brief(
    bot: Bot, http_server: LocalHTTPServer, briefer: CountingBriefer
) -> None:
    release = threading.Event()

    def gated_page(_request: Request) -> ServerReply:
        release.wait(5)
        return ServerReply(body=article_page().encode(), headers={"Content-Type": "text/html"})

    http_server.respond(STORY, gated_page)
    recorders = [Recorder() for _ in range(20)]
    events = [bot.event(http_server.url(STORY), channel=f"c{n}") for n in range(20)]
    handling = [
        asyncio.create_task(bot.service.handle(event, recorder))
        for event, recorder in zip(events, recorders, strict=True)
    ]
    await _until_all_shared(bot, channels=20)
    release.set()
    await asyncio.gather(*handling)
    assert all(isinstance(only(recorder.replies), BriefReply) for recorder in recorders)
    assert fetches(http_server, STORY) == 1
    assert briefer.calls == 1


async def _until_all_shared(bot: Bot, channels: int) -> None:
    """Wait (without sleeping) until every event has recorded its share: the database
    thread runs calls in order, so each query below queues behind the events' calls."""
    count = 0
    while count < channels:
        count = await bot.db.run(
            lambda storage: sum(len(storage.shares("test", f"c{n}")) for n in range(channels))
        )


async def test_other_messages_are_answered_while_a_brief_is_being_made(
    bot: Bot, http_server: LocalHTTPServer
) -> None:
    arrived, release = threading.Event(), threading.Event()

    def gated_page(_request: Request) -> ServerReply:
        arrived.set()
        release.wait(5)
        return ServerReply(body=article_page().encode(), headers={"Content-Type": "text/html"})

    http_server.respond(STORY, gated_page)
    making = asyncio.create_task(bot.say(http_server.url(STORY)))
    assert await asyncio.to_thread(arrived.wait, 5)
    helped = only(await bot.say("/newsbrief help"))
    release.set()
    assert isinstance(helped, TextReply) and not making.done()
    assert isinstance(only(await making), BriefReply)


# -- uploads -----------------------------------------------------------------------------


async def test_an_uploaded_text_file_is_briefed(bot: Bot) -> None:
    text = b"Storm hits the coast. Thousands lose power. Officials urge caution."
    reply = only(await bot.say("", attachments=(text_attachment("storm.txt", text),)))
    assert isinstance(reply, BriefReply)
    assert reply.source == "storm.txt"
    assert reply.brief.summary[0].text == "Storm hits the coast."


async def test_an_upload_over_the_size_cap_is_refused_without_downloading(bot: Bot) -> None:
    downloaded = False

    async def read() -> bytes:
        nonlocal downloaded
        downloaded = True
        return b""

    big = dataclasses.replace(text_attachment("big.txt", b""), size=11 * 1024 * 1024, read=read)
    reply = only(await bot.say("", attachments=(big,)))
    assert isinstance(reply, ErrorReply) and reply.reason == "too-large"
    assert "10.0 MB limit" in reply.text
    assert not downloaded


async def test_an_upload_bigger_than_declared_is_refused(
    database_url: str, fetch_settings: FetchSettings
) -> None:
    with running_bot(database_url, fetch_settings, upload_max_bytes=1000) as small_bot:
        liar = text_attachment("liar.txt", b"x " * 1000, size=10)
        reply = only(await small_bot.say("", attachments=(liar,)))
    assert isinstance(reply, ErrorReply) and reply.reason == "too-large"


async def test_an_unsupported_upload_gets_a_reply_naming_what_works(bot: Bot) -> None:
    reply = only(await bot.say("", attachments=(text_attachment("report.docx", b"PK\x03\x04"),)))
    assert isinstance(reply, ErrorReply) and reply.reason == "unsupported-type"
    assert ".html, .pdf, .txt and .md" in reply.text


# -- errors ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("route", "reason", "says"),
    [
        ({"body": b"\x89PNG", "content_type": "image/png"}, "unsupported-type", "isn't an article"),
        ({"body": JAVASCRIPT_ONLY_PAGE}, "no-article", "paywall"),
        ({"body": b"x" * 300_000, "content_type": "text/plain"}, "too-large", "size limit"),
        ({"status": 404}, "not-found", "not found (404)"),
        ({"status": 403}, "http-status", "refused access (403)"),
        ({"status": 500}, "http-status", "had an error (500)"),
    ],
)  # fmt: skip
async def test_each_failure_gets_a_short_friendly_reply(
    bot: Bot, http_server: LocalHTTPServer, route: dict[str, object], reason: str, says: str
) -> None:
    http_server.route("/page", **route)  # type: ignore[arg-type]
    reply = only(await bot.say(f"look {http_server.url('/page')}"))
    assert isinstance(reply, ErrorReply)
    assert (reply.reason, reply.private) == (reason, False)
    assert says in reply.text and reply.text.startswith("Couldn't brief http://")


async def test_a_slow_site_times_out_with_a_reply(
    database_url: str, http_server: LocalHTTPServer
) -> None:
    http_server.route("/slow", body=article_page(), delay=5)
    impatient = FetchSettings(connect_timeout=0.2, total_timeout=0.3, allow_private=True)
    with running_bot(database_url, impatient) as quick_bot:
        reply = only(await quick_bot.say(http_server.url("/slow")))
    assert isinstance(reply, ErrorReply) and reply.reason == "timeout"
    assert "took too long" in reply.text


async def test_a_private_address_is_blocked_with_a_reply(
    database_url: str, http_server: LocalHTTPServer
) -> None:
    http_server.route(STORY, body=article_page())
    guarded = FetchSettings(allow_private=False)
    with running_bot(database_url, guarded) as guarded_bot:
        reply = only(await guarded_bot.say(http_server.url(STORY)))
    assert isinstance(reply, ErrorReply) and reply.reason == "blocked"
    assert "private or local network" in reply.text
    assert http_server.requests == []


async def test_command_errors_are_private(bot: Bot, http_server: LocalHTTPServer) -> None:
    http_server.route("/gone", status=404)
    command = f"/summarize {http_server.url('/gone')}"
    reply = only(await bot.say(command, kind=EventKind.COMMAND, message_id=""))
    assert isinstance(reply, ErrorReply) and reply.private


async def test_an_unexpected_error_is_logged_and_answered(
    database_url: str, fetch_settings: FetchSettings, story: str, caplog: pytest.LogCaptureFixture
) -> None:
    class BrokenBriefer:
        def brief(self, *_args: object, **_kwargs: object) -> object:
            raise RuntimeError("bug in the summarizer")

    with running_bot(database_url, fetch_settings, briefer=BrokenBriefer()) as broken:  # type: ignore[arg-type]
        reply = only(await broken.say(story))
        again = only(await broken.say(story))
    assert isinstance(reply, ErrorReply) and reply.reason == "internal"
    assert isinstance(again, ErrorReply), "a failed brief must not count as 'already briefed'"
    assert "bug in the summarizer" in caplog.text


async def test_a_failing_adapter_does_not_block_the_link(bot: Bot, story: str) -> None:
    async def broken_post(_reply: Reply) -> str:
        raise ConnectionError("chat platform down")

    await bot.service.handle(bot.event(story), broken_post)
    shares = await bot.db.run(lambda storage: storage.shares("test", "general"))
    assert [share.status for share in shares] == [ShareStatus.FAILED]
    assert isinstance(only(await bot.say(story)), BriefReply)


# -- commands ----------------------------------------------------------------------------


async def test_summarize_a_link_and_pasted_text(bot: Bot, story: str) -> None:
    linked = only(await bot.say(f"/summarize {story}", kind=EventKind.COMMAND, message_id=""))
    pasted = only(await bot.say("/summarize The river rose. Roads closed. Schools shut."))
    assert isinstance(linked, BriefReply) and linked.source == story
    assert isinstance(pasted, BriefReply) and pasted.source == "pasted text"
    summary = [sentence.text for sentence in pasted.brief.summary]
    assert summary == ["The river rose.", "Roads closed.", "Schools shut."]


@pytest.mark.parametrize("argument", ["hello", "/home/ann/story.txt", "www.example"])
async def test_summarize_too_short_a_text_says_what_to_give_instead(
    bot: Bot, argument: str
) -> None:
    reply = only(await bot.say(f"/summarize {argument}"))
    assert isinstance(reply, ErrorReply) and reply.reason == "too-short"
    assert "Give me a link, upload the file, or paste the article's text" in reply.text


async def test_summarize_a_video_link_says_it_is_not_an_article(bot: Bot) -> None:
    reply = only(await bot.say("/summarize https://www.youtube.com/watch?v=abc"))
    assert isinstance(reply, ErrorReply) and reply.reason == "unsupported-type"


async def test_help_lists_the_commands(bot: Bot) -> None:
    reply = only(await bot.say("/newsbrief help"))
    assert isinstance(reply, TextReply) and reply.private
    assert "/summarize" in reply.text and "/newsbrief settings" in reply.text
    assert "`threads on|off`" in reply.text


async def test_channel_sentences_setting_changes_the_brief(bot: Bot, story: str) -> None:
    changed = only(await bot.say("/newsbrief settings sentences 2"))
    assert isinstance(changed, TextReply) and "Summary sentences: 2" in changed.text
    reply = only(await bot.say(story))
    assert isinstance(reply, BriefReply) and len(reply.brief.summary) == 2
    shown = only(await bot.say("/newsbrief settings"))
    assert isinstance(shown, TextReply) and "Summary sentences: 2" in shown.text


async def test_threads_setting_asks_for_a_thread_on_each_briefed_message(
    bot: Bot, story: str
) -> None:
    assert isinstance(first := only(await bot.say(story)), BriefReply) and not first.start_thread
    changed = only(await bot.say("/newsbrief settings threads ON"))
    assert isinstance(changed, TextReply) and "thread on the message: on" in changed.text
    threaded = only(await bot.say(story, channel="news"))
    assert isinstance(threaded, BriefReply) and threaded.start_thread is False  # another channel
    threaded = only(await bot.say(story, kind=EventKind.REQUEST))
    assert isinstance(threaded, BriefReply) and threaded.start_thread
    command = only(await bot.say(f"/summarize {story}", kind=EventKind.COMMAND, message_id=""))
    assert isinstance(command, BriefReply) and not command.start_thread  # no message to thread on
    only(await bot.say("/newsbrief settings threads off"))
    assert (await bot.service.channel_choice("test", "general")).threads is False


@pytest.mark.parametrize(
    ("command", "says"),
    [
        ("/newsbrief settings sentences 99", "from 1 to 20"),
        ("/newsbrief settings colour blue", "Unknown setting"),
        ("/newsbrief settings threads maybe", "Unknown setting"),
        ("/newsbrief frobnicate", "I don't know `/newsbrief frobnicate`"),
        ("/summarize", "Give me something to brief"),
    ],
)
async def test_bad_commands_are_explained(bot: Bot, command: str, says: str) -> None:
    reply = only(await bot.say(command, kind=EventKind.COMMAND, message_id=""))
    assert isinstance(reply, TextReply) and reply.private
    assert says in reply.text


async def test_changing_settings_needs_permission(bot: Bot) -> None:
    reply = only(await bot.say("/newsbrief settings auto off", can_manage_channel=False))
    assert isinstance(reply, TextReply) and "permission" in reply.text
    assert (await bot.service.channel_choice("test", "general")).auto_brief is True


# -- restart -----------------------------------------------------------------------------


async def test_a_restart_keeps_shares_settings_and_briefs(
    database_url: str, fetch_settings: FetchSettings, story: str, http_server: LocalHTTPServer
) -> None:
    clock = FakeClock()
    with running_bot(database_url, fetch_settings, clock=clock) as before:
        await before.say("/newsbrief settings auto off", channel="quiet")
        await before.say("/newsbrief settings threads on", channel="quiet")
        only(await before.say(story))
    clock.advance(hours=1)
    restarted_briefer = CountingBriefer()
    with running_bot(database_url, fetch_settings, clock=clock, briefer=restarted_briefer) as after:
        again = only(await after.say(story))
        elsewhere = only(await after.say(story, channel="other"))
        quiet = await after.service.channel_choice("test", "quiet")
    assert isinstance(again, AlreadyBriefed) and again.earlier.reply_ref == "ref-1"
    assert isinstance(elsewhere, BriefReply) and elsewhere.cached
    assert quiet.auto_brief is False and quiet.threads is True
    assert fetches(http_server, STORY) == 1 and restarted_briefer.calls == 0
