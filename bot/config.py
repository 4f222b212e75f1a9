"""Settings: documented defaults in config/*.toml, an optional user file, then the environment.

The values are read and checked by ``bot.config_sources`` (the layers) and
``bot.config_checks`` (types and bounds); here they become the frozen settings
the bot starts with. A wrong setting fails at start with a message naming it.
Secrets come only from the environment and are wrapped so they never print.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

import platformdirs

from bot.config_checks import Value
from bot.config_sources import SECRET_NAMES, read_values
from bot.errors import ConfigError
from summarizer.settings import BriefSettings, FetchSettings

APP_NAME = "newsbrief"
DATABASE_FILE = "newsbrief.db"


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
    return _build(read_values(config_path, environ), _read_secrets(environ))


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
