"""Where an article comes from: a web address, a local file, or standard input."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import BinaryIO

from summarizer.errors import InputError
from summarizer.extract import extract
from summarizer.fetch import Fetcher
from summarizer.types import Article

STDIN = "-"
MAX_FILE_BYTES = 10_000_000

_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]+):")
#: "www.example.com" or "example.com/some/page": a web address missing its https://
_BARE_DOMAIN = re.compile(r"^(?:www\.[\w.-]+\.[a-z]{2,}(?:/\S*)?|[\w-]+(?:\.[\w-]+)+/\S*)$", re.I)


def load_source(
    source: str,
    fetcher: Fetcher,
    *,
    stdin: BinaryIO | None = None,
    max_file_bytes: int = MAX_FILE_BYTES,
) -> Article:
    """Read and extract the article named by ``source``.

    ``source`` is an http(s) URL (fetched through ``fetcher``), ``-`` for
    ``stdin`` (default: the process's standard input), or a local file path.
    Raises a ``SummarizerError`` with a user-facing message on any problem.
    """
    source = source.strip()
    if source == STDIN:
        return load_stdin(stdin or sys.stdin.buffer, max_bytes=max_file_bytes)
    path = Path(source).expanduser()
    if _SCHEME.match(source) and not path.exists():
        return load_url(source, fetcher)
    return load_file(path, label=source, max_bytes=max_file_bytes)


def load_url(url: str, fetcher: Fetcher) -> Article:
    """Fetch ``url`` (http or https only) and extract its article."""
    scheme = _SCHEME.match(url)
    if scheme is None:
        raise InputError(f"not a web address: {url} (it should start with https://)")
    if scheme.group(1).lower() not in ("http", "https"):
        raise InputError(
            f"only http and https links can be summarized, not {scheme.group(1)}: links"
        )
    fetched = fetcher.fetch(url)
    return extract(
        fetched.body, source=url, url=fetched.final_url, content_type=fetched.content_type
    )


def load_stdin(stream: BinaryIO, *, max_bytes: int = MAX_FILE_BYTES) -> Article:
    """Text (or a page, or a PDF) piped in; sniffed, since it has no name or type."""
    body = stream.read(max_bytes + 1)
    if len(body) > max_bytes:
        raise InputError(f"standard input is larger than the {_megabytes(max_bytes)} limit")
    if not body.strip():
        raise InputError("standard input is empty")
    return extract(body, source="stdin")


def load_file(path: Path, *, label: str, max_bytes: int = MAX_FILE_BYTES) -> Article:
    """A local file, by its extension (.html/.htm, .pdf, .txt/.md) or else its bytes."""
    body = read_file(path, label=label, max_bytes=max_bytes)
    if not body.strip():
        raise InputError(f"{label} is empty")
    return extract(body, source=label, filename=path.name)


def read_file(path: Path, *, label: str, max_bytes: int) -> bytes:
    if not path.exists():
        raise InputError(f"no such file: {label}{_url_hint(label)}")
    if path.is_dir():
        raise InputError(f"{label} is a directory, not a file")
    size = path.stat().st_size
    if size > max_bytes:
        raise InputError(
            f"{label} is too large ({_megabytes(size)}; the limit is {_megabytes(max_bytes)})"
        )
    try:
        return path.read_bytes()
    except PermissionError as error:
        raise InputError(f"cannot read {label}: permission denied") from error
    except OSError as error:
        raise InputError(f"cannot read {label}: {error.strerror or error}") from error


def _url_hint(label: str) -> str:
    """A nudge when a missing "file" is really a web address without its scheme."""
    return f" (did you mean https://{label} ?)" if _BARE_DOMAIN.match(label) else ""


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"
