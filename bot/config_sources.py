"""Where setting values come from, layer by layer, each checked as it is read.

The documented defaults in config/*.toml come first and are the schema: a key
not in them is unknown, and each key's type is the type of its default. An
optional user file (``--config`` or NEWSBRIEF_CONFIG) overrides them, and
NEWSBRIEF_* environment variables override both. Secrets are not settings: they
come only from the environment (``bot.config``).
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterator, Mapping
from pathlib import Path

from bot.config_checks import Value, check_value
from bot.errors import ConfigError

ENV_PREFIX = "NEWSBRIEF_"
CONFIG_ENV = "NEWSBRIEF_CONFIG"
#: NEWSBRIEF_* variables that are not settings (anything else with the prefix must be one).
NOT_SETTINGS = frozenset({CONFIG_ENV, "NEWSBRIEF_SHARED"})
SECRET_NAMES = ("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET", "DISCORD_TOKEN")
_TRUE = frozenset({"1", "true", "yes", "on"})
_FALSE = frozenset({"0", "false", "no", "off"})


def read_values(config_path: str | None, environ: Mapping[str, str]) -> dict[str, Value]:
    """Defaults, then ``config_path`` (or NEWSBRIEF_CONFIG), then NEWSBRIEF_* variables."""
    defaults = read_defaults()
    values = dict(defaults)
    user_file = config_path or environ.get(CONFIG_ENV)
    if user_file:
        values.update(_file_values(Path(user_file), defaults))
    values.update(_environment_values(environ, defaults))
    return values


def config_dir() -> Path:
    """config/ of a source checkout, or its copy bot/_config in an installed wheel."""
    package = Path(__file__).resolve().parent
    for candidate in (package / "_config", package.parent / "config"):
        if (candidate / "defaults.toml").is_file():
            return candidate
    raise ConfigError("newsbrief's config/defaults.toml is missing from this installation")


def read_defaults() -> dict[str, Value]:
    """Every default setting; defaults.toml first, then any other config/*.toml (one per
    area, e.g. an adapter's), which may add keys but not redefine one."""
    directory = config_dir()
    files = sorted(directory.glob("*.toml"), key=lambda p: (p.name != "defaults.toml", p.name))
    merged: dict[str, Value] = {}
    for path in files:
        for key, value in _flatten(_read_toml(path), path):
            if key in merged:
                raise ConfigError(f"{path}: setting {key} is already defined by another file")
            if not isinstance(value, bool | int | float | str):
                raise ConfigError(f"{path}: setting {key} must be a number, text or true/false")
            merged[key] = check_value(key, value, value, str(path))
    return merged


def env_name(key: str) -> str:
    """``fetch.allow_private`` -> ``NEWSBRIEF_FETCH_ALLOW_PRIVATE``."""
    return ENV_PREFIX + key.replace(".", "_").upper()


def _read_toml(path: Path) -> dict[str, object]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise ConfigError(f"config file {path} does not exist") from None
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"config file {path} cannot be read: {error}") from None


def _flatten(table: Mapping[str, object], origin: Path) -> Iterator[tuple[str, object]]:
    """Top-level keys as is, ``[section] key`` as ``section.key``; deeper nesting is unknown."""
    for name, value in table.items():
        if not isinstance(value, dict):
            yield name, value
            continue
        for key, inner in value.items():
            if isinstance(inner, dict):
                raise ConfigError(f"{origin}: unknown setting {name}.{key} (a nested table)")
            yield f"{name}.{key}", inner


def _file_values(path: Path, defaults: Mapping[str, Value]) -> dict[str, Value]:
    values: dict[str, Value] = {}
    for key, value in _flatten(_read_toml(path), path):
        if key not in defaults:
            raise ConfigError(f"{path}: {_unknown(key)}")
        values[key] = check_value(key, value, defaults[key], str(path))
    return values


def _unknown(key: str) -> str:
    message = f"unknown setting {key}"
    if any(word in key.lower() for word in ("token", "secret", "password")):
        return f"{message}; secrets are read only from the environment ({', '.join(SECRET_NAMES)})"
    return f"{message} (see config/defaults.toml for every setting)"


def _environment_values(
    environ: Mapping[str, str], defaults: Mapping[str, Value]
) -> dict[str, Value]:
    keys_by_env = {env_name(key): key for key in defaults}
    values: dict[str, Value] = {}
    for name, text in environ.items():
        if not name.startswith(ENV_PREFIX) or name in NOT_SETTINGS:
            continue
        if name not in keys_by_env:
            raise ConfigError(f"environment: {_unknown(name)}")
        key = keys_by_env[name]
        values[key] = check_value(key, _parse_env(name, text, defaults[key]), defaults[key], name)
    return values


def _parse_env(name: str, text: str, default: Value) -> object:
    """Environment text as the type of the setting's default; unparseable text is kept
    as a string so ``check_value`` reports it with the expected type."""
    text = text.strip()
    if isinstance(default, bool):
        lowered = text.lower()
        return True if lowered in _TRUE else False if lowered in _FALSE else text
    for kind in (int, float):
        if isinstance(default, kind):
            try:
                return kind(text.replace("_", ""))
            except ValueError:
                return text
    return text
