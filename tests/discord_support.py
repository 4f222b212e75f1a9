"""Builders and checks shared by the Discord adapter's tests."""

from __future__ import annotations

import discord

from bot.discord_app import embeds
from summarizer.types import Article, Brief, Claim, Sentence, SpeakerClaims

WORD = "word"


def build_claim(speaker: str, text: str, kind: str = "statement") -> Claim:
    return Claim(speaker, None, "said", (0, 4), text, (0, len(text)), kind, kind == "quote")


def build_speaker(name: str, claims: int = 2, claim_words: int = 20) -> SpeakerClaims:
    texts = [" ".join([f"{name}-claim-{index}"] * claim_words) for index in range(claims)]
    return SpeakerClaims(name, tuple(build_claim(name, text) for text in texts), "official")


def build_brief(
    *,
    words: int = 200,
    summary_words: int | None = None,
    speakers: int = 0,
    claims_per_speaker: int = 2,
    claim_words: int = 20,
    title: str = "Russia launches airstrikes in Syria",
    url: str | None = "https://news.example/story",
) -> Brief:
    """A brief over ``words`` words; the one summary sentence has ``summary_words`` words
    (the whole text by default, as an article without sentence breaks would give)."""
    text = " ".join([WORD] * words)
    sentence = " ".join([WORD] * (summary_words or words)) + "."
    entries = tuple(
        build_speaker(f"Speaker {index}", claims_per_speaker, claim_words)
        for index in range(speakers)
    )
    claims = tuple(claim for entry in entries for claim in entry.claims)
    article = Article(text, url or "upload.txt", title, url, "UPI", None, "2015-10-04")
    summary = (Sentence(sentence, (0, len(sentence))),)
    return Brief(article, summary, claims, entries, "english")


def limit_problems(message: embeds.OutgoingMessage) -> list[str]:
    """Every Discord limit ``message`` breaks, computed from the payload Discord would get."""
    payloads = [embed.to_dict() for embed in message.embeds]
    problems = [f"{len(payloads)} embeds"] if len(payloads) > 10 else []
    if len(message.content) > 2000:
        problems.append(f"content of {len(message.content)}")
    total = sum(_embed_chars(payload) for payload in payloads)
    if total > 6000:
        problems.append(f"{total} embed characters")
    for payload in payloads:
        problems += _embed_problems(payload)
    return problems


def _embed_chars(payload: discord.types.embed.Embed) -> int:
    fields = payload.get("fields", [])
    footer = payload.get("footer", {}).get("text", "")
    texts = [payload.get("title", ""), payload.get("description", ""), footer]
    texts += [field["name"] + field["value"] for field in fields]
    return sum(len(text) for text in texts)


def _embed_problems(payload: discord.types.embed.Embed) -> list[str]:
    limits = {"title": 256, "description": 4096}
    problems = [
        f"{key} of {len(str(payload.get(key, '')))}"
        for key, limit in limits.items()
        if len(str(payload.get(key, ""))) > limit
    ]
    fields = payload.get("fields", [])
    if len(fields) > 25:
        problems.append(f"{len(fields)} fields")
    for field in fields:
        if not field["name"] or not field["value"]:
            problems.append("an empty field")
        if len(field["name"]) > 256 or len(field["value"]) > 1024:
            problems.append(f"field {field['name'][:20]!r} too long")
    return problems
