"""Scheduled digests with a controllable clock: missed runs after a restart, one poster among
two processes, record-before-post, silence when empty, schedules kept in the job store."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from digest_support import (
    BERLIN,
    BOE_TITLE,
    CHANNEL,
    ECB_URLS,
    OTHER_STORY_URLS,
    PLATFORM,
    FakeClock,
    Process,
    ProcessFactory,
    share,
    subscribe,
)

from bot.digest.errors import DigestError
from bot.digest.render import show_all_command
from bot.digest.run_store import RunStatus
from bot.digest.runner import RunOutcome
from bot.digest.schedule import SetSchedule, parse_digest_command
from bot.digest.scheduler import DigestScheduler, digest_job_id
from bot.digest.settings import DigestSettings
from bot.digest.stories import Digest


@pytest.fixture
def processes(tmp_path: Path) -> Iterator[ProcessFactory]:
    factory = ProcessFactory(f"sqlite:///{tmp_path / 'bot.db'}")
    yield factory
    factory.close_all()


DAILY = "daily 08:00 Europe/Berlin"


def at(hour: int, minute: int = 0) -> FakeClock:
    """A clock at this time of Monday 2 June 2025 in Berlin."""
    return FakeClock(datetime(2025, 6, 2, hour, minute, tzinfo=BERLIN))


def subscribed(
    processes: ProcessFactory, name: str, clock: FakeClock, *urls: str, **choices: object
) -> Process:
    """A process whose channel takes the daily 08:00 digest, with ``urls`` shared in it."""
    process = processes(name, clock)
    subscribe(process, DAILY, **choices)
    for url in urls:
        share(process, url)
    return process


# -- missed runs -------------------------------------------------------------------------


async def test_digest_missed_while_down_is_posted_once_after_restart(
    processes: ProcessFactory,
) -> None:
    clock = at(7)
    first = subscribed(processes, "first", clock, *ECB_URLS)
    first.close()  # the bot goes down at 07:00 and misses 08:00

    clock.set(2025, 6, 2, 9, 30)  # back 1.5 h late: inside the 2 h grace period
    second = processes("second", clock)
    assert await second.runner.catch_up() == {(PLATFORM, CHANNEL): RunOutcome.POSTED}
    [(channel, digest)] = second.posted.digests
    assert channel == CHANNEL and len(digest.stories) == 1  # three reports, one story

    clock.set(2025, 6, 2, 9, 40)  # restarted again: the 08:00 digest is not posted twice
    third = processes("third", FakeClock(clock.now))
    assert await third.runner.catch_up() == {(PLATFORM, CHANNEL): RunOutcome.ALREADY_RUN}
    # the lease passed to "third" when "second"'s lapsed (5 min): "second" now stands by
    assert await second.runner.run_scheduled(PLATFORM, CHANNEL) is RunOutcome.NOT_LEASE_HOLDER
    assert third.posted.digests == [] and len(second.posted.digests) == 1


async def test_digest_missed_by_more_than_the_grace_period_is_skipped(
    processes: ProcessFactory,
) -> None:
    clock = at(7)
    process = subscribed(processes, "only", clock, ECB_URLS[0])
    clock.set(2025, 6, 2, 10, 1)  # 2 h 1 min late
    assert await process.runner.catch_up() == {(PLATFORM, CHANNEL): RunOutcome.MISSED}
    assert process.posted.digests == []


async def test_next_digest_covers_only_what_came_after_the_last(
    processes: ProcessFactory,
) -> None:
    clock = at(7)
    process = subscribed(processes, "only", clock, ECB_URLS[0])
    clock.set(2025, 6, 2, 8, 0)
    assert await process.runner.run_scheduled(PLATFORM, CHANNEL) is RunOutcome.POSTED
    clock.set(2025, 6, 2, 12, 0)
    share(process, "https://reuters.example/rhodes")
    clock.set(2025, 6, 3, 8, 0)
    assert await process.runner.run_scheduled(PLATFORM, CHANNEL) is RunOutcome.POSTED
    titles = [[story.title for story in digest.stories] for _, digest in process.posted.digests]
    assert titles == [
        ["ECB lifts rates to record 4.5% as inflation lingers"],
        ["Thousands evacuated from Rhodes as wildfire spreads"],
    ]


async def test_the_last_posted_digest_can_be_shown_again_with_every_story(
    processes: ProcessFactory,
) -> None:
    """What the cap note tells people to run: the posted digest again, every story of it,
    not what was shared since."""
    clock = at(7)
    process = subscribed(processes, "only", clock, *ECB_URLS, *OTHER_STORY_URLS, stories=2)
    clock.set(2025, 6, 2, 8, 0)
    assert await process.runner.run_scheduled(PLATFORM, CHANNEL) is RunOutcome.POSTED
    [(_, posted)] = process.posted.digests
    clock.set(2025, 6, 2, 12, 0)
    share(process, "https://guardian.example/boe")  # after the digest: not part of it

    assert show_all_command(posted) == (
        f"newsbrief digest --platform {PLATFORM} --channel {CHANNEL} --last --stories 5"
    )
    again = await process.runner.preview(PLATFORM, CHANNEL, last=True, stories=5)
    assert (len(again.stories), again.more) == (5, 0)
    assert [story.title for story in again.stories[:2]] == [s.title for s in posted.stories]
    assert "Bank of England" not in " ".join(story.title for story in again.stories)
    upcoming = await process.runner.preview(PLATFORM, CHANNEL)
    assert [story.title for story in upcoming.stories] == [BOE_TITLE]


async def test_showing_the_last_digest_of_a_channel_without_one_says_so(
    processes: ProcessFactory,
) -> None:
    process = processes("only", at(7))
    share(process, ECB_URLS[0])
    with pytest.raises(DigestError, match=f"no digest has been posted in {PLATFORM} channel"):
        await process.runner.preview(PLATFORM, CHANNEL, last=True)


async def test_a_size_asked_for_beats_the_channels_own(processes: ProcessFactory) -> None:
    process = subscribed(processes, "only", at(7), ECB_URLS[0], *OTHER_STORY_URLS, stories=1)
    assert len((await process.runner.preview(PLATFORM, CHANNEL)).stories) == 1
    assert len((await process.runner.preview(PLATFORM, CHANNEL, stories=3)).stories) == 3


# -- several processes -------------------------------------------------------------------------


async def test_two_processes_on_one_database_post_once(
    processes: ProcessFactory,
) -> None:
    clock = at(7)
    one, two = subscribed(processes, "one", clock, ECB_URLS[0]), processes("two", clock)
    clock.set(2025, 6, 2, 8, 0)
    outcomes = await asyncio.gather(
        one.runner.run_scheduled(PLATFORM, CHANNEL), two.runner.run_scheduled(PLATFORM, CHANNEL)
    )
    assert sorted(o.value for o in outcomes) == ["not-lease-holder", "posted"]
    assert len(one.posted.digests) + len(two.posted.digests) == 1


async def test_a_lapsed_lease_passes_on_but_the_slot_is_still_posted_once(
    processes: ProcessFactory,
) -> None:
    clock = at(8)
    one = subscribed(processes, "one", clock, ECB_URLS[0])
    assert await one.runner.run_scheduled(PLATFORM, CHANNEL) is RunOutcome.POSTED
    clock.set(2025, 6, 2, 8, 6)  # "one" stalled; its 5-minute lease lapsed
    two = processes("two", clock)
    assert await two.runner.hold_lease()
    assert not await one.runner.hold_lease()
    assert await two.runner.run_scheduled(PLATFORM, CHANNEL) is RunOutcome.ALREADY_RUN
    assert two.posted.digests == []


async def test_a_crash_between_recording_and_posting_does_not_post_twice(
    processes: ProcessFactory,
) -> None:
    clock = at(8)
    crashing = subscribed(processes, "crashing", clock, ECB_URLS[0])

    async def crash(channel: str, digest: Digest) -> None:
        raise asyncio.CancelledError  # the process dies mid-post: nothing after runs

    crashing.runner._publishers = {PLATFORM: crash}
    with pytest.raises(asyncio.CancelledError):
        await crashing.runner.run_scheduled(PLATFORM, CHANNEL)
    [run] = crashing.store.runs(PLATFORM, CHANNEL)
    assert run.status is RunStatus.PENDING

    clock.set(2025, 6, 2, 8, 10)  # restarted: the slot is recorded, so not posted again
    restarted = processes("restarted", clock)
    assert await restarted.runner.catch_up() == {(PLATFORM, CHANNEL): RunOutcome.ALREADY_RUN}
    clock.set(2025, 6, 3, 8, 0)  # the next digest still brings what the lost one had
    assert await restarted.runner.run_scheduled(PLATFORM, CHANNEL) is RunOutcome.POSTED
    [(_, digest)] = restarted.posted.digests
    assert digest.stories[0].sources[0].url == ECB_URLS[0]


# -- empty digests -----------------------------------------------------------------------------


async def test_empty_digest_is_silent_unless_the_channel_asked(
    processes: ProcessFactory,
) -> None:
    clock = at(8)
    process = subscribed(processes, "only", clock)
    assert await process.runner.run_scheduled(PLATFORM, CHANNEL) is RunOutcome.EMPTY
    assert process.posted.digests == []
    assert process.store.runs(PLATFORM, CHANNEL)[0].status is RunStatus.EMPTY

    subscribe(process, DAILY, empty_notice=True)
    clock.set(2025, 6, 3, 8, 0)
    assert await process.runner.run_scheduled(PLATFORM, CHANNEL) is RunOutcome.POSTED
    [(_, digest)] = process.posted.digests
    assert digest.empty


# -- APScheduler and its job store ---------------------------------------------------------------


async def test_schedules_survive_a_restart_in_the_job_store(processes: ProcessFactory) -> None:
    clock = FakeClock(datetime.now(UTC))  # APScheduler computes next run times from real time
    first = processes("first", clock)
    subscribe(first, "weekly mon 09:00 Europe/Berlin")
    scheduler = DigestScheduler(first.db.storage.engine, first.runner, DigestSettings())
    await scheduler.start()
    job = scheduler.scheduler.get_job(digest_job_id(PLATFORM, CHANNEL))
    assert job is not None and job.misfire_grace_time == 7200 and job.coalesce
    stored_next = job.next_run_time
    scheduler.shutdown()

    second = processes("second", clock)
    again = DigestScheduler(second.db.storage.engine, second.runner, DigestSettings())
    again.scheduler.start(paused=True)
    restored = again.scheduler.get_job(digest_job_id(PLATFORM, CHANNEL))
    assert restored is not None
    assert restored.next_run_time == stored_next
    assert restored.next_run_time.astimezone(BERLIN).strftime("%a %H:%M") == "Mon 09:00"
    assert str(restored.trigger) == "digest[weekly on Monday at 09:00 Europe/Berlin]"
    again.shutdown()


async def test_turning_a_schedule_off_removes_its_job(
    processes: ProcessFactory,
) -> None:
    process = processes("only", FakeClock(datetime.now(UTC)))
    scheduler = DigestScheduler(process.db.storage.engine, process.runner, DigestSettings())
    await scheduler.start()
    command = parse_digest_command("daily 08:00 UTC")
    assert isinstance(command, SetSchedule)
    scheduler.schedule(PLATFORM, CHANNEL, command.schedule)
    assert scheduler.scheduler.get_job(digest_job_id(PLATFORM, CHANNEL)) is not None
    scheduler.unschedule(PLATFORM, CHANNEL)
    assert scheduler.scheduler.get_job(digest_job_id(PLATFORM, CHANNEL)) is None
    scheduler.shutdown()


def test_grace_period_is_two_hours_by_default() -> None:
    assert DigestSettings().grace == timedelta(hours=2)
