"""A digest rendered natively per platform: Block Kit on Slack, embeds on Discord, text on the
console; a big digest is split over messages that each keep every platform limit."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import discord_support
import slack_support
from bot_support import fresh_database, running_bot
from digest_builders import big_digest, build_story, huge_digest

from bot.console import DIGEST_MESSAGE_MAX_CHARS, ConsoleChannel
from bot.digest.app import sender
from bot.digest.render import MESSAGES_PER_DIGEST_MAX, NOTHING_NEW
from bot.digest.stories import Digest
from bot.discord_app.render import render_reply as discord_render
from bot.discord_app.render import render_reply_as_text as discord_render_as_text
from bot.replies import DigestReply
from bot.slack_app.render import render_messages as slack_render
from summarizer.settings import FetchSettings


def slack_texts(kwargs: dict[str, Any]) -> str:
    parts = [kwargs["text"]]
    for block in kwargs["blocks"]:
        parts += [block["text"]["text"]] if "text" in block else []
        parts += [element["text"] for element in block.get("elements", [])]
    return "\n".join(parts)


def test_slack_digest_has_header_linked_stories_and_claims_side_by_side() -> None:
    [message] = slack_render(DigestReply(Digest((build_story(1), build_story(2)), more=3)))
    blocks = message.as_kwargs()["blocks"]
    assert blocks[0] == {
        "type": "header",
        "text": {"type": "plain_text", "text": "Digest: 5 stories", "emoji": False},
    }
    text = slack_texts(message.as_kwargs())
    assert "*<https://upi.example/1|Story 1: ministers meet over the harbour &lt;dispute&gt;" in (
        text
    )
    assert "<https://reu.example/1|Reuters> · <https://bbc.example/1|BBC News>" in text
    assert "shared 1× · 4 sources" in text
    assert "• *Speaker 2.0*\n      ◦ _UPI_: UPI says claimed" in text
    assert "◦ _Al Jazeera_: Al Jazeera says claimed" in text
    assert blocks[-1]["type"] == "context" and blocks[-1]["elements"][0]["text"] == "+3 more"
    assert "Story 1" in message.text and "Speaker 1.0" in message.text


def test_slack_big_digest_is_split_into_messages_within_every_limit() -> None:
    messages = slack_render(DigestReply(big_digest()))
    assert len(messages) > 1
    for message in messages:
        assert slack_support.limit_problems(message.as_kwargs()) == []
    shown = "\n".join(slack_texts(message.as_kwargs()) for message in messages)
    assert all(f"|Story {n}: ministers" in shown for n in range(1, 13))
    assert "more speakers_" in shown  # thirty speakers do not all fit: the rest are counted
    assert messages[-1].blocks[-1]["elements"][0]["text"] == "+5 more"


def test_discord_digest_is_one_embed_per_story_with_a_field_per_speaker() -> None:
    [message] = discord_render(DigestReply(Digest((build_story(1), build_story(2)), more=3)))
    assert message.content == "**Digest: 5 stories**"
    first, second = message.embeds
    assert first.title == "1. Story 1: ministers meet over the harbour <dispute> & tariffs"
    assert first.url == "https://upi.example/1"
    assert first.description is not None
    assert "[Reuters](https://reu.example/1) · [BBC News](https://bbc.example/1)" in (
        first.description
    )
    assert [field.name for field in second.fields] == ["Speaker 2.0", "Speaker 2.1", "Speaker 2.2"]
    value = str(second.fields[0].value).splitlines()
    assert value[0].startswith("**UPI**: UPI says") and value[3].startswith("**Al Jazeera**:")
    assert second.footer.text == "+3 more"


def test_discord_big_digest_is_split_into_messages_within_every_limit() -> None:
    messages = discord_render(DigestReply(big_digest()))
    assert len(messages) > 1
    for message in messages:
        assert discord_support.limit_problems(message) == []
    titles = [embed.title for message in messages for embed in message.embeds]
    assert titles == [f"{n}. {build_story(n).title}" for n in range(1, 13)]
    assert all(embed.fields[-1].value.endswith("more speakers") for embed in messages[0].embeds)


def test_discord_without_embed_permission_gets_the_digest_as_text() -> None:
    messages = discord_render_as_text(DigestReply(big_digest()))
    assert all(not message.embeds and len(message.content) <= 2000 for message in messages)
    text = "\n".join(message.content for message in messages)
    assert text.startswith("News digest: 17 stories\n\n1. Story 1: ministers")
    assert "     Speaker 1.0\n       UPI: UPI says claimed" in text


# -- the message cap: a huge digest -------------------------------------------------------

SHOW_ALL = "newsbrief digest --platform {} --channel {} --last --stories 55"


def left_out_note(shown: int, command: str) -> str:
    """What the last message says when the cap left stories out (55 found, 50 in the digest)."""
    return (
        f"+{55 - shown} more stories ({50 - shown} did not fit in 10 messages); "
        f"to list them all, run on the bot's host: `{command}`"
    )


def test_slack_huge_digest_takes_ten_messages_and_the_last_says_what_was_left_out() -> None:
    messages = slack_render(DigestReply(huge_digest("slack", "C0DIGEST")))
    assert len(messages) == MESSAGES_PER_DIGEST_MAX
    assert all(slack_support.limit_problems(message.as_kwargs()) == [] for message in messages)
    blocks = [block for message in messages for block in message.blocks]
    titles = [b["text"]["text"] for b in blocks if "|Story " in b.get("text", {}).get("text", "")]
    shown = len(titles)
    assert 20 <= shown < 50
    assert [title.split("|")[1].split(":")[0] for title in titles] == [
        f"Story {n}" for n in range(1, shown + 1)
    ]  # the top stories, in order, none skipped
    note = messages[-1].blocks[-1]["elements"][0]["text"]
    assert note == left_out_note(shown, SHOW_ALL.format("slack", "C0DIGEST"))


def test_discord_huge_digest_takes_ten_messages_and_the_last_says_what_was_left_out() -> None:
    messages = discord_render(DigestReply(huge_digest("discord", "4242")))
    assert len(messages) == MESSAGES_PER_DIGEST_MAX
    assert all(discord_support.limit_problems(message) == [] for message in messages)
    titles = [embed.title for message in messages for embed in message.embeds]
    shown = len(titles)
    assert 20 <= shown < 50
    assert titles == [f"{n}. {build_story(n).title}" for n in range(1, shown + 1)]
    assert messages[-1].content == left_out_note(shown, SHOW_ALL.format("discord", "4242"))


def test_discord_huge_digest_as_text_leaves_room_for_the_embed_links_note() -> None:
    messages = discord_render_as_text(DigestReply(huge_digest("discord", "4242")))
    assert len(messages) == MESSAGES_PER_DIGEST_MAX - 1  # the poster adds the permission note
    assert all(not message.embeds and len(message.content) <= 2000 for message in messages)
    text = "\n".join(message.content for message in messages)
    shown = sum(f"\n{n}. Story {n}: " in text for n in range(1, 51))
    assert shown >= 5 and f"\n{shown}. Story {shown}: " in text  # the top ones, in order
    assert "     Speaker 1.0\n       UPI: UPI says claimed" in text
    # a story too long for one message is cut to one, its sources kept
    assert all(f"\n   UPI https://upi.example/{n} · " in text for n in range(1, shown + 1))
    assert text.endswith(left_out_note(shown, SHOW_ALL.format("discord", "4242")))


def test_a_digest_that_fits_shows_every_story_and_no_command() -> None:
    digest = Digest(tuple(build_story(n) for n in range(1, 4)), platform="slack", channel="C1")
    for texts in (
        [slack_texts(message.as_kwargs()) for message in slack_render(DigestReply(digest))],
        [message.content for message in discord_render_as_text(DigestReply(digest))],
    ):
        assert "Story 3: ministers" in "\n".join(texts)
        assert "newsbrief digest" not in "\n".join(texts)


def test_empty_digest_says_nothing_new_on_both_platforms() -> None:
    [slack] = slack_render(DigestReply(Digest(())))
    [discord] = discord_render(DigestReply(Digest(())))
    assert slack.text == NOTHING_NEW and discord.content == NOTHING_NEW


async def test_console_prints_a_digest_as_text(
    tmp_path: Path, fetch_settings: FetchSettings
) -> None:
    stdout = io.StringIO()
    with running_bot(fresh_database(tmp_path), fetch_settings) as bot:
        console = ConsoleChannel(bot.service, stdin=io.StringIO(""), stdout=stdout)
        await sender(console)("console", Digest((build_story(1),), more=2))
    output = stdout.getvalue()
    assert output.startswith("News digest: 3 stories\n\n1. Story 1: ministers meet")
    assert "     Speaker 1.0\n       UPI: UPI says claimed" in output
    assert output.rstrip().endswith("+2 more")


async def test_console_huge_digest_is_capped_like_the_chats_and_says_what_was_left_out(
    tmp_path: Path, fetch_settings: FetchSettings
) -> None:
    stdout = io.StringIO()
    with running_bot(fresh_database(tmp_path), fetch_settings) as bot:
        console = ConsoleChannel(bot.service, stdin=io.StringIO(""), stdout=stdout)
        await sender(console)("console", huge_digest("console", "console"))
    output = stdout.getvalue()
    shown = sum(f"\n{n}. Story {n}: " in output for n in range(1, 51))
    assert 5 <= shown < 50 and f"\n{shown}. Story {shown}: " in output  # the top ones, in order
    assert len(output) <= MESSAGES_PER_DIGEST_MAX * (DIGEST_MESSAGE_MAX_CHARS + 2)
    assert output.rstrip().endswith(left_out_note(shown, SHOW_ALL.format("console", "console")))
