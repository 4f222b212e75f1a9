"""Slack payloads as the service sees them, the service's text as Slack shows it, settings."""

from __future__ import annotations

import argparse
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import pytest
from slack_support import command_body, message_event

from bot.config import load_settings
from bot.digest.extension import DigestCommands, FeedCommands
from bot.errors import ConfigError
from bot.events import EventKind
from bot.records import Share, ShareStatus
from bot.replies import AlreadyBriefed, ErrorReply, TextReply
from bot.slack_app import add_arguments, is_configured
from bot.slack_app.listeners import SUMMARIZE_SHORTCUT
from bot.slack_app.render import render_reply
from bot.slack_app.settings import HTTP, SOCKET, slack_settings
from bot.slack_app.translate import command_event, plain_text
from bot.slack_app.translate import message_event as translate_message

MANIFEST = Path(__file__).resolve().parents[1] / "slack-manifest.yaml"


def no_reader(slack_file: Any) -> Any:
    async def read() -> bytes:
        return b""

    return read


def translate(**fields: Any) -> Any:
    return translate_message(message_event(**fields), "Ev1", no_reader)


# --- Slack markup in ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("slack", "plain"),
    [
        ("see <https://news.example/a?x=1&amp;y=2>", "see https://news.example/a?x=1&y=2"),
        ("<https://news.example/a|news.example/a> now", "https://news.example/a now"),
        ("<@U123> and <#C9|general> <!here>", "@U123 and #general @here"),
        ("5 &lt; 6 &amp;&amp; 7 &gt; 2", "5 < 6 && 7 > 2"),
    ],
)
def test_slack_markup_becomes_plain_text_with_usable_links(slack: str, plain: str) -> None:
    assert plain_text(slack) == plain


def test_a_message_becomes_a_chat_event_with_its_thread() -> None:
    event = translate(text="<https://news.example/a>", ts="5.5", thread_ts="5.1")
    assert (event.platform, event.channel, event.user) == ("slack", "C0001", "U0001")
    assert (event.message_id, event.thread_id, event.event_id) == ("5.5", "5.1", "Ev1")
    assert event.text == "https://news.example/a" and event.kind is EventKind.MESSAGE


def test_link_previews_are_edits_and_bot_posts_are_marked() -> None:
    edited = {"text": "<https://news.example/a>", "ts": "5.5", "user": "U0001"}
    assert translate(text="", subtype="message_changed", message=edited).is_edit
    assert translate(text="x", bot_id="B1").is_bot
    assert translate(text="x", subtype="bot_message").is_bot


def test_deletions_and_joins_are_not_messages() -> None:
    assert translate(text="", subtype="message_deleted") is None
    assert translate(text="hi", subtype="channel_join") is None


def test_a_slash_command_is_its_whole_command_line() -> None:
    body = parse_qs(command_body("/summarize", "<https://news.example/a>", "https://r.test"))
    event = command_event({name: values[0] for name, values in body.items()})
    assert event.text == "/summarize https://news.example/a"
    assert event.kind is EventKind.COMMAND and event.message_id == ""


# --- the service's text out ---------------------------------------------------------------------


def test_text_replies_are_escaped_and_links_made_explicit() -> None:
    reply = TextReply("Use `/summarize <link>` & see https://news.example/a?x=1&y=2.")
    [block] = render_reply(reply).blocks
    text = block["text"]["text"]
    assert text == ("Use `/summarize &lt;link&gt;` &amp; see <https://news.example/a?x=1&amp;y=2>.")


def test_error_replies_carry_a_warning() -> None:
    message = render_reply(ErrorReply("Couldn't brief it: timed out.", "timeout"))
    assert message.text == ":warning: Couldn't brief it: timed out."


def test_already_briefed_links_to_the_earlier_brief() -> None:
    shared = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    earlier = Share(1, "slack", "C1", "U1", "1.1", "https://n.example/a", "https://n.example/a",
                    shared, ShareStatus.BRIEFED, "2.2")  # fmt: skip
    reply = AlreadyBriefed("https://n.example/a", earlier, in_progress=False)
    text = render_reply(reply, "https://team.slack.test/archives/C1/p22").blocks[0]["text"]["text"]
    assert "<https://team.slack.test/archives/C1/p22|see the brief>" in text
    assert f"<!date^{int(shared.timestamp())}^" in text


# --- settings -----------------------------------------------------------------------------------


def run_args(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    return parser.parse_args(argv)


def test_socket_mode_needs_the_app_token() -> None:
    settings = load_settings(environ={"SLACK_BOT_TOKEN": "xoxb-1"})
    assert is_configured(settings, run_args())
    with pytest.raises(ConfigError, match="SLACK_APP_TOKEN"):
        slack_settings(settings, run_args(), {})


def test_http_mode_needs_the_signing_secret() -> None:
    settings = load_settings(environ={"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_APP_TOKEN": "xapp-1"})
    with pytest.raises(ConfigError, match="SLACK_SIGNING_SECRET"):
        slack_settings(settings, run_args("--slack-mode", "http"), {})


def test_http_mode_with_its_port_and_another_api_url() -> None:
    environ = {"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s"}
    args = run_args("--slack-mode", "http", "--port", "8080")
    found = slack_settings(load_settings(environ=environ), args, {"SLACK_API_URL": "http://x/"})
    assert (found.mode, found.port, found.api_url) == (HTTP, 8080, "http://x/")
    assert "xoxb-1" not in repr(found) and "'s'" not in repr(found)


def test_without_a_bot_token_slack_is_off() -> None:
    assert not is_configured(load_settings(environ={}), run_args())
    assert run_args().slack_mode == SOCKET


# --- the manifest -------------------------------------------------------------------------------


def test_manifest_offers_every_command_the_shortcut_and_the_events_the_app_handles() -> None:
    manifest = MANIFEST.read_text()
    commands = set(re.findall(r"- command: /(\S+)", manifest))
    assert commands == {"summarize", "newsbrief", DigestCommands.name, FeedCommands.name}
    assert f"callback_id: {SUMMARIZE_SHORTCUT}" in manifest
    for needed in ("app_mention", "message.channels", "message.groups", "message.im",
                   "message.mpim", "chat:write", "commands", "files:read", "reactions:write",
                   "channels:history", "app_mentions:read"):  # fmt: skip
        assert re.search(rf"^\s+- {re.escape(needed)}$", manifest, re.MULTILINE), needed
    assert re.search(r"^\s+socket_mode_enabled: true$", manifest, re.MULTILINE)
