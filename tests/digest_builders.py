"""Digests built directly (no grouping, no database): for rendering tests on every platform."""

from __future__ import annotations

from bot.digest.stories import Digest, SourcedClaim, SpeakerAcrossSources, Story, StorySource

SOURCES = ("UPI", "Reuters", "BBC News", "Al Jazeera")


def source_url(site: str, number: int) -> str:
    return f"https://{site.lower().replace(' ', '')[:3]}.example/{number}"


def build_story(number: int, speakers: int = 3, claim_words: int = 12) -> Story:
    """Story ``number`` reported by four sources, each quoting every speaker."""
    claim = " ".join(["claimed"] * claim_words)
    return Story(
        title=f"Story {number}: ministers meet over the harbour <dispute> & tariffs",
        lead="The lead sentence of the story. " * 20,
        sources=tuple(
            StorySource(f"Story {number} as {site}", source_url(site, number), site)
            for site in SOURCES
        ),
        shares=number,
        speakers=tuple(
            SpeakerAcrossSources(
                f"Speaker {number}.{index}",
                tuple(SourcedClaim(f"{site} says {claim}", site) for site in SOURCES),
            )
            for index in range(speakers)
        ),
    )


def big_digest() -> Digest:
    """Twelve stories, each with thirty speakers quoted by four sources at length."""
    return Digest(tuple(build_story(n, speakers=30, claim_words=80) for n in range(1, 13)), more=5)


def huge_digest(platform: str | None = None, channel: str | None = None) -> Digest:
    """The most a digest holds: fifty stories (``digest.stories`` is at most 50), each with
    four speakers (as ``build_digest`` keeps) quoted by four sources at length, and five
    stories over the budget."""
    stories = tuple(build_story(n, speakers=4, claim_words=80) for n in range(1, 51))
    return Digest(stories, more=5, platform=platform, channel=channel)
