"""Plain, frozen data passed between the layers.

Every span is a ``(start, end)`` pair of character offsets, end exclusive,
into ``Article.text`` exactly as extracted.
"""

from __future__ import annotations

from dataclasses import dataclass, field

Span = tuple[int, int]


@dataclass(frozen=True)
class Article:
    """Extracted article text plus the metadata we could find."""

    text: str
    source: str
    title: str | None = None
    url: str | None = None
    site: str | None = None
    author: str | None = None
    published: str | None = None
    #: Spans of ``text`` that are not article prose (captions, bylines, "Latest Headlines"):
    #: kept so offsets stay exact, never picked for a summary.
    boilerplate: tuple[Span, ...] = ()


@dataclass(frozen=True)
class Sentence:
    text: str
    span: Span


@dataclass(frozen=True)
class Claim:
    """One attributed statement: who (speaker) says what (claim) by which cue."""

    speaker: str
    speaker_span: Span | None
    cue: str
    cue_span: Span
    claim: str
    claim_span: Span
    kind: str = "statement"  # quote, statement, accusation, denial, belief, ...
    quote: bool = False
    target: str | None = None  # the accused or denied party, where there is one
    lead: str | None = None  # cue words shown before a bare noun-phrase claim: "called for"
    #: Claims of one article with the same number have one source ("Kartapolov", "he" and
    #: "Andrei Kartapolov" alike); None: the source resolved to no one.
    speaker_id: int | None = None


@dataclass(frozen=True)
class SpeakerClaims:
    """All claims of one (resolved) speaker, for display."""

    speaker: str
    claims: tuple[Claim, ...]
    description: str | None = None  # e.g. "British Prime Minister"


@dataclass(frozen=True)
class Brief:
    article: Article
    summary: tuple[Sentence, ...]
    claims: tuple[Claim, ...]
    speakers: tuple[SpeakerClaims, ...]
    language: str
    notes: tuple[str, ...] = ()
    timings_ms: dict[str, float] = field(default_factory=dict, compare=False)

    @property
    def reading_minutes(self) -> int:
        return max(1, round(len(self.article.text.split()) / 230))
