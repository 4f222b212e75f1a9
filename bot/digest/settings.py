"""The ``[digest]`` settings (config/digest.toml), checked into a frozen dataclass."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta

from bot.config import Settings
from bot.config_checks import Value
from bot.errors import ConfigError

#: Inclusive bounds, as documented in config/digest.toml.
RANGES: Mapping[str, tuple[int, int]] = {
    "stories": (1, 50),
    "grace_minutes": (0, 1440),
    "feed_poll_minutes": (5, 1440),
    "feed_max_backoff_minutes": (30, 10080),
    "feed_items_per_poll": (1, 200),
    "feeds_per_channel": (1, 100),
    "feed_briefs_per_digest": (0, 100),
    "lease_seconds": (30, 3600),
}


@dataclass(frozen=True)
class DigestSettings:
    stories: int = 10
    grace: timedelta = timedelta(hours=2)
    feed_poll: timedelta = timedelta(minutes=30)
    feed_max_backoff: timedelta = timedelta(days=1)
    feed_items_per_poll: int = 30
    feeds_per_channel: int = 20
    feed_briefs_per_digest: int = 10
    lease: timedelta = timedelta(minutes=5)


def digest_settings(settings: Settings) -> DigestSettings:
    """The checked ``[digest]`` section; a value out of range is a ConfigError naming it."""
    values = {key: _bounded(key, value) for key, value in settings.section("digest").items()}
    defaults = DigestSettings()
    return DigestSettings(
        stories=values.get("stories", defaults.stories),
        grace=timedelta(minutes=values.get("grace_minutes", 120)),
        feed_poll=timedelta(minutes=values.get("feed_poll_minutes", 30)),
        feed_max_backoff=timedelta(minutes=values.get("feed_max_backoff_minutes", 1440)),
        feed_items_per_poll=values.get("feed_items_per_poll", defaults.feed_items_per_poll),
        feeds_per_channel=values.get("feeds_per_channel", defaults.feeds_per_channel),
        feed_briefs_per_digest=values.get(
            "feed_briefs_per_digest", defaults.feed_briefs_per_digest
        ),
        lease=timedelta(seconds=values.get("lease_seconds", 300)),
    )


def _bounded(key: str, value: Value) -> int:
    low, high = RANGES.get(key, (0, 0))
    if key not in RANGES or isinstance(value, bool) or not isinstance(value, int):
        raise ConfigError(f"setting digest.{key} must be a whole number, got {value!r}")
    if not low <= value <= high:
        raise ConfigError(f"setting digest.{key} must be between {low} and {high}, got {value}")
    return value
