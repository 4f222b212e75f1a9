"""The fetcher's SSRF guard: a host must resolve to public addresses only.

Before each hop the fetcher asks :func:`pin_to_public_address` for where to
connect: every address the host resolves to must be globally routable unicast
(no loopback, private, link-local, multicast, reserved or unspecified ones, IPv4
or IPv6, IPv4-mapped and 6to4/Teredo-embedded included), and the request is then
pointed at the checked address, so a DNS answer that changes between check and
connect cannot slip past. The lookup ends at the fetch's deadline.
"""

from __future__ import annotations

import ipaddress
import socket

import httpx

from summarizer.deadline_transport import DeadlineResolver, LookupTimeout
from summarizer.errors import BlockedAddress, FetchError, FetchTimeout


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


def pin_to_public_address(
    url: httpx.URL, resolver: DeadlineResolver
) -> tuple[httpx.URL, dict[str, str], dict[str, str]]:
    """Check the host's addresses and point the request at the checked one.

    Returns the URL to connect to, the Host header and the TLS server name
    that keep the original host visible to the server and to certificate checks.
    """
    host = url.raw_host.decode("ascii")
    address = _public_address(host, url, resolver)
    name = f"[{host}]" if ":" in host else host  # an IPv6 literal keeps its brackets
    host_header = name if url.port is None else f"{name}:{url.port}"
    extensions = {"sni_hostname": host} if url.scheme == "https" else {}
    return url.copy_with(host=address), {"Host": host_header}, extensions


def _public_address(host: str, url: httpx.URL, resolver: DeadlineResolver) -> str:
    try:
        addresses = _lookup(host, url, resolver)
    except (OSError, UnicodeError) as error:
        raise FetchError(f"could not find the server {host} (DNS lookup failed)") from error
    if not addresses:
        raise FetchError(f"could not find the server {host} (DNS lookup failed)")
    if not all(is_public_address(address) for address in addresses):
        raise BlockedAddress(
            f"refusing to fetch {url}: {host} points to a private or local network address"
        )
    return addresses[0]


def _lookup(host: str, url: httpx.URL, resolver: DeadlineResolver) -> list[str]:
    """The resolver's answer, waited for at most until the fetch's deadline."""
    try:
        return resolver.addresses(host)
    except LookupTimeout as error:
        raise FetchTimeout(f"fetching {url} took too long (looking up {host})") from error
