"""A channel's digest choices in the ``digest_channels`` table.

One row per channel: its schedule (cadence, time, timezone, weekday; all empty
when the channel has no scheduled digest), how many stories a digest shows and
whether an empty digest is still announced. A channel without a row has the
defaults of :class:`ChannelDigest`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Engine

from bot.digest.schedule import Cadence, DigestSchedule
from bot.digest.tables import digest_channels


@dataclass(frozen=True)
class ChannelDigest:
    """A channel's digest choices."""

    platform: str
    channel: str
    schedule: DigestSchedule | None = None
    stories: int | None = None  # None: the digest.stories setting
    empty_notice: bool = False


class ChannelQueries:
    """The channel queries of :class:`bot.digest.store.DigestStore`."""

    engine: Engine

    def channel(self, platform: str, channel: str) -> ChannelDigest:
        query = digest_channels.select().where(
            digest_channels.c.platform == platform, digest_channels.c.channel == channel
        )
        with self.engine.connect() as connection:
            row = connection.execute(query).first()
        return _channel(row._mapping) if row else ChannelDigest(platform, channel)

    def save_channel(self, choice: ChannelDigest, now: datetime) -> None:
        key = {"platform": choice.platform, "channel": choice.channel}
        values = {**_schedule_row(choice.schedule), "updated_at": now}
        values |= {"stories": choice.stories, "empty_notice": choice.empty_notice}
        condition = sa.and_(*(digest_channels.c[name] == value for name, value in key.items()))
        with self.engine.begin() as connection:
            update = digest_channels.update().where(condition).values(values)
            if not connection.execute(update).rowcount:
                connection.execute(digest_channels.insert().values({**key, **values}))

    def scheduled_channels(self) -> list[ChannelDigest]:
        query = digest_channels.select().where(digest_channels.c.cadence.is_not(None))
        with self.engine.connect() as connection:
            return [_channel(row._mapping) for row in connection.execute(query)]


def _schedule_row(schedule: DigestSchedule | None) -> dict[str, Any]:
    if schedule is None:
        return {"cadence": None, "at_time": None, "timezone": None, "weekday": None}
    return {
        "cadence": schedule.cadence.value,
        "at_time": schedule.at.strftime("%H:%M"),
        "timezone": schedule.timezone,
        "weekday": schedule.weekday,
    }


def _channel(row: Any) -> ChannelDigest:
    schedule = None
    if row["cadence"]:
        hour, minute = (int(part) for part in row["at_time"].split(":"))
        schedule = DigestSchedule(
            Cadence(row["cadence"]), time(hour, minute), row["timezone"], row["weekday"]
        )
    return ChannelDigest(
        row["platform"], row["channel"], schedule, row["stories"], bool(row["empty_notice"])
    )
