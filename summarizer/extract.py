"""Bytes (a fetched page, a file, stdin) to an :class:`Article`.

Three kinds of input, chosen by content type, then file name, then by sniffing
the bytes:

* HTML (``summarizer.webpage``): trafilatura, paragraphs separated by blank
  lines, boilerplate paragraphs dropped;
* PDF (``summarizer.pdf``): pypdf, page text rejoined into paragraphs,
  boilerplate dropped;
* plain text (.txt, .md, stdin; here): used exactly as given (only decoded),
  so offsets refer to the original; the headline and boilerplate lines are
  *marked* in ``Article.boilerplate``.

Text encoding policy for plain text: UTF-8 (a BOM is dropped; UTF-16 with a BOM
is read too). Anything else is read as Windows-1252 only when it is clearly
text with a few accented letters or curly quotes (at most 10 % non-ASCII bytes,
a typical old Windows editor file); otherwise it is refused as "not UTF-8 text",
since guessing wrong would silently garble the brief.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable
from pathlib import PurePosixPath

from summarizer.boilerplate import boilerplate_spans, looks_like_headline
from summarizer.errors import InputError, UnsupportedType
from summarizer.pdf import extract_pdf
from summarizer.plain_meta import byline_author, wire_site
from summarizer.types import Article, Span
from summarizer.webpage import extract_html, known_codec

SUPPORTED = "HTML pages (.html), PDF files (.pdf) and plain text (.txt, .md)"

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
PDF_TYPES = frozenset({"application/pdf", "application/x-pdf"})
TEXT_TYPES = frozenset({"text/plain", "text/markdown", "text/x-markdown"})
#: Types that say nothing about the content: decide by file name, then bytes.
VAGUE_TYPES = frozenset({"", "application/octet-stream", "binary/octet-stream"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown"})

#: Recognisable non-text formats, named in the error message.
BINARY_SIGNATURES = (
    (b"PK\x03\x04", "a ZIP archive (Word .docx, EPUB, ...)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"{\\rtf", "an RTF document"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
    (b"%!PS", "a PostScript file"),
)
#: Share of control characters above which bytes are binary, not text.
MAX_CONTROL_SHARE = 0.05
#: Share of non-ASCII bytes up to which non-UTF-8 text is read as Windows-1252.
MAX_CP1252_SHARE = 0.10

#: An HTML document announces itself early: searched in the first kilobyte only.
_HTML_MARK = re.compile(rb"<(?:!doctype\s+html|html|head|body)\b", re.I)
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")


def extract(
    body: bytes,
    *,
    source: str,
    url: str | None = None,
    content_type: str | None = None,
    filename: str | None = None,
) -> Article:
    """Extract the article in ``body``; ``source`` names it in messages and in the Article."""
    kind = detect_kind(body, content_type=content_type, filename=filename or _path_of(url))
    charset = charset_of(content_type)
    return _EXTRACTORS[kind](body, source, url, charset)


def detect_kind(body: bytes, *, content_type: str | None, filename: str | None) -> str:
    """``"html"``, ``"pdf"`` or ``"text"``; raises UnsupportedType for anything else."""
    media = (content_type or "").split(";", 1)[0].strip().lower()
    by_type = _kind_of_media(media)
    if by_type:
        return by_type
    if media not in VAGUE_TYPES:
        raise UnsupportedType(f"{media} cannot be summarized; supported are {SUPPORTED}")
    suffix = PurePosixPath(filename or "").suffix.lower()
    if suffix == ".pdf":
        return "pdf"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in TEXT_SUFFIXES:
        return "text"
    return sniff_kind(body)


def _kind_of_media(media: str) -> str | None:
    if media in HTML_TYPES:
        return "html"
    if media in PDF_TYPES:
        return "pdf"
    if media in TEXT_TYPES:
        return "text"
    return None


def sniff_kind(body: bytes) -> str:
    """Guess the kind from the first bytes; unknown binary formats are unsupported."""
    head = body[:2048]
    if head.lstrip().startswith(b"%PDF-"):
        return "pdf"
    if _HTML_MARK.search(head[:1024]):
        return "html"
    for signature, name in BINARY_SIGNATURES:
        if head.startswith(signature):
            raise UnsupportedType(
                f"this is {name}, which cannot be summarized; supported are {SUPPORTED}"
            )
    return "text"


def charset_of(content_type: str | None) -> str | None:
    """The ``charset`` parameter of a Content-Type header, if it names a known codec."""
    match = re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", content_type or "", re.I)
    return known_codec(match.group(1)) if match else None


def _path_of(url: str | None) -> str | None:
    return url.split("?", 1)[0].split("#", 1)[0] if url else None


# -- plain text ------------------------------------------------------------------


def extract_text(body: bytes, source: str, url: str | None, charset: str | None) -> Article:
    """Plain text, used exactly as decoded; the headline and boilerplate lines are marked."""
    text = decode_text(body, source=source, declared=charset)
    if not text.strip():
        raise InputError(f"{source} is empty")
    title_span = headline_span(text)
    spans = set(boilerplate_spans(text))
    if title_span:
        spans.add(title_span)
    title = text[title_span[0] : title_span[1]].lstrip("#").strip() if title_span else None
    return Article(
        text=text,
        source=source,
        title=title,
        url=url,
        site=wire_site(text),
        author=byline_author(text),
        boilerplate=tuple(sorted(spans)),
    )


def decode_text(body: bytes, *, source: str, declared: str | None = None) -> str:
    """Decode plain text by the module's encoding policy; refuse binary data."""
    if body.startswith(codecs.BOM_UTF8):
        return _decode_or_refuse(body[3:], "utf-8", source)
    if body.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode_or_refuse(body, "utf-16", source)
    refuse_binary(body, source)
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if declared and declared != "utf-8":
        return _decode_or_refuse(body, declared, source)
    return _decode_cp1252_if_clearly_text(body, source)


def refuse_binary(body: bytes, source: str) -> None:
    """Raise InputError when ``body`` looks like binary data rather than text."""
    sample = body[:65536]
    if b"\x00" in sample or len(_CONTROL.findall(sample)) > MAX_CONTROL_SHARE * len(sample):
        raise InputError(f"{source} looks like binary data, not text")


def _decode_or_refuse(body: bytes, encoding: str, source: str) -> str:
    try:
        return body.decode(encoding)
    except UnicodeDecodeError as error:
        raise InputError(f"{source} is not valid {encoding} text") from error


def _decode_cp1252_if_clearly_text(body: bytes, source: str) -> str:
    high = sum(1 for byte in body if byte >= 0x80)
    if high <= MAX_CP1252_SHARE * len(body):
        try:
            return body.decode("cp1252")
        except UnicodeDecodeError:
            pass
    raise InputError(f"{source} is not UTF-8 text (save it as UTF-8 and try again)")


def headline_span(text: str) -> Span | None:
    """The first line's span when it looks like a headline and more text follows."""
    match = re.search(r"\S[^\r\n]*", text)
    if match is None or not text[match.end() :].strip() or not looks_like_headline(match.group()):
        return None
    return (match.start(), match.start() + len(match.group().rstrip()))


Extractor = Callable[[bytes, str, "str | None", "str | None"], Article]
_EXTRACTORS: dict[str, Extractor] = {"html": extract_html, "pdf": extract_pdf, "text": extract_text}
