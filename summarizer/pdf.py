"""PDF files: the text layer, rejoined into paragraphs (pypdf).

pypdf gives a page's text as layout lines; they are joined back into
paragraphs, boilerplate paragraphs dropped, and a leading heading taken as the
title (unless the document's metadata has a real one).
"""

from __future__ import annotations

import io
import logging
import re
from typing import TYPE_CHECKING

from summarizer.boilerplate import is_boilerplate, looks_like_headline, squash_space
from summarizer.errors import InputError, NoArticleText
from summarizer.types import Article

if TYPE_CHECKING:  # pypdf takes ~0.2 s to import: loaded on the first PDF only
    from pypdf import PdfReader

#: A line shorter than this share of the usual width ends its paragraph.
SHORT_LINE_SHARE = 0.75
#: Metadata titles that are file names or tool defaults, not titles.
_PLACEHOLDER_TITLE = re.compile(r"\.(?:docx?|pdf|odt|tex|indd)$|^untitled|^microsoft", re.I)


def extract_pdf(body: bytes, source: str, url: str | None, charset: str | None = None) -> Article:
    """The text layer of a PDF; ``charset`` is unused (PDFs carry their own encodings)."""
    reader = _open(body, source)
    paragraphs = [
        paragraph
        for page in reader.pages
        for paragraph in pdf_paragraphs(page.extract_text() or "")
        if not is_boilerplate(paragraph)
    ]
    if not paragraphs:
        raise NoArticleText(f"{source}: this PDF has no text layer (scanned?)")
    title = _metadata_title(reader)
    if len(paragraphs) > 1 and looks_like_headline(paragraphs[0]):
        title = title or paragraphs[0]
        paragraphs = paragraphs[1:]  # the heading is Article.title, not summary material
    return Article(
        text="\n\n".join(paragraphs),
        source=source,
        title=title,
        url=url,
        author=squash_space(_metadata_field(reader, "author")),
    )


def _open(body: bytes, source: str) -> PdfReader:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # it warns loudly about damage it repairs
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


def _metadata_title(reader: PdfReader) -> str | None:
    title = squash_space(_metadata_field(reader, "title"))
    return title if title and not _PLACEHOLDER_TITLE.search(title) else None


def _metadata_field(reader: PdfReader, name: str) -> str | None:
    try:
        value = getattr(reader.metadata, name, None) if reader.metadata else None
    except Exception:  # damaged metadata must not sink an otherwise readable PDF
        return None
    return str(value) if value else None
