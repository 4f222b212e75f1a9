"""An APScheduler 3 trigger that fires on a DigestSchedule's run times.

APScheduler's own CronTrigger fires twice when clocks fall back (02:30 summer
time, then 02:30 winter time); this trigger uses ``schedule.next_run``, so the
scheduler, ``/digest status`` and the missed-run check agree on one time per day.
It is pickled into the SQLAlchemy job store, so it holds only the frozen schedule.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from apscheduler.triggers.base import BaseTrigger

from bot.digest.schedule import DigestSchedule, next_run

_JUST_BEFORE = timedelta(microseconds=1)


class DigestTrigger(BaseTrigger):
    def __init__(self, schedule: DigestSchedule) -> None:
        self.schedule = schedule

    def get_next_fire_time(
        self, previous_fire_time: datetime | None, now: datetime
    ) -> datetime | None:
        # The first fire time may be ``now`` itself; later ones come strictly after the last.
        after = previous_fire_time if previous_fire_time is not None else now - _JUST_BEFORE
        return next_run(self.schedule, after)

    def __getstate__(self) -> dict[str, object]:
        return {"version": 1, "schedule": self.schedule}

    def __setstate__(self, state: dict[str, object]) -> None:
        schedule = state["schedule"]
        assert isinstance(schedule, DigestSchedule)
        self.schedule = schedule

    def __str__(self) -> str:
        return f"digest[{self.schedule.describe()}]"

    def __repr__(self) -> str:
        return f"<DigestTrigger ({self.schedule.describe()})>"
