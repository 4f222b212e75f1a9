"""Web pages: the article text and metadata of one HTML page.

The main text comes from trafilatura's ``bare_extraction`` (comments left
out), one paragraph per block, blank lines between them, boilerplate
paragraphs dropped (see ``summarizer.boilerplate``), the headline moved to
``Article.title`` and a missing standfirst restored from the description.

Metadata is read from the same parsed tree with trafilatura's own cheap
readers (meta tags, JSON-LD, <title>/<h1>, site name) and htmldate's quick
date search. Its full ``extract_metadata`` also hunts bylines through the
whole page, categories, tags and licence: that costs as much again as the text
extraction itself (measured: bench/extract.py) and the brief needs none of it.
"""

from __future__ import annotations

import codecs
import re
from contextlib import suppress
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from summarizer.boilerplate import is_boilerplate, looks_like_headline, squash_space
from summarizer.errors import NoArticleText
from summarizer.types import Article

if TYPE_CHECKING:  # trafilatura takes ~0.4 s to import: loaded on the first page only
    from lxml.html import HtmlElement

#: A meta description shorter than this is a label, not a standfirst.
MIN_STANDFIRST_WORDS = 8
#: A page is an article only if at least one paragraph has this many words.
MIN_PROSE_WORDS = 12
#: The headline is looked for (and dropped) in this many first paragraphs.
HEADLINE_SEARCH = 3
#: Texts sharing this share of their words say the same thing (a headline again, a repeat).
SAME_WORDS_SHARE = 0.7

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
_LATIN_1_LABELS = frozenset({"latin-1", "iso8859-1", "cp1252", "ascii"})


@dataclass(frozen=True)
class PageMetadata:
    title: str | None = None
    author: str | None = None
    site: str | None = None
    published: str | None = None
    description: str | None = None


def extract_html(body: bytes, source: str, url: str | None, charset: str | None) -> Article:
    """Main text and metadata of a web page."""
    html = decode_html(body, declared=charset)
    tree = _parse(html)
    metadata = page_metadata(tree, url) if tree is not None else PageMetadata()
    paragraphs = article_paragraphs(tree, url, metadata.title) if tree is not None else []
    if not paragraphs:
        raise NoArticleText(
            f"found no article text in {source} "
            "(a paywall, or a page that needs JavaScript to show its text?)"
        )
    if not any(len(paragraph.split()) >= MIN_PROSE_WORDS for paragraph in paragraphs):
        raise NoArticleText(
            f"found no article text in {source}, only short lines (a list of links or a menu?)"
        )
    standfirst = standfirst_of(metadata.description, html, paragraphs)
    return Article(
        text="\n\n".join([standfirst, *paragraphs] if standfirst else paragraphs),
        source=source,
        title=metadata.title,
        url=url,
        site=metadata.site,
        author=metadata.author,
        published=metadata.published,
    )


# -- decoding --------------------------------------------------------------------


def decode_html(body: bytes, *, declared: str | None = None) -> str:
    """Decode a page: BOM, then the HTTP charset, then <meta charset>, then UTF-8, then cp1252."""
    for bom, encoding in _BOMS:
        if body.startswith(bom):
            return body.decode(encoding, errors="replace")
    meta = _META_CHARSET.search(body[:4096])
    for label in (declared, meta.group(1).decode("ascii", "ignore") if meta else None):
        codec = known_codec(label)
        if codec:
            return _decode_as(body, codec)
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        return body.decode("cp1252", errors="replace")


def known_codec(label: str | None) -> str | None:
    """Python's name for the encoding ``label``, or None when unknown."""
    try:
        return codecs.lookup(label).name if label else None
    except LookupError:
        return None


def _decode_as(body: bytes, encoding: str) -> str:
    """Pages often claim Latin-1 but are UTF-8: trust UTF-8 that decodes."""
    if encoding in _LATIN_1_LABELS:
        try:
            return body.decode("utf-8")
        except UnicodeDecodeError:
            encoding = "cp1252"
    return body.decode(encoding, errors="replace")


# -- text ------------------------------------------------------------------------


def _parse(html: str) -> HtmlElement | None:
    import trafilatura

    return trafilatura.load_html(html)


def article_paragraphs(tree: HtmlElement, url: str | None, title: str | None) -> list[str]:
    """The article's prose paragraphs, boilerplate and the repeated headline left out.

    Run after ``page_metadata``: extraction prunes the tree it is given.
    """
    import trafilatura
    from trafilatura.settings import Document

    document = trafilatura.bare_extraction(tree, url=url, include_comments=False)
    text = document.text if isinstance(document, Document) else None
    lines = (squash_space(line) for line in (text or "").splitlines())
    paragraphs = [line for line in lines if line and not is_boilerplate(line)]
    # The headline is Article.title, not summary material: pages repeat it near the top.
    top = [p for p in paragraphs[:HEADLINE_SEARCH] if not _is_headline_of(p, title)]
    return top + paragraphs[HEADLINE_SEARCH:]


def _is_headline_of(paragraph: str, title: str | None) -> bool:
    """True when ``paragraph`` is the headline again, maybe worded a little differently."""
    if not title or not looks_like_headline(paragraph):
        return False
    return _share_of_words(paragraph, title) >= SAME_WORDS_SHARE


# -- metadata --------------------------------------------------------------------


def page_metadata(tree: HtmlElement, url: str | None) -> PageMetadata:
    """Title, author, site, date and description from meta tags, JSON-LD and headings."""
    from htmldate import find_date
    from trafilatura import metadata as readers

    found = readers.examine_meta(tree)
    with suppress(Exception):  # its JSON-LD reader trips over malformed JSON; keep the rest
        found = readers.extract_meta_json(tree, found)
    author = found.author if found.author and " " in found.author else None
    return PageMetadata(
        title=squash_space(found.title or readers.extract_title(tree)),
        author=squash_space(author),
        site=squash_space(found.sitename or readers.extract_sitename(tree) or _host(url)),
        published=find_date(tree, url=url, extensive_search=False, original_date=True),
        description=squash_space(found.description),
    )


def _host(url: str | None) -> str | None:
    host = urlsplit(url).hostname if url else None
    return host.removeprefix("www.") if host else None


# -- standfirst ------------------------------------------------------------------


def standfirst_of(description: str | None, html: str, paragraphs: list[str]) -> str | None:
    """The page's standfirst (its description) when the extracted text lacks it.

    Pages put the standfirst above the article container (so extraction leaves
    it out) or only in metadata. Taken only when it is a whole sentence or
    visibly on the page: not truncated ("..."), not markup, not boilerplate,
    not a label, not already in the text.
    """
    if not description or len(description.split()) < MIN_STANDFIRST_WORDS:
        return None
    if description.endswith(("...", "…")) or "<" in description or is_boilerplate(description):
        return None
    if _looks_like_a_label(description) or _repeats(description, paragraphs[:3]):
        return None
    if description[-1] in ".!?" or _shown_on_page(description, html):
        return description
    return None


def _looks_like_a_label(text: str) -> bool:
    """Mostly Capitalised Words: a page label ("Letters to the Editor for Jan. 17"), not prose."""
    words = text.split()
    return sum(word[0].isupper() for word in words) > len(words) / 2


def _repeats(text: str, paragraphs: list[str]) -> bool:
    """True when most of ``text``'s words are already in one of ``paragraphs``."""
    return any(_share_of_words(text, paragraph) >= SAME_WORDS_SHARE for paragraph in paragraphs)


def _share_of_words(text: str, other: str) -> float:
    """The share of ``text``'s distinct words that ``other`` also has."""
    words = set(re.findall(r"\w+", text.casefold()))
    return len(words & set(re.findall(r"\w+", other.casefold()))) / max(1, len(words))


def _shown_on_page(text: str, html: str) -> bool:
    """True when ``text`` starts an element's text somewhere in ``html``."""
    words = escape(text, quote=False).split()[:MIN_STANDFIRST_WORDS]
    return re.search(r">\s*" + r"\s+".join(map(re.escape, words)), html) is not None
