"""Author and wire service read from a plain-text article's first lines."""

from __future__ import annotations

import pytest

from summarizer.extract import extract
from summarizer.plain_meta import byline_author, wire_site


def build_text(byline: str = "By Jane O'Neil", dateline: str = "PARIS, Oct. 4 (AFP) --") -> str:
    return f"Headline of the day\n\n{byline}\n\n{dateline} The council met on Monday.\n"


def test_plain_text_article_gets_author_and_site() -> None:
    article = extract(build_text().encode(), source="story.txt", filename="story.txt")
    assert (article.author, article.site) == ("Jane O'Neil", "AFP")


@pytest.mark.parametrize(
    "byline",
    ["Written by a friend of the mayor, who asked", "By the way, the council met", ""],
)
def test_prose_starting_with_by_is_no_byline(byline: str) -> None:
    assert byline_author(build_text(byline=byline)) is None


def test_a_wire_name_in_the_middle_of_the_text_is_no_dateline() -> None:
    text = build_text(dateline="") + "\n" + "word " * 400 + "\n\nLONDON (Reuters) - later.\n"
    assert wire_site(text) is None
