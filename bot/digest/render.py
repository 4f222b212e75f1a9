"""A Digest as plain text (console, CLI, chat fallback), and what every platform's
rendering shares: the message cap and the note on stories it left out.

The platforms' own limits live next to the adapters that enforce them: each passes
its message size to ``render_digest_messages`` (or its own packing) and packs
stories into messages with ``cap_messages``.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Sequence
from typing import TypeVar

from bot.digest.stories import Digest, Story, StorySource

#: Our own limit, on every platform: one digest posts at most this many messages. More
#: would flood the channel (Slack posts about one message a second per channel); the
#: last message says how many stories were left out and how to see them all.
MESSAGES_PER_DIGEST_MAX = 10
NOTHING_NEW = "Nothing new since the last digest."
LEAD_CHARS = 320
WIDTH = 100

Page = TypeVar("Page")


def digest_blocks(digest: Digest, title: str = "News digest") -> list[str]:
    """The digest as blocks: a heading, one block per story, then "+N more"."""
    if digest.empty:
        return [NOTHING_NEW]
    return with_heading_and_note(digest, title, story_blocks(digest))


def story_blocks(digest: Digest) -> list[str]:
    return [story_block(number, story) for number, story in enumerate(digest.stories, 1)]


def with_heading_and_note(digest: Digest, title: str, stories: Sequence[str]) -> list[str]:
    """The heading, the story blocks given (the first of the digest's), the "+N more" note."""
    note = more_note(digest, len(stories))
    heading = f"{title}: {story_count(digest_total(digest))}"
    return [heading, *stories, *([note] if note else [])]


def render_digest_text(digest: Digest, title: str = "News digest") -> str:
    return "\n\n".join(digest_blocks(digest, title)) + "\n"


def render_digest_messages(
    digest: Digest, limit: int, cap: int = MESSAGES_PER_DIGEST_MAX, title: str = "News digest"
) -> list[str]:
    """Plain-text messages, each at most ``limit`` characters (the platform's), stories
    kept whole where possible and cut to one message where not; at most ``cap`` messages."""
    if digest.empty:
        return [NOTHING_NEW]
    stories = [fit_block(block, limit) for block in story_blocks(digest)]

    def pages(shown: int) -> list[str]:
        return split_blocks(with_heading_and_note(digest, title, stories[:shown]), limit)

    return cap_messages(len(stories), pages, cap)


def cap_messages(
    stories: int, pages: Callable[[int], list[Page]], cap: int = MESSAGES_PER_DIGEST_MAX
) -> list[Page]:
    """``pages(shown)`` for the most stories whose messages number at most ``cap``.

    ``pages(shown)`` renders the first ``shown`` of ``stories`` stories as messages,
    ending with ``more_note`` when some are left out. Fewer stories never take more
    messages, so the most that fit is found by halving.
    """
    everything = pages(stories)
    if len(everything) <= cap:
        return everything
    low, high = 0, stories - 1  # pages(0), a heading and the note, fits any cap from 2
    while low < high:
        middle = (low + high + 1) // 2
        low, high = (middle, high) if len(pages(middle)) <= cap else (low, middle - 1)
    return pages(low)


def digest_total(digest: Digest) -> int:
    """Every story found for the digest: those it holds and those over its budget."""
    return len(digest.stories) + digest.more


def story_count(count: int) -> str:
    return f"{count} {'story' if count == 1 else 'stories'}"


def more_note(digest: Digest, shown: int) -> str:
    """'+N more' for the stories not shown ("" when all are); when the message cap left
    some of the digest's own stories out, how many, and the command that shows them all."""
    left_out = digest_total(digest) - shown
    cut = len(digest.stories) - shown
    if not cut:
        return f"+{left_out} more" if left_out else ""
    return (
        f"+{left_out} more stories ({cut} did not fit in {MESSAGES_PER_DIGEST_MAX} messages); "
        f"to list them all, run on the bot's host: `{show_all_command(digest)}`"
    )


def show_all_command(digest: Digest) -> str:
    """The CLI command that prints this digest again with every story, once it is posted."""
    platform = f"--platform {digest.platform} " if digest.platform else ""
    channel = digest.channel or "<channel id>"
    return f"newsbrief digest {platform}--channel {channel} --last --stories {digest_total(digest)}"


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


def fit_block(block: str, limit: int) -> str:
    """A block cut to ``limit`` characters, so one story cannot crowd out the rest: whole
    lines, then "…" and its last line (a story's sources)."""
    if len(block) <= limit:
        return block
    *lines, last = block.split("\n")
    tail = ["   …", last]
    kept: list[str] = []
    for line in lines:
        if len("\n".join([*kept, line, *tail])) > limit:
            break
        kept.append(line)
    return "\n".join([*kept, *tail])


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
