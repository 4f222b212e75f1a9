"""A Digest as plain text (console, CLI, chat fallback) and a neutral splitter for message limits.

Slack and Discord render their own rich versions from the same Digest; they can
reuse ``split_blocks`` with their limits (a Slack section's text: 3,000 characters;
a Discord message's content: 2,000).
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from bot.digest.stories import Digest, Story, StorySource

#: Discord: message content at most 2,000 characters (HTTP 400 above it).
DISCORD_MESSAGE_LIMIT = 2000
#: Slack: a section block's text at most 3,000 characters (``invalid_blocks`` above it).
SLACK_SECTION_LIMIT = 3000
NOTHING_NEW = "Nothing new since the last digest."
LEAD_CHARS = 320
WIDTH = 100


def digest_blocks(digest: Digest, title: str = "News digest") -> list[str]:
    """The digest as blocks: a heading, one block per story, then "+N more"."""
    if digest.empty:
        return [NOTHING_NEW]
    count = len(digest.stories) + digest.more
    blocks = [f"{title}: {count} {'story' if count == 1 else 'stories'}"]
    blocks += [story_block(number, story) for number, story in enumerate(digest.stories, 1)]
    if digest.more:
        blocks.append(f"+{digest.more} more")
    return blocks


def render_digest_text(digest: Digest, title: str = "News digest") -> str:
    return "\n\n".join(digest_blocks(digest, title)) + "\n"


def render_digest_messages(
    digest: Digest, limit: int = DISCORD_MESSAGE_LIMIT, title: str = "News digest"
) -> list[str]:
    """Plain-text messages, each at most ``limit`` characters, stories kept whole where possible."""
    return split_blocks(digest_blocks(digest, title), limit)


def story_block(number: int, story: Story) -> str:
    lines = [f"{number}. {story.title}", f"   {story_counts(story)}"]
    lines += _wrapped(shorten(story.lead, LEAD_CHARS), "   ")
    if story.speakers:
        lines.append("   Who claims what")
        for entry in story.speakers:
            lines.append(f"     {entry.speaker}")
            for claim in entry.claims:
                lines += _wrapped(f"{claim.source}: {claim.text}", "       ")
    lines.append("   " + " · ".join(_source_line(source) for source in story.sources))
    return "\n".join(lines)


def _source_line(source: StorySource) -> str:
    return source.url if source.url.endswith(source.source) else f"{source.source} {source.url}"


def story_counts(story: Story) -> str:
    """'shared 3× · 2 sources' (the ranking's two keys)."""
    sources = len({source.source for source in story.sources})
    parts = [f"shared {story.shares}×"] if story.shares else []
    parts.append(f"{sources} source" + ("" if sources == 1 else "s"))
    return " · ".join(parts)


def shorten(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _wrapped(text: str, indent: str) -> list[str]:
    return textwrap.wrap(text, WIDTH, initial_indent=indent, subsequent_indent=indent) or [indent]


def split_blocks(blocks: Sequence[str], limit: int, separator: str = "\n\n") -> list[str]:
    """Pack ``blocks`` into as few messages of at most ``limit`` characters as fit.

    Blocks are never split unless one alone is over the limit; then it is cut at
    line ends, or failing that at spaces, or failing that anywhere.
    """
    messages: list[str] = []
    current = ""
    for block in blocks:
        for piece in _pieces(block, limit):
            joined = f"{current}{separator}{piece}" if current else piece
            if len(joined) <= limit:
                current = joined
                continue
            messages.append(current)
            current = piece
    if current:
        messages.append(current)
    return messages


def _pieces(block: str, limit: int) -> list[str]:
    if len(block) <= limit:
        return [block]
    pieces: list[str] = []
    for line in block.split("\n"):
        for part in _cut_line(line, limit):
            if pieces and len(pieces[-1]) + 1 + len(part) <= limit:
                pieces[-1] += "\n" + part
            else:
                pieces.append(part)
    return pieces


def _cut_line(line: str, limit: int) -> list[str]:
    if len(line) <= limit:
        return [line]
    wrapped = textwrap.wrap(line, limit, break_long_words=True, replace_whitespace=False)
    return wrapped or [line[:limit]]
