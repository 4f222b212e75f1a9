"""The fetcher's hard total time limit, enforced on every socket operation.

httpx gives each read the whole read timeout afresh, so a server sending a byte now
and then (or stalling just before the deadline) could hold a fetch far past its
total limit. :class:`DeadlineTransport` is httpx's standard transport on sockets
whose every DNS lookup, connect, TLS handshake, write and read waits at most the time
left until the deadline that :func:`deadline_in` sets for the current fetch.
"""

from __future__ import annotations

import ipaddress
import ssl
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as StillRunning
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from typing import Any

import certifi
import httpcore
import httpx

#: A host name to all its addresses (``summarizer.address_guard.resolve_host``; tests pass a stub).
Resolver = Callable[[str], list[str]]


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


class LookupTimeout(httpcore.ConnectTimeout):
    """A DNS lookup still unanswered at the current fetch's deadline."""


class DeadlineResolver:
    """DNS lookups that end by the current fetch's deadline.

    The system resolver takes no timeout, so each lookup runs on a worker thread
    that the fetch stops waiting for at the deadline (a lookup left behind finishes
    there). Used by the address check and by the connections themselves.
    """

    def __init__(self, resolve: Resolver, threads: int) -> None:
        self._resolve = resolve
        self._threads = ThreadPoolExecutor(threads, thread_name_prefix="newsbrief-dns")

    def addresses(self, host: str) -> list[str]:
        """Every address of ``host``; :class:`LookupTimeout` at the deadline."""
        lookup = self._threads.submit(self._resolve, host)
        try:
            return lookup.result(timeout=_time_left(None, LookupTimeout))
        except StillRunning:
            raise LookupTimeout(f"looking up {host} took too long") from None

    def close(self) -> None:
        self._threads.shutdown(wait=False, cancel_futures=True)


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
    """httpcore's standard sockets, wrapped in :class:`_DeadlineStream`.

    A host name is looked up by ``resolver`` (so by the deadline), then its addresses
    are tried in turn, as ``socket.create_connection`` would with its own lookup.
    """

    def __init__(self, resolver: DeadlineResolver) -> None:
        self._inner = httpcore.SyncBackend()
        self._resolver = resolver

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        options = list(socket_options or ())
        failure: Exception = httpcore.ConnectError(f"{host} has no address")
        for address in self._addresses(host):
            left = _time_left(timeout, httpcore.ConnectTimeout)
            try:
                stream = self._inner.connect_tcp(address, port, left, local_address, options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as error:
                failure = error
                continue
            return _DeadlineStream(stream)
        raise failure

    def _addresses(self, host: str) -> list[str]:
        if _is_address(host):  # a pinned request (the address check ran) or an IP link
            return [host]
        try:
            return self._resolver.addresses(host)
        except (OSError, UnicodeError) as error:
            raise httpcore.ConnectError(f"could not look up {host}: {error}") from error

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


def _is_address(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


class DeadlineTransport(httpx.BaseTransport):
    """httpx's standard transport, on :class:`_DeadlineBackend` connections.

    ``httpx.HTTPTransport`` cannot be given a network backend, so this hands
    requests to an ``httpcore`` pool itself, as that class does (no proxies:
    one would bypass the address check). Host names are looked up by ``resolver``.
    """

    def __init__(self, *, keep_alive: bool, resolver: DeadlineResolver) -> None:
        self._pool = httpcore.ConnectionPool(
            ssl_context=_tls_context(),
            max_connections=100,  # httpx's default limits, as before
            max_keepalive_connections=None if keep_alive else 0,
            keepalive_expiry=5.0,
            network_backend=_DeadlineBackend(resolver),
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
