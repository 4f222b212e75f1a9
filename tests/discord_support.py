"""Builders and checks shared by the Discord adapter's tests."""

from __future__ import annotations

import asyncio
import sys
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

import brief_builders
import discord
import discord.ext.test as dpytest
from discord.ext.test import backend, factories

from bot.discord_app import embeds
from bot.discord_app.client import NewsbriefDiscord, intents_for
from bot.discord_app.commands import Handler
from bot.discord_app.settings import DiscordSettings
from bot.events import ChatEvent
from bot.replies import BriefReply, ErrorReply, Poster, Reply
from summarizer.types import Brief


def build_brief(*, words: int = 200, **options: Any) -> Brief:
    """A brief whose one summary sentence is as long as the article, as an article without
    sentence breaks gives."""
    return brief_builders.build_brief(words=words, sentences=1, sentence_words=words, **options)


def limit_problems(message: embeds.OutgoingMessage) -> list[str]:
    """Every Discord limit ``message`` breaks, computed from the payload Discord would get."""
    payloads = [embed.to_dict() for embed in message.embeds]
    problems = [f"{len(payloads)} embeds"] if len(payloads) > 10 else []
    if len(message.content) > 2000:
        problems.append(f"content of {len(message.content)}")
    total = sum(_embed_chars(payload) for payload in payloads)
    if total > 6000:
        problems.append(f"{total} embed characters")
    for payload in payloads:
        problems += _embed_problems(payload)
    return problems


def _embed_chars(payload: discord.types.embed.Embed) -> int:
    fields = payload.get("fields", [])
    footer = payload.get("footer", {}).get("text", "")
    texts = [payload.get("title", ""), payload.get("description", ""), footer]
    texts += [field["name"] + field["value"] for field in fields]
    return sum(len(text) for text in texts)


def _embed_problems(payload: discord.types.embed.Embed) -> list[str]:
    limits = {"title": 256, "description": 4096}
    problems = [
        f"{key} of {len(str(payload.get(key, '')))}"
        for key, limit in limits.items()
        if len(str(payload.get(key, ""))) > limit
    ]
    fields = payload.get("fields", [])
    if len(fields) > 25:
        problems.append(f"{len(fields)} fields")
    for item in fields:
        if not item["name"] or not item["value"]:
            problems.append("an empty field")
        if len(item["name"]) > 256 or len(item["value"]) > 1024:
            problems.append(f"field {item['name'][:20]!r} too long")
    return problems


# --- Interaction test doubles -------------------------------------------------------------

Call = tuple[str, dict[str, object]]


@dataclass
class CallLog:
    """Every call the doubles and the fake service saw, in order (tests assert the order)."""

    calls: list[Call] = field(default_factory=list)

    def add(self, name: str, **details: object) -> None:
        self.calls.append((name, details))

    def names(self) -> list[str]:
        return [name for name, _ in self.calls]

    def first(self, name: str) -> dict[str, object]:
        return next(details for called, details in self.calls if called == name)


@dataclass(frozen=True)
class SentMessage:
    jump_url: str


class RecordingResponse:
    def __init__(self, log: CallLog) -> None:
        self.log = log
        self.done = False

    async def defer(self, *, ephemeral: bool = False, thinking: bool = False) -> None:
        if self.done:
            raise AssertionError("an interaction can be answered only once")
        self.done = True
        self.log.add("defer", thinking=thinking, ephemeral=ephemeral)

    def is_done(self) -> bool:
        return self.done


class RecordingFollowup:
    def __init__(self, log: CallLog) -> None:
        self.log = log
        self.sent = 0

    async def send(
        self, content: str = "", *, embeds: list[discord.Embed] | None = None,
        ephemeral: bool = False, wait: bool = False, suppress_embeds: bool = False,
    ) -> SentMessage:  # fmt: skip
        self.sent += 1
        self.log.add(
            "followup", content=content, embeds=embeds or [], ephemeral=ephemeral,
            suppress_embeds=suppress_embeds,
        )  # fmt: skip
        return SentMessage(f"https://discord.com/channels/1/2/followup-{self.sent}")


class RecordingInteraction:
    """Stands in for discord.Interaction: records defer, edits and follow-ups in ``log``."""

    def __init__(
        self,
        log: CallLog,
        *,
        interaction_id: int = 9001,
        user_id: int = 77,
        channel: object | None = None,
        channel_id: int = 555,
        guild_id: int | None = 1,
        manage_channels: bool = True,
    ) -> None:
        self.log = log
        self.id = interaction_id
        self.user = SimpleNamespace(id=user_id, bot=False)
        self.channel = channel
        self.channel_id = getattr(channel, "id", channel_id)
        self.guild_id = guild_id
        self.permissions = discord.Permissions(manage_channels=manage_channels)
        self.response = RecordingResponse(log)
        self.followup = RecordingFollowup(log)

    async def edit_original_response(
        self, *, content: str | None = None, embeds: list[discord.Embed] | None = None
    ) -> SentMessage:
        self.log.add("edit_original", content=content, embeds=embeds or [])
        return SentMessage("https://discord.com/channels/1/2/original")

    async def delete_original_response(self) -> None:
        self.log.add("delete_original")


class FakeService:
    """Stands in for BriefingService.handle: records each event and posts set replies,
    except to bots (as the service does: bots would answer each other forever)."""

    def __init__(self, log: CallLog | None = None, replies: list[Reply] | None = None) -> None:
        self.log = log or CallLog()
        self.replies = replies or []
        self.events: list[ChatEvent] = []
        self.refs: list[str | None] = []

    async def handle(self, event: ChatEvent, post: Poster) -> None:
        self.log.add("handle", kind=event.kind, text=event.text)
        self.events.append(event)
        if event.is_bot:
            return
        for reply in self.replies:
            self.refs.append(await post(reply))


def brief_reply(**brief_options: Any) -> BriefReply:
    brief = build_brief(**brief_options)
    return BriefReply(brief, brief.article.url or brief.article.source)


def error_reply(text: str = "That page has no article text.", private: bool = True) -> ErrorReply:
    return ErrorReply(text, "no-article", private=private)


# --- dpytest harness -------------------------------------------------------------------------


def dpytest_intents(message_content: bool) -> discord.Intents:
    """The adapter's intents plus members: dpytest only finds members through the cache."""
    intents = intents_for(DiscordSettings(token="t", message_content=message_content))
    intents.members = True
    return intents


async def start_dpytest(
    handle: Handler, *, message_content: bool = True, extensions: tuple[str, ...] = ()
) -> NewsbriefDiscord:
    """A real NewsbriefDiscord wired to dpytest's fake gateway and HTTP."""
    settings = DiscordSettings(token="t", message_content=message_content)
    client = NewsbriefDiscord(
        handle, settings, extensions=extensions, intents=dpytest_intents(message_content)
    )
    await client._async_setup_hook()
    dpytest.configure(client, members=["alice", "bob"])
    client._connection.loop = asyncio.get_running_loop()  # dpytest 0.7 leaves it unset
    return client


def record_payloads(client: discord.Client) -> list[dict[str, Any]]:
    """The JSON payload of each message the bot sends (dpytest drops message_reference).

    dpytest's send_message finds the channel in its caller's local variables, so the
    recorder keeps a local named ``channel``.
    """
    payloads: list[dict[str, Any]] = []
    send = client.http.send_message

    async def recording_send(channel_id: int, *, params: Any) -> Any:
        channel = sys._getframe(1).f_locals.get("channel")  # noqa: F841 (read by dpytest)
        payloads.append(dict(params.payload or {}))
        return await send(channel_id, params=params)

    client.http.send_message = recording_send  # type: ignore[method-assign]
    return payloads


def sent_messages() -> list[discord.Message]:
    """Every message the bot sent since the last call, oldest first."""
    sent: list[discord.Message] = []
    while not dpytest.sent_queue.empty():
        sent.append(dpytest.get_message())
    return sent


def other_bot(name: str = "rssbot") -> discord.Member:
    """A member of the test server that is a bot (an RSS bot, say), not this one."""
    guild = dpytest.get_config().guilds[0]
    user = backend.get_state().store_user(factories.make_user_dict(name, 1, None, bot=True))
    return backend.make_member(user, guild)


async def record_threads(client: discord.Client) -> list[dict[str, Any]]:
    """Let the bot start threads on messages in the test channel (dpytest has no threads,
    and its roles lack the thread permissions): each request's channel, message and name
    is recorded, and Discord's answer is a new public thread."""
    channel = dpytest.get_config().channels[0]
    await dpytest.set_permission_overrides(
        channel.guild.default_role, channel, create_public_threads=True,
        send_messages_in_threads=True,
    )  # fmt: skip
    started: list[dict[str, Any]] = []

    async def start_thread(channel_id: int, message_id: int, **options: Any) -> dict[str, Any]:
        started.append({"channel_id": channel_id, "message_id": message_id, **options})
        payload = _thread_payload(client, channel_id, options["name"])
        guild = channel.guild  # Discord's THREAD_CREATE event would add it to the cache
        guild._add_thread(discord.Thread(guild=guild, state=client._connection, data=payload))
        return payload

    client.http.start_thread_with_message = start_thread  # type: ignore[assignment]
    return started


def _thread_payload(client: discord.Client, parent_id: int, name: str) -> dict[str, Any]:
    parent = client.get_channel(parent_id)
    assert isinstance(parent, discord.TextChannel) and client.user is not None
    return {
        "id": factories.make_id(), "type": discord.ChannelType.public_thread.value,
        "guild_id": parent.guild.id, "parent_id": parent_id, "owner_id": client.user.id,
        "name": name, "message_count": 0, "member_count": 1, "rate_limit_per_user": 0,
        "thread_metadata": {
            "archived": False, "auto_archive_duration": 1440, "locked": False,
            "archive_timestamp": "2026-11-26T00:00:00+00:00",
        },
    }  # fmt: skip


def refuse_threads(client: discord.Client) -> None:
    """Discord answers a thread request with 403 (a permission override the cache missed)."""

    async def start_thread(*_: Any, **__: Any) -> dict[str, Any]:
        raise discord.Forbidden(backend.FakeRequest(403, "Missing Permissions"), "missing")

    client.http.start_thread_with_message = start_thread  # type: ignore[assignment]
