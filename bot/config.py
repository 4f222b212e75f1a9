"""Settings: documented defaults in config/*.toml, an optional user file, then the environment.

The default files are the schema: a key that is not in them is unknown, and each
key's type is the type of its default. Every value, from any layer, is checked
as it comes in, so a wrong setting fails at start with a message naming it.
Secrets come only from the environment and are wrapped so they never print.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

import platformdirs

from bot.errors import ConfigError
from summarizer.settings import BriefSettings, FetchSettings

Value = bool | int | float | str

ENV_PREFIX = "NEWSBRIEF_"
CONFIG_ENV = "NEWSBRIEF_CONFIG"
#: NEWSBRIEF_* variables that are not settings (anything else with the prefix must be one).
NOT_SETTINGS = frozenset({CONFIG_ENV, "NEWSBRIEF_SHARED"})
SECRET_NAMES = ("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET", "DISCORD_TOKEN")
APP_NAME = "newsbrief"
DATABASE_FILE = "newsbrief.db"

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
_TRUE = frozenset({"1", "true", "yes", "on"})
_FALSE = frozenset({"0", "false", "no", "off"})


class Secret:
    """A credential that shows as ``********`` in repr, str, logs and tracebacks."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return "Secret('********')"

    __str__ = __repr__


@dataclass(frozen=True)
class BotSettings:
    workers: int
    nlp_processes: int
    links_per_message: int
    upload_max_bytes: int
    dedupe_days: int
    auto_brief: bool
    memory_cache_size: int
    cache_hours: int
    in_progress_minutes: int


@dataclass(frozen=True)
class Settings:
    """Everything the bot needs to start, checked. ``values`` has every setting by dotted
    name (``"fetch.max_bytes"``), for sections that adapters read themselves."""

    fetch: FetchSettings
    brief: BriefSettings
    bot: BotSettings
    data_dir: Path
    #: Not in repr: a URL may carry a password. Log ``database_label`` instead.
    database_url: str = field(repr=False)
    log_level: str = "info"
    secrets: Mapping[str, Secret] = field(default_factory=dict)
    values: Mapping[str, Value] = field(default_factory=dict, repr=False)

    @property
    def database_label(self) -> str:
        """The database URL with any password hidden, for logs and messages."""
        from sqlalchemy.engine import make_url  # here: `newsbrief summarize` needs no SQLAlchemy

        return make_url(self.database_url).render_as_string(hide_password=True)

    def secret(self, name: str) -> str | None:
        """The named credential from the environment, or None when unset."""
        found = self.secrets.get(name)
        return found.reveal() if found else None

    def section(self, name: str) -> dict[str, Value]:
        """The checked values of one config section, e.g. an adapter's own ``[slack]``."""
        return _section(self.values, name)


def load_settings(
    config_path: str | None = None, environ: Mapping[str, str] = os.environ
) -> Settings:
    """Defaults, then ``config_path`` (or NEWSBRIEF_CONFIG), then NEWSBRIEF_* variables."""
    defaults = read_defaults()
    values = dict(defaults)
    user_file = config_path or environ.get(CONFIG_ENV)
    if user_file:
        values.update(_file_values(Path(user_file), defaults))
    values.update(_environment_values(environ, defaults))
    return _build(values, _read_secrets(environ))


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
            merged[key] = _check(key, value, value, str(path))
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
        values[key] = _check(key, value, defaults[key], str(path))
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
        values[key] = _check(key, _parse_env(name, text, defaults[key]), defaults[key], name)
    return values


def _parse_env(name: str, text: str, default: Value) -> object:
    """Environment text as the type of the setting's default; unparseable text is kept
    as a string so ``_check`` reports it with the expected type."""
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


def _check(key: str, value: object, default: Value, origin: str) -> Value:
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


def _read_secrets(environ: Mapping[str, str]) -> Mapping[str, Secret]:
    found = {name: Secret(environ[name]) for name in SECRET_NAMES if environ.get(name)}
    return MappingProxyType(found)


def _build(values: Mapping[str, Value], secrets: Mapping[str, Secret]) -> Settings:
    data_dir = _data_dir(str(values["data_dir"]))
    sections = {name: _section(values, name) for name in ("fetch", "bot")}
    return Settings(
        fetch=FetchSettings(**sections["fetch"]),  # type: ignore[arg-type]
        brief=BriefSettings(
            spacy_model=str(values["nlp.spacy_model"]),
            sentences=int(values["brief.sentences"]),
            algorithm=str(values["brief.algorithm"]) or None,
        ),
        bot=BotSettings(**sections["bot"]),  # type: ignore[arg-type]
        data_dir=data_dir,
        database_url=_database_url(str(values["database_url"]), data_dir),
        log_level=str(values["log.level"]),
        secrets=secrets,
        values=MappingProxyType(dict(values)),
    )


def _section(values: Mapping[str, Value], name: str) -> dict[str, Value]:
    prefix = f"{name}."
    return {k.removeprefix(prefix): v for k, v in values.items() if k.startswith(prefix)}


def _data_dir(configured: str) -> Path:
    if not configured:
        return platformdirs.user_data_path(APP_NAME)
    return Path(configured).expanduser().resolve()


def _database_url(configured: str, data_dir: Path) -> str:
    if not configured:
        return f"sqlite:///{data_dir / DATABASE_FILE}"
    from sqlalchemy.engine import make_url  # here: `newsbrief summarize` needs no SQLAlchemy
    from sqlalchemy.exc import ArgumentError

    try:
        make_url(configured)
    except (ArgumentError, ValueError):
        message = f"setting database_url is not a database URL: {_mask(configured)}"
        raise ConfigError(message) from None
    return configured


def _mask(url: str) -> str:
    """Hide what could be a password in a URL SQLAlchemy could not parse."""
    scheme, _, rest = url.partition("://")
    return f"{scheme}://***@{rest.rpartition('@')[2]}" if "@" in rest else url
