"""Posting the service's replies through the adapter, and closing each reply's share.

Links and uploads of one message are briefed concurrently but answered in the
order of the message. Once a reply is posted (or could not be), the share it
answers is marked with its final status and the adapter's reference to the
reply; a reply that could not be posted leaves the share FAILED, so the next
paste of the link is briefed again. Posting never raises: a failing adapter is
logged.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Sequence
from dataclasses import dataclass

from bot.records import Share, ShareStatus
from bot.replies import Poster, Reply
from bot.storage import DatabaseThread

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Outcome:
    """A reply to post, and the share to mark with ``status`` once it is posted."""

    reply: Reply
    status: ShareStatus = ShareStatus.FAILED
    share: Share | None = None


class ReplyDelivery:
    def __init__(self, db: DatabaseThread) -> None:
        self._db = db

    async def in_order(self, jobs: Sequence[Awaitable[Outcome]], post: Poster) -> None:
        """Run the jobs concurrently; post their replies in the order of the message."""
        running = [asyncio.ensure_future(job) for job in jobs]
        for job in running:
            await self.deliver(await job, post)

    async def deliver(self, outcome: Outcome, post: Poster) -> None:
        """Post the reply, then mark its share (a reply that could not be posted: FAILED,
        so the next paste of the link is briefed again)."""
        posted, reference = await self.post_safely(outcome.reply, post)
        share = outcome.share
        if share is None:
            return
        status = outcome.status if posted else ShareStatus.FAILED
        await self._db.run(lambda storage: storage.finish_share(share.id, status, reference))

    async def post_safely(self, reply: Reply, post: Poster) -> tuple[bool, str | None]:
        """(posted?, the adapter's reference to the posted message)."""
        try:
            return True, await post(reply)
        except Exception:
            log.exception("the adapter failed to post a %s", type(reply).__name__)
            return False, None
