"""The Discord adapter on the real briefing service: dpytest's Discord, a real database,
articles served by the local HTTP server, and (once) the real spaCy briefer."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from pathlib import Path

import discord
import discord.ext.test as dpytest
import pytest
from bot_support import Bot, CountingBriefer, article_page, fresh_database, running_bot
from conftest import LocalHTTPServer, Reply, Request
from discord.ext.test import callbacks
from discord_support import (
    CallLog,
    RecordingInteraction,
    limit_problems,
    other_bot,
    record_payloads,
    sent_messages,
    start_dpytest,
)

from bot.discord_app.client import NewsbriefDiscord
from bot.discord_app.commands import MENU_NAME, build_commands
from bot.discord_app.embeds import ELLIPSIS, OutgoingMessage
from summarizer.nlp import load_pipeline
from summarizer.pipeline import Briefer
from summarizer.settings import DEFAULT_MODEL, FetchSettings

SEED = Path(__file__).resolve().parents[1] / "seeds" / "upi-russia-syria-airstrikes.txt"


@pytest.fixture(scope="session")
def spacy_briefer() -> Briefer:
    return Briefer(load_pipeline(DEFAULT_MODEL))  # load_pipeline caches: once per process


@pytest.fixture
def bot(tmp_path: Path, fetch_settings: FetchSettings) -> Iterator[Bot]:
    with running_bot(fresh_database(tmp_path), fetch_settings) as running:
        yield running


@pytest.fixture
def story(http_server: LocalHTTPServer) -> str:
    http_server.route("/story", body=article_page("Minister announces budget"))
    return http_server.url("/story")


@pytest.fixture(autouse=True)
async def clean_dpytest():  # type: ignore[no-untyped-def]
    yield
    await dpytest.empty_queue()
    callbacks.remove_callback("send_typing")


def channel() -> discord.TextChannel:
    found = dpytest.get_config().channels[0]
    assert isinstance(found, discord.TextChannel)
    return found


def command(client: NewsbriefDiscord, name: str):  # type: ignore[no-untyped-def]
    return next(c for c in build_commands(client.handle) if c.name == name)


async def test_a_pasted_link_gets_a_real_brief_as_embeds(
    tmp_path: Path, fetch_settings: FetchSettings, spacy_briefer: Briefer,
    http_server: LocalHTTPServer,
) -> None:  # fmt: skip
    http_server.route("/seed", body=SEED.read_bytes(), content_type="text/plain; charset=utf-8")
    seed_text = SEED.read_text()
    database = fresh_database(tmp_path)
    with running_bot(database, fetch_settings, briefer=spacy_briefer) as running:
        client = await start_dpytest(running.service.handle)
        payloads = record_payloads(client)
        posted = await dpytest.message(f"Russia's air campaign: {http_server.url('/seed')}")
    [reply] = sent_messages()
    head = reply.embeds[0]
    assert head.title == seed_text.splitlines()[0].strip()
    bullets = (head.description or "").split("\n")[:3]
    assert all(bullet.startswith("• ") and bullet[2:] in seed_text for bullet in bullets)
    speakers = [field.name or "" for embed in reply.embeds for field in embed.fields]
    assert speakers and all(name.split(" (")[0].lower() in seed_text.lower() for name in speakers)
    assert payloads[0]["message_reference"]["message_id"] == posted.id
    assert limit_problems(OutgoingMessage(reply.content or "", tuple(reply.embeds))) == []


async def test_the_same_link_again_points_at_the_first_brief(bot: Bot, story: str) -> None:
    await start_dpytest(bot.service.handle)
    await dpytest.message(f"budget news {story}")
    [first] = sent_messages()
    await dpytest.message(f"did you see {story}?", member=1)
    [again] = sent_messages()
    assert not again.embeds
    assert first.jump_url in again.content and story in again.content


async def test_a_redelivered_message_and_the_bots_own_replies_get_no_answer(
    bot: Bot, story: str
) -> None:
    client = await start_dpytest(bot.service.handle)
    posted = await dpytest.message(story)
    assert len(sent_messages()) == 1  # the reply, itself seen as a message, is not answered
    await client.on_message(posted)
    assert sent_messages() == []


async def test_other_bots_links_get_no_answer(bot: Bot, story: str) -> None:
    await start_dpytest(bot.service.handle)
    await dpytest.message(story, member=other_bot())
    assert sent_messages() == []


async def test_changing_settings_needs_manage_channels(bot: Bot, story: str) -> None:
    client = await start_dpytest(bot.service.handle)
    log = CallLog()
    refused = RecordingInteraction(log, channel=channel(), manage_channels=False)
    await command(client, "newsbrief").callback(refused, options="settings auto off")
    answer = log.first("followup")
    assert answer["ephemeral"] is True and "manage the channel" in str(answer["content"])
    await dpytest.message(story)
    assert len(sent_messages()) == 1, "the setting did not change: links are still briefed"

    allowed = RecordingInteraction(log, interaction_id=9002, channel=channel())
    await command(client, "newsbrief").callback(allowed, options="settings auto off")
    await dpytest.message(story)
    assert sent_messages() == []


async def test_uploads_are_briefed_and_other_files_refused(bot: Bot, tmp_path: Path) -> None:
    statement = tmp_path / "statement.txt"
    statement.write_text("The minister said the budget adds money for schools. " * 5)
    notes = tmp_path / "notes.docx"
    notes.write_bytes(b"PK\x03\x04")
    await start_dpytest(bot.service.handle)
    await dpytest.message("our statement", attachments=[str(statement)])
    [brief] = sent_messages()
    assert "The minister said the budget adds money for schools." in (
        brief.embeds[0].description or ""
    )
    await dpytest.message("notes", attachments=[str(notes)])
    [refusal] = sent_messages()
    assert "notes.docx" in refusal.content and not refusal.embeds


async def test_summarize_menu_uses_the_service_and_answers_privately_when_empty(
    bot: Bot, story: str
) -> None:
    client = await start_dpytest(bot.service.handle, message_content=False)
    log = CallLog()
    with_link = await dpytest.message(f"read {story}")
    menu = command(client, MENU_NAME)
    await menu.callback(RecordingInteraction(log, channel=channel()), with_link)
    assert log.names() == ["defer", "edit_original"]
    embeds = log.first("edit_original")["embeds"]
    assert embeds[0].title == "Minister announces budget"  # type: ignore[index]

    log.calls.clear()
    chatter = await dpytest.message("lunch?")
    await menu.callback(RecordingInteraction(log, interaction_id=9002, channel=channel()), chatter)
    assert log.names() == ["defer", "delete_original", "followup"]
    assert log.first("followup")["ephemeral"] is True


async def test_summarize_command_error_is_private(bot: Bot, http_server: LocalHTTPServer) -> None:
    http_server.route("/gone", status=404, body="not here")
    client = await start_dpytest(bot.service.handle)
    log = CallLog()
    interaction = RecordingInteraction(log, channel=channel())
    await command(client, "summarize").callback(interaction, url=http_server.url("/gone"))
    assert log.names() == ["defer", "delete_original", "followup"]
    answer = log.first("followup")
    assert answer["ephemeral"] is True and str(answer["content"]).startswith("⚠")


async def test_a_30000_word_article_is_posted_within_discord_limits(
    bot: Bot, http_server: LocalHTTPServer
) -> None:
    words = " ".join(f"w{n % 50}" for n in range(30_000))  # under the 200 kB fetch cap
    http_server.route("/long", body=words, content_type="text/plain; charset=utf-8")
    client = await start_dpytest(bot.service.handle)
    payloads = record_payloads(client)
    await dpytest.message(http_server.url("/long"))
    [reply] = sent_messages()
    description = reply.embeds[0].description or ""
    assert len(description) <= 4096 and description.endswith(ELLIPSIS)
    assert all(len(payload.get("content") or "") <= 2000 for payload in payloads)
    assert limit_problems(OutgoingMessage(reply.content or "", tuple(reply.embeds))) == []


async def test_typing_shows_while_a_brief_takes_a_while(
    tmp_path: Path, fetch_settings: FetchSettings, http_server: LocalHTTPServer
) -> None:
    """The page is served only once typing was seen, so the order is certain; the
    timer lets the first second pass at once and holds the renewals."""
    typed = threading.Event()
    order: list[str] = []

    def slow_page(request: Request) -> Reply:
        typed.wait(timeout=5)
        return Reply(body=article_page("Slow news").encode())

    async def on_typing(channel: object) -> None:
        order.append("typing")
        typed.set()

    waits: list[float] = []

    async def timer(seconds: float) -> None:
        waits.append(seconds)
        if len(waits) > 1:
            await asyncio.Event().wait()

    http_server.respond("/slow", slow_page)
    callbacks.set_callback(on_typing, "send_typing")
    with running_bot(fresh_database(tmp_path), fetch_settings, briefer=CountingBriefer()) as bot:
        client = await start_dpytest(bot.service.handle)
        client.timer = timer
        await dpytest.message(http_server.url("/slow"))
        order += ["reply" for _ in sent_messages()]
    assert order == ["typing", "reply"]
    assert waits == [1.0, 8.0]
