"""Link detection in chat messages and URL normalisation: one article, one key."""

from __future__ import annotations

import pytest

from bot.links import article_links, find_links, normalise_url


@pytest.mark.parametrize(
    ("pasted", "normalised"),
    [
        ("HTTPS://WWW.Example.COM/News/Story", "https://www.example.com/News/Story"),
        ("https://example.com:443/a", "https://example.com/a"),
        ("http://example.com:80/a", "http://example.com/a"),
        ("http://example.com:8080/a", "http://example.com:8080/a"),
        ("https://example.com", "https://example.com/"),
        ("https://example.com/a#comments", "https://example.com/a"),
        ("https://example.com/a?utm_source=tw&utm_medium=social", "https://example.com/a"),
        ("https://example.com/a?id=7&fbclid=IwAR0x&gclid=1", "https://example.com/a?id=7"),
        ("https://example.com/a?UTM_Campaign=x&page=2&mc_eid=9", "https://example.com/a?page=2"),
        ("https://example.com/a?b=2&a=1", "https://example.com/a?b=2&a=1"),
        ("https://example.com/a%20b?q=x%26y", "https://example.com/a%20b?q=x%26y"),
        ("https://Example.com./a", "https://example.com/a"),
    ],
)
def test_normalise_url(pasted: str, normalised: str) -> None:
    assert normalise_url(pasted) == normalised


@pytest.mark.parametrize("url", ["ftp://example.com/a", "mailto:a@b.c", "https://", "http://a:x/"])
def test_normalise_rejects_what_is_not_a_web_address(url: str) -> None:
    assert normalise_url(url) is None


def test_the_same_article_pasted_differently_has_one_key() -> None:
    variants = [
        "https://news.example.com/2026/03/budget?utm_source=newsletter",
        "HTTPS://NEWS.EXAMPLE.COM/2026/03/budget#top",
        "https://news.example.com:443/2026/03/budget?fbclid=abc",
    ]
    assert len({normalise_url(url) for url in variants}) == 1


@pytest.mark.parametrize(
    ("message", "links"),
    [
        ("read this: https://example.com/a.", ["https://example.com/a"]),
        ("(see https://example.com/a)", ["https://example.com/a"]),
        ("https://en.wikipedia.org/wiki/Foo_(bar), ok", ["https://en.wikipedia.org/wiki/Foo_(bar)"]),
        ("slack: <https://example.com/a|Example> and <https://b.org/x>", ["https://example.com/a", "https://b.org/x"]),
        ("markdown [story](https://example.com/a)!", ["https://example.com/a"]),
        ('"https://example.com/a"', ["https://example.com/a"]),
        ("no links, just example.com and www.example.org", []),
    ],
)  # fmt: skip
def test_find_links_in_chat_markup(message: str, links: list[str]) -> None:
    assert find_links(message) == links


def test_article_links_skip_media_video_and_chat_links() -> None:
    message = (
        "https://example.com/story https://example.com/photo.JPG https://youtu.be/xyz "
        "https://www.youtube.com/watch?v=1 https://cdn.example.com/clip.mp4?x=1 "
        "https://myteam.slack.com/archives/C1/p123 https://discord.com/channels/1/2/3"
    )
    assert article_links(message, limit=10) == ["https://example.com/story"]


def test_article_links_are_unique_and_capped() -> None:
    message = " ".join(
        [
            "https://a.example/1?utm_source=x",
            "https://a.example/1",
            "https://b.example/2",
            "https://c.example/3",
            "https://d.example/4",
        ]
    )
    assert article_links(message, limit=3) == [
        "https://a.example/1",
        "https://b.example/2",
        "https://c.example/3",
    ]
