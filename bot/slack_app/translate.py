"""Slack payloads in, :class:`bot.events.ChatEvent` out: no decisions, only translation.

Whether to answer (bots, edits, redeliveries, auto-brief off, which links are
articles) is the service's call; here Slack's shapes and markup become plain data.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from bot.events import Attachment, AttachmentReader, ChatEvent, EventKind

PLATFORM = "slack"

#: Message subtypes that are an edit of an earlier message; ``message_changed`` is also
#: what Slack sends when it adds a link preview (unfurl) to a message.
EDIT_SUBTYPES = frozenset({"message_changed"})
#: Subtypes that carry what someone wrote (others are deletions, joins, topic changes...).
WRITTEN_SUBTYPES = frozenset({"file_share", "thread_broadcast", "me_message", "bot_message"})

#: Slack's markup for links and mentions: <https://x|label>, <@U123>, <#C1|name>, <!here>.
_MARKUP = re.compile(r"<([^<>|]*)(?:\|([^<>]*))?>")

ReaderFactory = Callable[[Mapping[str, Any]], AttachmentReader]


def plain_text(slack_text: str) -> str:
    """Slack's message markup as plain text: links as their URL, mentions as @id/#name."""
    return _unescape(_MARKUP.sub(_plain_markup, slack_text))


def _plain_markup(match: re.Match[str]) -> str:
    target, label = match.group(1), match.group(2)
    if target.startswith(("@", "#")):
        return f"{target[0]}{label or target[1:]}"
    if target.startswith("!"):
        return f"@{label or target[1:].split('^')[0]}"
    return target


def _unescape(text: str) -> str:
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def message_event(
    event: Mapping[str, Any], event_id: str | None, read_file: ReaderFactory
) -> ChatEvent | None:
    """A ``message`` event as a ChatEvent; None for subtypes nobody wrote (deletions,
    joins, topic changes), which are not messages to answer at all."""
    subtype = event.get("subtype")
    is_edit = subtype in EDIT_SUBTYPES
    if subtype and not is_edit and subtype not in WRITTEN_SUBTYPES:
        return None
    message = event.get("message", event) if is_edit else event
    return ChatEvent(
        platform=PLATFORM,
        channel=str(event.get("channel", "")),
        user=str(message.get("user") or message.get("bot_id") or ""),
        message_id=str(message.get("ts", "")),
        text=plain_text(str(message.get("text", ""))),
        attachments=attachments(message.get("files") or [], read_file),
        is_bot=bool(message.get("bot_id")) or subtype == "bot_message",
        is_edit=is_edit,
        thread_id=message.get("thread_ts"),
        event_id=event_id,
    )


def mention_event(
    event: Mapping[str, Any], event_id: str | None, read_file: ReaderFactory
) -> ChatEvent:
    """An ``app_mention``: someone asked the bot, so a REQUEST whatever the channel's setting."""
    return ChatEvent(
        platform=PLATFORM,
        channel=str(event.get("channel", "")),
        user=str(event.get("user") or event.get("bot_id") or ""),
        message_id=str(event.get("ts", "")),
        text=plain_text(str(event.get("text", ""))),
        attachments=attachments(event.get("files") or [], read_file),
        kind=EventKind.REQUEST,
        is_bot=bool(event.get("bot_id")),
        thread_id=event.get("thread_ts"),
        event_id=event_id,
    )


def command_event(command: Mapping[str, Any]) -> ChatEvent:
    """A slash command, as its whole command line (``/summarize https://...``)."""
    line = f"{command.get('command', '')} {plain_text(str(command.get('text', '')))}"
    return ChatEvent(
        platform=PLATFORM,
        channel=str(command.get("channel_id", "")),
        user=str(command.get("user_id", "")),
        message_id="",
        text=line.strip(),
        kind=EventKind.COMMAND,
    )


def shortcut_event(shortcut: Mapping[str, Any], read_file: ReaderFactory) -> ChatEvent:
    """A message shortcut ("Summarize" on a message): a REQUEST to brief that message."""
    message = shortcut.get("message", {})
    return ChatEvent(
        platform=PLATFORM,
        channel=str(shortcut.get("channel", {}).get("id", "")),
        user=str(shortcut.get("user", {}).get("id", "")),
        message_id=str(message.get("ts", "")),
        text=plain_text(str(message.get("text", ""))),
        attachments=attachments(message.get("files") or [], read_file),
        kind=EventKind.REQUEST,
        thread_id=message.get("thread_ts"),
    )


def attachments(files: list[Mapping[str, Any]], read_file: ReaderFactory) -> tuple[Attachment, ...]:
    """Slack file objects as attachments. Some events carry only the file id (with
    ``file_access: check_file_info``); name and size are then unknown until downloaded."""
    return tuple(
        Attachment(
            name=str(found.get("name") or found.get("title") or found.get("id", "file")),
            size=found.get("size"),
            content_type=found.get("mimetype"),
            read=read_file(found),
        )
        for found in files
        if found.get("id") and found.get("mode") != "tombstone"
    )


def mentions_user(slack_text: str, user_id: str | None) -> bool:
    """Whether ``slack_text`` mentions ``user_id`` (``<@U123>``)."""
    return bool(user_id) and f"<@{user_id}>" in slack_text
