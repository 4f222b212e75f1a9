"""A Brief as a Slack message: Block Kit blocks plus a plain-text fallback.

Slack rejects a message outright when one block is over its limit
(``invalid_blocks``), when there are too many blocks, or when all blocks together
are too long (``msg_blocks_too_long``). A brief of a long article with many
speakers can hit each of these, so everything here shortens to fit and never fails.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from summarizer.display import display_claim
from summarizer.render import WHO_CLAIMS_WHAT, byline, render_text, speaker_heading
from summarizer.types import Brief, SpeakerClaims

Block = dict[str, Any]

# Slack's documented Block Kit limits (docs.slack.dev/reference/block-kit/blocks).
MAX_BLOCKS = 50
HEADER_MAX_CHARS = 150
SECTION_TEXT_MAX_CHARS = 3000
# All blocks' text together: Slack answers msg_blocks_too_long at about 12,000-13,000
# characters (undocumented; bolt-js issues #2509 and #2867), so stay well under it.
BLOCKS_TEXT_BUDGET = 10_000
# The top-level `text` is the notification and screen-reader fallback; Slack cuts text at
# 40,000 characters (msg_too_long), a preview needs far less.
FALLBACK_TEXT_MAX_CHARS = 3000
# One summary sentence or claim, so that a single huge one (text without sentence breaks)
# cannot crowd out the rest.
SENTENCE_MAX_CHARS = 1000
CLAIM_MAX_CHARS = 600
# Each speaker's share of the room, so that many speakers show with their first claims.
SPEAKER_MIN_CHARS = 250
SPEAKER_HEADING_MAX_CHARS = 200
MIN_CLAIM_CHARS = 40
CLAIM_BULLET = "      ◦ "
# Kept free for the closing context line (notes, "N more speakers did not fit").
NOTES_MAX_CHARS = 500

ELLIPSIS = "…"
SUMMARY_HEADING = "*Summary*"


@dataclass(frozen=True)
class SlackMessage:
    """What ``chat.postMessage`` needs besides the channel: ``text`` and ``blocks``."""

    text: str
    blocks: tuple[Block, ...]

    def as_kwargs(self) -> dict[str, Any]:
        return {"text": self.text, "blocks": list(self.blocks)}


@dataclass(frozen=True)
class Room:
    """What is left of a message's block and character allowance."""

    blocks: int
    chars: int

    def after(self, texts: Sequence[str]) -> Room:
        return Room(self.blocks - len(texts), self.chars - sum(len(text) for text in texts))


def brief_message(brief: Brief) -> SlackMessage:
    """Render ``brief`` as a Slack message within every Slack limit."""
    head = _title_blocks(brief)
    text_left = BLOCKS_TEXT_BUDGET - text_length(head) - NOTES_MAX_CHARS
    room = Room(MAX_BLOCKS - len(head) - 1, text_left)
    summary, summary_left = pack_sections(_summary_lines(brief), room)
    room = room.after(summary)
    speaker_lines = _speaker_lines(brief.speakers, room.chars)
    speakers, speakers_left = pack_sections(speaker_lines, room)
    body = [section(text) for text in (*summary, *speakers)]
    left_out = min(summary_left, len(brief.summary)), min(speakers_left, len(brief.speakers))
    notes = [*brief.notes, *_shortened_notes(*left_out)]
    tail = [context(escape(shorten(" · ".join(notes), NOTES_MAX_CHARS - 100)))]
    blocks = (*head, *body, *(tail if notes else []))
    return SlackMessage(fallback_text(brief), blocks)


def fallback_text(brief: Brief) -> str:
    unwrapped = render_text(brief, width=FALLBACK_TEXT_MAX_CHARS)
    return escape(shorten(unwrapped, FALLBACK_TEXT_MAX_CHARS - 200))


def _title_blocks(brief: Brief) -> list[Block]:
    article = brief.article
    title = " ".join((article.title or article.source).split())
    blocks = [header(title)]
    if article.url:
        label = escape(shorten(title, HEADER_MAX_CHARS))
        blocks.append(section(f"*<{escape(article.url)}|{label}>*"))
    blocks.append(context(escape(byline(brief))))
    return blocks


def _summary_lines(brief: Brief) -> list[str]:
    if not brief.summary:
        return []
    shortened = (shorten(sentence.text, SENTENCE_MAX_CHARS) for sentence in brief.summary)
    bullets = [f"• {escape(text)}" for text in shortened]
    return [SUMMARY_HEADING, *bullets]


def _speaker_lines(speakers: Sequence[SpeakerClaims], chars: int) -> list[str]:
    """The heading, then one entry per speaker, each given a fair share of ``chars`` so
    that many speakers show with their first claims rather than a few with all of theirs."""
    if not speakers:
        return []
    share = min(SECTION_TEXT_MAX_CHARS, max(SPEAKER_MIN_CHARS, chars // len(speakers)))
    return [f"*{WHO_CLAIMS_WHAT}*", *(speaker_entry(entry, share) for entry in speakers)]


def speaker_entry(entry: SpeakerClaims, limit: int = SECTION_TEXT_MAX_CHARS) -> str:
    """One bullet: the speaker in bold, then one indented line per claim, within ``limit``;
    claims that do not fit are counted in a last "…and N more" line."""
    lines = [f"• *{escape(shorten(speaker_heading(entry), SPEAKER_HEADING_MAX_CHARS))}*"]
    for index, claim in enumerate(entry.claims):
        left = len(entry.claims) - index
        more = f"{CLAIM_BULLET}_…and {left} more_"
        room = limit - _joined_length(lines) - (0 if left == 1 else len(more) + 1)
        full = display_claim(claim)
        text = shorten(full, min(CLAIM_MAX_CHARS, room) - len(CLAIM_BULLET))
        if len(text) < min(MIN_CLAIM_CHARS, len(full)):
            return "\n".join([*lines, more])
        lines.append(CLAIM_BULLET + escape(text))
    return "\n".join(lines)


def pack_sections(lines: Sequence[str], room: Room) -> tuple[list[str], int]:
    """Join ``lines`` into as few section texts as fit ``room``; also return how many did not fit.

    Each line must already be at most ``SECTION_TEXT_MAX_CHARS`` long.
    """
    texts: list[str] = []
    for index, line in enumerate(lines):
        joined = f"{texts[-1]}\n{line}" if texts else ""
        if texts and len(joined) <= SECTION_TEXT_MAX_CHARS:
            grown = [*texts[:-1], joined]
        else:
            grown = [*texts, line]
        if len(grown) > room.blocks or sum(map(len, grown)) > room.chars:
            return texts, len(lines) - index
        texts = grown
    return texts, 0


def _shortened_notes(summary_left: int, speakers_left: int) -> list[str]:
    notes = []
    if summary_left:
        notes.append(f"{summary_left} more summary sentences did not fit in one Slack message")
    if speakers_left:
        notes.append(f"{speakers_left} more speakers did not fit in one Slack message")
    return notes


def header(text: str) -> Block:
    return {"type": "header", "text": plain_text(shorten(text, HEADER_MAX_CHARS) or "Brief")}


def section(mrkdwn_text: str) -> Block:
    return {"type": "section", "text": mrkdwn(shorten_mrkdwn(mrkdwn_text, SECTION_TEXT_MAX_CHARS))}


def context(mrkdwn_text: str) -> Block:
    return {"type": "context", "elements": [mrkdwn(mrkdwn_text or " ")]}


def plain_text(text: str) -> dict[str, Any]:
    return {"type": "plain_text", "text": text, "emoji": False}


def mrkdwn(text: str) -> dict[str, Any]:
    return {"type": "mrkdwn", "text": text, "verbatim": True}


def escape(text: str) -> str:
    """Escape the three characters Slack's mrkdwn gives a meaning to (&, <, >)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def shorten(text: str, limit: int) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters, marked with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: max(limit - len(ELLIPSIS), 0)]
    word_end = cut.rfind(" ")
    if word_end > limit // 2:
        cut = cut[:word_end]
    return cut.rstrip() + ELLIPSIS


_PARTIAL_ENTITY = re.compile(r"&[a-z]{0,4}$")


def shorten_mrkdwn(text: str, limit: int) -> str:
    """Like ``shorten`` for escaped text: never leaves half an ``&amp;`` behind."""
    if len(text) <= limit:
        return text
    cut = _PARTIAL_ENTITY.sub("", text[: limit - len(ELLIPSIS)])
    return cut + ELLIPSIS


def text_length(blocks: Sequence[Block]) -> int:
    return sum(len(text) for block in blocks for text in _texts(block))


def _texts(block: Block) -> list[str]:
    if "text" in block:
        return [block["text"]["text"]]
    return [element["text"] for element in block.get("elements", []) if "text" in element]


def _joined_length(lines: Sequence[str]) -> int:
    return sum(len(line) + 1 for line in lines)
