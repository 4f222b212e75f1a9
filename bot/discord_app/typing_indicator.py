"""The "newsbrief is typing…" indicator while a brief of a channel message takes a while.

Shown only after a second: a message with nothing to brief is answered (or
ignored) sooner, so the indicator means a brief is really on its way. Discord
shows one trigger for about 10 seconds, so it is renewed until the work ends.
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
TYPING_AFTER_SECONDS = 1.0
#: Discord shows a typing trigger for about 10 s; renew it before it runs out.
TYPING_RENEW_SECONDS = 8.0


@asynccontextmanager
async def typing_while_slow(
    channel: discord.abc.Messageable, timer: Timer
) -> AsyncIterator[None]:
    """Show typing in ``channel`` from one second into the body until it ends."""
    typing = asyncio.create_task(keep_typing(channel, timer))
    try:
        yield
    finally:
        typing.cancel()
        with suppress(asyncio.CancelledError):
            await typing


async def keep_typing(channel: discord.abc.Messageable, timer: Timer) -> None:
    """Trigger typing after a second, then renew it; a refusal only gets logged
    (the bot may not send messages there, which the reply will log too)."""
    await timer(TYPING_AFTER_SECONDS)
    try:
        while True:
            await channel.typing()
            await timer(TYPING_RENEW_SECONDS)
    except discord.HTTPException as error:
        log.info("no typing indicator in %s: %s", getattr(channel, "id", "?"), error)
