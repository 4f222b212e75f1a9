"""Extraction of web pages, PDFs and plain text into an Article."""

from __future__ import annotations

import codecs

import pytest
from conftest import article_html, blank_pdf, text_pdf

from summarizer.errors import InputError, NoArticleText, UnsupportedType
from summarizer.extract import extract
from summarizer.webpage import decode_html

PARAGRAPHS = [
    "The town council voted on Tuesday to approve a new bridge across the river, "
    "ending a decade of debate about how to ease traffic in the old centre.",
    "The mayor said the bridge would cut journey times for thousands of commuters "
    "and open the eastern bank to new housing over the next ten years.",
    "Opponents argued that the cost, put at 40 million euros, would strain the budget "
    "and that the money should go to buses and cycle lanes instead.",
]


# -- HTML ------------------------------------------------------------------------


def test_html_article_text_keeps_paragraphs_and_metadata() -> None:
    page = article_html(PARAGRAPHS).encode()
    article = extract(page, source="page", url="https://news.test/bridge", content_type="text/html")
    assert article.text.split("\n\n") == PARAGRAPHS
    assert article.title == "Council approves new bridge"
    assert article.author == "Jane Reporter"
    assert (article.source, article.url) == ("page", "https://news.test/bridge")


def test_html_boilerplate_is_left_out() -> None:
    clutter = (
        "<p>By Jane Reporter</p>"
        "<p>The old bridge seen from the east bank. (AP Photo/John Smith)</p>"
        "<p>Advertisement</p><p>Click here to get our morning newsletter.</p>"
        "<p>Sign up for breaking news alerts in your inbox.</p><h2>Latest Headlines</h2>"
    )
    page = article_html(PARAGRAPHS, extra_body=clutter).encode()
    article = extract(page, source="page", content_type="text/html")
    assert article.text.split("\n\n") == PARAGRAPHS


def test_a_javascript_only_page_has_no_article_text() -> None:
    shell = (
        b"<!doctype html><html><head><title>App</title><script src='/app.js'></script></head>"
        b"<body><div id='root'></div><noscript>You need to enable JavaScript to run this app."
        b"</noscript></body></html>"
    )
    with pytest.raises(NoArticleText, match="JavaScript"):
        extract(shell, source="https://app.test/", content_type="text/html")


def test_a_page_of_links_is_not_an_article() -> None:
    names = ["report.pdf", "notes.txt", "archive/", "photos/", "index.html"]
    items = "".join(f"<li><a href='{name}'>{name}</a></li>" for name in names)
    heading = "Directory listing for /"
    listing = f"<html><head><title>{heading}</title></head><body><h1>{heading}</h1><ul>{items}</ul>"
    with pytest.raises(NoArticleText, match="only short lines"):
        extract(listing.encode(), source="http://files.test/", content_type="text/html")


def test_meta_charset_is_honoured() -> None:
    page = article_html(["Le café où Zoë a dîné était très réputé dans toute la région. " * 3])
    latin = page.replace('charset="utf-8"', 'charset="iso-8859-15"').encode("iso-8859-15")
    assert "Le café où Zoë a dîné" in extract(latin, source="p", content_type="text/html").text


def test_the_http_charset_wins_over_a_wrong_meta_charset() -> None:
    page = article_html(["Żółw pływa w Wiśle, a łabędź śpi na brzegu rzeki w Krakowie. " * 3])
    body = page.replace('charset="utf-8"', 'charset="iso-8859-1"').encode("iso-8859-2")
    article = extract(body, source="p", content_type="text/html; charset=iso-8859-2")
    assert "Żółw pływa w Wiśle" in article.text


@pytest.mark.parametrize(
    ("body", "declared", "expected"),
    [
        (codecs.BOM_UTF8 + "<p>naïve</p>".encode(), None, "<p>naïve</p>"),
        ("<p>naïve</p>".encode(), None, "<p>naïve</p>"),  # undeclared but valid UTF-8
        ("<p>naïve “quoted”</p>".encode("cp1252"), None, "<p>naïve “quoted”</p>"),
        ("<p>naïve</p>".encode(), "iso8859-1", "<p>naïve</p>"),  # mislabelled UTF-8
    ],
)
def test_html_decoding_falls_back_sensibly(
    body: bytes, declared: str | None, expected: str
) -> None:
    assert decode_html(body, declared=declared) == expected


# -- PDF -------------------------------------------------------------------------


def test_pdf_text_is_rejoined_into_paragraphs() -> None:
    lines = [
        "The council voted on Tuesday to approve a new bridge across the",
        "river, ending a decade of debate about how to ease the traffic in",
        "the old town centre.",
        "The mayor said the bridge would cut journey times for commuters",
        "and open the eastern bank to new housing.",
    ]
    article = extract(text_pdf(lines, title="Bridge vote"), source="bridge.pdf", filename="b.pdf")
    assert article.text.split("\n\n") == [
        "The council voted on Tuesday to approve a new bridge across the river, ending a "
        "decade of debate about how to ease the traffic in the old town centre.",
        "The mayor said the bridge would cut journey times for commuters "
        "and open the eastern bank to new housing.",
    ]
    assert article.title == "Bridge vote"


def test_pdf_title_falls_back_to_the_first_line() -> None:
    lines = ["Bridge Approved", "", "The council voted on Tuesday to approve a new bridge."]
    assert extract(text_pdf(lines), source="b.pdf", filename="b.pdf").title == "Bridge Approved"


def test_a_pdf_without_a_text_layer_says_so() -> None:
    with pytest.raises(NoArticleText, match=r"no text layer \(scanned\?\)"):
        extract(blank_pdf(), source="scan.pdf", content_type="application/pdf")


def test_a_broken_pdf_is_an_input_error() -> None:
    with pytest.raises(InputError, match="not a readable PDF"):
        extract(b"%PDF-1.4\nthis is not really a pdf", source="bad.pdf", filename="bad.pdf")


# -- plain text ------------------------------------------------------------------

STORY = (
    "Council approves new bridge\r\n"
    "\r\n"
    "By Jane Reporter\r\n"
    "\r\n"
    "The council voted on Tuesday to approve a new bridge.\r\n"
    "\r\n"
    "Latest Headlines\r\n"
)


def test_plain_text_is_kept_exactly_as_given() -> None:
    article = extract(STORY.encode(), source="story.txt", filename="story.txt")
    assert article.text == STORY
    assert article.title == "Council approves new bridge"


def test_plain_text_marks_headline_byline_and_navigation_without_changing_text() -> None:
    article = extract(STORY.encode(), source="story.txt", filename="story.txt")
    marked = [article.text[start:end] for start, end in article.boilerplate]
    assert marked == ["Council approves new bridge", "By Jane Reporter", "Latest Headlines"]


def test_a_markdown_heading_gives_a_clean_title() -> None:
    text = "# Council approves new bridge\n\nThe council voted on Tuesday.\n"
    article = extract(text.encode(), source="t.md", filename="t.md")
    assert (article.title, article.text) == ("Council approves new bridge", text)


def test_a_first_line_that_is_a_sentence_is_not_a_title() -> None:
    text = "The council voted on Tuesday.\n\nThe mayor was pleased."
    assert extract(text.encode(), source="t.txt", filename="t.txt").title is None


def test_a_utf8_bom_is_dropped() -> None:
    article = extract(codecs.BOM_UTF8 + STORY.encode(), source="s.txt", filename="s.txt")
    assert article.text == STORY


def test_utf16_with_a_bom_is_read() -> None:
    body = codecs.BOM_UTF16_LE + STORY.encode("utf-16-le")
    assert extract(body, source="s.txt", filename="s.txt").text == STORY


def test_windows_1252_text_with_a_few_curly_quotes_is_read() -> None:
    text = "The mayor said: “We’re building it.” Critics disagree about the café."
    assert extract(text.encode("cp1252"), source="t.txt", filename="t.txt").text == text


def test_text_in_another_encoding_is_refused() -> None:
    japanese = "市議会は火曜日、新しい橋の建設を承認した。".encode("shift_jis")
    with pytest.raises(InputError, match="not UTF-8 text"):
        extract(japanese, source="t.txt", filename="t.txt")


@pytest.mark.parametrize("body", [b"", b"   \n\t\r\n  "])
def test_empty_text_is_refused(body: bytes) -> None:
    with pytest.raises(InputError, match=r"t\.txt is empty"):
        extract(body, source="t.txt", filename="t.txt")


@pytest.mark.parametrize(
    "body",
    [
        b"text\x00with a NUL byte",
        bytes(range(256)) * 4,
        b"\x01\x02\x03\x04 mostly control \x05" * 9,
    ],
)
def test_binary_junk_is_refused(body: bytes) -> None:
    with pytest.raises(InputError, match="binary data"):
        extract(body, source="junk.txt", filename="junk.txt")


# -- choosing the kind -----------------------------------------------------------


def test_an_unsupported_content_type_names_the_supported_ones() -> None:
    with pytest.raises(UnsupportedType, match=r"image/png.*HTML.*PDF.*plain text"):
        extract(b"\x89PNG\r\n", source="pic", content_type="image/png")


@pytest.mark.parametrize(
    ("body", "name"),
    [
        (b"PK\x03\x04rest of a docx", "ZIP"),
        (b"\x89PNG\r\n\x1a\n....", "PNG"),
        (b"{\\rtf1 x}", "RTF"),
    ],
)
def test_known_binary_formats_are_named(body: bytes, name: str) -> None:
    with pytest.raises(UnsupportedType, match=name):
        extract(body, source="upload", filename="upload.bin")


def test_kind_is_sniffed_when_nothing_else_tells() -> None:
    page = article_html(PARAGRAPHS).encode()
    pdf = text_pdf(["Bridge Approved", "", PARAGRAPHS[0]])
    assert extract(page, source="x", content_type="application/octet-stream").text.startswith(
        "The town council"
    )
    assert extract(pdf, source="x").title == "Bridge Approved"
    assert extract(b"Just some text.\n", source="x").text == "Just some text.\n"


def test_a_url_path_suffix_decides_for_a_vague_content_type() -> None:
    pdf = text_pdf(["Bridge Approved", "", PARAGRAPHS[0]])
    article = extract(pdf, source="u", url="https://x.test/a.pdf?dl=1", content_type="")
    assert article.title == "Bridge Approved"
