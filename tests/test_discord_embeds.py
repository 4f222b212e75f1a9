"""Briefs rendered as Discord embeds stay within every Discord limit, however big."""

from __future__ import annotations

from discord_support import build_brief, limit_problems

from bot.discord_app.embeds import (
    ELLIPSIS,
    MESSAGES_PER_BRIEF_MAX,
    brief_messages,
    shorten,
    split_content,
)
from summarizer.display import display_claim


def all_fields(messages):  # type: ignore[no-untyped-def]
    return [field for message in messages for embed in message.embeds for field in embed.fields]


def test_short_brief_is_one_embed_with_linked_title_summary_speakers_and_footer() -> None:
    brief = build_brief(words=50, speakers=2)
    [message] = brief_messages(brief)
    [embed] = message.embeds
    assert embed.title == brief.article.title
    assert embed.url == brief.article.url
    assert brief.summary[0].text in (embed.description or "")
    assert "UPI" in (embed.footer.text or "") and "2015-10-04" in (embed.footer.text or "")
    names = [field.name for field in embed.fields]
    assert names == ["Speaker 0 (official)", "Speaker 1 (official)"]
    assert display_claim(brief.speakers[0].claims[0]) in (embed.fields[0].value or "")


def test_30000_word_article_fits_one_message_with_shortened_summary() -> None:
    brief = build_brief(words=30_000, speakers=3)
    messages = brief_messages(brief)
    assert [limit_problems(message) for message in messages] == [[]] * len(messages)
    description = messages[0].embeds[0].description or ""
    assert description.startswith("• word word")
    assert ELLIPSIS in description
    assert len(all_fields(messages)) == 3


def test_40_speakers_are_all_shown_within_limits_across_embeds() -> None:
    brief = build_brief(words=500, speakers=40, claims_per_speaker=1, claim_words=5)
    messages = brief_messages(brief)
    assert [limit_problems(message) for message in messages] == [[]] * len(messages)
    names = [field.name for field in all_fields(messages)]
    assert names == [f"Speaker {index} (official)" for index in range(40)]
    assert max(len(embed.fields) for m in messages for embed in m.embeds) == 25


def test_40_speakers_with_long_claims_split_into_messages_and_count_the_rest() -> None:
    brief = build_brief(words=30_000, speakers=40, claims_per_speaker=5, claim_words=300)
    messages = brief_messages(brief)
    assert [limit_problems(message) for message in messages] == [[]] * len(messages)
    assert len(messages) == MESSAGES_PER_BRIEF_MAX
    shown = len(all_fields(messages))
    assert messages[-1].content == f"{ELLIPSIS} and {40 - shown} more speakers not shown."
    assert all("more" in (field.value or "") for field in all_fields(messages))


def test_long_title_and_speaker_names_are_shortened_not_refused() -> None:
    brief = build_brief(words=100, title="Headline " * 200, speakers=1)
    long_name = brief.speakers[0].__class__("Name " * 100, brief.speakers[0].claims)
    brief = brief.__class__(brief.article, brief.summary, brief.claims, (long_name,), "english")
    [message] = brief_messages(brief)
    assert limit_problems(message) == []
    assert (message.embeds[0].title or "").endswith(ELLIPSIS)


def test_brief_of_uploaded_text_has_no_link() -> None:
    [message] = brief_messages(build_brief(url=None))
    assert message.embeds[0].url is None
    assert message.embeds[0].title == "Russia launches airstrikes in Syria"


def test_shorten_cuts_at_a_word_boundary() -> None:
    assert shorten("the quick brown fox", 12) == "the quick" + ELLIPSIS
    assert shorten("short", 12) == "short"


def test_split_content_keeps_every_line_and_respects_2000() -> None:
    lines = [f"line {index} " + "x" * 90 for index in range(60)]
    pieces = split_content("\n".join(lines))
    assert all(len(piece) <= 2000 for piece in pieces)
    assert "\n".join(pieces).splitlines() == lines
    assert len(pieces) == 3
