"""Briefs of sources named on the command line, one by one, for the CLI commands.

The spaCy model is loaded once, and only when the first source could be read.
A source that fails gives its error in place of a brief, so the others still run.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from bot.config import Settings
from summarizer.errors import SummarizerError
from summarizer.fetch import Fetcher
from summarizer.nlp import load_pipeline
from summarizer.pipeline import Briefer
from summarizer.sources import load_source
from summarizer.types import Brief


@dataclass(frozen=True)
class Length:
    """Summary length and algorithm asked for on the command line (None: the settings')."""

    sentences: int | None = None
    ratio: float | None = None
    algorithm: str | None = None


def brief_sources(
    settings: Settings, sources: Sequence[str], length: Length = Length()
) -> Iterator[tuple[str, Brief | SummarizerError]]:
    with Fetcher(settings.fetch) as fetcher:
        briefer: Briefer | None = None
        for source in sources:
            try:
                article = load_source(source, fetcher, stdin=sys.stdin.buffer)
                briefer = briefer or Briefer(
                    load_pipeline(settings.brief.spacy_model), settings.brief
                )
                yield (
                    source,
                    briefer.brief(
                        article,
                        sentences=length.sentences,
                        ratio=length.ratio,
                        algorithm=length.algorithm,
                    ),
                )
            except SummarizerError as error:
                yield source, error
