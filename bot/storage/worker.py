"""Runs :class:`Storage` calls off the event loop, one at a time, on a dedicated thread.

One thread keeps database I/O (a network round trip on PostgreSQL, a file lock
on SQLite) off the event loop, and runs this process's calls in the order they
were made. Atomicity against other processes is the database's (``bot.storage.claims``).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

from bot.storage.store import Storage

T = TypeVar("T")


class DatabaseThread:
    def __init__(self, storage: Storage) -> None:
        self.storage = storage
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newsbrief-db")

    async def run(self, call: Callable[[Storage], T]) -> T:
        """``await db.run(lambda storage: storage.shares(...))``."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, call, self.storage)

    def close(self) -> None:
        """Wait for queued calls, then close the database connections."""
        self._executor.shutdown(wait=True)
        self.storage.close()
