"""Bolt listeners: each acknowledges Slack, translates the payload, and hands it to the service.

Bolt answers Slack's HTTP request (or Socket Mode envelope) as soon as a listener
acknowledges; for events it acknowledges before the listener runs. The work then
goes on in the listener's task, so every command is acknowledged within
milliseconds, whatever the brief takes.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp, AsyncBoltContext
from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.webhook.async_client import AsyncWebhookClient

from bot.events import ChatEvent
from bot.replies import Poster
from bot.slack_app.files import SlackFiles
from bot.slack_app.posting import (
    Destination,
    ProgressSign,
    Reaction,
    SlackPoster,
    Timer,
    WorkingNote,
    progress,
)
from bot.slack_app.translate import (
    command_event,
    mention_event,
    mentions_user,
    message_event,
    shortcut_event,
)

Handler = Callable[[ChatEvent, Poster], Awaitable[None]]
WebhookFactory = Callable[[str], AsyncWebhookClient]
#: The message shortcut's callback_id, as in slack-manifest.yaml.
SUMMARIZE_SHORTCUT = "summarize_message"
#: Every slash command goes to the service, which knows the grammar (and answers
#: commands it does not know); the manifest decides which ones Slack offers.
ANY_COMMAND = re.compile(r"^/\S+$")


class InFlight:
    """Counts work in progress, so shutdown (and tests) can wait for it to finish."""

    def __init__(self) -> None:
        self._count = 0
        self._changed = asyncio.Condition()

    @asynccontextmanager
    async def track(self) -> AsyncIterator[None]:
        self._count += 1
        try:
            yield
        finally:
            async with self._changed:
                self._count -= 1
                self._changed.notify_all()

    async def idle(self) -> None:
        async with self._changed:
            await self._changed.wait_for(lambda: self._count == 0)


class SlackListeners:
    def __init__(
        self,
        handle: Handler,
        client: AsyncWebClient,
        files: SlackFiles,
        webhook: WebhookFactory,
        timer: Timer,
    ) -> None:
        self._handle = handle
        self._client = client
        self._files = files
        self._webhook = webhook
        self._timer = timer
        self.in_flight = InFlight()

    def register(self, app: AsyncApp) -> None:
        app.event("message")(self.on_message)
        app.event("app_mention")(self.on_mention)
        app.command(ANY_COMMAND)(self.on_command)
        app.shortcut(SUMMARIZE_SHORTCUT)(self.on_shortcut)

    async def on_message(
        self, event: dict[str, Any], body: dict[str, Any], context: AsyncBoltContext
    ) -> None:
        """A channel or DM message. One that mentions the bot is left to ``on_mention``
        (Slack sends both events for it), except in DMs, where no app_mention comes."""
        text = str(event.get("text", ""))
        if event.get("channel_type") != "im" and mentions_user(text, context.bot_user_id):
            return
        event = await self._with_file_details(event)
        chat_event = message_event(event, body.get("event_id"), self._files.reader)
        if chat_event is not None:
            await self._answer_message(chat_event)

    async def on_mention(self, event: dict[str, Any], body: dict[str, Any]) -> None:
        event = await self._with_file_details(event)
        await self._answer_message(mention_event(event, body.get("event_id"), self._files.reader))

    async def on_command(self, ack: AsyncAck, command: dict[str, Any]) -> None:
        await ack()
        chat_event = command_event(command)
        webhook = self._webhook(str(command["response_url"]))
        where = Destination(chat_event.channel, chat_event.user)
        await self._run(chat_event, SlackPoster(self._client, where, webhook), WorkingNote(webhook))

    async def on_shortcut(self, ack: AsyncAck, shortcut: dict[str, Any]) -> None:
        await ack()
        message = await self._with_file_details(shortcut.get("message", {}))
        chat_event = shortcut_event({**shortcut, "message": message}, self._files.reader)
        webhook = self._webhook(str(shortcut["response_url"]))
        where = self._thread_of(chat_event)
        sign = Reaction(self._client, chat_event.channel, chat_event.message_id)
        await self._run(chat_event, SlackPoster(self._client, where, webhook), sign)

    async def _answer_message(self, chat_event: ChatEvent) -> None:
        where = self._thread_of(chat_event)
        sign = Reaction(self._client, chat_event.channel, chat_event.message_id)
        await self._run(chat_event, SlackPoster(self._client, where, None), sign)

    async def _with_file_details(self, message: dict[str, Any]) -> dict[str, Any]:
        if not message.get("files"):
            return message
        return {**message, "files": await self._files.described(message["files"])}

    @staticmethod
    def _thread_of(chat_event: ChatEvent) -> Destination:
        """The message's thread: its own, or the thread it was posted in."""
        thread = chat_event.thread_id or chat_event.message_id or None
        return Destination(chat_event.channel, chat_event.user, thread)

    async def _run(self, chat_event: ChatEvent, poster: Poster, sign: ProgressSign) -> None:
        async with self.in_flight.track(), progress(sign, self._timer):
            await self._handle(chat_event, poster)
