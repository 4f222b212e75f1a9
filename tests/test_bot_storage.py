"""Storage: migrations build the schema the code describes; rows survive a reopen."""

from __future__ import annotations

from dataclasses import asdict, replace
from datetime import datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from bot_support import START, fresh_database

from bot.errors import StorageError
from bot.records import (
    ChannelSettings,
    DedupeWindow,
    ShareDraft,
    ShareStatus,
    StoredArticle,
    StoredBrief,
)
from bot.storage import Storage, open_storage
from bot.storage.codec import FORMAT_VERSION, brief_to_json
from bot.storage.migrate import alembic_config
from bot.storage.tables import articles, briefs, channel_settings, metadata, shares
from summarizer.types import Article, Brief, Claim, Sentence, SpeakerClaims


def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'data' / 'newsbrief.db'}"


@pytest.fixture
def database_url(tmp_path: Path) -> str:
    """SQLite, or the server in NEWSBRIEF_TEST_DATABASE_URL (the same code must work there)."""
    return fresh_database(tmp_path)


def draft(
    channel: str = "general", key: str = "https://example.com/a", at: datetime = START
) -> ShareDraft:
    return ShareDraft("slack", channel, "U1", "1700000000.000100", key, key, at)


def window(days: int = 7, now: datetime = START) -> DedupeWindow:
    return DedupeWindow(now - timedelta(days=days), now - timedelta(minutes=10))


def save_brief(storage: Storage, brief: Brief, key: str = "k", read_at: datetime = START) -> None:
    storage.save_article(key, StoredArticle(brief.article, read_at))
    storage.save_brief(key, 3, "", StoredBrief(brief, read_at), read_at)


def migrated_to(revision: str, url: str) -> sa.Engine:
    """A database at an older revision, to fill with what that version of the bot wrote."""
    engine = sa.create_engine(url)
    with engine.begin() as connection:
        config = alembic_config()
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
    return engine


def sample_brief() -> Brief:
    text = 'Ministers met. "We will act," said Jane Doe. Critics denied it.'
    claim = Claim("Jane Doe", (34, 42), "said", (29, 33), "We will act", (16, 27), "quote", True)
    denial = Claim("Critics", None, "denied", (52, 58), "it", (59, 61), "denial", target="Doe")
    article = Article(text, "https://example.com/a", "Title", "https://example.com/a", "Site",
                      boilerplate=((0, 3),))  # fmt: skip
    return Brief(
        article=article,
        summary=(Sentence("Ministers met.", (0, 14)),),
        claims=(claim, denial),
        speakers=(
            SpeakerClaims("Jane Doe", (claim,), "minister"),
            SpeakerClaims("Critics", (denial,)),
        ),
        language="english",
        notes=("a note",),
        timings_ms={"parse": 1.5},
    )


def test_migrations_build_exactly_the_core_schema_in_tables(database_url: str) -> None:
    core_tables = {
        "articles",
        "briefs",
        "shares",
        "share_claims",
        "channel_settings",
        "processed_events",
    }
    storage = open_storage(database_url)
    with storage.engine.connect() as connection:

        def is_core(_object: object, name: str | None, kind: str, *_: object) -> bool:
            return kind != "table" or name in core_tables

        context = MigrationContext.configure(connection, opts={"include_object": is_core})
        differences = compare_metadata(context, metadata)
    storage.close()
    assert differences == []


def test_opening_twice_migrates_once_and_creates_the_data_directory(tmp_path: Path) -> None:
    open_storage(sqlite_url(tmp_path)).close()
    storage = open_storage(sqlite_url(tmp_path))
    with storage.engine.connect() as connection:
        version = connection.execute(sa.text("select version_num from alembic_version")).scalar()
    storage.close()
    assert (tmp_path / "data" / "newsbrief.db").is_file()
    assert version == ScriptDirectory.from_config(alembic_config()).get_current_head()


def test_an_unreachable_database_is_a_storage_error(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("not a directory")
    with pytest.raises(StorageError, match="cannot open the database"):
        open_storage(f"sqlite:///{tmp_path / 'file' / 'x.db'}")


def test_a_brief_round_trips_through_the_database(database_url: str) -> None:
    storage = open_storage(database_url)
    brief = sample_brief()
    save_brief(storage, brief, "https://example.com/a")
    storage.close()
    reopened = open_storage(database_url)
    assert reopened.brief("https://example.com/a", 3, "") == StoredBrief(brief, START)
    assert reopened.brief("https://example.com/a", 4, "") is None
    assert reopened.article("https://example.com/a") == StoredArticle(brief.article, START)
    reopened.close()


def test_briefs_of_an_older_text_of_the_article_stop_counting(database_url: str) -> None:
    storage = open_storage(database_url)
    save_brief(storage, sample_brief())
    updated = replace(sample_brief().article, title="Updated title")
    storage.save_article("k", StoredArticle(updated, START + timedelta(days=1)))
    assert storage.brief("k", 3, "") is None
    assert storage.article("k") == StoredArticle(updated, START + timedelta(days=1))
    storage.close()


def test_an_unreadable_stored_brief_counts_as_absent(database_url: str) -> None:
    storage = open_storage(database_url)
    save_brief(storage, sample_brief())
    with storage.engine.begin() as connection:
        connection.execute(sa.text("update briefs set brief = '{\"summary\": 1}'"))
    assert storage.brief("k", 3, "") is None
    storage.close()


def test_a_repeat_within_the_window_finds_the_earlier_share(database_url: str) -> None:
    storage = open_storage(database_url)
    first, earlier = storage.open_share(draft(), window())
    storage.finish_share(first.id, ShareStatus.BRIEFED, "1700000000.000200")
    repeat, found = storage.open_share(draft(), window())
    other, none_there = storage.open_share(draft(channel="random"), window())
    storage.close()
    assert earlier is None and none_there is None
    assert found is not None and found.id == first.id and found.reply_ref == "1700000000.000200"
    assert repeat.status is ShareStatus.DUPLICATE and other.status is ShareStatus.PENDING


def test_a_failed_or_stale_pending_share_does_not_count_as_briefed(database_url: str) -> None:
    storage = open_storage(database_url)
    failed, _ = storage.open_share(draft(key="k1"), None)
    storage.finish_share(failed.id, ShareStatus.FAILED, None)
    stale = ShareDraft("slack", "general", "U1", "m", "k2", "k2", START - timedelta(hours=1))
    storage.open_share(stale, None)
    _, after_failure = storage.open_share(draft(key="k1"), window())
    _, after_stale = storage.open_share(draft(key="k2"), window())
    storage.close()
    assert after_failure is None and after_stale is None


def test_a_pending_share_cut_off_long_ago_gives_its_claim_to_the_next(
    database_url: str,
) -> None:
    storage = open_storage(database_url)
    crashed, _ = storage.open_share(draft(at=START - timedelta(hours=1)), None)
    retried, earlier = storage.open_share(draft(), window())
    repeat, in_progress = storage.open_share(draft(), window())
    storage.close()
    assert earlier is None and retried.status is ShareStatus.PENDING
    assert in_progress is not None and in_progress.id == retried.id != crashed.id
    assert repeat.status is ShareStatus.DUPLICATE


def test_an_explicit_brief_becomes_the_one_later_repeats_point_at(database_url: str) -> None:
    storage = open_storage(database_url)
    first, _ = storage.open_share(draft(), window())
    storage.finish_share(first.id, ShareStatus.BRIEFED, "ref-1")
    asked, not_deduped = storage.open_share(draft(), None)
    storage.finish_share(asked.id, ShareStatus.BRIEFED, "ref-2")
    _, earlier = storage.open_share(draft(), window())
    storage.close()
    assert not_deduped is None and asked.status is ShareStatus.PENDING
    assert earlier is not None and earlier.reply_ref == "ref-2"


def test_events_are_claimed_once_and_forgotten_later(database_url: str) -> None:
    storage = open_storage(database_url)
    assert storage.claim_event("slack", "event:Ev1", START)
    assert not storage.claim_event("slack", "event:Ev1", START)
    assert storage.claim_event("discord", "event:Ev1", START)
    assert storage.forget_events(START + timedelta(seconds=1)) == 2
    assert storage.claim_event("slack", "event:Ev1", START)
    storage.close()


def test_channel_settings_are_per_platform_and_channel(database_url: str) -> None:
    storage = open_storage(database_url)
    storage.save_channel_settings("slack", "C1", ChannelSettings(False, 5), START)
    storage.save_channel_settings("slack", "C1", ChannelSettings(True, 5, threads=True), START)
    assert storage.channel_settings("slack", "C1") == ChannelSettings(True, 5, threads=True)
    assert storage.channel_settings("discord", "C1") == ChannelSettings()
    storage.close()


def test_channels_saved_before_the_threads_setting_keep_replying_in_place(tmp_path: Path) -> None:
    url = sqlite_url(tmp_path)
    (tmp_path / "data").mkdir()
    engine = migrated_to("d001", url)
    with engine.begin() as connection:
        row = {"platform": "discord", "channel": "C1", "auto_brief": False, "updated_at": START}
        connection.execute(channel_settings.insert(), row)  # the columns d001 knows
    engine.dispose()
    storage = open_storage(url)
    assert storage.channel_settings("discord", "C1") == ChannelSettings(auto_brief=False)
    storage.close()


def test_timestamps_come_back_in_utc(database_url: str) -> None:
    storage = open_storage(database_url)
    storage.open_share(draft(), None)
    (share,) = storage.shares("slack", "general")
    storage.close()
    assert share.shared_at == START and share.shared_at.utcoffset() == timedelta(0)


def test_links_and_briefs_stored_before_claims_still_count(tmp_path: Path) -> None:
    url = sqlite_url(tmp_path)
    (tmp_path / "data").mkdir()
    engine = migrated_to("0002", url)
    brief = sample_brief()
    with engine.begin() as connection:  # what the bot wrote before share claims
        connection.execute(shares.insert(), [old_share("ref-1"), old_share(None, "failed")])
        connection.execute(articles.insert(), old_article(brief))
        connection.execute(briefs.insert(), old_brief(brief))
    engine.dispose()
    storage = open_storage(url)
    _, earlier = storage.open_share(draft(at=START + timedelta(days=1)), window(now=START))
    stored = storage.brief("https://example.com/a", 3, "")
    storage.close()
    assert earlier is not None and earlier.reply_ref == "ref-1"
    assert stored == StoredBrief(brief, START - timedelta(hours=1))


def old_share(reply_ref: str | None, status: str = "briefed") -> dict[str, object]:
    values = asdict(draft(at=START - timedelta(hours=2)))
    values["article_key"] = values.pop("key")
    return {**values, "status": status, "reply_ref": reply_ref}


def old_article(brief: Brief) -> dict[str, object]:
    read_at = START - timedelta(hours=1)
    return {"key": "https://example.com/a", "article": asdict(brief.article), "stored_at": read_at}


def old_brief(brief: Brief) -> dict[str, object]:
    return {
        "article_key": "https://example.com/a",
        "sentences": 3,
        "algorithm": "",
        "format_version": FORMAT_VERSION,
        "brief": brief_to_json(brief),
        "created_at": START,
    }
