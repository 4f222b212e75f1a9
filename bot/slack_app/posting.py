"""Posting the service's replies to Slack, and the ⏳ shown while a brief takes a while.

Public replies go through ``chat.postMessage`` (in the message's thread when there is
one), whose ``ts`` the service keeps so a later "already briefed" reply can link to
the brief. Private replies (errors of commands and requests) go to the asking user
alone: through the command's or shortcut's ``response_url`` when there is one, else
as ``chat.postEphemeral``.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager, suppress
from dataclasses import dataclass
from typing import Any, Protocol

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.webhook.async_client import AsyncWebhookClient

from bot.errors import BotError
from bot.replies import AlreadyBriefed, DigestReply, Reply
from bot.slack_app.blocks import SlackMessage
from bot.slack_app.render import render_messages

log = logging.getLogger(__name__)

#: Waits a number of seconds (``asyncio.sleep``; tests pass a timer they control).
Timer = Callable[[float], Awaitable[None]]
#: A brief taking longer than this gets a progress sign.
PROGRESS_AFTER_SECONDS = 1.0
PROGRESS_REACTION = "hourglass_flowing_sand"
WORKING_TEXT = ":hourglass_flowing_sand: Working on it…"
#: Errors of chat.postMessage where a command's response_url can still answer in the
#: channel: the bot is not a member of it (or cannot see it, e.g. another person's DM).
NOT_A_MEMBER = frozenset({"not_in_channel", "channel_not_found"})


@dataclass(frozen=True)
class Destination:
    """Where one event's replies go."""

    channel: str
    user: str = ""
    thread_ts: str | None = None  # answer in this thread


async def rendered(reply: Reply, earlier_link: str | None) -> list[SlackMessage]:
    """The messages of ``reply``; a digest is rendered on a thread, as a large one takes
    ~150 ms that would stall every other event of the bot."""
    if isinstance(reply, DigestReply):
        return await asyncio.to_thread(render_messages, reply, earlier_link)
    return render_messages(reply, earlier_link)


class SlackPoster:
    """The service's ``Poster`` for one event: renders each reply and sends it. ``webhook``
    is the event's response_url (slash commands and shortcuts have one)."""

    def __init__(
        self, client: AsyncWebClient, destination: Destination, webhook: AsyncWebhookClient | None
    ) -> None:
        self._client = client
        self._to = destination
        self._webhook = webhook

    async def __call__(self, reply: Reply) -> str | None:
        """Post every message of ``reply``; returns the first one's ``ts`` (public only)."""
        first: str | None = None
        for message in await rendered(reply, await self._earlier_link(reply)):
            if reply.private:
                await self.post_private(message)
                continue
            posted = await self.post_public(message)
            first = first or posted
        return first

    async def post_public(self, message: SlackMessage) -> str | None:
        """Post in the channel (thread); returns the message's ``ts``."""
        try:
            posted = await self._client.chat_postMessage(
                channel=self._to.channel,
                thread_ts=self._to.thread_ts,
                unfurl_links=False,  # the brief already shows the article
                unfurl_media=False,
                **message.as_kwargs(),
            )
        except SlackApiError as error:
            if self._webhook is None or error.response.get("error") not in NOT_A_MEMBER:
                raise
            await respond(self._webhook, response_type="in_channel", **message.as_kwargs())
            return None
        return str(posted["ts"])

    async def post_private(self, message: SlackMessage) -> None:
        if self._webhook is not None:
            await respond(self._webhook, response_type="ephemeral", **message.as_kwargs())
            return
        await self._client.chat_postEphemeral(
            channel=self._to.channel,
            user=self._to.user,
            thread_ts=self._to.thread_ts,
            **message.as_kwargs(),
        )

    async def _earlier_link(self, reply: Reply) -> str | None:
        """The permalink of the earlier brief an "already briefed" reply points at."""
        if not isinstance(reply, AlreadyBriefed) or not reply.earlier.reply_ref:
            return None
        channel, ts = reply.earlier.channel, reply.earlier.reply_ref
        try:
            found = await self._client.chat_getPermalink(channel=channel, message_ts=ts)
        except SlackApiError as error:
            log.warning("no permalink for %s in %s: %s", ts, channel, error)
            return None
        return str(found.get("permalink") or "") or None


class ResponseUrlError(BotError):
    """Slack refused a post to a response_url (expired after 30 minutes, or used 5 times)."""


async def respond(webhook: AsyncWebhookClient, **message: Any) -> None:
    """Post to a command's or shortcut's response_url; a refusal raises (the service logs
    it), as a refused ``chat.postMessage`` does."""
    answer = await webhook.send(**message)
    if answer.status_code != 200:
        raise ResponseUrlError(f"response_url answered HTTP {answer.status_code}: {answer.body}")


class ProgressSign(Protocol):
    """Something shown while a brief takes a while, and taken back when it is done."""

    async def show(self) -> None: ...

    async def hide(self) -> None: ...


class Reaction:
    """The ⏳ reaction on the message being briefed: ``show`` and ``hide`` never fail
    the brief (the bot may lack reactions:write, or not be in the channel)."""

    def __init__(self, client: AsyncWebClient, channel: str, ts: str) -> None:
        self._client = client
        self._channel = channel
        self._ts = ts

    async def show(self) -> None:
        await self._call(self._client.reactions_add)

    async def hide(self) -> None:
        await self._call(self._client.reactions_remove)

    async def _call(self, method: Callable[..., Awaitable[object]]) -> None:
        try:
            await method(channel=self._channel, timestamp=self._ts, name=PROGRESS_REACTION)
        except SlackApiError as error:
            log.info("progress reaction in %s: %s", self._channel, error.response.get("error"))


class WorkingNote:
    """ "Working on it…" for a slash command, only the asking user sees it (there is no
    message to react to). Ephemeral messages cannot be taken back, so ``hide`` does nothing."""

    def __init__(self, webhook: AsyncWebhookClient) -> None:
        self._webhook = webhook

    async def show(self) -> None:
        await respond(self._webhook, response_type="ephemeral", text=WORKING_TEXT)

    async def hide(self) -> None:
        return None


@asynccontextmanager
async def progress(
    sign: ProgressSign, timer: Timer, after: float = PROGRESS_AFTER_SECONDS
) -> AsyncIterator[None]:
    """Show ``sign`` if the body takes longer than ``after`` seconds; hide it when done.
    A sign that fails to show is logged: progress never fails the work it decorates."""
    showing = asyncio.Event()

    async def show_later() -> None:
        await timer(after)
        showing.set()
        try:
            await sign.show()
        except Exception:
            log.exception("could not show progress")

    waiting = asyncio.create_task(show_later())
    try:
        yield
    finally:
        if not showing.is_set():
            waiting.cancel()
        with suppress(asyncio.CancelledError):
            await waiting
        if showing.is_set():
            await sign.hide()
