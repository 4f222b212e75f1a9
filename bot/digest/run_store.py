"""The record of every digest run in ``digest_runs``, one row per (channel, slot).

A run is recorded (:meth:`RunQueries.claim_run`) before its digest is built and
posted, and marked after. The unique constraint on (channel, slot) makes the
process whose insert succeeds the only one that posts that digest, so two
processes, or a crash between recording and posting, never post it twice. The
delivered runs also tell where the next digest starts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError

from bot.digest.tables import digest_runs


class RunStatus(Enum):
    PENDING = "pending"  # recorded, being built or posted; never posted again after a crash
    POSTED = "posted"
    EMPTY = "empty"  # nothing new, and the channel did not ask to be told so
    FAILED = "failed"  # building or posting raised; the next slot tries afresh


#: Runs whose content counts as delivered: the next digest starts after them.
COVERED = (RunStatus.POSTED.value, RunStatus.EMPTY.value)


@dataclass(frozen=True)
class Run:
    id: int
    slot: datetime
    status: RunStatus
    stories: int
    created_at: datetime
    finished_at: datetime | None


class RunQueries:
    """The run queries of :class:`bot.digest.store.DigestStore`."""

    engine: Engine

    def claim_run(
        self, platform: str, channel: str, slot: datetime, holder: str, now: datetime
    ) -> int | None:
        """Record the run of ``slot`` as PENDING; None when any process recorded it before."""
        values = {
            "platform": platform,
            "channel": channel,
            "slot": slot,
            "status": RunStatus.PENDING.value,
            "stories": 0,
            "holder": holder,
            "created_at": now,
        }
        try:
            with self.engine.begin() as connection:
                inserted = connection.execute(digest_runs.insert().values(values))
        except IntegrityError:
            return None
        return int(inserted.inserted_primary_key[0])  # type: ignore[index]

    def finish_run(self, run_id: int, status: RunStatus, stories: int, now: datetime) -> None:
        values = {"status": status.value, "stories": stories, "finished_at": now}
        with self.engine.begin() as connection:
            connection.execute(
                digest_runs.update().where(digest_runs.c.id == run_id).values(values)
            )

    def covered_until(
        self, platform: str, channel: str, before: datetime | None = None
    ) -> datetime | None:
        """When the last delivered digest (built before ``before``, if given) was built:
        the next one covers what came after."""
        return self._last_run_at(platform, channel, COVERED, before)

    def last_posted_at(self, platform: str, channel: str) -> datetime | None:
        """When the channel's last posted digest was built (``--last`` shows it again)."""
        return self._last_run_at(platform, channel, (RunStatus.POSTED.value,), None)

    def _last_run_at(
        self, platform: str, channel: str, statuses: Sequence[str], before: datetime | None
    ) -> datetime | None:
        runs = digest_runs.c
        query = sa.select(runs.created_at).where(
            runs.platform == platform, runs.channel == channel, runs.status.in_(statuses)
        )
        if before is not None:
            query = query.where(runs.created_at < before)
        with self.engine.connect() as connection:
            found: datetime | None = connection.execute(
                query.order_by(runs.created_at.desc()).limit(1)
            ).scalar()
        return found

    def runs(self, platform: str, channel: str, limit: int = 5) -> list[Run]:
        """The channel's latest runs, newest first."""
        query = (
            digest_runs.select()
            .where(digest_runs.c.platform == platform, digest_runs.c.channel == channel)
            .order_by(digest_runs.c.slot.desc())
            .limit(limit)
        )
        with self.engine.connect() as connection:
            return [_run(row._mapping) for row in connection.execute(query)]


def _run(row: Any) -> Run:
    return Run(
        row["id"],
        row["slot"],
        RunStatus(row["status"]),
        row["stories"],
        row["created_at"],
        row["finished_at"],
    )
