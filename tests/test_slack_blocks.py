"""A brief as Block Kit: what readers see, and Slack's limits kept by shortening."""

from __future__ import annotations

import re
from typing import Any

from slack_support import build_brief, limit_problems

from bot.slack_app.blocks import brief_message
from summarizer.display import display_claim


def texts(payload: dict[str, Any]) -> list[str]:
    found = []
    for block in payload["blocks"]:
        if "text" in block:
            found.append(block["text"]["text"])
        found += [element["text"] for element in block.get("elements", [])]
    return found


def test_brief_shows_title_link_summary_speakers_and_byline() -> None:
    brief = build_brief(words=400, sentences=2, speakers=2, claim_words=5)
    payload = brief_message(brief).as_kwargs()
    blocks = payload["blocks"]
    joined = "\n".join(texts(payload))
    assert blocks[0] == {
        "type": "header",
        "text": {"type": "plain_text", "text": brief.article.title, "emoji": False},
    }
    assert "<https://news.example/story|Russia launches airstrikes in Syria>" in joined
    assert "UPI · 2015-10-04 · 2 min read" in joined
    assert all(sentence.text in joined for sentence in brief.summary)
    assert "*Who claims what*" in joined
    for entry in brief.speakers:
        assert f"• *{entry.speaker} (official)*" in joined
        assert all(display_claim(claim) in joined for claim in entry.claims)
    assert payload["text"].startswith("Russia launches airstrikes in Syria")
    assert limit_problems(payload) == []


def test_long_article_with_forty_speakers_fits_one_message_and_says_what_was_left_out() -> None:
    brief = build_brief(words=30_000, sentences=5, speakers=40, claims_per_speaker=6)
    payload = brief_message(brief).as_kwargs()
    joined = "\n".join(texts(payload))
    assert limit_problems(payload) == []
    shown = len(re.findall(r"• \*Speaker \d+ \(official\)\*", joined))
    left_out = re.search(r"(\d+) more speakers did not fit in one Slack message", joined)
    assert shown >= 20
    assert left_out is not None and shown + int(left_out.group(1)) == 40


def test_article_without_sentence_breaks_is_shortened_not_rejected() -> None:
    brief = build_brief(words=30_000, sentences=1, sentence_words=30_000, speakers=3)
    payload = brief_message(brief).as_kwargs()
    assert limit_problems(payload) == []
    assert any(text.startswith("*Summary*\n• word word") for text in texts(payload))


def test_speaker_with_more_claims_than_fit_ends_with_a_count() -> None:
    brief = build_brief(speakers=1, claims_per_speaker=200, claim_words=40)
    payload = brief_message(brief).as_kwargs()
    speaker_text = next(text for text in texts(payload) if "Speaker 0" in text)
    assert limit_problems(payload) == []
    assert re.search(r"_…and \d+ more_$", speaker_text)


def test_long_title_is_cut_to_the_header_limit() -> None:
    payload = brief_message(build_brief(title="Breaking " * 40)).as_kwargs()
    header = payload["blocks"][0]["text"]["text"]
    assert len(header) <= 150 and header.endswith("…")
    assert limit_problems(payload) == []


def test_markup_characters_in_the_article_are_escaped() -> None:
    brief = build_brief(title="Tom & Jerry <b>say</b>", url="https://news.example/a?x=1&y=2")
    joined = "\n".join(texts(brief_message(brief).as_kwargs()))
    assert "<https://news.example/a?x=1&amp;y=2|Tom &amp; Jerry &lt;b&gt;say&lt;/b&gt;>" in joined


def test_upload_without_url_has_no_link() -> None:
    payload = brief_message(build_brief(url=None)).as_kwargs()
    assert payload["blocks"][0]["text"]["text"] == "Russia launches airstrikes in Syria"
    assert not any("<http" in text for text in texts(payload))
