"""Channel messages through discord.py's own objects (dpytest's fake gateway and HTTP)."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import replace
from pathlib import Path

import discord
import discord.ext.test as dpytest
import pytest
from discord.ext.test import callbacks
from discord_support import (
    CallLog,
    FakeService,
    RecordingInteraction,
    brief_reply,
    other_bot,
    record_payloads,
    record_threads,
    refuse_threads,
    sent_messages,
    start_dpytest,
)

from bot.discord_app.commands import MENU_NAME, build_commands
from bot.discord_app.posting import EMBED_LINKS_NOTE, THREAD_NAME_MAX
from bot.discord_app.typing_indicator import TYPING_RENEW_SECONDS
from bot.events import ChatEvent, EventKind
from bot.replies import BriefReply, Poster, TextReply

LINK = "https://news.example/2015/10/russia-syria"


@pytest.fixture(autouse=True)
async def clean_dpytest():  # type: ignore[no-untyped-def]
    yield
    await dpytest.empty_queue()


async def test_link_in_a_message_is_answered_with_embeds_as_a_reply() -> None:
    service = FakeService(replies=[brief_reply()])
    client = await start_dpytest(service.handle)
    payloads = record_payloads(client)
    posted = await dpytest.message(f"look at this {LINK}")
    [event, own_reply] = service.events
    assert (event.kind, event.text) == (EventKind.MESSAGE, f"look at this {LINK}")
    assert event.message_id == str(posted.id)
    assert event.channel == str(posted.channel.id) and event.user == str(posted.author.id)
    assert not event.is_bot and own_reply.is_bot  # the bot's reply comes back as a message too
    [reply, *_] = sent_messages()
    assert reply.embeds[0].title == "Russia launches airstrikes in Syria"
    assert payloads[0]["message_reference"]["message_id"] == posted.id
    assert payloads[0]["allowed_mentions"]["replied_user"] is False
    assert service.refs == [reply.jump_url]


async def test_without_the_message_content_intent_plain_messages_are_not_read() -> None:
    service = FakeService(replies=[brief_reply()])
    await start_dpytest(service.handle, message_content=False)
    await dpytest.message(LINK)
    assert service.events == []
    assert sent_messages() == []


async def test_a_mention_of_the_bot_is_a_request_even_without_the_intent() -> None:
    service = FakeService()
    client = await start_dpytest(service.handle, message_content=False)
    assert client.user is not None
    await dpytest.message(f"<@{client.user.id}> please brief {LINK}")
    [event] = service.events
    assert event.kind is EventKind.REQUEST and LINK in event.text


async def test_attachments_are_passed_with_name_and_a_reader(tmp_path: Path) -> None:
    article = tmp_path / "statement.txt"
    article.write_text("The ministry said the strikes hit militants.")
    service = FakeService()
    await start_dpytest(service.handle)
    await dpytest.message("see attached", attachments=[str(article)])
    [upload] = service.events[0].attachments
    assert upload.name == "statement.txt"
    assert await upload.read() == article.read_bytes()


async def test_without_embed_links_the_brief_is_sent_as_text_with_a_note() -> None:
    service = FakeService(replies=[brief_reply(speakers=2)])
    await start_dpytest(service.handle)
    channel = dpytest.get_config().channels[0]
    await dpytest.set_permission_overrides(channel.guild.default_role, channel, embed_links=False)
    await dpytest.message(LINK)
    sent = sent_messages()
    assert all(not message.embeds for message in sent)
    assert "Russia launches airstrikes in Syria" in sent[0].content
    assert sent[-1].content == EMBED_LINKS_NOTE


async def test_without_send_messages_nothing_is_posted_and_it_is_logged(
    caplog: pytest.LogCaptureFixture,
) -> None:
    service = FakeService(replies=[brief_reply()])
    await start_dpytest(service.handle)
    channel = dpytest.get_config().channels[0]
    await dpytest.set_permission_overrides(channel.guild.default_role, channel, send_messages=False)
    with caplog.at_level(logging.WARNING, logger="bot.discord_app.posting"):
        await dpytest.message(LINK)
    assert sent_messages() == []
    assert service.refs == [None]
    assert "missing Send Messages" in caplog.text


def threaded_brief(**brief_options: object) -> BriefReply:
    """A brief in a channel whose ``threads`` setting is on."""
    return replace(brief_reply(**brief_options), start_thread=True)


async def test_with_threads_on_briefs_go_into_a_thread_started_on_the_message() -> None:
    service = FakeService(replies=[threaded_brief(), threaded_brief(title="Second story")])
    client = await start_dpytest(service.handle)
    started, payloads = await record_threads(client), record_payloads(client)
    posted = await dpytest.message(f"two stories {LINK}")
    [thread] = started  # one thread for all the replies to the message
    assert (thread["channel_id"], thread["message_id"]) == (posted.channel.id, posted.id)
    assert thread["name"] == "Russia launches airstrikes in Syria"
    first, *rest = sent_messages()
    assert isinstance(first.channel, discord.Thread)
    assert first.channel.parent_id == posted.channel.id
    assert first.embeds[0].title == "Russia launches airstrikes in Syria"
    assert {message.channel.id for message in rest} == {first.channel.id}
    assert rest[-1].embeds[0].title == "Second story"
    assert all("message_reference" not in payload for payload in payloads)
    assert service.refs[0] == first.jump_url


async def test_a_long_title_is_cut_to_discords_thread_name_limit() -> None:
    title = "Officials say " + "very " * 40 + "long headline"
    service = FakeService(replies=[threaded_brief(title=title)])
    client = await start_dpytest(service.handle)
    started = await record_threads(client)
    await dpytest.message(LINK)
    name = started[0]["name"]
    assert len(name) <= THREAD_NAME_MAX
    assert name.startswith("Officials say very") and name.endswith("very…")


async def test_when_discord_refuses_the_thread_the_brief_is_a_reply_and_it_is_logged(
    caplog: pytest.LogCaptureFixture,
) -> None:
    service = FakeService(replies=[threaded_brief()])
    client = await start_dpytest(service.handle)
    await record_threads(client)
    refuse_threads(client)
    payloads = record_payloads(client)
    with caplog.at_level(logging.WARNING, logger="bot.discord_app.posting"):
        posted = await dpytest.message(LINK)
    [reply, *_] = sent_messages()
    assert reply.channel.id == posted.channel.id and reply.embeds
    assert payloads[0]["message_reference"]["message_id"] == posted.id
    assert "Discord refused a thread" in caplog.text


async def test_without_create_public_threads_no_thread_is_asked_for(
    caplog: pytest.LogCaptureFixture,
) -> None:
    service = FakeService(replies=[threaded_brief()])
    client = await start_dpytest(service.handle)
    started = await record_threads(client)
    channel = dpytest.get_config().channels[0]
    await dpytest.set_permission_overrides(
        channel.guild.default_role, channel, create_public_threads=False,
        send_messages_in_threads=True,
    )  # fmt: skip
    with caplog.at_level(logging.WARNING, logger="bot.discord_app.posting"):
        posted = await dpytest.message(LINK)
    assert started == [] and "missing Create Public Threads" in caplog.text
    [reply, *_] = sent_messages()
    assert reply.channel.id == posted.channel.id and reply.embeds


async def test_system_messages_are_not_events() -> None:
    service = FakeService()
    client = await start_dpytest(service.handle)
    message = await dpytest.message("hello")
    service.events.clear()
    message.type = discord.MessageType.pins_add
    await client.on_message(message)
    assert service.events == []


async def test_summarize_menu_briefs_a_bots_message_for_the_person_who_asked() -> None:
    log = CallLog()
    service = FakeService(log, [brief_reply()])
    await start_dpytest(service.handle, message_content=False)
    target = await dpytest.message(f"shared {LINK}", member=other_bot())
    menu = next(c for c in build_commands(service.handle) if c.name == MENU_NAME)
    interaction = RecordingInteraction(log, user_id=4242, channel=target.channel)
    await menu.callback(interaction, target)
    assert log.names() == ["defer", "handle", "edit_original"]
    [event] = service.events
    assert (event.kind, event.message_id, event.user) == (EventKind.REQUEST, str(target.id), "4242")
    assert LINK in event.text and event.is_bot is False
    assert event.event_id == str(interaction.id)


async def test_typing_follows_the_replies_into_the_thread_the_brief_started() -> None:
    """While the brief is made the thread does not exist yet: typing shows in the channel;
    once the brief started the thread, a later reply's typing shows in the thread."""
    typed: list[discord.abc.Messageable] = []
    seen = [asyncio.Event(), asyncio.Event()]
    renewal_due = asyncio.Event()

    async def on_typing(channel: discord.abc.Messageable) -> None:
        typed.append(channel)
        seen[len(typed) - 1].set()

    async def timer(seconds: float) -> None:
        if seconds == TYPING_RENEW_SECONDS:
            await renewal_due.wait()
            renewal_due.clear()

    async def handle(event: ChatEvent, post: Poster) -> None:
        if event.is_bot:  # its own replies come back as messages
            return
        await seen[0].wait()  # typing shows while the brief is made
        await post(threaded_brief())  # the brief starts a thread and goes there
        renewal_due.set()  # a second reply takes a while
        await seen[1].wait()
        await post(TextReply("And the second link: nothing to brief there."))

    client = await start_dpytest(handle)
    client.timer = timer
    await record_threads(client)
    callbacks.set_callback(on_typing, "send_typing")
    try:
        posted = await dpytest.message(LINK)
    finally:
        callbacks.remove_callback("send_typing")
    brief, second = sent_messages()
    assert isinstance(brief.channel, discord.Thread) and second.channel.id == brief.channel.id
    assert [channel.id for channel in typed] == [posted.channel.id, brief.channel.id]


async def test_in_a_dm_a_threaded_brief_is_a_reply_and_no_thread_is_asked_for() -> None:
    service = FakeService(replies=[threaded_brief()])
    client = await start_dpytest(service.handle)
    started, payloads = await record_threads(client), record_payloads(client)
    member = dpytest.get_config().members[0]
    dm = await member.create_dm()
    posted = await dpytest.message(LINK, channel=dm, member=member)
    [reply, *_] = sent_messages()
    assert started == []
    assert reply.channel.id == dm.id and reply.embeds
    assert payloads[0]["message_reference"]["message_id"] == posted.id


async def test_in_a_thread_a_threaded_brief_is_a_reply_there_and_no_thread_is_asked_for() -> None:
    service = FakeService(replies=[threaded_brief(), threaded_brief(title="Second story")])
    client = await start_dpytest(service.handle)
    started, payloads = await record_threads(client), record_payloads(client)
    first = await dpytest.message(f"start {LINK}")
    [thread_request] = started
    thread = client.get_channel(int(sent_messages()[0].channel.id))
    assert isinstance(thread, discord.Thread)
    posted = await dpytest.message(f"more in here {LINK}", channel=thread)
    replies = sent_messages()
    assert len(started) == 1 and thread_request["message_id"] == first.id
    assert {reply.channel.id for reply in replies} == {thread.id}
    assert payloads[-len(replies)]["message_reference"]["message_id"] == posted.id
