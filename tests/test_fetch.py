"""The fetcher against a local server: limits, errors, redirects and the address guard."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from dataclasses import replace

import httpx
import pytest
from conftest import LocalHTTPServer, Reply, Request

from summarizer.address_guard import is_public_address
from summarizer.deadline_transport import Resolver
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
from summarizer.fetch import Fetcher
from summarizer.settings import FetchSettings

PAGE = b"<html><head><title>T</title></head><body><p>Hello.</p></body></html>"
PUBLIC_IP = "93.184.216.34"


def fake_dns(table: dict[str, list[str]]) -> Resolver:
    """A resolver stub: names in ``table``, IP literals as themselves, others fail."""

    def resolve(host: str) -> list[str]:
        if host in table:
            return table[host]
        try:
            socket.inet_pton(socket.AF_INET6 if ":" in host else socket.AF_INET, host)
        except OSError:
            raise socket.gaierror(f"unknown host {host}") from None
        return [host]

    return resolve


class RecordingTransport(httpx.BaseTransport):
    """Wraps a transport and remembers which URL each request was sent to."""

    def __init__(self, inner: httpx.BaseTransport) -> None:
        self.inner = inner
        self.urls: list[str] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.urls.append(str(request.url))
        return self.inner.handle_request(request)


@pytest.fixture
def guarded_settings(fetch_settings: FetchSettings) -> FetchSettings:
    return replace(fetch_settings, allow_private=False)


@pytest.fixture
def guarded(
    http_server: LocalHTTPServer, guarded_settings: FetchSettings
) -> Iterator[tuple[Fetcher, RecordingTransport]]:
    """A fetcher with the address guard on, where ``articles.test`` is a public host.

    Every connection really goes to the local server (through its transport).
    """
    transport = RecordingTransport(http_server.transport())
    resolve = fake_dns({"articles.test": [PUBLIC_IP]})
    with Fetcher(guarded_settings, transport=transport, resolve=resolve) as fetcher:
        yield fetcher, transport


# -- the happy path --------------------------------------------------------------


def test_fetch_returns_body_type_and_validators(
    http_server: LocalHTTPServer, fetcher: Fetcher
) -> None:
    http_server.route(
        "/a", body=PAGE, headers={"ETag": '"v1"', "Last-Modified": "Mon, 01 Jan 2024"}
    )
    fetched = fetcher.fetch(http_server.url("/a"))
    assert (fetched.status, fetched.body, fetched.media_type) == (200, PAGE, "text/html")
    assert (fetched.etag, fetched.last_modified) == ('"v1"', "Mon, 01 Jan 2024")
    assert fetched.final_url == http_server.url("/a")


def test_fetch_sends_an_honest_user_agent(http_server: LocalHTTPServer, fetcher: Fetcher) -> None:
    http_server.route("/a", body=PAGE)
    fetcher.fetch(http_server.url("/a"))
    assert http_server.requests[-1].headers["user-agent"] == fetcher.settings.user_agent
    assert "newsbrief" in fetcher.settings.user_agent


def test_redirects_are_followed_to_the_final_url(
    http_server: LocalHTTPServer, fetcher: Fetcher
) -> None:
    http_server.redirect("/old", "/middle", status=301)
    http_server.redirect("/middle", http_server.url("/new"))
    http_server.route("/new", body=PAGE)
    fetched = fetcher.fetch(http_server.url("/old"))
    assert fetched.body == PAGE
    assert (fetched.url, fetched.final_url) == (http_server.url("/old"), http_server.url("/new"))


def test_exactly_max_redirects_is_still_allowed(
    http_server: LocalHTTPServer, fetcher: Fetcher
) -> None:
    hops = fetcher.settings.max_redirects
    for index in range(hops):
        http_server.redirect(f"/r{index}", f"/r{index + 1}")
    http_server.route(f"/r{hops}", body=PAGE)
    assert fetcher.fetch(http_server.url("/r0")).body == PAGE


def test_not_modified_comes_back_empty_when_asked_conditionally(
    http_server: LocalHTTPServer, fetcher: Fetcher
) -> None:
    def etag_aware(request: Request) -> Reply:
        if request.headers.get("if-none-match") == '"v1"':
            return Reply(status=304, headers={"ETag": '"v1"'})
        return Reply(body=PAGE, headers={"ETag": '"v1"', "Content-Type": "application/rss+xml"})

    http_server.respond("/feed", etag_aware)
    first = fetcher.fetch(http_server.url("/feed"), accept="application/rss+xml")
    again = fetcher.fetch(
        http_server.url("/feed"),
        accept="application/rss+xml",
        headers={"If-None-Match": first.etag or ""},
    )
    assert (first.status, again.status, again.body, again.not_modified) == (200, 304, b"", True)


# -- errors a user sees ----------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "phrase"), [(404, "404 Not Found"), (500, "500 Internal Server Error")]
)
def test_http_errors_say_what_the_server_answered(
    http_server: LocalHTTPServer, fetcher: Fetcher, status: int, phrase: str
) -> None:
    http_server.route("/x", status=status, body=b"oops")
    with pytest.raises(HTTPStatus) as caught:
        fetcher.fetch(http_server.url("/x"))
    assert caught.value.status == status
    assert f"the server answered {phrase}" in caught.value.message


def test_a_slow_server_times_out(
    http_server: LocalHTTPServer, fetch_settings: FetchSettings
) -> None:
    http_server.route("/slow", body=PAGE, delay=10)
    with (
        Fetcher(replace(fetch_settings, total_timeout=0.3)) as fetcher,
        pytest.raises(FetchTimeout),
    ):
        fetcher.fetch(http_server.url("/slow"))


def test_a_declared_oversized_body_is_refused(
    http_server: LocalHTTPServer, fetcher: Fetcher
) -> None:
    http_server.route("/big", body=b"x" * (fetcher.settings.max_bytes + 1))
    with pytest.raises(TooLarge, match="larger than"):
        fetcher.fetch(http_server.url("/big"))


def test_an_undeclared_oversized_body_is_cut_off_while_streaming(
    http_server: LocalHTTPServer, fetcher: Fetcher
) -> None:
    http_server.route(
        "/big", body=b"x" * (fetcher.settings.max_bytes + 1), chunks=8, send_length=False
    )
    with pytest.raises(TooLarge):
        fetcher.fetch(http_server.url("/big"))


def test_a_redirect_loop_is_reported(http_server: LocalHTTPServer, fetcher: Fetcher) -> None:
    http_server.redirect("/a", "/b")
    http_server.redirect("/b", "/a")
    with pytest.raises(TooManyRedirects, match="loop"):
        fetcher.fetch(http_server.url("/a"))


def test_too_many_redirects_are_reported(http_server: LocalHTTPServer, fetcher: Fetcher) -> None:
    for index in range(fetcher.settings.max_redirects + 1):
        http_server.redirect(f"/r{index}", f"/r{index + 1}")
    http_server.route(f"/r{fetcher.settings.max_redirects + 1}", body=PAGE)
    with pytest.raises(TooManyRedirects, match="more than 5 times"):
        fetcher.fetch(http_server.url("/r0"))


@pytest.mark.parametrize(
    "url", ["ftp://example.com/a.txt", "file:///etc/passwd", "javascript:alert(1)"]
)
def test_only_http_and_https_are_fetched(fetcher: Fetcher, url: str) -> None:
    with pytest.raises(InputError, match="only http and https"):
        fetcher.fetch(url)


def test_a_redirect_to_another_scheme_is_refused(
    http_server: LocalHTTPServer, fetcher: Fetcher
) -> None:
    http_server.redirect("/a", "file:///etc/passwd")
    with pytest.raises(FetchError, match="unsupported address"):
        fetcher.fetch(http_server.url("/a"))


def test_unsupported_content_types_are_named(
    http_server: LocalHTTPServer, fetcher: Fetcher
) -> None:
    http_server.route("/pic", body=b"\x89PNG....", content_type="image/png")
    with pytest.raises(UnsupportedType, match="image/png"):
        fetcher.fetch(http_server.url("/pic"))


def test_feeds_are_accepted_only_when_asked_for(
    http_server: LocalHTTPServer, fetcher: Fetcher
) -> None:
    http_server.route("/rss", body=b"<rss/>", content_type="application/rss+xml")
    with pytest.raises(UnsupportedType):
        fetcher.fetch(http_server.url("/rss"))
    assert fetcher.fetch(http_server.url("/rss"), accept="application/rss+xml").body == b"<rss/>"


def test_a_refused_connection_is_a_fetch_error(fetcher: Fetcher) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    with pytest.raises(FetchError, match="could not connect"):
        fetcher.fetch(f"http://127.0.0.1:{closed_port}/")


# -- the guard off: connections look names up through the resolver ----------------


def test_with_the_guard_off_a_name_connects_to_its_first_reachable_address(
    http_server: LocalHTTPServer, fetch_settings: FetchSettings
) -> None:
    """Each address in turn, as the system's own connect would: nothing listens on ::1."""
    http_server.route("/story", body=PAGE)
    resolve = fake_dns({"intranet.test": ["::1", "127.0.0.1"]})
    with Fetcher(fetch_settings, resolve=resolve) as fetcher:
        fetched = fetcher.fetch(f"http://intranet.test:{http_server.port}/story")
    assert fetched.body == PAGE
    assert http_server.requests[-1].headers["host"] == f"intranet.test:{http_server.port}"


def test_with_the_guard_off_an_unknown_host_is_a_fetch_error(
    fetch_settings: FetchSettings,
) -> None:
    with (
        Fetcher(fetch_settings, resolve=fake_dns({})) as fetcher,
        pytest.raises(FetchError, match="could not connect to the server"),
    ):
        fetcher.fetch("http://nowhere.test/")


# -- the address guard -----------------------------------------------------------


def test_private_addresses_are_refused_by_default(http_server: LocalHTTPServer) -> None:
    http_server.route("/a", body=PAGE)
    with (
        Fetcher(FetchSettings()) as fetcher,
        pytest.raises(BlockedAddress, match="private or local"),
    ):
        fetcher.fetch(http_server.url("/a"))
    assert http_server.requests == []


def test_localhost_by_name_is_refused(guarded_settings: FetchSettings) -> None:
    resolve = fake_dns({"localhost": ["127.0.0.1"]})
    with Fetcher(guarded_settings, resolve=resolve) as fetcher, pytest.raises(BlockedAddress):
        fetcher.fetch("http://localhost/admin")


def test_a_public_host_connects_to_the_checked_address(
    http_server: LocalHTTPServer, guarded: tuple[Fetcher, RecordingTransport]
) -> None:
    """The URL is pinned to the address that passed the check; the server still sees its name."""
    fetcher, transport = guarded
    http_server.route("/story", body=PAGE)
    fetched = fetcher.fetch("http://articles.test/story")
    assert fetched.body == PAGE
    assert fetched.final_url == "http://articles.test/story"
    assert transport.urls == [f"http://{PUBLIC_IP}/story"]
    assert http_server.requests[-1].headers["host"] == "articles.test"


def test_https_keeps_the_host_name_for_tls_when_pinned(guarded_settings: FetchSettings) -> None:
    """Certificates are checked against the name, though the connection goes to the address."""
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, headers={"Content-Type": "text/html"}, content=PAGE)

    resolve = fake_dns({"articles.test": [PUBLIC_IP]})
    transport = httpx.MockTransport(answer)
    with Fetcher(guarded_settings, transport=transport, resolve=resolve) as fetcher:
        assert fetcher.fetch("https://articles.test:8443/story").body == PAGE
    [request] = seen
    assert str(request.url) == f"https://{PUBLIC_IP}:8443/story"
    assert request.headers["host"] == "articles.test:8443"
    assert request.extensions["sni_hostname"] == "articles.test"


def test_an_ipv6_literal_keeps_its_brackets_in_the_host_header(
    guarded_settings: FetchSettings,
) -> None:
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, headers={"Content-Type": "text/html"}, content=PAGE)

    with Fetcher(
        guarded_settings, transport=httpx.MockTransport(answer), resolve=fake_dns({})
    ) as f:
        f.fetch("http://[2606:4700:4700::1111]:8080/x")
    assert seen[0].headers["host"] == "[2606:4700:4700::1111]:8080"


def test_a_redirect_to_loopback_is_refused_at_that_hop(
    http_server: LocalHTTPServer, guarded: tuple[Fetcher, RecordingTransport]
) -> None:
    fetcher, _transport = guarded
    http_server.redirect("/story", http_server.url("/secret"))
    http_server.route("/secret", body=b"internal")
    with pytest.raises(BlockedAddress, match=r"127\.0\.0\.1"):
        fetcher.fetch("http://articles.test/story")
    assert [request.path for request in http_server.requests] == ["/story"]


def test_a_host_with_any_private_address_is_refused(guarded_settings: FetchSettings) -> None:
    resolve = fake_dns({"mixed.test": [PUBLIC_IP, "10.0.0.7"]})
    with Fetcher(guarded_settings, resolve=resolve) as fetcher, pytest.raises(BlockedAddress):
        fetcher.fetch("http://mixed.test/")


def test_an_unknown_host_is_a_fetch_error(guarded_settings: FetchSettings) -> None:
    with (
        Fetcher(guarded_settings, resolve=fake_dns({})) as fetcher,
        pytest.raises(FetchError, match=r"could not find the server nowhere\.test"),
    ):
        fetcher.fetch("https://nowhere.test/")


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "10.1.2.3",
        "172.16.0.1",
        "192.168.1.1",
        "169.254.169.254",
        "0.0.0.0",
        "224.0.0.1",
        "240.0.0.1",
        "100.64.0.1",
        "::1",
        "::",
        "fe80::1%eth0",
        "fc00::1",
        "ff02::1",
        "::ffff:127.0.0.1",
        "::ffff:10.0.0.1",
        "2002:7f00:1::1",
    ],
)
def test_non_public_addresses_are_recognised(address: str) -> None:
    assert not is_public_address(address)


@pytest.mark.parametrize(
    "address", [PUBLIC_IP, "8.8.8.8", "2606:4700:4700::1111", "::ffff:8.8.8.8"]
)
def test_public_addresses_pass(address: str) -> None:
    assert is_public_address(address)
