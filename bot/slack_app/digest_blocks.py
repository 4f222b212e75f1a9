"""A Digest as Slack messages: Block Kit, split over several messages when it must be.

A heading, then per story a linked title with its sources and share count and a
section of who claims what, each speaker's claims side by side, one line per source.
Each story is capped (``STORY_MAX_CHARS``) so that one story with many speakers
cannot crowd out the others; stories are packed whole into messages of at most
``MAX_BLOCKS`` blocks and ``BLOCKS_TEXT_BUDGET`` characters (the limits in
``blocks``), so a long digest becomes several messages and rendering never fails.
A digest takes at most ``MESSAGES_PER_DIGEST_MAX`` messages (``bot.digest.render``);
the last one says how many stories did not fit and how to see them all.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.digest.render import (
    NOTHING_NEW,
    cap_messages,
    digest_total,
    more_note,
    render_digest_text,
    story_count,
    story_counts,
)
from bot.digest.stories import Digest, SpeakerAcrossSources, Story
from bot.slack_app.blocks import (
    BLOCKS_TEXT_BUDGET,
    CLAIM_BULLET,
    FALLBACK_TEXT_MAX_CHARS,
    MAX_BLOCKS,
    SECTION_TEXT_MAX_CHARS,
    SPEAKER_HEADING_MAX_CHARS,
    Block,
    SlackMessage,
    context,
    escape,
    header,
    section,
    shorten,
    text_length,
)

#: One story's blocks together: about a third of a message, so a message shows several.
STORY_MAX_CHARS = 3000
LEAD_MAX_CHARS = 300
TITLE_MAX_CHARS = 300
#: One source's claim: a digest is an overview, and four sources side by side must fit.
CLAIM_MAX_CHARS = 200
DIVIDER: Block = {"type": "divider"}


def digest_messages(digest: Digest) -> list[SlackMessage]:
    """``digest`` as one or more messages, each within every Slack limit, in order; at
    most ``MESSAGES_PER_DIGEST_MAX``, the last saying what did not fit."""
    if digest.empty:
        return [SlackMessage(NOTHING_NEW, (section(escape(NOTHING_NEW)),))]
    stories = [story_blocks(story) for story in digest.stories]
    head = [header(digest_heading(digest))]

    def pages(shown: int) -> list[list[Block]]:
        note = more_note(digest, shown)
        return pack_stories(head, stories[:shown], [context(escape(note))] if note else [])

    chosen = cap_messages(len(stories), pages)
    return [
        SlackMessage(page_fallback(digest, index, chosen), tuple(blocks))
        for index, blocks in enumerate(chosen)
    ]


def digest_heading(digest: Digest) -> str:
    return f"Digest: {story_count(digest_total(digest))}"


def story_blocks(story: Story) -> list[Block]:
    """A divider, the linked title with sources and counts, then who claims what."""
    head = section(title_text(story))
    room = STORY_MAX_CHARS - text_length([head])
    speakers = speakers_text(story.speakers, min(room, SECTION_TEXT_MAX_CHARS))
    return [DIVIDER, head, *([section(speakers)] if speakers else [])]


def title_text(story: Story) -> str:
    first = story.sources[0].url if story.sources else ""
    title = escape(shorten(story.title, TITLE_MAX_CHARS))
    linked = f"*<{escape(first)}|{title}>*" if first else f"*{title}*"
    sources = " · ".join(f"<{escape(item.url)}|{escape(item.source)}>" for item in story.sources)
    lines = [linked, f"{sources} — {story_counts(story)}"]
    if story.lead:
        lines.append(escape(shorten(story.lead, LEAD_MAX_CHARS)))
    return shorten_lines(lines, SECTION_TEXT_MAX_CHARS)


def speakers_text(speakers: Sequence[SpeakerAcrossSources], limit: int) -> str:
    """Whole speaker entries while they fit ``limit``, then "…and N more speakers"."""
    entries = [speaker_entry(entry) for entry in speakers]
    kept: list[str] = []
    for index, entry in enumerate(entries):
        left = len(entries) - index - 1
        more = [f"_…and {left} more speakers_"] if left else []
        if len("\n".join([*kept, entry, *more])) > limit:
            return "\n".join([*kept, f"_…and {len(entries) - index} more speakers_"])
        kept.append(entry)
    return "\n".join(kept)


def speaker_entry(entry: SpeakerAcrossSources) -> str:
    """``• *Speaker*`` then ``◦ _Source_: claim`` for each source that reported one."""
    name = escape(shorten(entry.speaker, SPEAKER_HEADING_MAX_CHARS))
    claims = [
        f"{CLAIM_BULLET}_{escape(claim.source)}_: {escape(shorten(claim.text, CLAIM_MAX_CHARS))}"
        for claim in entry.claims
    ]
    return "\n".join([f"• *{name}*", *claims])


def shorten_lines(lines: Sequence[str], limit: int) -> str:
    """Whole lines while they fit; a line that does not is dropped, never cut mid-markup."""
    kept: list[str] = []
    for line in lines:
        if len("\n".join([*kept, line])) <= limit:
            kept.append(line)
    return "\n".join(kept) or "…"


def pack_stories(
    head: list[Block], stories: Sequence[list[Block]], tail: list[Block]
) -> list[list[Block]]:
    """Stories kept whole, in order, into as few messages as Slack's limits allow."""
    pages: list[list[Block]] = [list(head)]
    for blocks in [*stories, tail]:
        if not blocks:
            continue
        if pages[-1] and not fits([*pages[-1], *blocks]):
            pages.append([])
        pages[-1] += blocks
    return pages


def fits(blocks: Sequence[Block]) -> bool:
    return len(blocks) <= MAX_BLOCKS and text_length(blocks) <= BLOCKS_TEXT_BUDGET


def page_fallback(digest: Digest, index: int, pages: Sequence[Sequence[Block]]) -> str:
    """The notification text: the whole digest for the first message, "continued" after."""
    if index == 0:
        text = render_digest_text(digest, digest_heading(digest).split(":")[0])
        return escape(shorten(text, FALLBACK_TEXT_MAX_CHARS - 200))
    return f"{digest_heading(digest)} (continued, {index + 1}/{len(pages)})"
