"""The "newsbrief is typing…" indicator while a brief of a channel message takes a while.

Shown only after a second: a message with nothing to brief is answered (or
ignored) sooner, so the indicator means a brief is really on its way. Discord
shows one trigger for about 10 seconds, so it is renewed until the work ends.

It shows where the replies go at that moment (``Destination``). Where the
channel's ``threads`` setting puts a brief in a thread, that thread is started
only once the brief is ready: the service decides on it then, and a thread
started earlier would stay empty when the message has nothing to brief. So the
indicator shows in the channel while the brief is made and follows the replies
into the thread once it exists. Discord has no call that stops an indicator: the
channel's fades within about 10 seconds of its last trigger.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager, suppress

import discord

log = logging.getLogger(__name__)

#: Waits a number of seconds (``asyncio.sleep``; tests pass a timer they control).
Timer = Callable[[float], Awaitable[None]]
#: Where the replies go now: the message's channel, or the thread a brief started.
Destination = Callable[[], discord.abc.Messageable]
TYPING_AFTER_SECONDS = 1.0
#: Discord shows a typing trigger for about 10 s; renew it before it runs out.
TYPING_RENEW_SECONDS = 8.0


@asynccontextmanager
async def typing_while_slow(where: Destination, timer: Timer) -> AsyncIterator[None]:
    """Show typing where the replies go, from one second into the body until it ends."""
    typing = asyncio.create_task(keep_typing(where, timer))
    try:
        yield
    finally:
        typing.cancel()
        with suppress(asyncio.CancelledError):
            await typing


async def keep_typing(where: Destination, timer: Timer) -> None:
    """Trigger typing after a second, then renew it; a refusal only gets logged
    (the bot may not send messages there, which the reply will log too)."""
    await timer(TYPING_AFTER_SECONDS)
    channel = where()
    try:
        while True:
            await channel.typing()
            await timer(TYPING_RENEW_SECONDS)
            channel = where()
    except discord.HTTPException as error:
        log.info("no typing indicator in %s: %s", getattr(channel, "id", "?"), error)
