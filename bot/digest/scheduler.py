"""APScheduler 3 wiring: one AsyncIOScheduler, its jobs in the project's database.

* Jobs live in ``digest_jobs`` (SQLAlchemyJobStore on the bot's engine), so
  schedules survive restarts; ``digest_channels`` stays the source of truth and
  ``start`` adds any job that is missing.
* ``coalesce=True`` and ``misfire_grace_time`` (``digest.grace_minutes``): after
  downtime a job runs once, not once per missed slot. The runner checks the grace
  period itself with its clock, and ``start`` also calls ``runner.catch_up()``, so
  a missed digest is posted once whether or not APScheduler still had it due.
* Jobs are stored as a function reference plus (platform, channel); they are run
  by :class:`DigestExecutor`, which hands them to *this* process's runner, so no
  module-level state is needed to find the runner.
* Every process looks at the job store at least once a minute (the feed job,
  which polls only the feeds that are due, wakes it), so a schedule set through
  another process is seen and, if that process dies, taken over (the lease
  decides who acts).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine
from datetime import UTC
from typing import Any

from apscheduler.executors.asyncio import AsyncIOExecutor
from apscheduler.job import Job
from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.interval import IntervalTrigger
from sqlalchemy import Engine

from bot.digest.runner import DigestRunner
from bot.digest.schedule import DigestSchedule
from bot.digest.settings import DigestSettings
from bot.digest.tables import JOBS_TABLE
from bot.digest.trigger import DigestTrigger

log = logging.getLogger(__name__)
FEED_JOB_ID = "digest-feeds"


def scheduled_digest(platform: str, channel: str) -> None:
    """The job function stored for a channel's digest; DigestExecutor runs it on the runner."""
    raise RuntimeError("digest jobs run through DigestExecutor")


def scheduled_feed_poll() -> None:
    """The job function stored for feed polling; DigestExecutor runs it on the runner."""
    raise RuntimeError("feed jobs run through DigestExecutor")


def digest_job_id(platform: str, channel: str) -> str:
    return f"digest:{platform}:{channel}"


class DigestExecutor(AsyncIOExecutor):
    """Runs the stored digest and feed jobs as tasks on this process's runner."""

    def __init__(self, runner: DigestRunner) -> None:
        super().__init__()
        self._runner = runner

    def _do_submit_job(self, job: Job, run_times: list[Any]) -> None:
        task = self._eventloop.create_task(self._work(job))

        def finished(done: asyncio.Future[Any]) -> None:
            self._pending_futures.discard(done)
            error = asyncio.CancelledError() if done.cancelled() else done.exception()
            if error is not None:
                self._run_job_error(job.id, error, error.__traceback__)
            else:
                self._run_job_success(job.id, [])

        task.add_done_callback(finished)
        self._pending_futures.add(task)

    def _work(self, job: Job) -> Coroutine[Any, Any, object]:
        if job.func is scheduled_feed_poll:
            return self._runner.poll_feeds()
        return self._runner.run_scheduled(*job.args)


class DigestScheduler:
    def __init__(self, engine: Engine, runner: DigestRunner, settings: DigestSettings) -> None:
        self.runner = runner
        self._settings = settings
        self.scheduler = AsyncIOScheduler(
            jobstores={"default": SQLAlchemyJobStore(engine=engine, tablename=JOBS_TABLE)},
            executors={"default": DigestExecutor(runner)},
            job_defaults={
                "coalesce": True,
                "misfire_grace_time": int(settings.grace.total_seconds()),
                "max_instances": 1,
            },
            timezone=UTC,
        )

    async def start(self) -> None:
        """Start the scheduler (inside the running event loop), sync jobs, catch up."""
        self.scheduler.start()
        self._ensure_feed_job()
        for choice in await self.runner.stored(lambda store: store.scheduled_channels()):
            if choice.schedule is not None:
                self.schedule(choice.platform, choice.channel, choice.schedule, keep=True)
        await self.runner.catch_up()

    def shutdown(self) -> None:
        if self.scheduler.running:
            self.scheduler.shutdown(wait=False)

    def schedule(
        self, platform: str, channel: str, schedule: DigestSchedule, *, keep: bool = False
    ) -> Job:
        """Add or replace the channel's job; ``keep`` leaves an existing job (and its
        pending run time) alone, so a restart does not forget a missed run."""
        job_id = digest_job_id(platform, channel)
        existing = self.scheduler.get_job(job_id)
        if keep and existing is not None:
            return existing
        return self.scheduler.add_job(
            scheduled_digest,
            trigger=DigestTrigger(schedule),
            args=(platform, channel),
            id=job_id,
            name=f"digest {platform}/{channel}",
            replace_existing=True,
        )

    def unschedule(self, platform: str, channel: str) -> None:
        job = self.scheduler.get_job(digest_job_id(platform, channel))
        if job is not None:
            job.remove()

    def _ensure_feed_job(self) -> None:
        self.scheduler.add_job(
            scheduled_feed_poll,
            trigger=IntervalTrigger(seconds=60),
            id=FEED_JOB_ID,
            name="poll due feeds",
            replace_existing=True,
        )
