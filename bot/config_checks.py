"""What a valid setting value is: the default's type, and the documented bounds.

Every value, from any layer (a config/*.toml default, the user's file, the
environment), is checked as it comes in, so a wrong setting fails at start with a
message naming it and where it came from.
"""

from __future__ import annotations

from collections.abc import Mapping

from bot.errors import ConfigError

Value = bool | int | float | str

#: Inclusive bounds of numeric settings; the comments in config/defaults.toml state the same.
RANGES: Mapping[str, tuple[int | float, int | float]] = {
    "fetch.connect_timeout": (0.1, 120),
    "fetch.total_timeout": (0.5, 600),
    "fetch.max_bytes": (1_000, 100_000_000),
    "fetch.max_redirects": (0, 20),
    "brief.sentences": (1, 20),
    "bot.workers": (1, 32),
    "bot.nlp_processes": (0, 16),
    "bot.links_per_message": (1, 10),
    "bot.upload_max_bytes": (1_000, 100_000_000),
    "bot.dedupe_days": (0, 365),
    "bot.memory_cache_size": (0, 100_000),
    "bot.cache_hours": (0, 8_760),
    "bot.in_progress_minutes": (1, 1_440),
}
CHOICES: Mapping[str, tuple[str, ...]] = {"log.level": ("debug", "info", "warning", "error")}
#: String settings where "" means "use the computed default"; other strings must not be empty.
MAY_BE_EMPTY = frozenset({"data_dir", "database_url", "brief.algorithm"})


def check_value(key: str, value: object, default: Value, origin: str) -> Value:
    """The value if it has the default's type and is in range, else a ConfigError naming it."""
    checked = _typed(value, default)
    if checked is None:
        raise ConfigError(f"{origin}: setting {key} must be {_type_name(default)}, got {value!r}")
    problem = _range_problem(key, checked)
    if problem:
        raise ConfigError(f"{origin}: setting {key} {problem}, got {checked!r}")
    return checked


def _typed(value: object, default: Value) -> Value | None:
    if isinstance(default, bool) or isinstance(value, bool):
        return value if isinstance(value, bool) and isinstance(default, bool) else None
    if isinstance(default, float) and isinstance(value, int | float):
        return float(value)
    if isinstance(value, type(default)):
        return value
    return None


def _type_name(default: Value) -> str:
    names = {bool: "true or false", int: "a whole number", float: "a number", str: "text"}
    return names[type(default)]


def _range_problem(key: str, value: Value) -> str | None:
    if key in RANGES and isinstance(value, int | float):
        low, high = RANGES[key]
        return None if low <= value <= high else f"must be between {low:_} and {high:_}"
    if key in CHOICES and value not in CHOICES[key]:
        return f"must be one of {', '.join(CHOICES[key])}"
    if isinstance(value, str) and not value.strip() and key not in MAY_BE_EMPTY:
        return "must not be empty"
    return None
