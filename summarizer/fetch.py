"""The one choke point for every network fetch the project makes.

Every URL a user (or a feed) hands us goes through :class:`Fetcher`, which
enforces, at every redirect hop:

* only ``http``/``https``;
* the SSRF guard: the host must resolve to public addresses only (no loopback,
  private, link-local, multicast, reserved or unspecified ones, IPv4 or IPv6,
  IPv4-mapped included), unless ``FetchSettings.allow_private``; the checked
  address is then the one we connect to (the URL is pinned to it), so a DNS
  answer that changes between check and connect cannot slip past;
* at most ``max_redirects`` redirects, followed by hand so each hop is checked;
* connect and total time limits, a body-size cap, and a content-type check.
  The total limit covers all hops and is hard: every connect, TLS handshake,
  write and read waits at most the time left until the deadline, so a server
  that stalls or trickles (headers or body) fails on time, and so does a slow DNS
  lookup, the address check's or (with the check off) the connection's own (the
  system resolver takes no timeout, so it runs on a worker thread that the fetch
  stops waiting for).

One ``Fetcher`` (one connection pool) serves many threads at once.

Errors are the library's own (``summarizer.errors``), each with a one-line
message fit to show the user.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from http import HTTPStatus as StandardStatus
from types import TracebackType

import httpx

from summarizer.deadline_transport import (
    DeadlineResolver,
    DeadlineTransport,
    LookupTimeout,
    Resolver,
    deadline_in,
)
from summarizer.errors import (
    BlockedAddress,
    FetchError,
    FetchTimeout,
    HTTPStatus,
    InputError,
    TooLarge,
    TooManyRedirects,
    UnsupportedType,
)
from summarizer.settings import FetchSettings

LOOKUP_THREADS = 4

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


def resolve_host(host: str) -> list[str]:
    """All addresses ``host`` resolves to (the default resolver; tests pass a stub)."""
    infos = socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)
    return [str(info[4][0]) for info in infos]


def is_public_address(address: str) -> bool:
    """True when ``address`` is a globally routable unicast address."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])  # drop an IPv6 scope id
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return is_public_address(str(ip.ipv4_mapped))
        embedded = ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if embedded is not None and not is_public_address(str(embedded)):
            return False
    blocked = (
        ip.is_loopback
        or ip.is_private
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
    )
    return ip.is_global and not blocked


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

    # -- one hop ---------------------------------------------------------------

    def _open(self, url: httpx.URL, headers: Mapping[str, str], deadline: float) -> httpx.Response:
        target, extra_headers, extensions = self._pin(url)
        remaining = _remaining(deadline, url)
        timeout = httpx.Timeout(remaining, connect=min(self.settings.connect_timeout, remaining))
        request = self._client.build_request(
            "GET",
            target,
            headers={**headers, **extra_headers},
            timeout=timeout,
            extensions=extensions,
        )
        with _translated_errors(url):
            return self._client.send(request, stream=True)

    def _pin(self, url: httpx.URL) -> tuple[httpx.URL, dict[str, str], dict[str, str]]:
        """Check the host's addresses and point the request at the checked one.

        Returns the URL to connect to, the Host header and the TLS server name
        that keep the original host visible to the server and to certificate checks.
        """
        if self.settings.allow_private:
            return url, {}, {}
        host = url.raw_host.decode("ascii")
        address = self._public_address(host, url)
        name = f"[{host}]" if ":" in host else host  # an IPv6 literal keeps its brackets
        host_header = name if url.port is None else f"{name}:{url.port}"
        extensions = {"sni_hostname": host} if url.scheme == "https" else {}
        return url.copy_with(host=address), {"Host": host_header}, extensions

    def _public_address(self, host: str, url: httpx.URL) -> str:
        try:
            addresses = self._lookup(host, url)
        except (OSError, UnicodeError) as error:
            raise FetchError(f"could not find the server {host} (DNS lookup failed)") from error
        if not addresses:
            raise FetchError(f"could not find the server {host} (DNS lookup failed)")
        if not all(is_public_address(address) for address in addresses):
            raise BlockedAddress(
                f"refusing to fetch {url}: {host} points to a private or local network address"
            )
        return addresses[0]

    def _lookup(self, host: str, url: httpx.URL) -> list[str]:
        """The resolver's answer, waited for at most until the fetch's deadline."""
        try:
            return self._resolver.addresses(host)
        except LookupTimeout as error:
            raise FetchTimeout(f"fetching {url} took too long (looking up {host})") from error

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

    # -- the final response ----------------------------------------------------

    def _finish(
        self,
        url: str,
        final: httpx.URL,
        response: httpx.Response,
        request_headers: Mapping[str, str],
        deadline: float,
    ) -> Fetched:
        status = response.status_code
        if status == 304 and _is_conditional(request_headers):
            return _fetched(url, final, response, b"")
        if status >= 400 or status in REDIRECT_STATUSES or status == 304:
            raise HTTPStatus(f"the server answered {_status_text(response)} for {url}", status)
        _check_content_type(response, url, request_headers["Accept"])
        body = self._read_body(response, final, deadline)
        return _fetched(url, final, response, body)

    def _read_body(self, response: httpx.Response, url: httpx.URL, deadline: float) -> bytes:
        limit = self.settings.max_bytes
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise TooLarge(_too_large_message(url, limit))
        chunks: list[bytes] = []
        size = 0
        with _translated_errors(url):
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > limit:
                    raise TooLarge(_too_large_message(url, limit))
                chunks.append(chunk)
                _remaining(deadline, url)
        return b"".join(chunks)


# -- helpers -------------------------------------------------------------------


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


def _remaining(deadline: float, url: httpx.URL) -> float:
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise FetchTimeout(f"fetching {url} took too long")
    return remaining


@contextmanager
def _translated_errors(url: httpx.URL) -> Iterator[None]:
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


__all__ = [
    "Fetched",
    "Fetcher",
    "Resolver",
    "is_public_address",
    "media_type_of",
    "resolve_host",
]
