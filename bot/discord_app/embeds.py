"""A Brief as Discord messages of embeds, shortened or split to fit Discord's limits.

Discord rejects a whole message (HTTP 400) when any limit below is exceeded, so
every text is cut here before it is sent: rendering never fails and never
produces a message Discord would refuse.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import discord

from summarizer.display import display_claim
from summarizer.render import WHO_CLAIMS_WHAT, byline, speaker_heading
from summarizer.types import Brief, SpeakerClaims

# Discord's limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits).
TITLE_MAX = 256
DESCRIPTION_MAX = 4096
FIELDS_PER_EMBED_MAX = 25
FIELD_NAME_MAX = 256
FIELD_VALUE_MAX = 1024
FOOTER_MAX = 2048
#: Title, description, field names and values, footer and author of all embeds of one message.
EMBED_CHARS_PER_MESSAGE_MAX = 6000
EMBEDS_PER_MESSAGE_MAX = 10
CONTENT_MAX = 2000

#: Our own limit: a brief longer than this many messages would flood a channel.
MESSAGES_PER_BRIEF_MAX = 3

ELLIPSIS = "…"
BRIEF_COLOUR = discord.Colour.blurple()
CONTINUED_TITLE = f"{WHO_CLAIMS_WHAT} (continued)"
NO_SUMMARY = "No summary sentences could be picked from this text."


@dataclass(frozen=True)
class OutgoingMessage:
    """One Discord message to send: plain content ("" for none) and up to ten embeds."""

    content: str = ""
    embeds: tuple[discord.Embed, ...] = ()


@dataclass(frozen=True)
class Field:
    name: str
    value: str

    def __len__(self) -> int:
        return len(self.name) + len(self.value)


def shorten(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters, at a word boundary where one is near."""
    if len(text) <= limit:
        return text
    cut = text[: limit - len(ELLIPSIS)]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip() + ELLIPSIS


def split_content(text: str, limit: int = CONTENT_MAX) -> list[str]:
    """Plain message text in pieces of at most ``limit`` characters, split between lines."""
    pieces: list[str] = []
    current = ""
    for line in text.splitlines():
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) <= limit:
            current = candidate
            continue
        if current:
            pieces.append(current)
        current = shorten(line, limit)
    return [*pieces, current] if current else pieces or [ELLIPSIS]


def brief_messages(
    brief: Brief, max_messages: int = MESSAGES_PER_BRIEF_MAX
) -> list[OutgoingMessage]:
    """The brief as one or more messages: a headline embed, then one field per speaker."""
    fields = [speaker_field(entry) for entry in brief.speakers]
    pages = pack_fields(head_embed(brief), fields, max_messages)
    shown = sum(len(embed.fields) for page in pages for embed in page)
    messages = [OutgoingMessage(embeds=tuple(page)) for page in pages]
    if shown < len(fields):
        note = f"{ELLIPSIS} and {len(fields) - shown} more speakers not shown."
        messages[-1] = OutgoingMessage(content=note, embeds=messages[-1].embeds)
    return messages


def head_embed(brief: Brief) -> discord.Embed:
    """Linked title, the summary as description, site and date in the footer."""
    article = brief.article
    title = shorten(article.title or article.source, TITLE_MAX)
    footer = shorten(byline(brief), FOOTER_MAX)
    embed = discord.Embed(title=title, url=article.url, colour=BRIEF_COLOUR)
    room = min(DESCRIPTION_MAX, EMBED_CHARS_PER_MESSAGE_MAX - len(title) - len(footer))
    embed.description = description(brief, room)
    return embed.set_footer(text=footer)


def description(brief: Brief, limit: int) -> str:
    lines = [f"• {sentence.text}" for sentence in brief.summary] or [NO_SUMMARY]
    lines += [f"*{note}*" for note in brief.notes]
    heading = f"\n\n**{WHO_CLAIMS_WHAT}**" if brief.speakers else ""
    return shorten("\n".join(lines), limit - len(heading)) + heading


def speaker_field(entry: SpeakerClaims) -> Field:
    """One speaker's claims as bullets; claims that do not fit are counted, not cut mid-list."""
    name = shorten(speaker_heading(entry), FIELD_NAME_MAX)
    claims = [f"• {display_claim(claim)}" for claim in entry.claims]
    return Field(name, fit_lines(claims, FIELD_VALUE_MAX) or "—")


def fit_lines(lines: list[str], limit: int) -> str:
    """As many whole lines as fit, then "… and N more"; a first line too long is shortened."""
    kept: list[str] = []
    for index, line in enumerate(lines):
        tail = more_line(len(lines) - index - 1)
        if len("\n".join([*kept, line, *tail])) > limit:
            break
        kept.append(line)
    else:
        return "\n".join(kept)
    if not kept:
        tail = more_line(len(lines) - 1)
        kept = [shorten(lines[0], limit - len("\n".join(["", *tail])))]
    return "\n".join([*kept, *more_line(len(lines) - len(kept))])


def more_line(count: int) -> list[str]:
    return [f"{ELLIPSIS} and {count} more"] if count else []


def pack_fields(
    head: discord.Embed, fields: Iterable[Field], max_messages: int
) -> list[list[discord.Embed]]:
    """Fields into the head embed, then continuation embeds, then further messages."""
    pages: list[list[discord.Embed]] = [[head]]
    for field in fields:
        if not place(pages[-1], field):
            if len(pages) == max_messages:
                break
            pages.append([continuation_embed()])
            place(pages[-1], field)
    return pages


def place(page: list[discord.Embed], field: Field) -> bool:
    """Add ``field`` to the page's last embed, or a new embed on the page; False if full."""
    used = sum(len(embed) for embed in page)
    if used + len(field) > EMBED_CHARS_PER_MESSAGE_MAX:
        return False
    if len(page[-1].fields) >= FIELDS_PER_EMBED_MAX:
        extra = continuation_embed()
        if len(page) >= EMBEDS_PER_MESSAGE_MAX or used + len(extra) + len(field) > (
            EMBED_CHARS_PER_MESSAGE_MAX
        ):
            return False
        page.append(extra)
    page[-1].add_field(name=field.name, value=field.value, inline=False)
    return True


def continuation_embed() -> discord.Embed:
    return discord.Embed(title=CONTINUED_TITLE, colour=BRIEF_COLOUR)
