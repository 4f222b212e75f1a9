"""Bytes (a fetched page, a file, stdin) to an :class:`Article`.

Three kinds of input, chosen by content type, then file name, then by sniffing
the bytes:

* HTML: trafilatura, favouring precision (boilerplate kept out), paragraphs
  separated by blank lines, boilerplate paragraphs dropped;
* PDF: pypdf, page text rejoined into paragraphs, boilerplate dropped;
* plain text (.txt, .md, stdin): used exactly as given (only decoded), so
  offsets refer to the original; boilerplate lines are *marked*.

Text encoding policy for plain text: UTF-8 (a BOM is dropped; UTF-16 with a BOM
is read too). Anything else is read as Windows-1252 only when it is clearly
text with a few accented letters or curly quotes (at most 10 % non-ASCII bytes,
a typical old Windows editor file); otherwise it is refused as "not UTF-8 text",
since guessing wrong would silently garble the brief.
"""

from __future__ import annotations

import codecs
import io
import logging
import re
from collections.abc import Callable, Iterable
from html import escape
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from summarizer.boilerplate import boilerplate_spans, is_boilerplate
from summarizer.errors import InputError, NoArticleText, UnsupportedType
from summarizer.types import Article

if TYPE_CHECKING:  # both are imported when first needed: together they take ~0.6 s to load
    from pypdf import PdfReader
    from trafilatura.settings import Document

SUPPORTED = "HTML pages (.html), PDF files (.pdf) and plain text (.txt, .md)"

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
PDF_TYPES = frozenset({"application/pdf", "application/x-pdf"})
TEXT_TYPES = frozenset({"text/plain", "text/markdown", "text/x-markdown"})
#: Types that say nothing about the content: decide by file name, then bytes.
VAGUE_TYPES = frozenset({"", "application/octet-stream", "binary/octet-stream"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown"})

HTML_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
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
#: A PDF line shorter than this share of the usual width ends its paragraph.
SHORT_LINE_SHARE = 0.75
#: A meta description shorter than this is a label, not a standfirst.
MIN_STANDFIRST_WORDS = 8
#: A first line at most this long, not ending like a sentence, is a headline.
MAX_TITLE_CHARS = 150

_HTML_START = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")

logger = logging.getLogger(__name__)


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
    if _HTML_START.match(head):
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
    return _known_codec(match.group(1)) if match else None


def _known_codec(name: str | bytes) -> str | None:
    label = name.decode("ascii", "ignore") if isinstance(name, bytes) else name
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


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
    title = text[title_span[0] : title_span[1]] if title_span else None
    return Article(text=text, source=source, title=title, url=url, boilerplate=tuple(sorted(spans)))


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


def headline_span(text: str) -> tuple[int, int] | None:
    """The first line's span when it looks like a headline and more text follows."""
    match = re.search(r"\S[^\r\n]*", text)
    if match is None or not text[match.end() :].strip():
        return None
    line = match.group().rstrip()
    if len(line) > MAX_TITLE_CHARS or line[-1] in ".,;:" or line[0].islower():
        return None
    return (match.start(), match.start() + len(line))


# -- HTML ------------------------------------------------------------------------


def extract_html(body: bytes, source: str, url: str | None, charset: str | None) -> Article:
    """Main text and metadata of a web page, by trafilatura."""
    html = decode_html(body, declared=charset)
    document = _trafilatura_document(html, url)
    paragraphs = _prose_paragraphs((document.text or "").splitlines()) if document else []
    if document is not None and paragraphs and _is_headline_of(paragraphs[0], document.title):
        paragraphs = paragraphs[1:]  # the headline is Article.title, not summary material
    standfirst = standfirst_of(document, html, paragraphs) if paragraphs else None
    if standfirst:
        paragraphs = [standfirst, *paragraphs]
    if document is None or not paragraphs:
        raise NoArticleText(
            f"found no article text in {source} "
            "(a paywall, or a page that needs JavaScript to show its text?)"
        )
    return Article(
        text="\n\n".join(paragraphs),
        source=source,
        title=_clean(document.title),
        url=url,
        site=_clean(document.sitename),
        author=_clean(document.author),
        published=_clean(document.date),
    )


def decode_html(body: bytes, *, declared: str | None = None) -> str:
    """Decode a page: BOM, then the HTTP charset, then <meta charset>, then UTF-8, then cp1252."""
    for bom, by_bom in HTML_BOMS:
        if body.startswith(bom):
            return body.decode(by_bom, errors="replace")
    meta = _META_CHARSET.search(body[:4096])
    for encoding in (declared, _known_codec(meta.group(1)) if meta else None):
        if encoding:
            return _decode_html_as(body, encoding)
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        return body.decode("cp1252", errors="replace")


def _decode_html_as(body: bytes, encoding: str) -> str:
    """Pages often claim Latin-1 but are UTF-8 (or the reverse): trust UTF-8 that decodes."""
    if encoding in ("latin-1", "iso8859-1", "cp1252", "ascii"):
        try:
            return body.decode("utf-8")
        except UnicodeDecodeError:
            encoding = "cp1252"
    return body.decode(encoding, errors="replace")


def _trafilatura_document(html: str, url: str | None) -> Document | None:
    import trafilatura
    from trafilatura.settings import Document

    document = trafilatura.bare_extraction(
        html,
        url=url,
        favor_precision=True,
        include_comments=False,
        include_tables=True,
        with_metadata=True,
    )
    return document if isinstance(document, Document) else None


def _prose_paragraphs(lines: Iterable[str]) -> list[str]:
    stripped = (" ".join(line.split()) for line in lines)
    return [line for line in stripped if line and not is_boilerplate(line)]


def standfirst_of(document: Document | None, html: str, paragraphs: list[str]) -> str | None:
    """The page's standfirst (its meta description) when the extracted text lacks it.

    Pages put the standfirst above the article container (so trafilatura
    leaves it out) or only in metadata. Taken only when it is a whole
    sentence or visibly on the page: not truncated ("..."), not markup, not
    boilerplate, not a label, not already in the text.
    """
    description = _clean(document.description if document else None)
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
    words = set(re.findall(r"\w+", text.casefold()))
    for paragraph in paragraphs:
        if len(words & set(re.findall(r"\w+", paragraph.casefold()))) >= 0.7 * len(words):
            return True
    return False


def _shown_on_page(text: str, html: str) -> bool:
    """True when ``text`` starts an element's text somewhere in ``html``."""
    words = escape(text, quote=False).split()[:MIN_STANDFIRST_WORDS]
    return re.search(r">\s*" + r"\s+".join(map(re.escape, words)), html) is not None


def _is_headline_of(paragraph: str, title: str | None) -> bool:
    if not title or len(paragraph) > MAX_TITLE_CHARS:
        return False
    paragraph, title = paragraph.casefold(), " ".join(title.split()).casefold()
    return paragraph in title or title in paragraph


def _clean(value: str | None) -> str | None:
    cleaned = " ".join(value.split()) if value else ""
    return cleaned or None


# -- PDF -------------------------------------------------------------------------


def extract_pdf(body: bytes, source: str, url: str | None, charset: str | None) -> Article:
    """The text layer of a PDF, rejoined into paragraphs."""
    reader = _open_pdf(body, source)
    paragraphs = [
        paragraph
        for page in reader.pages
        for paragraph in pdf_paragraphs(page.extract_text() or "")
        if not is_boilerplate(paragraph)
    ]
    if not paragraphs:
        raise NoArticleText(f"{source}: this PDF has no text layer (scanned?)")
    return Article(
        text="\n\n".join(paragraphs),
        source=source,
        title=_pdf_title(reader, paragraphs[0]),
        url=url,
        author=_clean(_metadata_field(reader, "author")),
    )


def _open_pdf(body: bytes, source: str) -> PdfReader:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # pypdf warns loudly about damage it repairs
    try:
        reader = PdfReader(io.BytesIO(body))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError(f"{source} is a password-protected PDF")
        return reader
    except (PdfReadError, ValueError, KeyError, OSError) as error:
        raise InputError(f"{source} is not a readable PDF ({error})") from error


def pdf_paragraphs(page_text: str) -> list[str]:
    """Rejoin a page's layout lines into paragraphs.

    Wrapped lines fill the column, so a line well short of the usual width
    (or a blank one) ends a paragraph: a paragraph's last line, or a heading.
    """
    lines = [" ".join(line.split()) for line in page_text.splitlines()]
    width = _typical_width(lines)
    paragraphs: list[list[str]] = [[]]
    for line in lines:
        if line:
            paragraphs[-1].append(line)
        if len(line) < SHORT_LINE_SHARE * width:
            paragraphs.append([])
    return [_join_lines(lines) for lines in paragraphs if lines]


def _typical_width(lines: list[str]) -> int:
    """The 80th percentile of line lengths: robust to one very long line (a URL, a table)."""
    lengths = sorted(len(line) for line in lines if line)
    return lengths[round(0.8 * (len(lengths) - 1))] if lengths else 0


def _join_lines(lines: list[str]) -> str:
    joined = lines[0]
    for line in lines[1:]:
        joined += line if joined.endswith("-") else " " + line
    return joined


def _pdf_title(reader: PdfReader, first_paragraph: str) -> str | None:
    title = _clean(_metadata_field(reader, "title"))
    if title and not re.search(r"\.(docx?|pdf|odt|tex)$|^untitled|^microsoft", title, re.I):
        return title
    return first_paragraph if len(first_paragraph) <= MAX_TITLE_CHARS else None


def _metadata_field(reader: PdfReader, name: str) -> str | None:
    try:
        value = getattr(reader.metadata, name, None) if reader.metadata else None
    except Exception:  # damaged metadata must not sink an otherwise readable PDF
        return None
    return str(value) if value else None


Extractor = Callable[[bytes, str, "str | None", "str | None"], Article]
_EXTRACTORS: dict[str, Extractor] = {"html": extract_html, "pdf": extract_pdf, "text": extract_text}
