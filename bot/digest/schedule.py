"""``/digest ...`` commands and the run times of a digest schedule.

Run times are wall-clock times in the channel's timezone (zoneinfo). Daylight
saving has two awkward days a year, handled so a channel gets exactly one digest
each scheduled day:

* clocks spring forward (Europe/Berlin, last Sunday of March, 02:00 → 03:00): a
  time inside the gap runs as many minutes after the gap as it was into it
  (02:30 runs at 03:30 summer time);
* clocks fall back (last Sunday of October, 03:00 → 02:00): a time that happens
  twice runs at its first occurrence only (02:30 summer time).

All comparisons are made in UTC: Python compares two datetimes of one tzinfo by
wall clock alone, which is wrong across a fall-back hour.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from enum import StrEnum
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from bot.digest.errors import DigestInputError

DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
LONG_DAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
DEFAULT_TIMEZONE = "UTC"
MAX_STORIES = 50
USAGE = (
    "usage: /digest daily HH:MM [TIMEZONE] | /digest weekdays HH:MM [TIMEZONE] | "
    "/digest weekly DAY HH:MM [TIMEZONE] | /digest off | /digest now | /digest status | "
    f"/digest size N (1-{MAX_STORIES}) | /digest empty on|off"
)
_TIME = re.compile(r"(\d{1,2}):(\d{2})")


class Cadence(StrEnum):
    DAILY = "daily"
    WEEKDAYS = "weekdays"
    WEEKLY = "weekly"


@dataclass(frozen=True)
class DigestSchedule:
    """When a channel's digest runs: a cadence, a local time and an IANA timezone."""

    cadence: Cadence
    at: time
    timezone: str
    weekday: int | None = None  # 0 = Monday; weekly schedules only

    @property
    def zone(self) -> tzinfo:
        return ZoneInfo(self.timezone)

    @property
    def days(self) -> frozenset[int]:
        if self.cadence is Cadence.WEEKDAYS:
            return frozenset(range(5))
        if self.cadence is Cadence.WEEKLY and self.weekday is not None:
            return frozenset({self.weekday})
        return frozenset(range(7))

    def describe(self) -> str:
        """'weekly on Monday at 09:00 UTC' (how /digest status shows it)."""
        clock = self.at.strftime("%H:%M")
        if self.cadence is Cadence.WEEKLY and self.weekday is not None:
            return f"weekly on {LONG_DAY_NAMES[self.weekday].title()} at {clock} {self.timezone}"
        return f"{self.cadence.value} at {clock} {self.timezone}"


# -- commands ------------------------------------------------------------------


@dataclass(frozen=True)
class SetSchedule:
    schedule: DigestSchedule


@dataclass(frozen=True)
class TurnOff:
    pass


@dataclass(frozen=True)
class RunNow:
    pass


@dataclass(frozen=True)
class ShowStatus:
    pass


@dataclass(frozen=True)
class SetSize:
    stories: int


@dataclass(frozen=True)
class SetEmptyNotice:
    """Whether an empty digest posts "nothing new" (on) or stays silent (off, the default)."""

    enabled: bool


DigestCommand = SetSchedule | TurnOff | RunNow | ShowStatus | SetSize | SetEmptyNotice
_SIMPLE: dict[str, DigestCommand] = {
    "": ShowStatus(),
    "status": ShowStatus(),
    "off": TurnOff(),
    "now": RunNow(),
}


def parse_digest_command(arguments: str) -> DigestCommand:
    """The words after ``/digest``; raises DigestInputError naming what is wrong."""
    words = arguments.split()
    head = words[0].lower() if words else ""
    if head in _SIMPLE and len(words) <= 1:
        return _SIMPLE[head]
    if head in (Cadence.DAILY, Cadence.WEEKDAYS, Cadence.WEEKLY):
        return SetSchedule(parse_schedule(words))
    if head == "size" and len(words) == 2:
        return SetSize(parse_story_count(words[1]))
    if head == "empty" and len(words) == 2 and words[1].lower() in ("on", "off"):
        return SetEmptyNotice(words[1].lower() == "on")
    raise DigestInputError(f"I don't understand '/digest {arguments.strip()}'. {USAGE}")


def parse_schedule(words: list[str]) -> DigestSchedule:
    """``daily 08:00 Europe/Berlin``, ``weekdays 07:30``, ``weekly mon 09:00 UTC``."""
    cadence = Cadence(words[0].lower())
    rest = words[1:]
    weekday = None
    if cadence is Cadence.WEEKLY:
        if not rest:
            raise DigestInputError("a weekly digest needs a day, e.g. /digest weekly mon 09:00 UTC")
        weekday, rest = parse_weekday(rest[0]), rest[1:]
    if not rest or len(rest) > 2:
        raise DigestInputError(f"expected a time and an optional timezone after {cadence}. {USAGE}")
    at = parse_time_of_day(rest[0])
    timezone = parse_timezone(rest[1]) if len(rest) == 2 else DEFAULT_TIMEZONE
    return DigestSchedule(cadence, at, timezone, weekday)


def parse_weekday(word: str) -> int:
    name = word.lower()
    if name in DAY_NAMES:
        return DAY_NAMES.index(name)
    if name in LONG_DAY_NAMES:
        return LONG_DAY_NAMES.index(name)
    raise DigestInputError(f"unknown day '{word}': use mon, tue, wed, thu, fri, sat or sun")


def parse_time_of_day(word: str) -> time:
    match = _TIME.fullmatch(word)
    hour, minute = (int(match[1]), int(match[2])) if match else (-1, -1)
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        raise DigestInputError(f"'{word}' is not a time of day: use HH:MM from 00:00 to 23:59")
    return time(hour, minute)


def parse_timezone(word: str) -> str:
    """The canonical IANA name for ``word`` (case-insensitive), or DigestInputError."""
    try:
        ZoneInfo(word)
        return word
    except (ZoneInfoNotFoundError, ValueError):
        pass
    canonical = _timezones_by_lower_name().get(word.lower())
    if canonical is None:
        raise DigestInputError(
            f"unknown timezone '{word}': use an IANA name such as Europe/Berlin, "
            "America/New_York or UTC"
        )
    return canonical


@lru_cache(maxsize=1)
def _timezones_by_lower_name() -> dict[str, str]:
    return {name.lower(): name for name in available_timezones()}


def parse_story_count(word: str) -> int:
    count = int(word) if word.isdigit() else 0
    if not 1 <= count <= MAX_STORIES:
        raise DigestInputError(
            f"'{word}' is not a digest size: use a number from 1 to {MAX_STORIES}"
        )
    return count


# -- run times -----------------------------------------------------------------

#: A schedule runs at least once a week, so a run is always found within 8 local days.
_SEARCH_DAYS = 8


def local_run_time(schedule: DigestSchedule, day: date) -> datetime | None:
    """The moment the digest runs on local ``day`` (None if it doesn't run that day)."""
    if day.weekday() not in schedule.days:
        return None
    return resolve_wall_clock(datetime.combine(day, schedule.at), schedule.zone)


def resolve_wall_clock(naive: datetime, zone: tzinfo) -> datetime:
    """``naive`` read as a wall-clock time in ``zone``, DST gaps and folds resolved as above.

    ``fold=0`` picks the first of two repeated times; for a time inside a gap it
    applies the offset from before the gap, which lands as far past the gap as
    the time was into it. The UTC round trip gives the normalised local time.
    """
    return naive.replace(tzinfo=zone, fold=0).astimezone(UTC).astimezone(zone)


def next_run(schedule: DigestSchedule, after: datetime) -> datetime:
    """The first run strictly after ``after`` (an aware datetime), in the schedule's zone."""
    after_utc = after.astimezone(UTC)
    first_day = after_utc.astimezone(schedule.zone).date()
    for offset in range(_SEARCH_DAYS + 1):
        candidate = local_run_time(schedule, first_day + timedelta(days=offset))
        if candidate is not None and candidate.astimezone(UTC) > after_utc:
            return candidate
    raise AssertionError(f"no run within {_SEARCH_DAYS} days for {schedule}")  # pragma: no cover


def previous_run(schedule: DigestSchedule, at_or_before: datetime) -> datetime:
    """The last run at or before ``at_or_before``: the slot a (possibly late) job serves."""
    limit_utc = at_or_before.astimezone(UTC)
    last_day = limit_utc.astimezone(schedule.zone).date()
    for offset in range(_SEARCH_DAYS + 1):
        candidate = local_run_time(schedule, last_day - timedelta(days=offset))
        if candidate is not None and candidate.astimezone(UTC) <= limit_utc:
            return candidate
    raise AssertionError(f"no run within {_SEARCH_DAYS} days for {schedule}")  # pragma: no cover
