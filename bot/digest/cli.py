"""What ``newsbrief digest`` builds: a one-off digest of sources, or a channel's next digest."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from bot.config import Settings
from bot.digest.app import build_runner
from bot.digest.settings import digest_settings
from bot.digest.stories import Candidate, Digest, build_digest, candidate_from_brief, normalise
from bot.local_briefs import brief_sources
from bot.runtime import open_runtime
from summarizer.errors import SummarizerError


def one_off_digest(
    settings: Settings, sources: Sequence[str], stories: int | None, err: TextIO
) -> tuple[Digest, int]:
    """Brief every source (file, URL or -), then group and rank them; returns the digest
    and how many sources failed (each reported on ``err``)."""
    candidates: list[Candidate] = []
    failures = 0
    for source, result in brief_sources(settings, sources):
        if isinstance(result, SummarizerError):
            failures += 1
            print(f"newsbrief: {source}: {result.message}", file=err)
        else:
            candidates.append(candidate_from_brief(result, url=result.article.url, shares=0))
    budget = stories or digest_settings(settings).stories
    return build_digest(candidates, normalise=normalise, budget=budget), failures


async def channel_digest(
    settings: Settings, platform: str, channel: str, stories: int | None, *, last: bool = False
) -> Digest:
    """The channel's next digest as it stands (shares and feed items since its last one),
    or with ``last`` its last posted digest again; ``stories`` overrides its size."""
    with open_runtime(settings) as runtime:
        runner = build_runner(runtime, digest_settings(settings), {})
        return await runner.preview(platform, channel, last=last, stories=stories)
