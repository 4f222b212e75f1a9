"""The adapter `newsbrief run` starts: wiring, and Discord's refusals as clear errors."""

from __future__ import annotations

import argparse
from types import SimpleNamespace
from typing import Any

import discord
import discord.ext.test as dpytest
import pytest
from digest_builders import big_digest, huge_digest
from discord_support import FakeService, limit_problems, sent_messages, start_dpytest

from bot import discord_app
from bot.adapters import ADAPTERS, AdapterContext
from bot.config import load_settings
from bot.digest.render import MESSAGES_PER_DIGEST_MAX
from bot.discord_app.adapter import DiscordAdapter, DiscordError
from bot.discord_app.commands import MENU_NAME
from bot.discord_app.embeds import OutgoingMessage
from bot.discord_app.posting import EMBED_LINKS_NOTE
from bot.replies import DigestReply, TextReply


class RefusingClient:
    """Stands in for the client at login: ``start`` raises what Discord answered."""

    def __init__(self, error: Exception) -> None:
        self.error = error
        self.closed = False

    async def start(self, token: str) -> None:
        raise self.error

    async def close(self) -> None:
        self.closed = True


def context(environ: dict[str, str]) -> AdapterContext:
    runtime: Any = SimpleNamespace(settings=load_settings(environ=environ))
    service: Any = FakeService()
    return AdapterContext(service, runtime, argparse.Namespace(), environ)


def test_newsbrief_run_starts_discord_only_with_a_token() -> None:
    [spec] = [spec for spec in ADAPTERS if spec.name == "discord"]
    assert not spec.is_configured(load_settings(environ={}), argparse.Namespace())
    assert spec.is_configured(load_settings(environ={"DISCORD_TOKEN": "t"}), argparse.Namespace())


def test_created_adapter_has_every_command_and_the_menu() -> None:
    adapter = discord_app.create(context({"DISCORD_TOKEN": "t", "DISCORD_GUILD_ID": "42"}))
    assert isinstance(adapter, DiscordAdapter)
    names = {command.name for command in adapter.client.tree.walk_commands()}
    menus = adapter.client.tree.get_commands(type=discord.AppCommandType.message)
    assert names >= {"summarize", "newsbrief", "digest", "feed"}
    assert [menu.name for menu in menus] == [MENU_NAME]
    assert adapter.client.settings.guild_id == 42
    assert not adapter.client.intents.message_content


@pytest.mark.parametrize(
    ("error", "says"),
    [
        (discord.LoginFailure("Improper token"), "DISCORD_TOKEN"),
        (discord.PrivilegedIntentsRequired(None), "Message Content Intent"),
    ],
)
async def test_refusals_at_login_name_the_fix(error: Exception, says: str) -> None:
    client = RefusingClient(error)
    adapter = DiscordAdapter(client, "t")  # type: ignore[arg-type]
    with pytest.raises(DiscordError, match=says):
        await adapter.run()
    assert client.closed


async def test_digests_are_posted_in_the_channel_by_id() -> None:
    client = await start_dpytest(FakeService().handle)
    channel = dpytest.get_config().channels[0]
    reference = await DiscordAdapter(client, "t").send(str(channel.id), TextReply("Your digest"))
    [posted] = sent_messages()
    assert posted.content == "Your digest" and posted.channel.id == channel.id
    assert reference == posted.jump_url
    await dpytest.empty_queue()


async def test_a_big_digest_is_posted_as_several_messages_of_embeds() -> None:
    client = await start_dpytest(FakeService().handle)
    channel = dpytest.get_config().channels[0]
    reference = await DiscordAdapter(client, "t").send(str(channel.id), DigestReply(big_digest()))
    posted = sent_messages()
    assert len(posted) > 1 and posted[0].content == "**Digest: 17 stories**"
    assert reference == posted[0].jump_url
    for message in posted:
        assert limit_problems(OutgoingMessage(message.content, tuple(message.embeds))) == []
    assert sum(len(message.embeds) for message in posted) == 12
    await dpytest.empty_queue()


async def test_a_huge_digest_without_embed_links_is_ten_text_messages_at_most() -> None:
    client = await start_dpytest(FakeService().handle)
    channel = dpytest.get_config().channels[0]
    await dpytest.set_permission_overrides(channel.guild.default_role, channel, embed_links=False)
    digest = huge_digest("discord", str(channel.id))
    await DiscordAdapter(client, "t").send(str(channel.id), DigestReply(digest))
    posted = sent_messages()
    assert len(posted) == MESSAGES_PER_DIGEST_MAX
    assert all(not message.embeds and len(message.content) <= 2000 for message in posted)
    assert posted[-1].content == EMBED_LINKS_NOTE
    command = f"`newsbrief digest --platform discord --channel {channel.id} --last --stories 55`"
    assert posted[-2].content.endswith(command)
    await dpytest.empty_queue()


async def test_a_digest_that_cannot_be_posted_is_an_error() -> None:
    client = await start_dpytest(FakeService().handle)
    channel = dpytest.get_config().channels[0]
    await dpytest.set_permission_overrides(channel.guild.default_role, channel, send_messages=False)
    with pytest.raises(DiscordError, match=str(channel.id)):
        await DiscordAdapter(client, "t").send(str(channel.id), TextReply("Your digest"))
