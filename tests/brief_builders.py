"""Builders of Brief test data of any size (long articles, many speakers) for renderer tests."""

from __future__ import annotations

from summarizer.types import Article, Brief, Claim, Sentence, SpeakerClaims


def build_claim(speaker: str, text: str, kind: str = "statement") -> Claim:
    return Claim(speaker, None, "said", (0, 4), text, (0, len(text)), kind, kind == "quote")


def build_speaker(name: str, claims: int = 2, claim_words: int = 20) -> SpeakerClaims:
    texts = [" ".join([f"{name}-claim-{index}"] * claim_words) for index in range(claims)]
    return SpeakerClaims(name, tuple(build_claim(name, text) for text in texts), "official")


def build_brief(
    *,
    words: int = 200,
    sentences: int = 3,
    sentence_words: int = 25,
    speakers: int = 0,
    claims_per_speaker: int = 2,
    claim_words: int = 20,
    title: str = "Russia launches airstrikes in Syria",
    url: str | None = "https://news.example/story",
) -> Brief:
    """A brief over an article of ``words`` words, with ``sentences`` summary sentences of
    ``sentence_words`` words and ``speakers`` speakers ("Speaker 0", "Speaker 1", ...)."""
    text = " ".join(["word"] * words)
    sentence = " ".join(["word"] * sentence_words) + "."
    entries = tuple(
        build_speaker(f"Speaker {index}", claims_per_speaker, claim_words)
        for index in range(speakers)
    )
    claims = tuple(claim for entry in entries for claim in entry.claims)
    article = Article(text, url or "upload.txt", title, url, "UPI", None, "2015-10-04")
    summary = tuple(Sentence(sentence, (0, len(sentence))) for _ in range(sentences))
    return Brief(article, summary, claims, entries, "english")
