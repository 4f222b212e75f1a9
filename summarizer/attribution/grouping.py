"""group_claims: one entry per resolved source, most important first."""

from __future__ import annotations

import re
from collections.abc import Sequence

from summarizer.attribution.lexicon import words
from summarizer.attribution.speakers import name_words
from summarizer.types import Claim, Span, SpeakerClaims

#: Words before a name that are no title: articles, possessives ("My friend"), honorifics.
NOT_TITLES = frozenset(
    {"a", "an", "the", "my", "our", "your", "his", "her", "their", "its", "mr", "mrs", "ms"}
)
#: Words that open a noun phrase capitalised at a sentence start: never a title.
QUANTIFIERS = words(
    "some several many most other another these those this that no only all both each few such any"
)
POSSESSIVE_END = re.compile(r"(['’]s|['’])$")
MAX_APPOSITION_WORDS = 12
MIN_SHOWN_WORDS = 3
RELATIVE_AFTER = re.compile(r",\s+(?:who|which|whose)\b")
CLAUSE_WORDS = frozenset({"which", "who", "whose", "that", "where", "when"})  # not appositions


def group_claims(claims: Sequence[Claim], text: str | None = None) -> tuple[SpeakerClaims, ...]:
    """Group claims per speaker; with the article ``text``, titles become descriptions.
    Claims too short to say anything are left out.

    One group per resolved source (``Claim.speaker_id``: extraction has already merged
    name variants, pronouns and "the ministry" into it); a source resolved to no one
    groups by its words. Order: most claims first, then the speaker mentioned first.
    """
    groups: dict[int | str, list[Claim]] = {}
    for claim in claims:
        if claim.speaker and says_something(claim):
            key = claim.speaker if claim.speaker_id is None else claim.speaker_id
            groups.setdefault(key, []).append(claim)
    ordered = sorted(groups.values(), key=lambda group: (-len(group), _first_offset(group)))
    return tuple(_speaker_claims(group, text) for group in ordered)


def says_something(claim: Claim) -> bool:
    """At least MIN_SHOWN_WORDS words with its cue words: "that", "they do" say nothing
    on their own (such claims stay in the data, out of the brief)."""
    return len(f"{claim.lead or ''} {claim.claim}".split()) >= MIN_SHOWN_WORDS


def _first_offset(group: list[Claim]) -> int:
    return min((c.speaker_span or c.cue_span)[0] for c in group)


def _speaker_claims(group: list[Claim], text: str | None) -> SpeakerClaims:
    name = max((c.speaker for c in group), key=len)
    spans = [c.speaker_span for c in group if c.speaker_span is not None]
    descriptions = [describe(text, span, name) for span in spans] if text is not None else []
    description = next((d for d in descriptions if d), None)
    ordered = tuple(sorted(group, key=lambda c: c.claim_span))
    return SpeakerClaims(speaker=name, claims=ordered, description=description)


def describe(text: str, span: Span, name: str) -> str | None:
    """The title before a name ("British Prime Minister") or the apposition after it;
    never a piece of the name itself ("Miami-" of "Miami-Dade Police")."""
    mention = text[span[0] : span[1]]
    full_words = name_words(name)
    at = mention.find(name)
    if at < 0:
        surname = name.split()[-1]
        at, name = mention.find(surname), surname
    if at < 0:
        return None
    before = _without_openers(
        [w for w in mention[:at].split() if w.lower().rstrip(".") not in NOT_TITLES], name
    )
    after = mention[at + len(name) :].strip()
    if before and all(w[:1].isupper() for w in before) and not before[-1].endswith("-"):
        # "Russian Defense Ministry" names "Russian Ministry of Defense": no title in it
        title = _without_possessive(" ".join(before))  # "ACLU's Jay Stanley": of the ACLU
        title_words = name_words(title)  # none in "Dr": a title of its own
        return None if title_words and title_words <= full_words else title
    apposition = RELATIVE_AFTER.split(after.strip(" ,"), maxsplit=1)[0]  # ", who is ..."
    short = len(apposition.split()) <= MAX_APPOSITION_WORDS
    opener = re.split(r"['’ ]", apposition, maxsplit=1)[0].lower()  # "who’s the sister of"
    if after.startswith(",") and short and opener not in CLAUSE_WORDS:
        return apposition
    return None


def _without_openers(words: list[str], name: str) -> list[str]:
    """Less the quantifiers a sentence may open with ("Several experts", "Some AI researchers",
    "Other E.U. leaders"), and "New" before a common noun ("New government data show")."""
    openers = QUANTIFIERS | ({"new"} if name[:1].islower() else set())
    while words and words[0].lower() in openers:
        words = words[1:]
    return words


def _without_possessive(words: str) -> str:
    return POSSESSIVE_END.sub("", words)
