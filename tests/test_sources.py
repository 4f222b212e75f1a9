"""load_source: web addresses, local files and standard input, with clear errors."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from conftest import LocalHTTPServer, article_html, text_pdf

from summarizer.errors import HTTPStatus, InputError, UnsupportedType
from summarizer.fetch import Fetcher
from summarizer.sources import load_source, load_url

STORY = "Council approves new bridge\n\nThe council voted on Tuesday to approve a new bridge.\n"
PARAGRAPHS = [
    "The town council voted on Tuesday to approve a new bridge across the river, "
    "ending a decade of debate about how to ease traffic in the old centre.",
    "The mayor said the bridge would cut journey times for thousands of commuters.",
]


def write(tmp_path: Path, name: str, body: bytes | str) -> str:
    path = tmp_path / name
    path.write_bytes(body.encode() if isinstance(body, str) else body)
    return str(path)


# -- local files -----------------------------------------------------------------


@pytest.mark.parametrize("name", ["story.txt", "story.md", "story"])
def test_a_text_file_is_read_as_is(tmp_path: Path, fetcher: Fetcher, name: str) -> None:
    article = load_source(write(tmp_path, name, STORY), fetcher)
    assert article.text == STORY
    assert article.title == "Council approves new bridge"
    assert article.source.endswith(name)


def test_an_html_file_is_extracted(tmp_path: Path, fetcher: Fetcher) -> None:
    article = load_source(write(tmp_path, "page.htm", article_html(PARAGRAPHS)), fetcher)
    assert article.text.split("\n\n") == PARAGRAPHS


def test_a_pdf_file_is_extracted(tmp_path: Path, fetcher: Fetcher) -> None:
    pdf = text_pdf(["Bridge Approved", PARAGRAPHS[1]], title="Bridge vote")
    article = load_source(write(tmp_path, "bridge.pdf", pdf), fetcher)
    assert (article.title, article.text) == ("Bridge vote", PARAGRAPHS[1])


def test_a_missing_file_is_named(tmp_path: Path, fetcher: Fetcher) -> None:
    missing = str(tmp_path / "nope.txt")
    with pytest.raises(InputError) as caught:
        load_source(missing, fetcher)
    assert caught.value.message == f"no such file: {missing}"


def test_a_web_address_without_scheme_gets_a_hint(fetcher: Fetcher) -> None:
    with pytest.raises(InputError, match=r"did you mean https://www\.example\.com/news/a \?"):
        load_source("www.example.com/news/a", fetcher)


def test_a_directory_is_refused(tmp_path: Path, fetcher: Fetcher) -> None:
    with pytest.raises(InputError, match="is a directory"):
        load_source(str(tmp_path), fetcher)


@pytest.mark.parametrize("name", ["empty.txt", "empty.pdf", "empty.html", "empty"])
def test_an_empty_file_is_refused(tmp_path: Path, fetcher: Fetcher, name: str) -> None:
    with pytest.raises(InputError, match=r"empty(\.\w+)? is empty"):
        load_source(write(tmp_path, name, b" \n"), fetcher)


@pytest.mark.parametrize("name", ["junk.txt", "junk.dat"])
def test_binary_junk_is_refused(tmp_path: Path, fetcher: Fetcher, name: str) -> None:
    with pytest.raises(InputError, match="binary data"):
        load_source(write(tmp_path, name, bytes(range(256)) * 8), fetcher)


def test_an_unsupported_file_type_is_named(tmp_path: Path, fetcher: Fetcher) -> None:
    with pytest.raises(UnsupportedType, match=r"ZIP archive .*supported are HTML"):
        load_source(write(tmp_path, "report.docx", b"PK\x03\x04" + b"\x00" * 100), fetcher)


def test_a_file_over_the_size_limit_is_refused(tmp_path: Path, fetcher: Fetcher) -> None:
    path = write(tmp_path, "big.txt", "word " * 1000)
    with pytest.raises(InputError, match=r"too large \(0\.0 MB; the limit is 0\.0 MB\)"):
        load_source(path, fetcher, max_file_bytes=1000)


# -- standard input --------------------------------------------------------------


def test_stdin_text_is_read_as_is(fetcher: Fetcher) -> None:
    article = load_source("-", fetcher, stdin=io.BytesIO(STORY.encode()))
    assert (article.text, article.source) == (STORY, "stdin")


def test_stdin_html_is_recognised(fetcher: Fetcher) -> None:
    page = article_html(PARAGRAPHS).encode()
    assert load_source("-", fetcher, stdin=io.BytesIO(page)).text.split("\n\n") == PARAGRAPHS


def test_empty_stdin_is_refused(fetcher: Fetcher) -> None:
    with pytest.raises(InputError, match="standard input is empty"):
        load_source("-", fetcher, stdin=io.BytesIO(b""))


def test_oversized_stdin_is_refused(fetcher: Fetcher) -> None:
    with pytest.raises(InputError, match="larger than"):
        load_source("-", fetcher, stdin=io.BytesIO(b"x" * 101), max_file_bytes=100)


# -- web addresses ---------------------------------------------------------------


def test_a_url_is_fetched_and_extracted(http_server: LocalHTTPServer, fetcher: Fetcher) -> None:
    http_server.redirect("/short", "/news/bridge")
    http_server.route("/news/bridge", body=article_html(PARAGRAPHS))
    article = load_source(http_server.url("/short"), fetcher)
    assert article.text.split("\n\n") == PARAGRAPHS
    assert (article.source, article.url) == (
        http_server.url("/short"),
        http_server.url("/news/bridge"),
    )


def test_a_served_pdf_is_extracted(http_server: LocalHTTPServer, fetcher: Fetcher) -> None:
    pdf = text_pdf(["Bridge Approved", PARAGRAPHS[1]])
    http_server.route("/doc", body=pdf, content_type="application/pdf")
    assert load_source(http_server.url("/doc"), fetcher).title == "Bridge Approved"


def test_a_served_plain_text_keeps_its_charset(
    http_server: LocalHTTPServer, fetcher: Fetcher
) -> None:
    text = "Żółw pływa w Wiśle.\n\nŁabędź śpi na brzegu.\n"
    http_server.route(
        "/t", body=text.encode("iso-8859-2"), content_type="text/plain; charset=iso-8859-2"
    )
    assert load_source(http_server.url("/t"), fetcher).text == text


def test_fetch_errors_reach_the_caller(http_server: LocalHTTPServer, fetcher: Fetcher) -> None:
    http_server.route("/gone", status=404)
    with pytest.raises(HTTPStatus, match="404 Not Found"):
        load_source(http_server.url("/gone"), fetcher)


@pytest.mark.parametrize(
    "source",
    ["ftp://example.com/a.txt", "file:///etc/passwd", "javascript:alert(1)", "mailto:a@b.c"],
)
def test_other_link_schemes_are_refused(fetcher: Fetcher, source: str) -> None:
    with pytest.raises(InputError, match="only http and https links"):
        load_source(source, fetcher)


def test_load_url_wants_a_web_address(fetcher: Fetcher) -> None:
    with pytest.raises(InputError, match=r"not a web address: example\.com/a"):
        load_url("example.com/a", fetcher)
