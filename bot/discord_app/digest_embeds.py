"""A Digest as Discord messages: one embed per story, split over several messages.

Each story's embed has its linked title, its sources and counts in the
description, and one field per speaker with that speaker's claims side by side,
one line per source. Each embed is capped (``STORY_EMBED_MAX_CHARS``) so one story
cannot crowd out the rest; embeds are packed whole into messages of at most
``EMBEDS_PER_MESSAGE_MAX`` embeds and ``EMBED_CHARS_PER_MESSAGE_MAX`` characters (the
limits in ``embeds``), the heading is the first message's content. A digest takes at
most ``MESSAGES_PER_DIGEST_MAX`` messages (``bot.digest.render``): when stories are
left out, a last message of text says how many and how to see them all.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

import discord

from bot.digest.render import (
    NOTHING_NEW,
    cap_messages,
    digest_total,
    more_note,
    story_count,
    story_counts,
)
from bot.digest.stories import Digest, SpeakerAcrossSources, Story
from bot.discord_app.embeds import (
    BRIEF_COLOUR,
    CONTENT_MAX,
    DESCRIPTION_MAX,
    EMBED_CHARS_PER_MESSAGE_MAX,
    EMBEDS_PER_MESSAGE_MAX,
    FIELD_NAME_MAX,
    FIELD_VALUE_MAX,
    FIELDS_PER_EMBED_MAX,
    FOOTER_MAX,
    TITLE_MAX,
    Field,
    OutgoingMessage,
    fit_lines,
    shorten,
)

#: One story's embed: a third of a message, so a message shows at least three stories.
STORY_EMBED_MAX_CHARS = 2000
LEAD_MAX_CHARS = 200
#: One source's claim: a digest is an overview, and four sources side by side must fit.
CLAIM_MAX_CHARS = 200
#: Kept free in each embed for the "… and N more speakers" field.
MORE_FIELD_CHARS = 40


def digest_messages(digest: Digest) -> list[OutgoingMessage]:
    """``digest`` as one or more messages, each within every Discord limit, in order; at
    most ``MESSAGES_PER_DIGEST_MAX``, the last saying what did not fit."""
    if digest.empty:
        return [OutgoingMessage(content=NOTHING_NEW)]
    embeds = [story_embed(number, story) for number, story in enumerate(digest.stories, 1)]
    if digest.more:  # seen only when every story fits: then it is the last embed
        embeds[-1].set_footer(text=shorten(more_note(digest, len(embeds)), FOOTER_MAX))
    return cap_messages(len(embeds), partial(story_pages, digest, embeds))


def story_pages(
    digest: Digest, embeds: Sequence[discord.Embed], shown: int
) -> list[OutgoingMessage]:
    """The first ``shown`` embeds packed into messages under the heading; when some are
    left out, a last message of text says how many and how to see them all."""
    heading = f"**{digest_heading(digest)}**"
    messages = [
        OutgoingMessage(content=heading if index == 0 else "", embeds=tuple(page))
        for index, page in enumerate(pack_embeds(embeds[:shown]))
    ]
    if shown == len(embeds):
        return messages
    note = shorten(more_note(digest, shown), CONTENT_MAX)
    return [*messages, OutgoingMessage(content=note)]


def digest_heading(digest: Digest) -> str:
    return f"Digest: {story_count(digest_total(digest))}"


def story_embed(number: int, story: Story) -> discord.Embed:
    """Linked title; sources, counts and lead as description; one field per speaker."""
    title = shorten(f"{number}. {story.title}", TITLE_MAX)
    url = story.sources[0].url if story.sources else None
    embed = discord.Embed(title=title, url=url, colour=BRIEF_COLOUR)
    embed.description = story_description(story, min(DESCRIPTION_MAX, STORY_EMBED_MAX_CHARS // 3))
    add_speaker_fields(embed, [speaker_field(entry) for entry in story.speakers])
    return embed


def story_description(story: Story, limit: int) -> str:
    sources = " · ".join(f"[{item.source}]({item.url})" for item in story.sources)
    counts = story_counts(story)
    lead = shorten(story.lead, LEAD_MAX_CHARS)
    lines = [line for line in (f"{sources} — {counts}", lead) if line]
    text = "\n".join(lines)
    if len(text) <= limit:
        return text
    return shorten(f"{counts}\n{lead}", limit)  # links cannot be cut: keep the counts and lead


def speaker_field(entry: SpeakerAcrossSources) -> Field:
    """The speaker as the name; each source's claim as one line of the value."""
    name = shorten(entry.speaker, FIELD_NAME_MAX) or "—"
    claims = [
        f"**{claim.source}**: {shorten(claim.text, CLAIM_MAX_CHARS)}" for claim in entry.claims
    ]
    return Field(name, fit_lines(claims, FIELD_VALUE_MAX) or "—")


def add_speaker_fields(embed: discord.Embed, fields: Sequence[Field]) -> None:
    """Whole fields while the embed stays within its cap, then "… and N more speakers"."""
    room = FIELDS_PER_EMBED_MAX - 1
    for index, field in enumerate(fields):
        too_long = len(embed) + len(field) > STORY_EMBED_MAX_CHARS - MORE_FIELD_CHARS
        if index == room or too_long:
            more = f"and {len(fields) - index} more speakers"
            embed.add_field(name="…", value=more, inline=False)
            return
        embed.add_field(name=field.name, value=field.value, inline=False)


def pack_embeds(embeds: Sequence[discord.Embed]) -> list[list[discord.Embed]]:
    """Embeds kept whole, in order, into as few messages as Discord's limits allow."""
    pages: list[list[discord.Embed]] = [[]]
    for embed in embeds:
        page = pages[-1]
        full = len(page) >= EMBEDS_PER_MESSAGE_MAX
        if page and (full or sum(map(len, page)) + len(embed) > EMBED_CHARS_PER_MESSAGE_MAX):
            pages.append([])
        pages[-1].append(embed)
    return pages
