"""A large digest renders off the event loop, so the bot keeps answering while it does."""

from __future__ import annotations

import threading

import pytest
from digest_builders import huge_digest

from bot.discord_app import posting as discord_posting
from bot.discord_app.embeds import OutgoingMessage
from bot.discord_app.render import render_reply
from bot.replies import DigestReply, Reply, TextReply
from bot.slack_app import posting as slack_posting
from bot.slack_app.blocks import SlackMessage
from bot.slack_app.render import render_messages


async def test_slack_renders_a_digest_on_another_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    threads: list[int] = []

    def recording(reply: Reply, earlier_link: str | None = None) -> list[SlackMessage]:
        threads.append(threading.get_ident())
        return render_messages(reply, earlier_link)

    monkeypatch.setattr(slack_posting, "render_messages", recording)
    messages = await slack_posting.rendered(DigestReply(huge_digest()), None)
    await slack_posting.rendered(TextReply("hello"), None)
    assert messages and threads[0] != threading.get_ident() == threads[1]


async def test_discord_renders_a_digest_on_another_thread() -> None:
    threads: list[int] = []

    def recording(reply: Reply) -> list[OutgoingMessage]:
        threads.append(threading.get_ident())
        return render_reply(reply)

    messages = await discord_posting.rendered(recording, DigestReply(huge_digest()))
    await discord_posting.rendered(recording, TextReply("hello"))
    assert messages and threads[0] != threading.get_ident() == threads[1]
