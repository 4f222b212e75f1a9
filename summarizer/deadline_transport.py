"""The fetcher's hard total time limit, enforced on every socket operation.

httpx gives each read the whole read timeout afresh, so a server sending a byte now
and then (or stalling just before the deadline) could hold a fetch far past its
total limit. :class:`DeadlineTransport` is httpx's standard transport on sockets
whose every connect, TLS handshake, write and read waits at most the time left
until the deadline that :func:`deadline_in` sets for the current fetch.
"""

from __future__ import annotations

import ssl
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from typing import Any

import certifi
import httpcore
import httpx


@cache
def _tls_context() -> ssl.SSLContext:
    """One certificate store per process: loading it costs ~0.2 s per client otherwise."""
    return ssl.create_default_context(cafile=certifi.where())


#: When the fetch running in this context must be over (``time.monotonic()``); None
#: outside a fetch. A context variable because the sockets are pooled: whichever
#: thread reads a connection is the one whose fetch the read belongs to.
_DEADLINE: ContextVar[float | None] = ContextVar("newsbrief_fetch_deadline", default=None)


@contextmanager
def deadline_in(seconds: float) -> Iterator[float]:
    """Sets the current fetch's deadline ``seconds`` from now, for the ``with`` block."""
    deadline = time.monotonic() + seconds
    token = _DEADLINE.set(deadline)
    try:
        yield deadline
    finally:
        _DEADLINE.reset(token)


def _time_left(timeout: float | None, expired: type[Exception]) -> float | None:
    """``timeout`` cut to what is left of the current fetch; ``expired`` if nothing is."""
    deadline = _DEADLINE.get()
    if deadline is None:
        return timeout
    left = deadline - time.monotonic()
    if left <= 0:
        raise expired("the fetch's total time is up")
    return left if timeout is None else min(timeout, left)


class _DeadlineStream(httpcore.NetworkStream):
    """A connection whose every read, write and TLS handshake ends by the deadline.

    httpx gives each read the whole read timeout afresh, so a server sending a
    byte now and then (or stalling just before the deadline) could hold a fetch
    far past its total limit; cutting each socket wait closes that gap.
    """

    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, _time_left(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, _time_left(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        left = _time_left(timeout, httpcore.ConnectTimeout)
        return _DeadlineStream(self._inner.start_tls(ssl_context, server_hostname, left))

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class _DeadlineBackend(httpcore.NetworkBackend):
    """httpcore's standard sockets, wrapped in :class:`_DeadlineStream`."""

    def __init__(self) -> None:
        self._inner = httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        left = _time_left(timeout, httpcore.ConnectTimeout)
        return _DeadlineStream(
            self._inner.connect_tcp(host, port, left, local_address, socket_options)
        )

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


class DeadlineTransport(httpx.BaseTransport):
    """httpx's standard transport, on :class:`_DeadlineBackend` connections.

    ``httpx.HTTPTransport`` cannot be given a network backend, so this hands
    requests to an ``httpcore`` pool itself, as that class does (no proxies:
    one would bypass the address check).
    """

    def __init__(self, *, keep_alive: bool) -> None:
        self._pool = httpcore.ConnectionPool(
            ssl_context=_tls_context(),
            max_connections=100,  # httpx's default limits, as before
            max_keepalive_connections=None if keep_alive else 0,
            keepalive_expiry=5.0,
            network_backend=_DeadlineBackend(),
        )

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        assert isinstance(request.stream, httpx.SyncByteStream)  # a sync client's request
        url = request.url
        core_url = httpcore.URL(
            scheme=url.raw_scheme, host=url.raw_host, port=url.port, target=url.raw_path
        )
        core_request = httpcore.Request(
            request.method,
            core_url,
            headers=request.headers.raw,
            content=request.stream,
            extensions=request.extensions,
        )
        with _httpx_errors():
            answer = self._pool.handle_request(core_request)
        assert isinstance(answer.stream, Iterable)  # a sync pool's body
        body = _HTTPXBody(answer.stream)
        return httpx.Response(
            answer.status, headers=answer.headers, stream=body, extensions=answer.extensions
        )

    def close(self) -> None:
        self._pool.close()


class _HTTPXBody(httpx.SyncByteStream):
    """An ``httpcore`` response body that raises httpx's errors."""

    def __init__(self, chunks: Iterable[bytes]) -> None:
        self._chunks = chunks

    def __iter__(self) -> Iterator[bytes]:
        with _httpx_errors():
            yield from self._chunks

    def close(self) -> None:
        close = getattr(self._chunks, "close", None)
        if close is not None:
            close()


#: httpcore's errors and httpx's names for them, most specific first: the rest of
#: this module speaks httpx, whichever transport is in use.
_HTTPX_ERRORS: dict[type[Exception], type[httpx.TransportError]] = {
    httpcore.ConnectTimeout: httpx.ConnectTimeout,
    httpcore.ReadTimeout: httpx.ReadTimeout,
    httpcore.WriteTimeout: httpx.WriteTimeout,
    httpcore.PoolTimeout: httpx.PoolTimeout,
    httpcore.TimeoutException: httpx.TimeoutException,
    httpcore.ConnectError: httpx.ConnectError,
    httpcore.ReadError: httpx.ReadError,
    httpcore.WriteError: httpx.WriteError,
    httpcore.NetworkError: httpx.NetworkError,
    httpcore.RemoteProtocolError: httpx.RemoteProtocolError,
    httpcore.LocalProtocolError: httpx.LocalProtocolError,
    httpcore.ProtocolError: httpx.ProtocolError,
    httpcore.UnsupportedProtocol: httpx.UnsupportedProtocol,
}


@contextmanager
def _httpx_errors() -> Iterator[None]:
    try:
        yield
    except tuple(_HTTPX_ERRORS) as error:
        named = next(
            httpx_error
            for core_error, httpx_error in _HTTPX_ERRORS.items()
            if isinstance(error, core_error)
        )
        raise named(str(error)) from error
