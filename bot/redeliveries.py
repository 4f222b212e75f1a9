"""Telling a platform's redelivery of an event from the first delivery.

Platforms deliver an event again when they think the bot missed it (Slack retries
a slow answer), so each delivery id is claimed in the database, where the claim
holds across bot processes. Claims are kept for :data:`EVENT_MEMORY` and the old
ones are cleared at most once per :data:`EVENT_CLEANUP_EVERY`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta

from bot.events import ChatEvent
from bot.storage import DatabaseThread

log = logging.getLogger(__name__)

#: Delivery ids are kept this long; platforms stop redelivering within minutes (Slack:
#: three retries over about 5 minutes).
EVENT_MEMORY = timedelta(days=1)
EVENT_CLEANUP_EVERY = timedelta(hours=1)


class DeliveredEvents:
    """The delivery ids handled so far, claimed on the database thread."""

    def __init__(self, db: DatabaseThread, clock: Callable[[], datetime]) -> None:
        self._db = db
        self._clock = clock
        self._cleaned_at: datetime | None = None

    async def claim(self, event: ChatEvent) -> bool:
        """True for an event's first delivery (or one without a delivery id)."""
        key = event.delivery_key
        if key is None:
            return True
        now = self._clock()
        await self._forget_old_events(now)
        is_new = await self._db.run(lambda storage: storage.claim_event(event.platform, key, now))
        if not is_new:
            log.info("ignoring a redelivery of %s on %s", key, event.platform)
        return is_new

    async def _forget_old_events(self, now: datetime) -> None:
        last = self._cleaned_at
        if last is not None and now - last < EVENT_CLEANUP_EVERY:
            return
        self._cleaned_at = now
        await self._db.run(lambda storage: storage.forget_events(now - EVENT_MEMORY))
