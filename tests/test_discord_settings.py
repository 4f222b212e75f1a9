"""Which Discord settings the adapter starts with, from the environment and config."""

from __future__ import annotations

import argparse

import pytest

from bot.config import load_settings
from bot.discord_app.client import intents_for
from bot.discord_app.settings import discord_settings, is_configured
from bot.errors import ConfigError


def settings_for(environ: dict[str, str]):  # type: ignore[no-untyped-def]
    return discord_settings(load_settings(environ=environ), environ)


def test_adapter_is_off_without_a_token() -> None:
    assert settings_for({"DISCORD_GUILD_ID": "42"}) is None
    assert not is_configured(load_settings(environ={}), argparse.Namespace())
    assert is_configured(load_settings(environ={"DISCORD_TOKEN": "t"}), argparse.Namespace())


def test_commands_sync_to_the_guild_given_else_globally() -> None:
    assert settings_for({"DISCORD_TOKEN": "t", "DISCORD_GUILD_ID": " 42 "}).guild_id == 42
    assert settings_for({"DISCORD_TOKEN": "t"}).guild_id is None


def test_a_guild_id_that_is_not_a_number_fails_at_start_naming_the_variable() -> None:
    with pytest.raises(ConfigError, match="DISCORD_GUILD_ID"):
        settings_for({"DISCORD_TOKEN": "t", "DISCORD_GUILD_ID": "my-server"})


def test_message_content_intent_is_off_by_default_and_on_by_setting() -> None:
    assert not intents_for(settings_for({"DISCORD_TOKEN": "t"})).message_content
    enabled = settings_for({"DISCORD_TOKEN": "t", "NEWSBRIEF_DISCORD_MESSAGE_CONTENT": "on"})
    assert intents_for(enabled).message_content
    assert intents_for(enabled).guild_messages


def test_token_never_shows_in_repr() -> None:
    assert "sekrit" not in repr(settings_for({"DISCORD_TOKEN": "sekrit"}))
