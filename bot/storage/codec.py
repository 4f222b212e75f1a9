"""Articles and briefs to JSON and back, so cached briefs survive restarts.

A brief is stored without its article (the articles table holds that once).
``FORMAT_VERSION`` changes whenever the stored shape changes; rows of another
version are treated as absent and made again.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from summarizer.types import Article, Brief, Claim, Sentence, Span, SpeakerClaims

FORMAT_VERSION = 1
JSON = dict[str, Any]


def article_to_json(article: Article) -> JSON:
    return asdict(article)


def article_from_json(data: JSON) -> Article:
    return Article(**{**data, "boilerplate": tuple(_span(span) for span in data["boilerplate"])})


def brief_to_json(brief: Brief) -> JSON:
    data = asdict(brief)
    del data["article"]
    return data


def brief_from_json(data: JSON, article: Article) -> Brief:
    return Brief(
        article=article,
        summary=tuple(Sentence(item["text"], _span(item["span"])) for item in data["summary"]),
        claims=tuple(_claim(item) for item in data["claims"]),
        speakers=tuple(_speaker(item) for item in data["speakers"]),
        language=data["language"],
        notes=tuple(data["notes"]),
        timings_ms=dict(data["timings_ms"]),
    )


def _speaker(data: JSON) -> SpeakerClaims:
    claims = tuple(_claim(item) for item in data["claims"])
    return SpeakerClaims(**{**data, "claims": claims})


def _claim(data: JSON) -> Claim:
    spans = {
        name: _optional_span(data[name]) for name in ("speaker_span", "cue_span", "claim_span")
    }
    return Claim(**{**data, **spans})


def _optional_span(value: list[int] | None) -> Span | None:
    return None if value is None else _span(value)


def _span(value: list[int] | tuple[int, int]) -> Span:
    start, end = value
    return (int(start), int(end))
