"""Finding article links in a chat message, and normalising URLs so one article has one key."""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit, urlunsplit

#: A URL runs until whitespace or a character that chat markup puts around links:
#: Slack writes ``<https://x|label>``, Discord ``<https://x>``, Markdown ``[t](https://x)``.
_URL = re.compile(r"""https?://[^\s<>|"'`\[\]{}]+""", re.IGNORECASE)
_TRAILING = ".,;:!?*_~"
_CLOSERS = {")": "("}

#: Query parameters that only track where a click came from; the page is the same without them.
TRACKING_PARAMETERS = frozenset({
    "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid",
    "igshid", "mc_cid", "mc_eid", "_ga", "_gl", "_hsenc", "_hsmi", "mkt_tok", "oly_anon_id",
    "oly_enc_id", "vero_id", "vero_conv", "rb_clickid", "s_cid", "wt.mc_id", "cmpid", "ocid",
    "smid", "smtyp", "ito", "ref_src", "ref_url", "at_medium", "at_campaign", "at_custom1",
    "sr_share", "share_id", "ns_source", "ns_mchannel", "ns_campaign", "ns_linkname",
})  # fmt: skip
TRACKING_PREFIXES = ("utm_", "pk_", "mtm_")

#: Links that are not articles: media files by extension...
MEDIA_EXTENSIONS = frozenset({
    ".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg", ".bmp", ".ico", ".heic", ".avif",
    ".mp4", ".mov", ".webm", ".mkv", ".avi", ".m4v", ".mp3", ".m4a", ".wav", ".ogg", ".flac",
    ".zip", ".gz", ".tar", ".exe", ".dmg", ".apk", ".css", ".js", ".woff", ".woff2",
})  # fmt: skip
#: ... video and audio hosts (their pages are players, not articles), image hosts, and chat
#: platforms' own message and file links (permalinks, including the bot's own replies).
NON_ARTICLE_HOSTS = frozenset({
    "youtube.com", "youtu.be", "youtube-nocookie.com", "vimeo.com", "tiktok.com", "twitch.tv",
    "dailymotion.com", "soundcloud.com", "open.spotify.com", "giphy.com", "tenor.com",
    "imgur.com", "i.redd.it", "v.redd.it",
    "slack.com", "slack-edge.com", "discord.com", "discordapp.com", "discordapp.net",
    "discord.gg",
})  # fmt: skip
_DEFAULT_PORTS = {"http": 80, "https": 443}


def find_links(text: str) -> list[str]:
    """Every http(s) URL in ``text``, in order, as written (trailing punctuation removed)."""
    return [_trim(match.group(0)) for match in _URL.finditer(text)]


def article_links(text: str, limit: int) -> list[str]:
    """Normalised article URLs in ``text``: media and non-article hosts skipped, each URL
    once, at most ``limit`` (a per-message cap so one message cannot queue many fetches)."""
    found: list[str] = []
    for link in find_links(text):
        url = normalise_url(link)
        if url and url not in found and is_article_link(url):
            found.append(url)
    return found[:limit]


def is_article_link(url: str) -> bool:
    parts = urlsplit(url)
    host = (parts.hostname or "").removeprefix("www.")
    if any(host == blocked or host.endswith("." + blocked) for blocked in NON_ARTICLE_HOSTS):
        return False
    path = unquote(parts.path).lower()
    return not any(path.endswith(extension) for extension in MEDIA_EXTENSIONS)


def normalise_url(url: str) -> str | None:
    """One spelling per page: lower-case scheme and host, no default port, no fragment,
    no tracking parameters, "/" for an empty path. None if ``url`` is not http(s)."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS or not parts.hostname:
        return None
    netloc = _netloc(parts.hostname, port, scheme, parts.netloc)
    return urlunsplit((scheme, netloc, parts.path or "/", _clean_query(parts.query), ""))


def _netloc(hostname: str, port: int | None, scheme: str, original: str) -> str:
    userinfo = original.rpartition("@")[0]
    host = f"[{hostname}]" if ":" in hostname else hostname.lower().rstrip(".")
    if port is not None and port != _DEFAULT_PORTS[scheme]:
        host = f"{host}:{port}"
    return f"{userinfo}@{host}" if userinfo else host


def _clean_query(query: str) -> str:
    kept = [pair for pair in query.split("&") if pair and not _is_tracking(pair)]
    return "&".join(kept)


def _is_tracking(pair: str) -> bool:
    name = unquote(pair.partition("=")[0]).lower()
    return name in TRACKING_PARAMETERS or name.startswith(TRACKING_PREFIXES)


def _trim(url: str) -> str:
    """Drop punctuation that ends the sentence around a link, and a closing bracket
    the link did not open: ``(see https://x.com/a_(b))`` keeps ``a_(b)``."""
    while url and url[-1] in _TRAILING + ")":
        last = url[-1]
        if last in _CLOSERS and url.count(_CLOSERS[last]) >= url.count(last):
            break
        url = url[:-1]
    return url
