"""Where the service gets articles from: links, uploads, pasted text (blocking calls,
run on the worker pool). The library does the work; this only fixes the arguments."""

from __future__ import annotations

from typing import Protocol

from summarizer.extract import extract
from summarizer.fetch import Fetcher
from summarizer.sources import load_url
from summarizer.types import Article

PASTED_TEXT = "pasted text"


class ArticleReader(Protocol):
    def from_url(self, url: str) -> Article: ...

    def from_upload(self, body: bytes, name: str, content_type: str | None) -> Article: ...

    def from_text(self, text: str) -> Article: ...


class LibraryArticles:
    """Articles through summarizer's guarded fetcher and extractors."""

    def __init__(self, fetcher: Fetcher) -> None:
        self._fetcher = fetcher

    def from_url(self, url: str) -> Article:
        return load_url(url, self._fetcher)

    def from_upload(self, body: bytes, name: str, content_type: str | None) -> Article:
        return extract(body, source=name, content_type=content_type, filename=name)

    def from_text(self, text: str) -> Article:
        return extract(text.encode("utf-8"), source=PASTED_TEXT, content_type="text/plain")
