"""The one choke point for every network fetch the project makes.

Every URL a user (or a feed) hands us goes through :class:`Fetcher`, which
enforces, at every redirect hop:

* only ``http``/``https``;
* the SSRF guard (:mod:`summarizer.address_guard`): the host must resolve to
  public addresses only (no loopback, private, link-local, multicast, reserved or
  unspecified ones, IPv4 or IPv6, IPv4-mapped included), unless
  ``FetchSettings.allow_private``; the checked address is then the one we connect
  to (the URL is pinned to it), so a DNS answer that changes between check and
  connect cannot slip past;
* at most ``max_redirects`` redirects, followed by hand so each hop is checked;
* connect and total time limits, and, on the final answer, a body-size cap and a
  content-type check (:mod:`summarizer.fetch_response`).
  The total limit covers all hops and is hard: every connect, TLS handshake,
  write and read waits at most the time left until the deadline, so a server
  that stalls or trickles (headers or body) fails on time, and so does a slow DNS
  lookup, the address check's or (with the check off) the connection's own (the
  system resolver takes no timeout, so it runs on a worker thread that the fetch
  stops waiting for; :mod:`summarizer.deadline_transport`).

One ``Fetcher`` (one connection pool) serves many threads at once.

Errors are the library's own (``summarizer.errors``), each with a one-line
message fit to show the user (:mod:`summarizer.fetch_failures`).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import TracebackType

import httpx

from summarizer.address_guard import pin_to_public_address, resolve_host
from summarizer.deadline_transport import (
    DeadlineResolver,
    DeadlineTransport,
    Resolver,
    deadline_in,
)
from summarizer.errors import FetchError, InputError, TooManyRedirects
from summarizer.fetch_failures import time_left, translated_errors
from summarizer.fetch_response import (
    DEFAULT_ACCEPT,
    REDIRECT_STATUSES,
    Fetched,
    read_final_response,
)
from summarizer.settings import FetchSettings

LOOKUP_THREADS = 4


class Fetcher:
    """Fetches URLs safely with one sync ``httpx`` client (the bot runs it in threads).

    ``transport`` replaces the network (tests route every host to a local server;
    the total limit is then only as hard as that transport's own timeouts);
    ``resolve`` replaces DNS, for the SSRF guard and for connections.
    """

    def __init__(
        self,
        settings: FetchSettings,
        *,
        transport: httpx.BaseTransport | None = None,
        resolve: Resolver | None = None,
    ) -> None:
        self.settings = settings
        #: A fetch waits for a DNS lookup only until its deadline.
        self._resolver = DeadlineResolver(resolve or resolve_host, LOOKUP_THREADS)
        self._client = httpx.Client(
            # Pinned connections are pooled by address: a TLS connection opened for one
            # host must not carry another host's request (CDNs share addresses).
            transport=transport
            or DeadlineTransport(keep_alive=settings.allow_private, resolver=self._resolver),
            follow_redirects=False,
            trust_env=False,  # an environment proxy would bypass the address check
            headers={"User-Agent": settings.user_agent},
        )

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()
        self._resolver.close()

    def fetch(
        self,
        url: str,
        *,
        accept: str | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> Fetched:
        """GET ``url``, following redirects; see the module docstring for the rules.

        With ``If-None-Match``/``If-Modified-Since`` in ``headers`` a 304 answer
        comes back as a ``Fetched`` with status 304 and an empty body.
        """
        request_headers = {"Accept": accept or DEFAULT_ACCEPT, **(headers or {})}
        current = _parse_url(url)
        with deadline_in(self.settings.total_timeout) as deadline:
            return self._follow(url, current, request_headers, deadline)

    def _follow(
        self, url: str, current: httpx.URL, request_headers: Mapping[str, str], deadline: float
    ) -> Fetched:
        """Request ``current``, then each redirect target in turn, checking every hop."""
        seen: set[str] = set()
        for _hop in range(self.settings.max_redirects + 1):
            seen.add(str(current))
            response = self._open(current, request_headers, deadline)
            try:
                location = self._redirect_target(current, response)
                if location is None:
                    return self._finish(url, current, response, request_headers, deadline)
            finally:
                response.close()
            if str(location) in seen:
                raise TooManyRedirects(f"the page at {url} redirects in a loop")
            current = location
        raise TooManyRedirects(
            f"the page at {url} redirected more than {self.settings.max_redirects} times"
        )

    def _finish(
        self,
        url: str,
        final: httpx.URL,
        response: httpx.Response,
        request_headers: Mapping[str, str],
        deadline: float,
    ) -> Fetched:
        max_bytes = self.settings.max_bytes
        return read_final_response(
            url, final, response, request_headers, max_bytes=max_bytes, deadline=deadline
        )

    # -- one hop ---------------------------------------------------------------

    def _open(self, url: httpx.URL, headers: Mapping[str, str], deadline: float) -> httpx.Response:
        target, extra_headers, extensions = self._pin(url)
        remaining = time_left(deadline, url)
        timeout = httpx.Timeout(remaining, connect=min(self.settings.connect_timeout, remaining))
        request = self._client.build_request(
            "GET",
            target,
            headers={**headers, **extra_headers},
            timeout=timeout,
            extensions=extensions,
        )
        with translated_errors(url):
            return self._client.send(request, stream=True)

    def _pin(self, url: httpx.URL) -> tuple[httpx.URL, dict[str, str], dict[str, str]]:
        """Where to connect for ``url``, its Host header and TLS server name (the guard)."""
        if self.settings.allow_private:
            return url, {}, {}
        return pin_to_public_address(url, self._resolver)

    def _redirect_target(self, current: httpx.URL, response: httpx.Response) -> httpx.URL | None:
        if response.status_code not in REDIRECT_STATUSES:
            return None
        location = response.headers.get("location")
        if not location:
            return None
        try:
            target = current.join(location)
        except httpx.InvalidURL as error:
            raise FetchError(f"{current} redirected to an invalid address") from error
        if target.scheme not in ("http", "https"):
            raise FetchError(f"{current} redirected to an unsupported address ({target.scheme}:)")
        return target


def _parse_url(url: str) -> httpx.URL:
    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL as error:
        raise InputError(f"not a valid web address: {url}") from error
    if parsed.scheme not in ("http", "https"):
        raise InputError(f"only http and https links can be fetched, not {url}")
    if not parsed.host:
        raise InputError(f"not a valid web address (no host): {url}")
    return parsed
