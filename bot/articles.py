"""Where articles come from: links, uploads, pasted text, as raw documents.

Reading a document is I/O (a fetch) and runs on the worker threads; extracting
its article (trafilatura, pypdf) is CPU work and runs with the NLP, in the
worker processes (see ``bot.nlp_workers``), so the bot's own process stays light
and its event loop responsive.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from summarizer.extract import extract
from summarizer.fetch import Fetcher
from summarizer.types import Article

PASTED_TEXT = "pasted text"


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


class ArticleReader(Protocol):
    def from_url(self, url: str) -> Document:
        """Fetch ``url`` (blocking: call it on a worker thread)."""

    def from_upload(self, body: bytes, name: str, content_type: str | None) -> Document: ...

    def from_text(self, text: str) -> Document: ...


class LibraryArticles:
    """Documents through summarizer's guarded fetcher."""

    def __init__(self, fetcher: Fetcher) -> None:
        self._fetcher = fetcher

    def from_url(self, url: str) -> Document:
        fetched = self._fetcher.fetch(url)
        return Document(fetched.body, url, fetched.final_url, fetched.content_type)

    def from_upload(self, body: bytes, name: str, content_type: str | None) -> Document:
        return Document(body, name, content_type=content_type, filename=name)

    def from_text(self, text: str) -> Document:
        return Document(text.encode("utf-8"), PASTED_TEXT, content_type="text/plain")
