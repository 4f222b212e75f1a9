"""The service's replies as Slack messages: Block Kit for briefs and digests, mrkdwn sections
for the rest."""

from __future__ import annotations

from bot.links import find_links
from bot.replies import AlreadyBriefed, BriefReply, DigestReply, ErrorReply, Reply, TextReply
from bot.slack_app.blocks import (
    BLOCKS_TEXT_BUDGET,
    FALLBACK_TEXT_MAX_CHARS,
    MAX_BLOCKS,
    SECTION_TEXT_MAX_CHARS,
    Room,
    SlackMessage,
    brief_message,
    escape,
    pack_sections,
    section,
    shorten_mrkdwn,
)
from bot.slack_app.digest_blocks import digest_messages

#: The replies that are always one message; a digest may take several.
SingleReply = BriefReply | AlreadyBriefed | TextReply | ErrorReply


def render_messages(reply: Reply, earlier_link: str | None = None) -> list[SlackMessage]:
    """``reply`` as the messages to post, in order, each within Slack's limits."""
    if isinstance(reply, DigestReply):
        return digest_messages(reply.digest)
    return [render_reply(reply, earlier_link)]


def render_reply(reply: SingleReply, earlier_link: str | None = None) -> SlackMessage:
    """``reply`` as a message; ``earlier_link`` is the permalink of the brief an
    :class:`AlreadyBriefed` points at, when there is one."""
    match reply:
        case BriefReply(brief):
            return brief_message(brief)
        case AlreadyBriefed():
            return text_message(already_briefed_text(reply, earlier_link))
        case ErrorReply(text):
            return text_message(f":warning: {mrkdwn(text)}")
        case TextReply(text):
            return text_message(mrkdwn(text))


def already_briefed_text(reply: AlreadyBriefed, earlier_link: str | None) -> str:
    source = mrkdwn(reply.source)
    if reply.in_progress:
        return f"{source} was just posted here; its brief is on the way."
    when = f"<!date^{int(reply.earlier.shared_at.timestamp())}^{{date_short_pretty}}|earlier>"
    where = f": <{escape(earlier_link)}|see the brief>" if earlier_link else "."
    return f"{source} was already briefed in this channel {when}{where}"


def text_message(mrkdwn_text: str) -> SlackMessage:
    """Short text as sections of whole lines, shortened to fit one message if it must be."""
    lines = [shorten_mrkdwn(line, SECTION_TEXT_MAX_CHARS) for line in mrkdwn_text.splitlines()]
    texts, _ = pack_sections([line for line in lines if line.strip()], MESSAGE_ROOM)
    fallback = shorten_mrkdwn(mrkdwn_text, FALLBACK_TEXT_MAX_CHARS)
    return SlackMessage(fallback, tuple(section(text) for text in texts))


MESSAGE_ROOM = Room(MAX_BLOCKS, BLOCKS_TEXT_BUDGET)


def mrkdwn(text: str) -> str:
    """The service's simple Markdown (``*bold*``, `` `code` ``) as Slack mrkdwn: the same
    marks, with &, < and > escaped and every link made explicit (``<https://...>``)."""
    pieces: list[str] = []
    position = 0
    for link in find_links(text):
        start = text.find(link, position)
        pieces += [escape(text[position:start]), f"<{escape(link)}>"]
        position = start + len(link)
    return "".join([*pieces, escape(text[position:])])
