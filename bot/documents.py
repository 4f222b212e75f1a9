"""An article before extraction, as it travels to the worker that extracts and briefs it.

Extraction (trafilatura, pypdf) is CPU work: it runs with the NLP, in the worker
processes (see ``bot.nlp_workers``), so the bot's own process stays light and its
event loop responsive. This module is all a worker imports of the bot: no HTTP client.
"""

from __future__ import annotations

from dataclasses import dataclass

from summarizer.extract import extract
from summarizer.types import Article


@dataclass(frozen=True)
class Document:
    """An article before extraction: the bytes and what is known about them."""

    body: bytes
    source: str  # how the user named it: the link, the file name, "pasted text"
    url: str | None = None  # where a fetched page ended up, after redirects
    content_type: str | None = None
    filename: str | None = None

    def extract(self) -> Article:
        return extract(
            self.body,
            source=self.source,
            url=self.url,
            content_type=self.content_type,
            filename=self.filename,
        )
