"""Discord messages and interactions as the service's platform-neutral ChatEvents.

Only translation happens here: which links to brief, whether a user may change
settings and what to answer are the service's decisions, from the facts passed.
"""

from __future__ import annotations

import discord

from bot.events import Attachment, ChatEvent, EventKind

PLATFORM = "discord"
#: Messages people write; joins, pins, "thread created" and other system notices are not.
USER_MESSAGE_TYPES = frozenset({discord.MessageType.default, discord.MessageType.reply})

GUILD_CHANNELS = (discord.abc.GuildChannel, discord.Thread)


def message_event(message: discord.Message) -> ChatEvent | None:
    """A channel message as a MESSAGE event; None for system notices."""
    if message.type not in USER_MESSAGE_TYPES:
        return None
    channel, thread = channel_ids(message.channel)
    return ChatEvent(
        platform=PLATFORM,
        channel=channel,
        user=str(message.author.id),
        message_id=str(message.id),
        text=message_text(message),
        attachments=attachments(message),
        is_bot=message.author.bot or message.webhook_id is not None,
        thread_id=thread,
        can_manage_channel=member_can_manage(message.author, message.channel),
    )


def request_event(interaction: discord.Interaction, message: discord.Message) -> ChatEvent:
    """The "Summarize" context menu on ``message``: a REQUEST by the person who used it
    (so a bot's message can be briefed on request)."""
    channel, thread = channel_ids(message.channel)
    return ChatEvent(
        platform=PLATFORM,
        channel=channel,
        user=str(interaction.user.id),
        message_id=str(message.id),
        text=message_text(message),
        attachments=attachments(message),
        kind=EventKind.REQUEST,
        thread_id=thread,
        event_id=str(interaction.id),
        can_manage_channel=interaction_can_manage(interaction),
    )


def command_event(interaction: discord.Interaction, text: str) -> ChatEvent:
    """A slash command as its full text, e.g. ``"/newsbrief settings auto off"``."""
    channel, thread = channel_ids(interaction.channel, interaction.channel_id)
    return ChatEvent(
        platform=PLATFORM,
        channel=channel,
        user=str(interaction.user.id),
        message_id="",
        text=text,
        kind=EventKind.COMMAND,
        thread_id=thread,
        event_id=str(interaction.id),
        can_manage_channel=interaction_can_manage(interaction),
    )


def command_text(name: str, *arguments: str | None) -> str:
    """``/name`` followed by the options given, in order."""
    return " ".join([f"/{name}", *(arg.strip() for arg in arguments if arg and arg.strip())])


def channel_ids(channel: object, fallback: int | None = None) -> tuple[str, str | None]:
    """(channel, thread): a thread's settings and shares belong to its parent channel."""
    if isinstance(channel, discord.Thread):
        return str(channel.parent_id), str(channel.id)
    return str(getattr(channel, "id", fallback)), None


def message_text(message: discord.Message) -> str:
    """The message text plus the links of its embeds (links posted by other bots)."""
    embed_links = [embed.url for embed in message.embeds if embed.url]
    return "\n".join([message.content, *embed_links]).strip()


def attachments(message: discord.Message) -> tuple[Attachment, ...]:
    """Each file with its declared size; the service downloads it (``read``) only if wanted."""
    return tuple(attachment(item) for item in message.attachments)


def attachment(item: discord.Attachment) -> Attachment:
    return Attachment(item.filename, item.size, item.content_type, item.read)


def member_can_manage(author: discord.User | discord.Member, channel: object) -> bool:
    """Manage Channels in this channel; in a DM there is nobody else to ask."""
    if not isinstance(author, discord.Member) or not isinstance(channel, GUILD_CHANNELS):
        return True
    return channel.permissions_for(author).manage_channels


def interaction_can_manage(interaction: discord.Interaction) -> bool:
    return interaction.guild_id is None or interaction.permissions.manage_channels
