"""/digest command parsing and run times across daylight-saving changes."""

from __future__ import annotations

from datetime import UTC, datetime, time
from zoneinfo import ZoneInfo

import pytest
from apscheduler.job import Job
from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.digest.errors import DigestInputError
from bot.digest.schedule import (
    Cadence,
    DigestSchedule,
    RunNow,
    SetEmptyNotice,
    SetSchedule,
    SetSize,
    ShowStatus,
    TurnOff,
    next_run,
    parse_digest_command,
    previous_run,
)
from bot.digest.trigger import DigestTrigger

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")


def schedule_of(arguments: str) -> DigestSchedule:
    command = parse_digest_command(arguments)
    assert isinstance(command, SetSchedule)
    return command.schedule


def local(zone: ZoneInfo, *fields: int) -> datetime:
    return datetime(*fields, tzinfo=zone)


# -- parsing -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        ("daily 08:00 Europe/Berlin", DigestSchedule(Cadence.DAILY, time(8), "Europe/Berlin")),
        (
            "weekdays 07:30 America/New_York",
            DigestSchedule(Cadence.WEEKDAYS, time(7, 30), "America/New_York"),
        ),
        ("weekly mon 09:00 UTC", DigestSchedule(Cadence.WEEKLY, time(9), "UTC", weekday=0)),
        ("Weekly Friday 9:05", DigestSchedule(Cadence.WEEKLY, time(9, 5), "UTC", weekday=4)),
        ("daily 23:59 europe/berlin", DigestSchedule(Cadence.DAILY, time(23, 59), "Europe/Berlin")),
    ],
)
def test_schedules_parse_into_frozen_dataclasses(arguments: str, expected: DigestSchedule) -> None:
    assert schedule_of(arguments) == expected


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        ("off", TurnOff()),
        ("now", RunNow()),
        ("status", ShowStatus()),
        ("", ShowStatus()),
        ("size 15", SetSize(15)),
        ("empty on", SetEmptyNotice(True)),
        ("empty off", SetEmptyNotice(False)),
    ],
)
def test_other_digest_commands(arguments: str, expected: object) -> None:
    assert parse_digest_command(arguments) == expected


@pytest.mark.parametrize(
    ("arguments", "named_problem"),
    [
        ("daily 08:00 Europe/Berln", "unknown timezone 'Europe/Berln'"),
        ("daily 25:00 UTC", "'25:00' is not a time of day"),
        ("daily 08:60", "'08:60' is not a time of day"),
        ("weekly mnd 09:00 UTC", "unknown day 'mnd'"),
        ("weekly", "needs a day"),
        ("daily", "expected a time"),
        ("hourly 08:00", "I don't understand '/digest hourly 08:00'"),
        ("size 0", "'0' is not a digest size"),
        ("daily 08:00 ../../etc/passwd", "unknown timezone"),
    ],
)
def test_bad_input_names_the_problem(arguments: str, named_problem: str) -> None:
    with pytest.raises(DigestInputError) as raised:
        parse_digest_command(arguments)
    assert named_problem in raised.value.message


def test_describe_reads_like_the_command() -> None:
    assert schedule_of("weekly mon 09:00 UTC").describe() == "weekly on Monday at 09:00 UTC"
    assert schedule_of("weekdays 07:30 America/New_York").describe() == (
        "weekdays at 07:30 America/New_York"
    )


# -- run times -----------------------------------------------------------------


def scheduler_run_times(
    schedule: DigestSchedule, first: datetime, until: datetime
) -> list[datetime]:
    """The run times APScheduler itself computes for a job with our trigger."""
    scheduler = AsyncIOScheduler(timezone=UTC)
    job = Job(
        scheduler,
        id="digest",
        func=print,
        args=(),
        kwargs={},
        trigger=DigestTrigger(schedule),
        executor="default",
        name="digest",
        misfire_grace_time=7200,
        coalesce=True,
        max_instances=1,
        next_run_time=first,
    )
    return job._get_run_times(until)


def test_spring_forward_in_berlin_runs_once_after_the_gap() -> None:
    """2025-03-30: 02:00 → 03:00; a 02:30 digest runs at 03:30 summer time, once."""
    schedule = schedule_of("daily 02:30 Europe/Berlin")
    first = next_run(schedule, local(BERLIN, 2025, 3, 29, 12))
    runs = scheduler_run_times(schedule, first, local(BERLIN, 2025, 4, 1, 12))
    assert [run.astimezone(BERLIN).strftime("%m-%d %H:%M %Z") for run in runs] == [
        "03-30 03:30 CEST",
        "03-31 02:30 CEST",
        "04-01 02:30 CEST",
    ]


def test_fall_back_in_berlin_runs_once_not_twice() -> None:
    """2025-10-26: 03:00 → 02:00, so 02:30 happens twice; the digest runs at the first."""
    schedule = schedule_of("daily 02:30 Europe/Berlin")
    first = next_run(schedule, local(BERLIN, 2025, 10, 25, 12))
    runs = scheduler_run_times(schedule, first, local(BERLIN, 2025, 10, 28, 12))
    assert [run.astimezone(UTC).strftime("%m-%d %H:%M") for run in runs] == [
        "10-26 00:30",  # 02:30 CEST
        "10-27 01:30",  # 02:30 CET
        "10-28 01:30",
    ]


def test_daily_time_stays_local_across_the_october_change() -> None:
    schedule = schedule_of("daily 08:00 Europe/Berlin")
    before = next_run(schedule, local(BERLIN, 2025, 10, 25, 7))  # Saturday, CEST
    after = next_run(schedule, before)
    assert (before.astimezone(UTC).hour, after.astimezone(UTC).hour) == (6, 7)
    assert before.astimezone(BERLIN).hour == after.astimezone(BERLIN).hour == 8


def test_new_york_weekdays_skip_the_weekend_and_follow_dst() -> None:
    """US clocks spring forward on 2025-03-09 (a Sunday)."""
    schedule = schedule_of("weekdays 07:30 America/New_York")
    first = next_run(schedule, local(NEW_YORK, 2025, 3, 6, 12))  # Thursday noon
    runs = scheduler_run_times(schedule, first, local(NEW_YORK, 2025, 3, 11, 12))
    assert [run.astimezone(UTC).strftime("%a %H:%M") for run in runs] == [
        "Fri 12:30",  # EST, UTC-5
        "Mon 11:30",  # EDT, UTC-4
        "Tue 11:30",
    ]


def test_new_york_fall_back_repeated_hour_runs_once() -> None:
    """2025-11-02: 02:00 → 01:00, so 01:30 happens twice."""
    schedule = schedule_of("daily 01:30 America/New_York")
    first = next_run(schedule, local(NEW_YORK, 2025, 11, 1, 12))
    runs = scheduler_run_times(schedule, first, local(NEW_YORK, 2025, 11, 3, 12))
    assert [run.astimezone(UTC).strftime("%m-%d %H:%M") for run in runs] == [
        "11-02 05:30",  # 01:30 EDT
        "11-03 06:30",  # 01:30 EST
    ]


def test_weekly_runs_on_its_day_only() -> None:
    schedule = schedule_of("weekly mon 09:00 UTC")
    run = next_run(schedule, datetime(2025, 6, 4, tzinfo=UTC))  # a Wednesday
    assert run == datetime(2025, 6, 9, 9, tzinfo=UTC)
    assert next_run(schedule, run) == datetime(2025, 6, 16, 9, tzinfo=UTC)


def test_previous_run_is_the_slot_a_late_job_serves() -> None:
    schedule = schedule_of("daily 08:00 Europe/Berlin")
    late = local(BERLIN, 2025, 6, 2, 9, 45)
    assert previous_run(schedule, late) == local(BERLIN, 2025, 6, 2, 8)
    assert previous_run(schedule, local(BERLIN, 2025, 6, 2, 8)) == local(BERLIN, 2025, 6, 2, 8)
    assert previous_run(schedule, local(BERLIN, 2025, 6, 2, 7, 59)) == local(BERLIN, 2025, 6, 1, 8)


async def test_job_store_round_trip_keeps_the_trigger() -> None:
    """The trigger is pickled into the SQLAlchemy job store; the schedule must survive it."""
    import pickle

    trigger = DigestTrigger(schedule_of("weekly fri 17:15 Europe/Berlin"))
    restored = pickle.loads(pickle.dumps(trigger))
    now = local(BERLIN, 2025, 6, 2, 12)
    assert restored.get_next_fire_time(None, now) == trigger.get_next_fire_time(None, now)
    assert str(restored) == "digest[weekly on Friday at 17:15 Europe/Berlin]"
