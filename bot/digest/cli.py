"""What ``newsbrief digest`` builds: a one-off digest of sources, or a channel's next digest."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import replace
from typing import TextIO

from bot.config import Settings
from bot.digest.app import build_runner
from bot.digest.settings import digest_settings
from bot.digest.stories import Candidate, Digest, build_digest, candidate_from_brief, normalise
from bot.runtime import open_runtime
from summarizer.errors import SummarizerError
from summarizer.fetch import Fetcher
from summarizer.nlp import load_pipeline
from summarizer.pipeline import Briefer
from summarizer.sources import load_source


def one_off_digest(
    settings: Settings, sources: Sequence[str], stories: int | None, err: TextIO = sys.stderr
) -> tuple[Digest, int]:
    """Brief every source (file, URL or -), then group and rank them; returns the digest
    and how many sources failed (each reported on ``err``)."""
    candidates: list[Candidate] = []
    failures = 0
    with Fetcher(settings.fetch) as fetcher:
        briefer: Briefer | None = None
        for source in sources:
            try:
                article = load_source(source, fetcher, stdin=sys.stdin.buffer)
                briefer = briefer or Briefer(
                    load_pipeline(settings.brief.spacy_model), settings.brief
                )
                brief = briefer.brief(article)
                candidates.append(candidate_from_brief(brief, url=article.url, shares=0))
            except SummarizerError as error:
                failures += 1
                print(f"newsbrief: {source}: {error.message}", file=err)
    budget = stories or digest_settings(settings).stories
    return build_digest(candidates, normalise=normalise, budget=budget), failures


async def channel_digest(
    settings: Settings, platform: str, channel: str, stories: int | None
) -> Digest:
    """The channel's next digest as it stands (shares and feed items since its last one)."""
    with open_runtime(settings) as runtime:
        chosen = digest_settings(settings)
        if stories:
            chosen = replace(chosen, stories=stories)
        runner = build_runner(runtime, chosen, {})
        return await runner.preview(platform, channel)
