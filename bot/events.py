"""What an adapter hands the service: a chat event in plain, platform-neutral data.

Adapters translate a Slack event, a Discord message or interaction, or a console
line into a :class:`ChatEvent` and pass it to ``BriefingService.handle``.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from enum import Enum

#: Downloads an attachment's bytes (an adapter closure, e.g. over Slack's
#: ``url_private_download`` with the bot token, or discord.py's ``Attachment.read``).
#: Called only after the declared size passed the upload cap.
AttachmentReader = Callable[[], Awaitable[bytes]]


class EventKind(Enum):
    #: A message posted in a channel. Its links and uploads are briefed when the
    #: channel's auto-brief setting is on; a text starting with a command
    #: (``/summarize ...``, ``/newsbrief ...``) is run as that command.
    MESSAGE = "message"
    #: Someone asked for this message to be briefed: a mention of the bot, a
    #: "Summarize" shortcut or context menu. Briefed whatever the channel setting.
    REQUEST = "request"
    #: A slash command: ``text`` is the whole command line, e.g. ``/summarize https://...``.
    COMMAND = "command"


@dataclass(frozen=True)
class Attachment:
    """A file attached to a message."""

    name: str
    size: int | None  # bytes as the platform declares them; None when unknown
    content_type: str | None
    read: AttachmentReader


@dataclass(frozen=True)
class ChatEvent:
    platform: str  # "slack", "discord", "console"
    channel: str  # platform channel id (Slack/Discord ids are unique per platform)
    user: str
    message_id: str  # the message's id on its platform (Slack ts, Discord snowflake); "" if none
    text: str = ""
    attachments: tuple[Attachment, ...] = ()
    kind: EventKind = EventKind.MESSAGE
    #: Posted by any bot, this one included: never answered (bots would answer each other).
    is_bot: bool = False
    #: An edit of an earlier message (e.g. Slack's ``message_changed`` when it adds a
    #: link preview): never answered, the original was.
    is_edit: bool = False
    thread_id: str | None = None  # the thread the message is in, if any
    #: The platform's id of this delivery (Slack ``event_id``, Discord interaction id).
    #: An event id seen before is a redelivery and is ignored. Without one, a MESSAGE
    #: is known by its message id; requests and commands are then never deduplicated.
    event_id: str | None = None
    #: Whether the user may change this channel's settings (the adapter checks the
    #: platform's permission, e.g. Discord's Manage Channels).
    can_manage_channel: bool = True

    @property
    def delivery_key(self) -> str | None:
        """The key that identifies this delivery for redelivery dedupe."""
        if self.event_id:
            return f"event:{self.event_id}"
        if self.message_id and self.kind is EventKind.MESSAGE:
            return f"message:{self.channel}:{self.message_id}"
        return None

    @property
    def replies_in_thread(self) -> bool:
        """Answers go to the message's thread (Slack) or as a reply to it (Discord);
        a slash command has no message, its answers go to the channel."""
        return self.kind is not EventKind.COMMAND and bool(self.message_id)

    @property
    def replies_privately_on_error(self) -> bool:
        """Someone asked (a command, a request): errors go to them alone where the platform
        can (Slack and Discord ephemeral messages). A pasted link's error is a thread reply."""
        return self.kind is not EventKind.MESSAGE
