"""The fetcher's total time limit is hard: a server that stalls or trickles fails on time.

Each test uses a short total limit and a server that would hold the fetcher far longer;
the bounds on elapsed time are generous (the old, per-read limit overran by up to the
whole total limit again, or forever while headers trickled in).
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace

import pytest
from conftest import LocalHTTPServer

from summarizer.errors import FetchTimeout
from summarizer.fetch import Fetcher
from summarizer.settings import FetchSettings

#: One scripted step: wait this many seconds, then send these bytes.
Step = tuple[float, bytes]

TOTAL = 0.5


class ScriptedServer:
    """A raw TCP server on 127.0.0.1 that answers every connection with ``steps``.

    After the last step the connection stays open and silent until the server stops:
    a server stalled mid-response. Waits use the stop event, so teardown never waits
    them out.
    """

    def __init__(self, steps: Sequence[Step]) -> None:
        self._steps = steps
        self._stopping = threading.Event()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.02)  # lets the accept loop notice the stop event
        self._thread = threading.Thread(target=self._accept_until_stopped, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._listener.getsockname()[1]}/story"

    def stop(self) -> None:
        self._stopping.set()
        self._thread.join(timeout=5)
        self._listener.close()

    def _accept_until_stopped(self) -> None:
        while not self._stopping.is_set():
            try:
                connection, _address = self._listener.accept()
            except TimeoutError:
                continue
            threading.Thread(target=self._play, args=(connection,), daemon=True).start()

    def _play(self, connection: socket.socket) -> None:
        with connection:
            connection.recv(65536)  # the request; its content does not matter here
            for pause, data in self._steps:
                if self._stopping.wait(pause):
                    return
                connection.sendall(data)
            self._stopping.wait()


@pytest.fixture
def scripted_server() -> Iterator[Callable[[Sequence[Step]], ScriptedServer]]:
    """Starts :class:`ScriptedServer` instances on demand; stops them after the test."""
    started: list[ScriptedServer] = []

    def start(steps: Sequence[Step]) -> ScriptedServer:
        started.append(ScriptedServer(steps))
        return started[-1]

    yield start
    for server in started:
        server.stop()


@pytest.fixture
def impatient(fetch_settings: FetchSettings) -> Iterator[Fetcher]:
    """A fetcher whose whole fetch may take ``TOTAL`` seconds."""
    with Fetcher(replace(fetch_settings, total_timeout=TOTAL)) as fetcher:
        yield fetcher


def head(length: int) -> bytes:
    """A status line and headers announcing a ``length``-byte HTML body."""
    return b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n" % length


def timed_failure(fetcher: Fetcher, url: str) -> tuple[FetchTimeout, float]:
    """Fetch ``url``, expecting the time-limit error; return it and the seconds taken."""
    started = time.monotonic()
    with pytest.raises(FetchTimeout) as caught:
        fetcher.fetch(url)
    return caught.value, time.monotonic() - started


def test_a_body_that_stalls_after_the_headers_fails_within_the_total_limit(
    http_server: LocalHTTPServer, impatient: Fetcher
) -> None:
    """Headers and half the body at once, then nothing for a minute."""
    http_server.route("/story", body=b"<p>" + b"x" * 2000, chunks=2, chunk_delay=60)
    error, elapsed = timed_failure(impatient, http_server.url("/story"))
    assert error.message.startswith(f"fetching {http_server.url('/story')} took too long")
    assert elapsed < TOTAL + 1.0


def test_a_body_that_trickles_then_stalls_fails_at_the_total_limit_not_a_read_later(
    scripted_server: Callable[[Sequence[Step]], ScriptedServer], fetch_settings: FetchSettings
) -> None:
    """A byte every 0.1 s until just before the limit, then silence.

    A read that starts just before the limit may not wait a whole read timeout past it
    (the old fetcher failed here after about twice the total limit).
    """
    total = 1.0
    server = scripted_server([(0.0, head(100) + b"<p>"), *[(0.1, b"x")] * 9])
    with Fetcher(replace(fetch_settings, total_timeout=total)) as fetcher:
        error, elapsed = timed_failure(fetcher, server.url)
    assert "took too long" in error.message
    assert elapsed < total * 1.5


def test_headers_that_trickle_in_fail_at_the_total_limit(
    scripted_server: Callable[[Sequence[Step]], ScriptedServer], impatient: Fetcher
) -> None:
    """A status line sent a byte every 0.1 s (a slowloris in reverse) takes over 5 s."""
    status_line = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Pad: ......\r\n"
    server = scripted_server([(0.1, bytes([byte])) for byte in status_line])
    error, elapsed = timed_failure(impatient, server.url)
    assert "took too long" in error.message
    assert elapsed < TOTAL + 1.0


def test_a_body_sent_a_byte_every_tenth_of_a_second_hits_the_total_limit(
    http_server: LocalHTTPServer, impatient: Fetcher
) -> None:
    """Every read returns quickly, but the 40-byte body would take 4 s."""
    body = b"<p>" + b"x" * 37
    http_server.route("/drip", body=body, chunks=len(body), chunk_delay=0.1)
    error, elapsed = timed_failure(impatient, http_server.url("/drip"))
    assert "took too long" in error.message
    assert elapsed < TOTAL + 1.0


def test_a_prompt_server_is_unaffected_by_a_short_total_limit(
    http_server: LocalHTTPServer, impatient: Fetcher
) -> None:
    """The deadline is the fetch's own: fetches one after another each get the full time."""
    http_server.route("/story", body=b"<p>Hello.</p>")
    for _ in range(3):
        assert impatient.fetch(http_server.url("/story")).body == b"<p>Hello.</p>"


def failure_on_a_hanging_lookup(
    fetch_settings: FetchSettings, allow_private: bool
) -> tuple[FetchTimeout, float]:
    """Fetch through a resolver that never answers in time: the error and the seconds taken."""
    released = threading.Event()

    def hanging_dns(host: str) -> list[str]:
        released.wait(30)
        return ["93.184.216.34"]

    settings = replace(fetch_settings, allow_private=allow_private, total_timeout=TOTAL)
    try:
        with Fetcher(settings, resolve=hanging_dns) as fetcher:
            return timed_failure(fetcher, "http://slow-dns.test/story")
    finally:
        released.set()


def test_a_dns_lookup_that_hangs_fails_at_the_total_limit(fetch_settings: FetchSettings) -> None:
    """The address check's lookup may not hold a fetch past its limit (the system
    resolver takes no timeout of its own)."""
    error, elapsed = failure_on_a_hanging_lookup(fetch_settings, allow_private=False)
    assert error.message == (
        "fetching http://slow-dns.test/story took too long (looking up slow-dns.test)"
    )
    assert elapsed < TOTAL + 1.0


def test_with_the_guard_off_a_hanging_dns_lookup_fails_at_the_total_limit(
    fetch_settings: FetchSettings,
) -> None:
    """The connection's own lookup is bounded too (``allow_private`` skips the address check)."""
    error, elapsed = failure_on_a_hanging_lookup(fetch_settings, allow_private=True)
    assert error.message.startswith("fetching http://slow-dns.test/story took too long")
    assert elapsed < TOTAL + 1.0
