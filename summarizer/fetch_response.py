"""The last hop's answer, checked and read into a :class:`Fetched`.

Once the redirects end, the answer must have a success status (or be the 304 a
conditional request asked for), a media type worth reading, and a body within
``FetchSettings.max_bytes`` (the declared length is checked first, then the bytes
as they arrive), read before the fetch's deadline.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from http import HTTPStatus as StandardStatus

import httpx

from summarizer.errors import HTTPStatus, TooLarge, UnsupportedType
from summarizer.fetch_failures import time_left, translated_errors

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
CONDITIONAL_HEADERS = ("if-none-match", "if-modified-since")
#: Media types worth reading: pages, PDFs, text. ``application/octet-stream``
#: is let through because servers often label PDFs so; extraction sniffs it.
DOCUMENT_TYPES = frozenset(
    {
        "text/html",
        "application/xhtml+xml",
        "application/pdf",
        "application/x-pdf",
        "text/plain",
        "text/markdown",
        "text/x-markdown",
        "application/octet-stream",
    }
)
#: Feed media types, accepted only when the caller's ``accept`` names one of them.
FEED_TYPES = frozenset(
    {
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/xml",
        "text/xml",
    }
)
DEFAULT_ACCEPT = "text/html,application/xhtml+xml,application/pdf;q=0.9,text/plain;q=0.8,*/*;q=0.1"


@dataclass(frozen=True)
class Fetched:
    """A fetched response: ``final_url`` is where the redirects ended."""

    url: str
    final_url: str
    status: int
    content_type: str  # the raw header value ("text/html; charset=utf-8"), "" if absent
    body: bytes
    etag: str | None = None
    last_modified: str | None = None

    @property
    def media_type(self) -> str:
        """The content type without parameters, lower-cased ("text/html")."""
        return media_type_of(self.content_type)

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def media_type_of(content_type: str | None) -> str:
    return (content_type or "").split(";", 1)[0].strip().lower()


def read_final_response(
    url: str,
    final: httpx.URL,
    response: httpx.Response,
    request_headers: Mapping[str, str],
    *,
    max_bytes: int,
    deadline: float,
) -> Fetched:
    """``response`` (from ``final``, where ``url``'s redirects ended) as a :class:`Fetched`."""
    status = response.status_code
    if status == 304 and _is_conditional(request_headers):
        return _fetched(url, final, response, b"")
    if status >= 400 or status in REDIRECT_STATUSES or status == 304:
        raise HTTPStatus(f"the server answered {_status_text(response)} for {url}", status)
    _check_content_type(response, url, request_headers["Accept"])
    body = _read_body(response, final, max_bytes, deadline)
    return _fetched(url, final, response, body)


def _read_body(response: httpx.Response, url: httpx.URL, limit: int, deadline: float) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise TooLarge(_too_large_message(url, limit))
    chunks: list[bytes] = []
    size = 0
    with translated_errors(url):
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > limit:
                raise TooLarge(_too_large_message(url, limit))
            chunks.append(chunk)
            time_left(deadline, url)
    return b"".join(chunks)


def _is_conditional(headers: Mapping[str, str]) -> bool:
    return any(name.lower() in CONDITIONAL_HEADERS for name in headers)


def _status_text(response: httpx.Response) -> str:
    phrase = response.reason_phrase or _standard_phrase(response.status_code)
    return f"{response.status_code} {phrase}".strip()


def _standard_phrase(status: int) -> str:
    try:
        return StandardStatus(status).phrase
    except ValueError:
        return ""


def _check_content_type(response: httpx.Response, url: str, accept: str) -> None:
    media = media_type_of(response.headers.get("content-type"))
    if not media or media in DOCUMENT_TYPES:
        return
    if media in FEED_TYPES and any(feed in accept.lower() for feed in FEED_TYPES):
        return
    raise UnsupportedType(
        f"{url} is {media}, which cannot be summarized "
        "(supported: HTML pages, PDF files, plain text)"
    )


def _too_large_message(url: httpx.URL, limit: int) -> str:
    return f"the page at {url} is larger than the {limit / 1_000_000:g} MB limit"


def _fetched(url: str, final: httpx.URL, response: httpx.Response, body: bytes) -> Fetched:
    return Fetched(
        url=url,
        final_url=str(final),
        status=response.status_code,
        content_type=response.headers.get("content-type", ""),
        body=body,
        etag=response.headers.get("etag"),
        last_modified=response.headers.get("last-modified"),
    )
