"""The digest migration builds exactly the tables described in bot/digest/tables.py."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from bot.digest import tables
from bot.storage import open_storage

DIGEST_TABLES = {
    table.name
    for table in (
        tables.digest_channels,
        tables.digest_feeds,
        tables.digest_feed_items,
        tables.digest_runs,
        tables.digest_leases,
        tables.digest_jobs,
    )
}


def test_migration_builds_exactly_the_digest_tables(tmp_path: Path) -> None:
    storage = open_storage(f"sqlite:///{tmp_path / 'bot.db'}")
    with storage.engine.connect() as connection:
        context = MigrationContext.configure(
            connection,
            opts={
                "include_name": lambda name, kind, _: kind != "table" or name in DIGEST_TABLES,
                "include_object": lambda item, name, kind, *_: _is_digest(item, name, kind),
            },
        )
        differences = compare_metadata(context, tables.metadata)
    storage.close()
    assert differences == []


def _is_digest(item: object, name: str | None, kind: str) -> bool:
    table = getattr(item, "table", None)
    table_name = name if kind == "table" else getattr(table, "name", None)
    return table_name in DIGEST_TABLES
