"""From candidate articles (shares and feed items) to a ranked, grouped Digest.

1. Candidates with the same normalised URL become one (their shares add up).
2. Reports of the same story are grouped (``similarity``: tf-idf cosine over title + lead).
3. Stories are ranked by times shared in the channel, then by number of sources.
4. Within a story, who claims what is merged across its sources: one entry per
   speaker, each claim marked with the source that reported it.
5. The budget keeps the top stories; ``Digest.more`` counts the rest ("+N more").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from bot.digest.similarity import (
    SAME_STORY_THRESHOLD,
    group_near_duplicates,
    story_vectors,
)
from bot.links import normalise_url
from summarizer.display import display_claim
from summarizer.types import Brief, SpeakerClaims

DEFAULT_BUDGET = 10
#: Speakers shown per story and claims per speaker and source: a digest is an overview.
SPEAKERS_PER_STORY = 4
CLAIMS_PER_SOURCE = 1
LEAD_WORDS = 80

UrlNormaliser = Callable[[str], str]


@dataclass(frozen=True)
class Candidate:
    """One article that may go into a digest: a link shared in the channel or a feed item."""

    url: str
    title: str
    lead: str  # the brief's summary, or the feed item's description
    source: str  # the site or feed it came from, for display ("UPI")
    shares: int = 0  # times shared in the channel since the last digest
    speakers: tuple[SpeakerClaims, ...] = ()
    published: datetime | None = None


@dataclass(frozen=True)
class StorySource:
    title: str
    url: str
    source: str


@dataclass(frozen=True)
class SourcedClaim:
    text: str  # as displayed (shortened, quotes marked)
    source: str


@dataclass(frozen=True)
class SpeakerAcrossSources:
    """One speaker's claims as reported by each of a story's sources, side by side."""

    speaker: str
    claims: tuple[SourcedClaim, ...]


@dataclass(frozen=True)
class Story:
    title: str
    lead: str
    sources: tuple[StorySource, ...]
    shares: int
    speakers: tuple[SpeakerAcrossSources, ...]


@dataclass(frozen=True)
class Digest:
    stories: tuple[Story, ...]
    more: int = 0  # stories left out by the budget
    #: The channel it was made for (None for a one-off digest): names it in the command
    #: that shows a digest again in full (``render.show_all_command``).
    platform: str | None = None
    channel: str | None = None

    @property
    def empty(self) -> bool:
        return not self.stories


def normalise(url: str) -> str:
    """The bot's URL normaliser (``bot.links``); an address it cannot read is kept as given."""
    return normalise_url(url) or url


def candidate_from_brief(brief: Brief, *, url: str | None = None, shares: int = 1) -> Candidate:
    """A shared article's candidate, from its (cached) brief."""
    article = brief.article
    lead = " ".join(sentence.text for sentence in brief.summary) or _first_words(article.text)
    return Candidate(
        url=url or article.url or article.source,
        title=article.title or _first_words(article.text, 12),
        lead=lead,
        source=article.site or _host(url or article.url or article.source),
        shares=shares,
        speakers=brief.speakers,
    )


def build_digest(
    candidates: Iterable[Candidate],
    *,
    normalise: UrlNormaliser,
    budget: int = DEFAULT_BUDGET,
    threshold: float = SAME_STORY_THRESHOLD,
) -> Digest:
    unique = dedupe_by_url(candidates, normalise)
    stories = rank(group_stories(unique, threshold))
    return Digest(tuple(stories[:budget]), more=max(0, len(stories) - budget))


def dedupe_by_url(candidates: Iterable[Candidate], normalise: UrlNormaliser) -> list[Candidate]:
    """One candidate per normalised URL; shares add up, the most informative copy is kept."""
    by_url: dict[str, Candidate] = {}
    for candidate in candidates:
        key = normalise(candidate.url)
        kept = by_url.get(key)
        if kept is None:
            by_url[key] = replace(candidate, url=key)
            continue
        richer = candidate if _richness(candidate) > _richness(kept) else kept
        by_url[key] = replace(richer, url=key, shares=kept.shares + candidate.shares)
    return list(by_url.values())


def _richness(candidate: Candidate) -> tuple[int, int]:
    return (len(candidate.speakers), len(candidate.lead))


def group_stories(
    candidates: Sequence[Candidate], threshold: float = SAME_STORY_THRESHOLD
) -> list[Story]:
    """Candidates about the same story merged into one Story each."""
    ordered = sorted(candidates, key=lambda candidate: -candidate.shares)
    vectors = story_vectors([(c.title, _first_words(c.lead)) for c in ordered])
    groups = group_near_duplicates(vectors, threshold)
    return [merge_story([ordered[index] for index in group]) for group in groups]


def merge_story(members: Sequence[Candidate]) -> Story:
    """One story from its reports; the most shared (then most informative) one leads."""
    lead = max(members, key=lambda member: (member.shares, len(member.speakers)))
    return Story(
        title=lead.title,
        lead=lead.lead,
        sources=tuple(StorySource(m.title, m.url, m.source) for m in members),
        shares=sum(member.shares for member in members),
        speakers=merge_speakers(members),
    )


def merge_speakers(members: Sequence[Candidate]) -> tuple[SpeakerAcrossSources, ...]:
    """Who claims what across a story's sources: speakers quoted by most sources first."""
    reported = [
        (entry.speaker, SourcedClaim(display_claim(claim), member.source))
        for member in members
        for entry in member.speakers
        for claim in entry.claims[:CLAIMS_PER_SOURCE]
    ]
    canonical = same_speakers([speaker for speaker, _claim in reported])
    claims: dict[str, list[SourcedClaim]] = {}
    for speaker, sourced in reported:
        claims.setdefault(canonical[speaker], []).append(sourced)
    order = sorted(claims, key=lambda name: (-len({c.source for c in claims[name]}), name))
    return tuple(
        SpeakerAcrossSources(name, tuple(claims[name])) for name in order[:SPEAKERS_PER_STORY]
    )


def same_speakers(speakers: Iterable[str]) -> dict[str, str]:
    """Each speaker name → the name shown for everyone who is the same speaker.

    'The Russian Defence Ministry' and 'Russian defence ministry' are one speaker;
    so are 'Lagarde' and 'Christine Lagarde' (a one-word name that is the last
    word of a longer one). The longest spelling is shown.
    """
    names = sorted(set(speakers), key=lambda name: (-len(name), name))
    shown: dict[str, str] = {}
    keys: dict[str, str] = {}  # speaker key → shown name
    for name in names:
        key = speaker_key(name)
        match = keys.get(key) or _longer_name_ending(key, keys)
        shown[name] = match or name
        keys.setdefault(key, shown[name])
    return shown


def _longer_name_ending(key: str, known: dict[str, str]) -> str | None:
    if " " in key:
        return None
    for other, name in known.items():
        if other.endswith(" " + key) and other.count(" ") <= 2:
            return name
    return None


def speaker_key(speaker: str) -> str:
    """The case- and article-insensitive form of a speaker's name."""
    words = speaker.casefold().replace("’s", "").split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def rank(stories: Iterable[Story]) -> list[Story]:
    """Most shared first, then most sources; the order found is kept among equals."""
    return sorted(stories, key=lambda story: (-story.shares, -len(story.sources)))


def _first_words(text: str, count: int = LEAD_WORDS) -> str:
    return " ".join(text.split()[:count])


def _host(url: str) -> str:
    """'news.example' for a URL, the file name for a path."""
    if "://" not in url:
        return url.rstrip("/").rsplit("/", 1)[-1] or url
    host = url.split("://", 1)[1].split("/", 1)[0]
    return host.removeprefix("www.") or url
