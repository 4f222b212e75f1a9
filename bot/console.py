"""The console channel: try the bot with no chat account.

Each line on stdin is a message from user ``console`` in channel ``console``;
replies are printed to stdout as text. Commands work as on any platform
(``/summarize ...``, ``/newsbrief help``). A digest is split into messages and capped
like on the chat platforms. At the end of input the channel finishes the work in
progress, then returns.
"""

from __future__ import annotations

import asyncio
import threading
import uuid
from collections.abc import AsyncIterator
from functools import partial
from typing import TextIO

from bot.digest.render import render_digest_messages
from bot.events import ChatEvent
from bot.replies import DigestReply, Reply
from bot.reply_text import reply_as_text
from bot.service import BriefingService

PLATFORM = CHANNEL = USER = "console"
#: Characters per message of a digest. A terminal has no limit; splitting a digest into
#: messages this size subjects it to the same cap as on Slack and Discord
#: (``MESSAGES_PER_DIGEST_MAX``), whose last message says how many stories were left out
#: and which ``newsbrief digest`` command lists them all.
DIGEST_MESSAGE_MAX_CHARS = 4_000


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
        text = await _as_text(reply)
        self._replies_posted += 1
        self._stdout.write(text + "\n")
        self._stdout.flush()
        return f"reply {self._replies_posted} above"


async def _as_text(reply: Reply) -> str:
    """The reply for the terminal, ending with a newline. A digest is its capped messages,
    rendered on a thread as the chat adapters do (a large one takes ~150 ms that would
    hold up every other line)."""
    if not isinstance(reply, DigestReply):
        return reply_as_text(reply)
    render = partial(render_digest_messages, reply.digest, DIGEST_MESSAGE_MAX_CHARS)
    return "\n\n".join(await asyncio.to_thread(render)) + "\n"


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
