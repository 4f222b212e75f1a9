"""The console channel: try the bot with no chat account.

Each line on stdin is a message from user ``console`` in channel ``console``;
replies are printed to stdout as text. Commands work as on any platform
(``/summarize ...``, ``/newsbrief help``). At the end of input the channel
finishes the work in progress, then returns.
"""

from __future__ import annotations

import asyncio
import threading
import uuid
from collections.abc import AsyncIterator
from typing import TextIO

from bot.events import ChatEvent
from bot.replies import Reply
from bot.reply_text import reply_as_text
from bot.service import BriefingService

PLATFORM = CHANNEL = USER = "console"


class ConsoleChannel:
    platform = PLATFORM

    def __init__(
        self,
        service: BriefingService,
        *,
        stdin: TextIO,
        stdout: TextIO,
        session: str | None = None,
    ) -> None:
        self._service = service
        self._stdin = stdin
        self._stdout = stdout
        #: Message ids are "<session>/<line number>": unique across runs, so a line of a
        #: new run is never mistaken for a redelivery of an earlier run's line.
        self._session = session or uuid.uuid4().hex[:8]
        self._replies_posted = 0

    async def run(self) -> None:
        """Handle every line concurrently, as a chat would; return once all are answered."""
        handling: list[asyncio.Task[None]] = []
        number = 0
        async for line in _lines(self._stdin):
            number += 1
            if line.strip():
                message_id = f"{self._session}/{number}"
                event = ChatEvent(PLATFORM, CHANNEL, USER, message_id, line.strip())
                handling.append(asyncio.create_task(self._service.handle(event, self._post)))
        await asyncio.gather(*handling)

    async def send(self, channel: str, reply: Reply) -> str | None:
        """Post without a message to answer (e.g. a scheduled digest)."""
        return await self._post(reply)

    async def _post(self, reply: Reply) -> str | None:
        self._replies_posted += 1
        self._stdout.write(reply_as_text(reply) + "\n")
        self._stdout.flush()
        return f"reply {self._replies_posted} above"


async def _lines(stream: TextIO) -> AsyncIterator[str]:
    """Lines of ``stream`` read on a daemon thread: works for pipes, files and terminals
    alike, and never keeps the process alive on Ctrl-C while waiting for input."""
    loop = asyncio.get_running_loop()
    queue: asyncio.Queue[str | None] = asyncio.Queue()

    def read() -> None:
        try:
            for line in stream:
                loop.call_soon_threadsafe(queue.put_nowait, line)
            loop.call_soon_threadsafe(queue.put_nowait, None)
        except RuntimeError:  # the loop closed (Ctrl-C) while this thread waited for input
            return

    threading.Thread(target=read, name="newsbrief-stdin", daemon=True).start()
    while (line := await queue.get()) is not None:
        yield line
