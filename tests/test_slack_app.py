"""The Slack app end to end: the real Bolt app in HTTP mode on a local port, signed
requests as Slack sends them, a local stand-in for Slack's Web API, and articles
served by a local HTTP server, briefed by the real pipeline."""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl

import pytest
from aiohttp import ClientSession
from digest_builders import big_digest, huge_digest
from slack_support import (
    APP_TOKEN,
    BOT_TOKEN,
    BOT_USER_ID,
    SIGNING_SECRET,
    WAIT_SECONDS,
    FakeSlackApi,
    LeadBriefer,
    ManualTimer,
    ManySpeakersBriefer,
    SlackFile,
    SlackRequests,
    briefing_service,
    command_body,
    event_body,
    limit_problems,
    message_event,
    shortcut_body,
    signed_headers,
)

from bot.briefs import BriefMaker
from bot.digest.render import MESSAGES_PER_DIGEST_MAX
from bot.errors import BotError
from bot.replies import DigestReply
from bot.service import BriefingService
from bot.slack_app.adapter import SlackAdapter
from bot.slack_app.settings import HTTP, SOCKET, SlackSettings
from summarizer.nlp import load_pipeline
from summarizer.settings import DEFAULT_MODEL, FetchSettings
from summarizer.types import Article, Brief

SEED = Path(__file__).resolve().parents[1] / "seeds" / "upi-russia-syria-airstrikes.txt"
SEED_TITLE = "Russia launches airstrikes in Syria"
UPLOAD_CAP = 50_000


class GatedBriefer:
    """The real briefer behind a gate the test can close: while closed, briefs wait
    (a brief that takes as long as the test wants, without sleeping)."""

    def __init__(self, inner: BriefMaker) -> None:
        self.inner = inner
        self.gate = threading.Event()
        self.gate.set()

    def brief(self, article: Article, *, sentences: int | None = None) -> Brief:
        if not self.gate.wait(WAIT_SECONDS):
            raise TimeoutError("the test never opened the gate")
        return self.inner.brief(article, sentences=sentences)


@dataclass
class RunningApp:
    adapter: SlackAdapter
    send: SlackRequests
    api: FakeSlackApi
    timer: ManualTimer
    gate: threading.Event


@pytest.fixture(scope="session")
def lead_briefer() -> LeadBriefer:
    """The spaCy model, loaded once for the session."""
    return LeadBriefer(load_pipeline(DEFAULT_MODEL))


@pytest.fixture
def briefer(lead_briefer: LeadBriefer) -> Iterator[GatedBriefer]:
    gated = GatedBriefer(lead_briefer)
    yield gated
    gated.gate.set()  # never leave a worker thread waiting


@pytest.fixture
def fetch_settings() -> FetchSettings:
    """The local test server is on 127.0.0.1; room for a 30,000-word article."""
    return FetchSettings(
        connect_timeout=1.0, total_timeout=5.0, max_bytes=1_000_000, allow_private=True
    )


@pytest.fixture
def service(
    tmp_path: Path, briefer: GatedBriefer, fetch_settings: FetchSettings
) -> Iterator[BriefingService]:
    with briefing_service(f"sqlite:///{tmp_path / 'bot.db'}", briefer, fetch_settings) as found:
        yield found


@pytest.fixture
async def slack(service: BriefingService, briefer: GatedBriefer) -> AsyncIterator[RunningApp]:
    api = FakeSlackApi()
    await api.start()
    timer = ManualTimer()
    settings = SlackSettings(
        bot_token=BOT_TOKEN,
        mode=HTTP,
        signing_secret=SIGNING_SECRET,
        api_url=api.api_url,
        host="127.0.0.1",
        port=0,
        upload_max_bytes=UPLOAD_CAP,
    )
    adapter = SlackAdapter(service.handle, settings, timer=timer)
    task = asyncio.create_task(adapter.run())
    async with asyncio.timeout(WAIT_SECONDS):
        await adapter.ready.wait()
    async with ClientSession() as session:
        url = f"http://127.0.0.1:{adapter.port}/slack/events"
        yield RunningApp(adapter, SlackRequests(session, url), api, timer, briefer.gate)
    task.cancel()
    with suppress(asyncio.CancelledError):
        await task
    await api.close()


@pytest.fixture
def article_url(http_server) -> str:  # type: ignore[no-untyped-def]
    http_server.route("/world/syria", body=SEED.read_bytes(), content_type="text/plain")
    return str(http_server.url("/world/syria"))


async def settled(app: RunningApp) -> None:
    """Wait until the app has handled everything it was sent."""
    async with asyncio.timeout(WAIT_SECONDS):
        await app.adapter.idle()


# --- links -----------------------------------------------------------------------------------


async def test_link_in_a_message_gets_the_brief_as_a_thread_reply(
    slack: RunningApp, article_url: str
) -> None:
    status = await slack.send.event(message_event(f"worth a read <{article_url}>", ts="1.0001"))
    [post] = await slack.api.wait_for("chat.postMessage")
    assert status == 200
    assert post.params["channel"] == "C0001" and post.params["thread_ts"] == "1.0001"
    blocks = post.params["blocks"]
    assert blocks[0]["type"] == "header" and blocks[0]["text"]["text"].startswith("Russia")
    assert any("*Who claims what*" in block.get("text", {}).get("text", "") for block in blocks)
    assert SEED_TITLE.split()[0] in post.params["text"]
    assert post.params["unfurl_links"] is False
    assert limit_problems(post.params) == []


async def test_bot_messages_edits_and_deletions_get_no_reply(
    slack: RunningApp, article_url: str
) -> None:
    link = f"<{article_url}>"
    edited = {"type": "message", "text": link, "ts": "1.0001", "user": "U0001"}
    ignored = [
        message_event(link, ts="1.0002", subtype="bot_message", bot_id="BOTHER"),
        message_event(link, ts="1.0003", bot_id="BOTHER"),
        message_event("", ts="1.0004", subtype="message_changed", message=edited),
        message_event("", ts="1.0005", subtype="message_deleted"),
        message_event(f"welcome {link}", ts="1.0006", subtype="channel_join"),
    ]
    for number, event in enumerate(ignored):
        assert await slack.send.event(event, event_id=f"Ev{number}") == 200
    await settled(slack)
    assert slack.api.calls_to("chat.postMessage") == []


async def test_a_retried_event_gets_no_second_reply(slack: RunningApp, article_url: str) -> None:
    event = message_event(f"<{article_url}>", ts="1.0001")
    await slack.send.event(event, event_id="EvSAME")
    await slack.api.wait_for("chat.postMessage")
    retry = {"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"}
    assert await slack.send.event(event, event_id="EvSAME", **retry) == 200
    await settled(slack)
    assert len(slack.api.calls_to("chat.postMessage")) == 1


async def test_a_mention_with_a_link_is_answered_once(slack: RunningApp, article_url: str) -> None:
    """Slack sends both a message and an app_mention event for a mention."""
    text = f"<@{BOT_USER_ID}> brief this please <{article_url}>"
    await slack.send.event(message_event(text, ts="1.0001"), event_id="EvMessage")
    mention = message_event(text, ts="1.0001", type="app_mention")
    await slack.send.event(mention, event_id="EvMention")
    [post] = await slack.api.wait_for("chat.postMessage")
    await settled(slack)
    assert post.params["thread_ts"] == "1.0001"
    assert len(slack.api.calls_to("chat.postMessage")) == 1


async def test_the_same_link_again_points_at_the_earlier_brief(
    slack: RunningApp, article_url: str
) -> None:
    await slack.send.event(message_event(f"<{article_url}>", ts="1.0001"), event_id="Ev1")
    [first] = await slack.api.wait_for("chat.postMessage")
    await settled(slack)
    await slack.send.event(message_event(f"again <{article_url}>", ts="1.0002"), event_id="Ev2")
    [_, second] = await slack.api.wait_for("chat.postMessage", 2)
    [permalink] = slack.api.calls_to("chat.getPermalink")
    assert first.params["thread_ts"] == "1.0001"
    assert permalink.params == {"channel": "C0001", "message_ts": "2000000000.000001"}
    assert second.params["thread_ts"] == "1.0002"
    assert "already briefed" in second.params["text"]
    assert "https://team.slack.test/archives/" in second.params["blocks"][0]["text"]["text"]


# --- uploads ---------------------------------------------------------------------------------


async def test_an_uploaded_file_is_downloaded_with_the_bot_token_and_briefed_in_its_thread(
    slack: RunningApp,
) -> None:
    info = slack.api.add_file(SlackFile("F0001", "airstrikes.txt", SEED.read_bytes()))
    shared = {key: info[key] for key in ("id", "name", "size", "mimetype")}
    event = message_event("", ts="1.0001", subtype="file_share", files=[shared])
    await slack.send.event(event)
    [post] = await slack.api.wait_for("chat.postMessage")
    [lookup] = slack.api.calls_to("files.info")
    [download] = slack.api.calls_to("download")
    assert lookup.params["file"] == "F0001"
    assert download.headers["Authorization"] == f"Bearer {BOT_TOKEN}"
    assert post.params["thread_ts"] == "1.0001"
    assert post.params["blocks"][0]["text"]["text"].startswith("Russia")


async def test_an_upload_over_the_size_cap_is_not_briefed(slack: RunningApp) -> None:
    """Slack may send only the file id (``check_file_info``): the cap holds while downloading."""
    slack.api.add_file(SlackFile("F0002", "huge.txt", b"word " * UPLOAD_CAP))
    files = [{"id": "F0002", "file_access": "check_file_info"}]
    await slack.send.event(message_event("", ts="1.0001", subtype="file_share", files=files))
    [post] = await slack.api.wait_for("chat.postMessage")
    assert post.params["thread_ts"] == "1.0001"
    assert "download" in post.params["text"].lower()


# --- commands and the shortcut ---------------------------------------------------------------


async def test_slash_command_is_acknowledged_before_the_brief_is_made(
    slack: RunningApp, article_url: str
) -> None:
    slack.gate.clear()  # the brief cannot finish until the gate opens
    started = time.perf_counter()
    status = await slack.send.form(
        command_body("/summarize", article_url, slack.api.response_url())
    )
    ack_ms = (time.perf_counter() - started) * 1000
    assert status == 200
    assert slack.api.calls_to("chat.postMessage") == []  # acknowledged, brief still pending
    slack.gate.set()
    [post] = await slack.api.wait_for("chat.postMessage")
    assert post.params["channel"] == "C0001" and post.params.get("thread_ts") is None
    assert post.params["blocks"][0]["text"]["text"].startswith("Russia")
    print(f"/summarize acknowledged in {ack_ms:.1f} ms")


async def test_in_a_channel_the_bot_is_not_in_the_command_answers_through_its_response_url(
    slack: RunningApp, article_url: str
) -> None:
    slack.api.fail_once("chat.postMessage", "not_in_channel")
    await slack.send.form(command_body("/summarize", article_url, slack.api.response_url()))
    [answer] = await slack.api.wait_for("response_url")
    assert answer.params["response_type"] == "in_channel"
    assert answer.params["blocks"][0]["text"]["text"].startswith("Russia")


async def test_command_errors_are_shown_only_to_the_user(slack: RunningApp, http_server) -> None:  # type: ignore[no-untyped-def]
    http_server.route("/gone", status=404)
    body = command_body("/summarize", http_server.url("/gone"), slack.api.response_url())
    assert await slack.send.form(body) == 200
    [answer] = await slack.api.wait_for("response_url")
    assert answer.params["response_type"] == "ephemeral"
    assert "not found" in answer.params["text"]
    assert slack.api.calls_to("chat.postMessage") == []


async def test_newsbrief_help_answers_privately(slack: RunningApp) -> None:
    await slack.send.form(command_body("/newsbrief", "help", slack.api.response_url()))
    [answer] = await slack.api.wait_for("response_url")
    assert answer.params["response_type"] == "ephemeral"
    assert "/summarize &lt;link or article text&gt;" in answer.params["blocks"][0]["text"]["text"]


async def test_summarize_shortcut_briefs_the_links_of_that_message(
    slack: RunningApp, article_url: str
) -> None:
    body = shortcut_body(f"did you see <{article_url}|this>?", slack.api.response_url())
    assert await slack.send.form(body) == 200
    [post] = await slack.api.wait_for("chat.postMessage")
    assert post.params["thread_ts"] == "1700.0002"
    assert post.params["blocks"][0]["text"]["text"].startswith("Russia")


# --- signatures, rate limits, progress ----------------------------------------------------------


async def test_requests_without_a_valid_signature_are_refused_and_do_nothing(
    slack: RunningApp, article_url: str
) -> None:
    body = event_body(message_event(f"<{article_url}>"))
    json_type = "application/json"
    forged = signed_headers(body, secret="not-the-secret")
    stale = signed_headers(body, timestamp=int(time.time()) - 600)
    assert await slack.send.send(body, json_type, forged) == 401
    assert await slack.send.send(body, json_type, stale) == 401
    assert await slack.send.send(body, json_type, {}) == 401
    await settled(slack)
    assert [call.method for call in slack.api.calls] == ["auth.test"]  # the sign-in at start


async def test_a_rate_limited_post_waits_and_is_retried(
    slack: RunningApp, article_url: str
) -> None:
    slack.api.rate_limit_once("chat.postMessage", retry_after=0)
    await slack.send.event(message_event(f"<{article_url}>", ts="1.0001"))
    [post] = await slack.api.wait_for("chat.postMessage")
    assert len(slack.api.calls_to("chat.postMessage:429")) == 1
    assert post.params["thread_ts"] == "1.0001"


async def test_a_slow_brief_shows_an_hourglass_until_it_is_posted(
    slack: RunningApp, article_url: str
) -> None:
    slack.gate.clear()
    await slack.send.event(message_event(f"<{article_url}>", ts="1.0001"))
    slack.timer.elapse()  # a second passes, the brief is still being made
    [added] = await slack.api.wait_for("reactions.add")
    assert added.params == {
        "channel": "C0001",
        "timestamp": "1.0001",
        "name": "hourglass_flowing_sand",
    }
    slack.gate.set()
    await slack.api.wait_for("reactions.remove")
    order = [call.method for call in slack.api.calls if call.method != "auth.test"]
    assert order == ["reactions.add", "chat.postMessage", "reactions.remove"]


async def test_a_quick_brief_shows_no_hourglass(slack: RunningApp, article_url: str) -> None:
    await slack.send.event(message_event(f"<{article_url}>", ts="1.0001"))
    await slack.api.wait_for("chat.postMessage")
    await settled(slack)
    assert slack.timer.waits == [1.0]
    assert slack.api.calls_to("reactions.add") == []


# --- a very long article -----------------------------------------------------------------------


def long_article(words: int = 30_000) -> str:
    paragraph = (
        "The airstrikes hit targets near the city on Wednesday, and residents reported "
        "heavy damage to roads and markets across the northern districts, officials said."
    )
    count = words // len(paragraph.split()) + 1
    return "Strikes continue for a second week\n\n" + "\n\n".join([paragraph] * count)


async def test_a_30000_word_article_with_40_speakers_is_posted_within_slack_limits(
    slack: RunningApp,
    briefer: GatedBriefer,
    http_server,  # type: ignore[no-untyped-def]
) -> None:
    """Parsing 30,000 words takes spaCy most of a minute here, so the 40 speakers are built;
    the article is fetched and extracted for real."""
    briefer.inner = ManySpeakersBriefer(speakers=40)
    http_server.route("/long", body=long_article(), content_type="text/plain")
    await slack.send.event(message_event(f"<{http_server.url('/long')}>", ts="1.0001"))
    [post] = await slack.api.wait_for("chat.postMessage")
    assert limit_problems(post.params) == []
    assert "Strikes continue for a second week" in post.params["text"]
    assert "more speakers did not fit" in str(post.params["blocks"][-1])


async def test_a_wrong_bot_token_stops_the_adapter_at_start(service: BriefingService) -> None:
    api = FakeSlackApi()
    await api.start()
    settings = SlackSettings(
        bot_token="xoxb-revoked", mode=HTTP, signing_secret=SIGNING_SECRET, api_url=api.api_url
    )
    try:
        with pytest.raises(BotError, match=r"Slack refused SLACK_BOT_TOKEN \(invalid_auth\)"):
            await SlackAdapter(service.handle, settings).run()
    finally:
        await api.close()


# --- Socket Mode ---------------------------------------------------------------------------------


@pytest.fixture
async def socket_app(service: BriefingService) -> AsyncIterator[FakeSlackApi]:
    """The adapter in Socket Mode (the default), connected to the fake's websocket."""
    api = FakeSlackApi()
    await api.start()
    settings = SlackSettings(
        bot_token=BOT_TOKEN, mode=SOCKET, app_token=APP_TOKEN, api_url=api.api_url
    )
    adapter = SlackAdapter(service.handle, settings, timer=ManualTimer())
    task = asyncio.create_task(adapter.run())
    async with asyncio.timeout(WAIT_SECONDS):
        await adapter.ready.wait()
    yield api
    task.cancel()
    with suppress(asyncio.CancelledError):
        await task
    await api.close()


async def test_socket_mode_acks_every_envelope_and_answers_links_and_commands(
    socket_app: FakeSlackApi, article_url: str
) -> None:
    [connect] = socket_app.calls_to("apps.connections.open")
    assert connect.headers["Authorization"] == f"Bearer {APP_TOKEN}"
    event = json.loads(event_body(message_event(f"<{article_url}>", ts="1.0001")))
    event_envelope = await socket_app.push("events_api", event)
    [post] = await socket_app.wait_for("chat.postMessage")
    assert post.params["thread_ts"] == "1.0001"
    command = dict(parse_qsl(command_body("/newsbrief", "help", socket_app.response_url())))
    command_envelope = await socket_app.push("slash_commands", command)
    [help_answer] = await socket_app.wait_for("response_url")
    assert help_answer.params["response_type"] == "ephemeral"
    acks = await socket_app.wait_for("socket ack", 2)
    assert [ack.params["envelope_id"] for ack in acks] == [event_envelope, command_envelope]


async def test_a_big_digest_is_posted_as_several_messages_within_slack_limits(
    slack: RunningApp,
) -> None:
    reference = await slack.adapter.send("C0DIGEST", DigestReply(big_digest()))
    posts = slack.api.calls_to("chat.postMessage")
    assert len(posts) > 1 and all(post.params["channel"] == "C0DIGEST" for post in posts)
    assert all(limit_problems(post.params) == [] for post in posts)
    assert posts[0].params["blocks"][0]["text"]["text"] == "Digest: 17 stories"
    assert reference == "2000000000.000001"  # the first message's ts


async def test_a_huge_digest_is_ten_messages_the_last_naming_what_was_left_out(
    slack: RunningApp,
) -> None:
    await slack.adapter.send("C0DIGEST", DigestReply(huge_digest("slack", "C0DIGEST")))
    posts = slack.api.calls_to("chat.postMessage")
    assert len(posts) == MESSAGES_PER_DIGEST_MAX
    assert all(limit_problems(post.params) == [] for post in posts)
    note = posts[-1].params["blocks"][-1]["elements"][0]["text"]
    assert note.startswith("+") and "did not fit in 10 messages" in note
    assert note.endswith(
        "`newsbrief digest --platform slack --channel C0DIGEST --last --stories 55`"
    )
