"""Slash commands and the "Summarize" menu: defer first, then the service, then answers."""

from __future__ import annotations

import inspect
from typing import Any

import discord
import pytest
from discord_support import (
    CallLog,
    FakeService,
    RecordingFollowup,
    RecordingInteraction,
    RecordingResponse,
    brief_reply,
    error_reply,
    limit_problems,
)

from bot.discord_app.commands import MENU_NAME, build_commands, sync_commands
from bot.discord_app.embeds import OutgoingMessage
from bot.events import EventKind
from bot.replies import TextReply


def command(service: FakeService, name: str, extensions: tuple[str, ...] = ()) -> Any:
    return next(c for c in build_commands(service.handle, extensions) if c.name == name)


async def test_summarize_defers_before_the_service_works_then_replaces_thinking() -> None:
    log = CallLog()
    service = FakeService(log, [brief_reply()])
    interaction = RecordingInteraction(log)
    await command(service, "summarize").callback(interaction, url="https://news.example/a")
    assert log.names() == ["defer", "handle", "edit_original"]
    assert log.first("defer")["thinking"] is True
    [event] = service.events
    assert (event.kind, event.text) == (EventKind.COMMAND, "/summarize https://news.example/a")
    assert event.event_id == "9001" and event.channel == "555" and event.user == "77"
    embeds: list[discord.Embed] = log.first("edit_original")["embeds"]  # type: ignore[assignment]
    assert embeds[0].title == "Russia launches airstrikes in Syria"
    assert service.refs == ["https://discord.com/channels/1/2/original"]


async def test_pasted_text_is_passed_as_the_command_text() -> None:
    service = FakeService()
    await command(service, "summarize").callback(RecordingInteraction(service.log), text=" Hi. ")
    assert service.events[0].text == "/summarize Hi."


async def test_error_is_ephemeral_and_the_public_thinking_message_is_removed() -> None:
    log = CallLog()
    service = FakeService(log, [error_reply("That link is not an article.")])
    await command(service, "summarize").callback(RecordingInteraction(log), url="https://x.example")
    assert log.names() == ["defer", "handle", "delete_original", "followup"]
    followup = log.first("followup")
    assert followup["ephemeral"] is True
    assert followup["content"] == "⚠ That link is not an article."
    assert service.refs == [None]


async def test_long_brief_continues_in_followups_within_limits() -> None:
    log = CallLog()
    service = FakeService(log, [brief_reply(words=30_000, speakers=40, claim_words=300)])
    await command(service, "summarize").callback(RecordingInteraction(log), url="https://x.example")
    assert log.names()[:3] == ["defer", "handle", "edit_original"]
    sent = [details for name, details in log.calls if name in ("edit_original", "followup")]
    assert len(sent) > 1
    assert all(not details.get("ephemeral") for details in sent)
    messages = [OutgoingMessage(d["content"] or "", tuple(d["embeds"])) for d in sent]  # type: ignore[arg-type]
    assert [limit_problems(message) for message in messages] == [[]] * len(messages)


async def test_when_the_service_answers_nothing_the_thinking_message_goes() -> None:
    log = CallLog()
    await command(FakeService(log), "newsbrief").callback(RecordingInteraction(log))
    assert log.names() == ["defer", "handle", "delete_original"]


async def test_thinking_message_goes_even_when_the_service_fails() -> None:
    log = CallLog()

    async def failing(event: Any, post: Any) -> None:
        log.add("handle")
        raise RuntimeError("boom")

    menu = next(c for c in build_commands(failing) if c.name == "summarize")
    with pytest.raises(RuntimeError):
        await menu.callback(RecordingInteraction(log), url="https://x.example")
    assert log.names() == ["defer", "handle", "delete_original"]


async def test_newsbrief_options_and_manage_channels_are_passed_to_the_service() -> None:
    service = FakeService(replies=[TextReply("You need *Manage Channels* for that.", private=True)])
    interaction = RecordingInteraction(service.log, manage_channels=False)
    await command(service, "newsbrief").callback(interaction, options="settings auto off")
    [event] = service.events
    assert event.text == "/newsbrief settings auto off"
    assert event.can_manage_channel is False
    assert service.log.first("followup")["content"] == "You need **Manage Channels** for that."


async def test_in_a_dm_the_user_manages_their_own_settings() -> None:
    service = FakeService()
    interaction = RecordingInteraction(service.log, guild_id=None, manage_channels=False)
    await command(service, "newsbrief").callback(interaction, options="settings")
    assert service.events[0].can_manage_channel is True


async def test_extension_commands_exist_only_when_the_service_offers_them() -> None:
    service = FakeService()
    assert {c.name for c in build_commands(service.handle)} == {"summarize", "newsbrief", MENU_NAME}
    digest = command(service, "digest", ("digest", "feed"))
    await digest.callback(RecordingInteraction(service.log), options="daily 08:00 UTC")
    assert service.events[0].text == "/digest daily 08:00 UTC"
    assert service.log.names()[0] == "defer"


class RecordingTree:
    def __init__(self) -> None:
        self.calls: list[tuple[str, int | None]] = []

    def copy_global_to(self, *, guild: discord.abc.Snowflake) -> None:
        self.calls.append(("copy", guild.id))

    async def sync(self, *, guild: discord.abc.Snowflake | None = None) -> list[object]:
        self.calls.append(("sync", guild.id if guild else None))
        return [object(), object()]


async def test_commands_sync_to_the_development_guild_or_globally() -> None:
    tree = RecordingTree()
    assert await sync_commands(tree, 42) == 2  # type: ignore[arg-type]
    assert tree.calls == [("copy", 42), ("sync", 42)]
    tree.calls.clear()
    await sync_commands(tree, None)  # type: ignore[arg-type]
    assert tree.calls == [("sync", None)]


@pytest.mark.parametrize(
    ("double", "real"),
    [
        (RecordingInteraction.edit_original_response, discord.Interaction.edit_original_response),
        (RecordingFollowup.send, discord.Webhook.send),
        (RecordingResponse.defer, discord.InteractionResponse.defer),
    ],
)
def test_doubles_take_only_arguments_discord_py_takes(double: Any, real: Any) -> None:
    """Guards the doubles against drifting from the discord.py API they stand in for."""
    assert set(inspect.signature(double).parameters) <= set(inspect.signature(real).parameters)
