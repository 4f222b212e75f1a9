"""How a fetch's failures on the wire reach the user.

httpx's transport errors and a passed total deadline become the library's own
:class:`~summarizer.errors.FetchError` and :class:`~summarizer.errors.FetchTimeout`,
each with a one-line message naming the URL; used for every hop and while the
final body is read.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager

import httpx

from summarizer.errors import FetchError, FetchTimeout


def time_left(deadline: float, url: httpx.URL) -> float:
    """Seconds left until ``deadline``; :class:`FetchTimeout` when there are none."""
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise FetchTimeout(f"fetching {url} took too long")
    return remaining


@contextmanager
def translated_errors(url: httpx.URL) -> Iterator[None]:
    """Turns httpx's transport errors into the library's fetch errors."""
    try:
        yield
    except httpx.TimeoutException as error:
        raise FetchTimeout(f"fetching {url} took too long (the server is slow)") from error
    except httpx.HTTPError as error:
        raise FetchError(f"could not fetch {url}: {_describe(error)}") from error


def _describe(error: httpx.HTTPError) -> str:
    if isinstance(error, httpx.ConnectError):
        return "could not connect to the server"
    if isinstance(error, httpx.RemoteProtocolError | httpx.DecodingError):
        return "the server sent a broken response"
    return type(error).__name__
