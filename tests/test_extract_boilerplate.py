"""Which lines count as boilerplate (never summarized) and which stay article prose."""

from __future__ import annotations

import pytest

from summarizer.boilerplate import boilerplate_spans, is_boilerplate, looks_like_headline

CAPTION = (
    "Smoke rises after an airstrike in Aleppo, Syria, on Sunday, as residents flee "
    "the eastern districts of the city for the third day in a row. (AP Photo/Hussein Malla)"
)


@pytest.mark.parametrize(
    "line",
    [
        "Latest Headlines",
        "More World News",
        "Most Read",
        "By Fred Lambert",
        "By Jane Doe, Reuters",
        "By Maria de la Cruz and Tom O'Neil",
        CAPTION,
        "Photo by John Smith/Getty Images",
        "Chief Education Officer Dr Ramona Archer-Bradshaw. (Picture by Jameel Springer)",
        "Footballers training ahead of a match against Dominica. (FILE)",
        "Image: Reuters",
        "Credit: NASA/JPL",
        "Featured image by Alberto Riva/The Points Guy.",
        "Click here to read the full report",
        "Advertisement",
        "Read more",
        "Read More: Five things to know about the bridge",
        "Sign up for our morning newsletter",
        "Subscribe now to our eNATION edition for the full story.",
        "Never miss the latest news by signing up to our newsletter",
        "Continue reading",
        "You need to enable JavaScript to run this app.",
        "© 2022, Town News. This article is the copyrighted property of Town News. " * 3,
        "Copyright 2024 Town News. All rights reserved.",
        "Wе оffеr fullу сuѕtоmіzаblе расkаgеѕ fоr уоur buѕіnеѕѕ",  # Cyrillic look-alikes
        "Posted: Thursday, April 21, 2022. 10:11 pm CST.",
        "Our Standards: The Thomson Reuters Trust Principles.",
        "Posted on",
        "May 06, 2022 News",
        "Latest update May 6th, 2022 12:49 AM",
        "October 22, 2019 report",
        "Published 2020-01-20",
    ],
)
def test_boilerplate_lines_are_recognised(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "By the end of the day, the council had approved the bridge.",
        "By Monday, officials said, the roads would reopen.",
        "He said he would sign up for the army after school.",
        "Photographs of the crash spread quickly on social media, police said.",
        "Read the full report on the council's website, officials urged residents.",
        "The mayor said the bridge would cut journey times for thousands of commuters.",
        "“We will keep this statement updated,” the foundation said.",
        "Moscow denied the accusations (Reuters reported the denial on Sunday).",
        "Кремль отверг обвинения, заявил пресс-секретарь.",  # all-Cyrillic prose is prose
        "On May 6, 2022, the council voted to approve the bridge.",
        "Posted on the door was a note from the mayor.",
        "A " + "very long sentence that mentions subscribing to a newsletter " * 5,
    ],
)
def test_prose_is_kept(line: str) -> None:
    assert not is_boilerplate(line)


def test_spans_point_at_the_lines_exactly() -> None:
    text = "Headline\r\n\r\n  By Fred Lambert  \r\nThe council voted.\nAdvertisement"
    assert [text[start:end] for start, end in boilerplate_spans(text)] == [
        "By Fred Lambert",
        "Advertisement",
    ]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Russian Defense Ministry: Airstrikes in Syria will 'continue intensifying'", True),
        ("Is the bridge worth it?", True),
        ("The council voted on Tuesday to approve a new bridge.", False),
        ("lower-case start of a wrapped line", False),
        ("x" * 200, False),
    ],
)
def test_headlines_are_short_unpunctuated_lines(line: str, expected: bool) -> None:
    assert looks_like_headline(line) is expected
