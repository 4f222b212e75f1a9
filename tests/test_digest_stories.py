"""Building a digest: dedupe by URL, one story from several sources, ranking, claims side by side,
the size budget, and splitting to platform limits."""

from __future__ import annotations

from collections.abc import Iterable

from digest_articles import REPORTS

from bot.digest.render import (
    NOTHING_NEW,
    render_digest_messages,
    render_digest_text,
    split_blocks,
)
from bot.digest.stories import Candidate, Digest, build_digest, candidate_from_brief
from bot.links import normalise_url
from summarizer.types import Article, Brief, Claim, Sentence, SpeakerClaims


def normalise(url: str) -> str:
    return normalise_url(url) or url


def claim(speaker: str, text: str, *, quote: bool = False) -> Claim:
    span = (0, len(text))
    return Claim(speaker, None, "said", span, text, span, quote=quote)


def speaking(*pairs: tuple[str, str]) -> tuple[SpeakerClaims, ...]:
    return tuple(SpeakerClaims(speaker, (claim(speaker, text),)) for speaker, text in pairs)


def report_candidates(stories: Iterable[str] | None = None, shares: int = 1) -> list[Candidate]:
    wanted = set(stories) if stories is not None else None
    return [
        Candidate(
            url=f"https://{source.lower().replace(' ', '')}.example/{story}",
            title=title,
            lead=lead,
            source=source,
            shares=shares,
        )
        for story, source, title, lead in REPORTS
        if wanted is None or story in wanted
    ]


def story_sources(digest: Digest) -> list[set[str]]:
    return [{source.source for source in story.sources} for story in digest.stories]


def test_one_story_from_three_differently_worded_articles_is_one_entry() -> None:
    digest = build_digest(report_candidates(), normalise=normalise)
    ecb = [story for story in digest.stories if "ECB" in story.title or "Central" in story.title]
    assert len(ecb) == 1
    assert {source.source for source in ecb[0].sources} == {"Reuters", "AP", "BBC"}


def test_stories_on_the_same_topic_stay_apart() -> None:
    """The ECB raising rates and the Bank of England holding them are two stories."""
    digest = build_digest(report_candidates(), normalise=normalise)
    assert sorted(map(sorted, story_sources(digest))) == sorted(
        [
            ["AP", "BBC", "Reuters"],  # ECB
            ["Guardian"],  # Bank of England
            ["Reuters", "Sky News"],  # Rhodes wildfire
            ["AP"],  # Greek rail strike
            ["BBC"],  # football
            ["Financial Times"],  # chip exports
        ]
    )


def test_same_link_pasted_differently_is_one_candidate_with_shares_added() -> None:
    base = Candidate("https://news.example/a?utm_source=x", "Title", "Lead text.", "News", 1)
    again = Candidate("https://NEWS.example/a#top", "Title", "Lead text.", "News", 2)
    digest = build_digest([base, again], normalise=normalise)
    assert len(digest.stories) == 1
    assert digest.stories[0].shares == 3
    assert [source.url for source in digest.stories[0].sources] == ["https://news.example/a"]


def test_ranked_by_shares_then_by_number_of_sources() -> None:
    candidates = report_candidates(["ecb", "rhodes", "football"], shares=0)
    football = next(c for c in candidates if c.source == "BBC" and "Arsenal" in c.title)
    candidates = [
        Candidate(c.url, c.title, c.lead, c.source, 4) if c is football else c for c in candidates
    ]
    digest = build_digest(candidates, normalise=normalise)
    assert [len(story.sources) for story in digest.stories] == [1, 3, 2]
    assert "Arsenal" in digest.stories[0].title  # shared 4 times beats 3 sources


def test_who_claims_what_is_merged_across_sources_side_by_side() -> None:
    reuters, ap, bbc = report_candidates(["ecb"])
    reuters = _with_speakers(reuters, ("Christine Lagarde", "inflation would stay too high"))
    ap = _with_speakers(ap, ("Lagarde", "rates had not necessarily peaked"))
    bbc = _with_speakers(
        bbc,
        ("The finance ministry", "the step against inflation was welcome"),
        ("Italian trade unions", "the bank is pushing Europe into recession"),
    )
    story = build_digest([reuters, ap, bbc], normalise=normalise).stories[0]
    lagarde = story.speakers[0]
    assert lagarde.speaker == "Christine Lagarde"
    assert [(c.source, c.text) for c in lagarde.claims] == [
        ("Reuters", "inflation would stay too high"),
        ("AP", "rates had not necessarily peaked"),
    ]
    assert {entry.speaker for entry in story.speakers[1:]} == {
        "The finance ministry",
        "Italian trade unions",
    }
    text = render_digest_text(Digest((story,)))
    assert "Reuters: inflation would stay too high" in text
    assert "AP: rates had not necessarily peaked" in text


def _with_speakers(candidate: Candidate, *pairs: tuple[str, str]) -> Candidate:
    return Candidate(
        candidate.url,
        candidate.title,
        candidate.lead,
        candidate.source,
        candidate.shares,
        speaking(*pairs),
    )


def test_candidate_from_a_cached_brief_uses_its_summary_and_speakers() -> None:
    text = "The minister resigned on Monday. She said the report was unfair. More later."
    article = Article(
        text, "https://site.example/x", "Minister quits", "https://site.example/x", "Site"
    )
    summary = (Sentence("The minister resigned on Monday.", (0, 32)),)
    speakers = speaking(("The minister", "the report was unfair"))
    brief = Brief(article, summary, (), speakers, "english")
    candidate = candidate_from_brief(brief, shares=2)
    assert (candidate.title, candidate.lead, candidate.source) == (
        "Minister quits",
        "The minister resigned on Monday.",
        "Site",
    )
    assert candidate.speakers == speakers and candidate.shares == 2


def test_over_budget_keeps_the_top_stories_and_says_how_many_more() -> None:
    digest = build_digest(report_candidates(), normalise=normalise, budget=4)
    assert len(digest.stories) == 4
    assert digest.more == 2
    assert render_digest_text(digest).rstrip().endswith("+2 more")
    assert "News digest: 6 stories" in render_digest_text(digest)


def test_empty_digest_renders_nothing_new() -> None:
    digest = build_digest([], normalise=normalise)
    assert digest.empty
    assert render_digest_text(digest).strip() == NOTHING_NEW


def test_long_digest_is_split_into_messages_within_the_limit() -> None:
    candidates = [
        Candidate(f"https://s{i}.example/{i}", f"Story {i} " + "word " * 10, "lead " * 80, f"S{i}")
        for i in range(30)
    ]
    digest = build_digest(candidates, normalise=normalise, budget=30, threshold=2.0)
    for limit in (1500, 3000):  # each platform passes its own
        messages = render_digest_messages(digest, limit, cap=100)
        assert len(messages) > 1
        assert all(len(message) <= limit for message in messages)
        assert sum(message.count("https://") for message in messages) == 30  # nothing lost


def test_split_cuts_an_oversized_block_at_line_ends_then_words() -> None:
    block = "\n".join(["short line"] * 5 + ["x" * 50 + " " + "y" * 50])
    pieces = split_blocks(["head", block, "tail"], limit=60)
    assert all(len(piece) <= 60 for piece in pieces)
    assert "".join(pieces).replace("\n", "").replace(" ", "") == ("head" + block + "tail").replace(
        "\n", ""
    ).replace(" ", "")
