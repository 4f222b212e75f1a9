"""Posters: send the service's replies to Discord, as the service's ``Poster`` expects.

A reply to a channel message depends on the bot's own permissions there, which
server admins often get wrong: without Send Messages nothing can be said (logged);
without Embed Links the brief goes out as text with a note asking for the
permission; without Read Message History it is posted without the reply link.
Where the channel's ``threads`` setting is on, a brief of a message starts a public
thread on it and goes there; without Create Public Threads (or in a DM, or inside a
thread already) it stays a reply to the message.
Interaction follow-ups always may embed (Discord grants Embed Links to them).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import TypeGuard

import discord

from bot.discord_app.embeds import OutgoingMessage, shorten
from bot.discord_app.render import render_reply, render_reply_as_text
from bot.replies import BriefReply, DigestReply, Reply

log = logging.getLogger(__name__)

EMBED_LINKS_NOTE = (
    "(I need the **Embed Links** permission in this channel to show briefs as cards; "
    "a server admin can grant it in the channel's settings.)"
)
#: Discord's limit on a thread's name (1 to 100 characters).
THREAD_NAME_MAX = 100


async def rendered(
    render: Callable[[Reply], list[OutgoingMessage]], reply: Reply
) -> list[OutgoingMessage]:
    """``render(reply)``; for a digest on a thread, as a large one takes ~150 ms that would
    stall the gateway and every other event."""
    if isinstance(reply, DigestReply):
        return await asyncio.to_thread(render, reply)
    return render(reply)


class ChannelPoster:
    """Posts replies in a channel: the first message as a reply to ``reply_to`` when
    given, the rest after it. Returns the first posted message's jump URL (the
    service keeps it for "already briefed"). Text replies show no link previews.

    A brief asking for a thread (``BriefReply.start_thread``) starts one on
    ``reply_to``; that brief and every later reply then go into the thread."""

    def __init__(
        self, channel: discord.abc.Messageable, reply_to: discord.Message | None = None
    ) -> None:
        self.channel = channel
        self.reply_to = reply_to

    async def __call__(self, reply: Reply) -> str | None:
        if isinstance(reply, BriefReply) and reply.start_thread:
            await self._move_to_thread(reply)
        allowed = bot_permissions(self.channel)
        if not can_send(self.channel, allowed):
            log.warning("cannot answer in %s: missing Send Messages", where(self.channel))
            return None
        outgoing = await rendered(render_reply, reply)
        if not allowed.embed_links and any(message.embeds for message in outgoing):
            log.warning("missing Embed Links in %s: sent as text", where(self.channel))
            as_text = await rendered(render_reply_as_text, reply)
            outgoing = [*as_text, OutgoingMessage(content=EMBED_LINKS_NOTE)]
        return await self._send_all(outgoing, as_reply=allowed.read_message_history)

    async def _move_to_thread(self, reply: BriefReply) -> None:
        """Start a thread on the message and post there from now on; where that cannot
        be done (logged), replies stay replies to the message."""
        message = self.reply_to
        if message is None or not has_message_threads(message.channel):
            return  # moved already, or a DM or a thread: the reply stays where it is asked
        if not can_start_thread(message.channel):
            log.warning("missing Create Public Threads in %s: a reply instead", where(self.channel))
            return
        try:
            thread = await message.create_thread(name=thread_name(reply))
        except discord.HTTPException as error:  # Forbidden: overrides the cache did not know
            log.warning("Discord refused a thread in %s: %s", where(self.channel), error)
            return
        self.channel, self.reply_to = thread, None

    async def _send_all(self, outgoing: list[OutgoingMessage], as_reply: bool) -> str | None:
        """Send in order; stop at the first refusal. Discord needs Read Message History
        for a reply that links to the message, so without it the link is left out."""
        first: discord.Message | None = None
        for item in outgoing:
            try:
                sent = await self._send_one(item, as_reply=as_reply and first is None)
            except discord.Forbidden as error:
                log.warning("Discord refused a reply in %s: %s", where(self.channel), error)
                break
            first = first or sent
        return first.jump_url if first else None

    async def _send_one(self, item: OutgoingMessage, as_reply: bool) -> discord.Message:
        content, embeds, quiet = item.content or None, list(item.embeds), not item.embeds
        if as_reply and self.reply_to is not None:
            return await self.reply_to.reply(
                content, embeds=embeds, mention_author=False, suppress_embeds=quiet
            )
        return await self.channel.send(content, embeds=embeds, suppress_embeds=quiet)


class InteractionPoster:
    """Answers a deferred interaction ("newsbrief is thinking…").

    A public reply replaces the thinking message, later ones follow it. A private
    (ephemeral) reply cannot replace a public thinking message (Discord would keep
    it public), so that message is deleted and the reply sent as an ephemeral
    follow-up. Interaction answers may always embed: Discord grants Embed Links.
    """

    def __init__(self, interaction: discord.Interaction) -> None:
        self.interaction = interaction
        self.thinking = True

    async def __call__(self, reply: Reply) -> str | None:
        first: discord.Message | None = None
        for item in await rendered(render_reply, reply):
            try:
                sent = await self._send(item, reply.private)
            except discord.Forbidden as error:
                channel = self.interaction.channel_id
                log.warning("Discord refused an answer in %s: %s", channel, error)
                break
            first = first or sent
        return first.jump_url if first and not reply.private else None

    async def finish(self) -> None:
        """Remove the thinking message if nothing replaced it (the service said nothing)."""
        if not self.thinking:
            return
        self.thinking = False
        try:
            await self.interaction.delete_original_response()
        except discord.HTTPException as error:  # e.g. the 15-minute token ran out
            log.info("thinking message of %s not removed: %s", self.interaction.id, error)

    async def _send(self, item: OutgoingMessage, private: bool) -> discord.Message:
        content, embeds = item.content or None, list(item.embeds)
        if self.thinking and not private:
            self.thinking = False
            return await self.interaction.edit_original_response(content=content, embeds=embeds)
        await self.finish()
        return await self.interaction.followup.send(
            item.content, embeds=embeds, ephemeral=private, wait=True, suppress_embeds=not embeds
        )


def bot_permissions(channel: discord.abc.Messageable) -> discord.Permissions:
    """The bot's permissions in ``channel``; everything in a DM."""
    guild = getattr(channel, "guild", None)
    if guild is None or not hasattr(channel, "permissions_for"):
        return discord.Permissions.all()
    permissions: discord.Permissions = channel.permissions_for(guild.me)
    return permissions


def has_message_threads(channel: object) -> TypeGuard[discord.TextChannel]:
    """Only text (and announcement) channels start threads on messages: not DMs, not
    threads themselves, not the chat of voice channels."""
    return isinstance(channel, discord.TextChannel)


def can_start_thread(channel: discord.TextChannel) -> bool:
    """The bot may start a public thread and post in it."""
    allowed = bot_permissions(channel)
    return allowed.create_public_threads and allowed.send_messages_in_threads


def thread_name(reply: BriefReply) -> str:
    """The article's title, else what was briefed (the link or file name)."""
    title = (reply.brief.article.title or "").strip() or reply.source
    return shorten(title, THREAD_NAME_MAX)


def can_send(channel: discord.abc.Messageable, allowed: discord.Permissions) -> bool:
    if isinstance(channel, discord.Thread):
        return allowed.send_messages_in_threads
    return allowed.send_messages


def where(channel: discord.abc.Messageable) -> str:
    guild = getattr(channel, "guild", None)
    name = getattr(channel, "name", None) or "DM"
    return f"#{name} ({getattr(channel, 'id', '?')}) of {guild.name if guild else 'no server'}"
