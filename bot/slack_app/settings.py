"""The Slack adapter's settings: credentials from the environment, the mode from `newsbrief run`.

Socket Mode (the default) connects out to Slack with the app-level token, so no
public URL is needed. HTTP mode serves Slack's requests at ``/slack/events`` and
needs the signing secret: without it anyone could forge requests, so it refuses
to start rather than accept unsigned ones.
"""

from __future__ import annotations

import argparse
from collections.abc import Mapping
from dataclasses import dataclass, field

from bot.config import Settings
from bot.errors import ConfigError

BOT_TOKEN_ENV = "SLACK_BOT_TOKEN"
APP_TOKEN_ENV = "SLACK_APP_TOKEN"
SIGNING_SECRET_ENV = "SLACK_SIGNING_SECRET"
API_URL_ENV = "SLACK_API_URL"
SOCKET, HTTP = "socket", "http"
EVENTS_PATH = "/slack/events"  # Bolt's default, for events, commands and shortcuts alike
DEFAULT_PORT = 3000


@dataclass(frozen=True)
class SlackSettings:
    bot_token: str = field(repr=False)
    mode: str = SOCKET
    app_token: str | None = field(default=None, repr=False)
    signing_secret: str | None = field(default=None, repr=False)
    #: Web API base URL; None: Slack's (https://slack.com/api/). GovSlack and tests set it.
    api_url: str | None = None
    host: str = "0.0.0.0"
    port: int = DEFAULT_PORT
    upload_max_bytes: int = 10_485_760


def add_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("Slack (when SLACK_BOT_TOKEN is set)")
    group.add_argument(
        "--slack-mode",
        choices=(SOCKET, HTTP),
        default=SOCKET,
        help="socket: connect out with SLACK_APP_TOKEN (default); "
        f"http: serve Slack's requests at {EVENTS_PATH}, signed with SLACK_SIGNING_SECRET",
    )
    group.add_argument("--host", default="0.0.0.0", help="HTTP mode: address to listen on")
    group.add_argument(
        "--port", type=int, default=DEFAULT_PORT, help=f"HTTP mode: port (default {DEFAULT_PORT})"
    )


def is_configured(settings: Settings, args: argparse.Namespace) -> bool:
    return bool(settings.secret(BOT_TOKEN_ENV))


def slack_settings(
    settings: Settings, args: argparse.Namespace, environ: Mapping[str, str]
) -> SlackSettings:
    """The adapter's settings; a ConfigError naming what is missing for the chosen mode."""
    mode = getattr(args, "slack_mode", SOCKET)
    found = SlackSettings(
        bot_token=_required(settings, BOT_TOKEN_ENV, "the Slack app"),
        mode=mode,
        app_token=settings.secret(APP_TOKEN_ENV),
        signing_secret=settings.secret(SIGNING_SECRET_ENV),
        api_url=environ.get(API_URL_ENV) or None,
        host=getattr(args, "host", "0.0.0.0"),
        port=getattr(args, "port", DEFAULT_PORT),
        upload_max_bytes=settings.bot.upload_max_bytes,
    )
    if mode == SOCKET:
        _required(settings, APP_TOKEN_ENV, "Socket Mode (or use --slack-mode http)")
    else:
        _required(settings, SIGNING_SECRET_ENV, "--slack-mode http")
    return found


def _required(settings: Settings, name: str, purpose: str) -> str:
    value = settings.secret(name)
    if not value:
        raise ConfigError(f"{name} must be set in the environment for {purpose}")
    return value
