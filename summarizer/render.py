"""Platform-free renderings of a Brief: terminal text, Markdown and JSON.

Chat platforms render from the same Brief in their adapters (Block Kit, embeds).
"""

from __future__ import annotations

import textwrap
from dataclasses import asdict
from typing import Any

from summarizer.display import display_claim
from summarizer.types import Brief, SpeakerClaims

WHO_CLAIMS_WHAT = "Who claims what"


def byline(brief: Brief) -> str:
    """'UPI · Fred Lambert · 2015-10-04 · 4 min read', leaving out what is unknown."""
    article = brief.article
    parts = [article.site, article.author, article.published, f"{brief.reading_minutes} min read"]
    return " · ".join(part for part in parts if part)


def speaker_heading(entry: SpeakerClaims) -> str:
    if entry.description:
        return f"{entry.speaker} ({entry.description})"
    return entry.speaker


def render_text(brief: Brief, width: int = 100) -> str:
    lines = [brief.article.title or brief.article.source, byline(brief)]
    if brief.article.url:
        lines.append(brief.article.url)
    lines += ["", "Summary"]
    for sentence in brief.summary:
        lines.append(
            textwrap.fill(sentence.text, width, initial_indent="  • ", subsequent_indent="    ")
        )
    lines += _text_speakers(brief, width)
    lines += [f"Note: {note}" for note in brief.notes]
    return "\n".join(lines) + "\n"


def _text_speakers(brief: Brief, width: int) -> list[str]:
    if not brief.speakers:
        return []
    lines = ["", WHO_CLAIMS_WHAT]
    for entry in brief.speakers:
        lines.append(f"  {speaker_heading(entry)}")
        for claim in entry.claims:
            text = display_claim(claim)
            lines.append(
                textwrap.fill(text, width, initial_indent="    - ", subsequent_indent="      ")
            )
    return lines


def render_markdown(brief: Brief) -> str:
    article = brief.article
    title = article.title or article.source
    heading = f"**[{title}]({article.url})**" if article.url else f"**{title}**"
    lines = [heading, byline(brief), ""]
    lines += [f"> {sentence.text}" for sentence in brief.summary]
    if brief.speakers:
        lines += ["", f"**{WHO_CLAIMS_WHAT}**"]
        for entry in brief.speakers:
            claims = "; ".join(display_claim(claim) for claim in entry.claims)
            lines.append(f"- **{speaker_heading(entry)}**: {claims}")
    lines += [f"\n_{note}_" for note in brief.notes]
    return "\n".join(lines) + "\n"


def brief_to_json(brief: Brief) -> dict[str, Any]:
    """The JSON Lines object documented in the README (one per source)."""
    article = brief.article
    return {
        "source": article.source,
        "title": article.title,
        "url": article.url,
        "site": article.site,
        "author": article.author,
        "published": article.published,
        "language": brief.language,
        "summary": [sentence.text for sentence in brief.summary],
        "claims": [asdict(claim) for claim in brief.claims],
        "notes": list(brief.notes),
        "text_chars": len(article.text),
        "timings_ms": dict(brief.timings_ms),
    }
