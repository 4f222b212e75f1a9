"""Who claims what on the seed article (UPI, Russia's airstrikes in Syria)."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from summarizer.attribution import display_claim, extract_claims, group_claims
from summarizer.nlp import load_pipeline, parse_article
from summarizer.settings import DEFAULT_MODEL
from summarizer.types import Claim, SpeakerClaims

SEED = Path(__file__).resolve().parents[1] / "seeds" / "upi-russia-syria-airstrikes.txt"


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_pipeline(DEFAULT_MODEL)  # cached per process: loaded once for all modules


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_claims(nlp: Language, seed_text: str) -> tuple[Claim, ...]:
    return extract_claims(parse_article(nlp, seed_text))  # as the briefing pipeline parses


@pytest.fixture(scope="session")
def seed_speakers(seed_claims: tuple[Claim, ...], seed_text: str) -> tuple[SpeakerClaims, ...]:
    return group_claims(seed_claims, seed_text)


def speaker_of(claims: tuple[Claim, ...], words: str) -> Claim:
    return next(c for c in claims if words in c.claim)


def group_named(speakers: tuple[SpeakerClaims, ...], name: str) -> SpeakerClaims:
    return next(s for s in speakers if name in s.speaker)


@pytest.mark.parametrize(
    "name",
    [
        "Andrei Kartapolov",
        "David Cameron",
        "Barack Obama",
        "Assad",
        "Syrian Observatory for Human Rights",
        "Russian",
        "Russia",
        "coalition",
    ],
)
def test_main_speakers_of_the_seed_are_found(
    seed_speakers: tuple[SpeakerClaims, ...], name: str
) -> None:
    assert any(name in s.speaker for s in seed_speakers)


def test_he_said_is_resolved_to_cameron(seed_claims: tuple[Claim, ...], seed_text: str) -> None:
    claim = speaker_of(seed_claims, "backing the butcher Assad")
    assert claim.speaker == "David Cameron"
    assert claim.speaker_span is not None
    assert seed_text[claim.speaker_span[0] : claim.speaker_span[1]] == "he"
    assert claim.quote


def test_quote_after_he_said_stays_with_cameron(seed_claims: tuple[Claim, ...]) -> None:
    assert speaker_of(seed_claims, "condemned across the Arab world").speaker == "David Cameron"


def test_kartapolov_variants_are_one_speaker_with_his_title(
    seed_speakers: tuple[SpeakerClaims, ...],
) -> None:
    kartapolov = [s for s in seed_speakers if "Kartapolov" in s.speaker]
    assert len(kartapolov) == 1
    assert len(kartapolov[0].claims) >= 3
    assert kartapolov[0].description == "Russian Col. Gen."


def test_cameron_is_described_by_his_title(seed_speakers: tuple[SpeakerClaims, ...]) -> None:
    assert group_named(seed_speakers, "Cameron").description == "British Prime Minister"


def test_the_statement_read_is_the_coalition_statement(seed_claims: tuple[Claim, ...]) -> None:
    claim = speaker_of(seed_claims, "further escalation")
    assert "Russian" not in claim.speaker
    assert claim.quote and claim.cue == "read"


def test_the_joint_statement_accuses_moscow_of_strikes_that_missed_is(
    seed_claims: tuple[Claim, ...],
) -> None:
    claim = speaker_of(seed_claims, "strikes in Hama")
    assert claim.kind == "accusation" and claim.target == "Moscow"
    assert claim.claim.endswith("did not target IS and resulted in civilian casualties")


def test_coalition_accuses_russia(seed_claims: tuple[Claim, ...]) -> None:
    claim = speaker_of(seed_claims, "killing civilians")
    assert claim.kind == "accusation" and claim.target == "Russia"
    assert display_claim(claim).startswith("accuses Russia of killing civilians")


def test_what_coalition_members_said_a_day_earlier_is_the_coalitions(
    seed_claims: tuple[Claim, ...],
) -> None:
    claim = speaker_of(seed_claims, "airstrikes had killed civilians")
    assert "coalition" in claim.speaker
    assert not claim.claim.startswith("The announcement")


def test_statement_by_the_ministry_is_the_ministrys(seed_claims: tuple[Claim, ...]) -> None:
    """The defense ministry is one speaker under both of its names in the article."""
    speaker = speaker_of(seed_claims, "performed 20 flights").speaker
    assert set(speaker.lower().split()) - {"of"} == {"russian", "defense", "ministry"}


def test_spans_point_at_their_text(seed_claims: tuple[Claim, ...], seed_text: str) -> None:
    for claim in seed_claims:
        assert seed_text[claim.cue_span[0] : claim.cue_span[1]] == claim.cue
        start, end = claim.claim_span
        assert seed_text[start:end].startswith(claim.claim[:6])
        assert seed_text[start:end].endswith(claim.claim[-6:])


def test_speakers_are_ordered_by_number_of_claims(seed_speakers: tuple[SpeakerClaims, ...]) -> None:
    counts = [len(s.claims) for s in seed_speakers]
    assert counts == sorted(counts, reverse=True)
    assert counts[0] >= 3
