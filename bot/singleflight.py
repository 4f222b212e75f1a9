"""Single flight: concurrent requests for the same key share one piece of work."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class SingleFlight(Generic[K, V]):
    """``await flights.run(key, work)``: the first caller for ``key`` starts ``work()``;
    callers arriving while it runs await the same result (or the same exception).
    Once it finishes the key is free again (results are cached elsewhere)."""

    def __init__(self) -> None:
        self._running: dict[K, asyncio.Future[V]] = {}

    def __len__(self) -> int:
        return len(self._running)

    async def run(self, key: K, work: Callable[[], Awaitable[V]]) -> V:
        flight = self._running.get(key)
        if flight is None:
            flight = asyncio.ensure_future(work())
            self._running[key] = flight
            flight.add_done_callback(lambda _done: self._running.pop(key, None))
        # Shielded: one caller giving up (cancelled) does not cancel the others' work.
        return await asyncio.shield(flight)
