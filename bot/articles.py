"""Where articles come from: links, uploads, pasted text, as raw documents.

Reading a document is I/O (a fetch) and runs on the worker threads; extracting
its article is CPU work and runs with the NLP (see ``bot.documents``).
"""

from __future__ import annotations

from typing import Protocol

from bot.documents import Document
from summarizer.fetch import Fetcher

PASTED_TEXT = "pasted text"


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
