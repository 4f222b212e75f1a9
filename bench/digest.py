"""Digest benchmark: 300 shared articles (briefs cached) → one digest, timed; grouping checked.

The articles are built from the BBC News Summary set in ../shared (skipped when absent):
a story is one BBC article; each of its *reports* takes the story's facts from a
different part of the article (a different window of its sentences, shuffled) under
a different headline, so two reports share names, places and numbers but no whole
sentences. Stories get 1-6 reports; single-report stories of the same categories
(business, politics, sport, tech, entertainment) are the look-alikes that must not
be merged. Ground truth is the story each report came from.

Grouping is scored with B-cubed precision (purity: how much of an article's group
is its own story) and recall (how much of its story is in its group), plus the
share of stories recovered exactly.

    .venv/bin/python bench/digest.py [--articles 300] [--repeat 5]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.digest.render import render_digest_text
from bot.digest.stories import (
    Candidate,
    build_digest,
    candidate_from_brief,
    dedupe_by_url,
    group_stories,
)
from summarizer.types import Article, Brief, Claim, Sentence, SpeakerClaims

REPORTS_PER_STORY = (1, 1, 2, 3, 4, 5, 6)
SITES = ("BBC", "Reuters", "AP", "Guardian", "FT", "Sky News")
TIME_GOAL_S = 2.0
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")
_SAID = re.compile(r"\b((?:[A-Z][\w'-]+ ){0,2}[A-Z][\w'-]+) (?:said|says|told)\b")


def shared_dir() -> Path:
    default = Path(__file__).resolve().parents[1].parent / "shared"
    return Path(os.environ.get("NEWSBRIEF_SHARED", default))


def load_bbc(path: Path) -> list[tuple[str, str, list[str]]]:
    """(category, title, sentences) per BBC article with at least 8 sentences."""
    articles = []
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        title, _, body = record["article"].partition("\n")
        sentences = [s for s in _SENTENCE_END.split(" ".join(body.split())) if len(s) > 30]
        if len(sentences) >= 8:
            articles.append((record["id"].split("/")[0], title.strip(), sentences))
    return articles


def report_of(
    sentences: Sequence[str], title: str, version: int, rng: random.Random
) -> tuple[str, str]:
    """A differently worded report: another headline and another window of the facts."""
    if version == 0:
        return title, " ".join(sentences[:3])
    start = (2 * version) % max(1, len(sentences) - 3)
    window = list(sentences[start : start + 3])
    rng.shuffle(window)
    headline = " ".join(window[0].split()[:10]).rstrip(",.;:")
    return headline, " ".join(window)


def cached_brief(title: str, lead: str, url: str, site: str) -> Brief:
    """What the bot keeps per shared article: the brief, with a claim where someone 'said' it."""
    summary = tuple(Sentence(text, (0, len(text))) for text in _SENTENCE_END.split(lead))
    claims = tuple(_claims(lead))
    speakers = tuple(SpeakerClaims(claim.speaker, (claim,)) for claim in claims[:2])
    article = Article(text=lead, source=url, title=title, url=url, site=site)
    return Brief(article, summary, claims, speakers, "english")


def _claims(text: str) -> list[Claim]:
    found = []
    for match in _SAID.finditer(text):
        sentence_end = text.find(". ", match.end())
        claim = text[match.end() : sentence_end if sentence_end > 0 else len(text)].strip()
        if claim:
            span = (match.end(), match.end() + len(claim))
            found.append(Claim(match[1], match.span(1), "said", span, claim, span))
    return found


def build_candidates(
    articles: list[tuple[str, str, list[str]]], count: int, seed: int = 7
) -> tuple[list[Candidate], dict[str, int]]:
    """``count`` candidates and the story each one's URL belongs to."""
    rng = random.Random(seed)
    pool = list(articles)
    rng.shuffle(pool)
    candidates: list[Candidate] = []
    truth: dict[str, int] = {}
    for story, (_category, title, sentences) in enumerate(pool):
        reports = REPORTS_PER_STORY[story % len(REPORTS_PER_STORY)]
        for version in range(min(reports, count - len(candidates))):
            headline, lead = report_of(sentences, title, version, rng)
            url = f"https://{SITES[version].lower().replace(' ', '')}.example/story-{story}"
            brief = cached_brief(headline, lead, url, SITES[version])
            candidates.append(candidate_from_brief(brief, shares=rng.randint(0, 3)))
            truth[url] = story
        if len(candidates) >= count:
            break
    rng.shuffle(candidates)
    return candidates, truth


def bcubed(groups: Sequence[Sequence[str]], truth: dict[str, int]) -> tuple[float, float, float]:
    """B-cubed precision, recall, and the share of stories whose group is exactly right."""
    story_size: dict[int, int] = {}
    for story in truth.values():
        story_size[story] = story_size.get(story, 0) + 1
    precision, recall, exact = [], [], set()
    for group in groups:
        stories = [truth[url] for url in group]
        for story in stories:
            same = stories.count(story)
            precision.append(same / len(group))
            recall.append(same / story_size[story])
        if len(set(stories)) == 1 and len(group) == story_size[stories[0]]:
            exact.add(stories[0])
    return statistics.mean(precision), statistics.mean(recall), len(exact) / len(story_size)


def identity(url: str) -> str:
    return url


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    data = shared_dir() / "data" / "summaries" / "bbc_news_summary.jsonl"
    if not data.exists():
        print(f"skipped: {data} is absent (set NEWSBRIEF_SHARED)")
        return 0
    candidates, truth = build_candidates(load_bbc(data), args.articles)
    timings = []
    for _ in range(args.repeat):
        started = time.perf_counter()
        digest = build_digest(candidates, normalise=identity)
        render_digest_text(digest)
        timings.append(time.perf_counter() - started)
    stories = group_stories(dedupe_by_url(candidates, identity))
    groups = [[source.url for source in story.sources] for story in stories]
    precision, recall, exact = bcubed(groups, truth)
    report(
        len(candidates), len(set(truth.values())), len(groups), timings, precision, recall, exact
    )
    return 0 if max(timings) < TIME_GOAL_S else 1


def report(
    articles: int,
    stories: int,
    groups: int,
    timings: list[float],
    precision: float,
    recall: float,
    exact: float,
) -> None:
    print(f"articles: {articles} (true stories: {stories}; groups found: {groups})")
    print(
        f"build + render: median {statistics.median(timings):.3f} s, "
        f"max {max(timings):.3f} s over {len(timings)} runs (goal < {TIME_GOAL_S:.0f} s)"
    )
    print(f"grouping: B-cubed precision (purity) {precision:.3f}, recall {recall:.3f}")
    print(f"stories recovered exactly: {exact:.1%}")


if __name__ == "__main__":
    sys.exit(main())
