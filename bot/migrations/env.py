"""Alembic environment: runs migrations on the connection ``bot.storage.migrate`` passes in.

The bot builds Alembic's Config in code (``bot.storage.migrate``; no alembic.ini
at runtime). A new revision is a new file in ``versions/`` whose ``down_revision``
is the newest one's ``revision`` (start from ``script.py.mako`` or copy a file);
describe the resulting schema in ``bot/storage/tables.py`` as well, and use only
portable operations (SQLite and PostgreSQL run the same migrations).
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine

from bot.storage.tables import metadata


def run_on(connection: Connection) -> None:
    # Batch mode lets ALTER-style operations work on SQLite (it copies the table).
    context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        run_on(connection)
        return
    url = str(context.config.get_main_option("sqlalchemy.url"))
    with create_engine(url).connect() as own_connection:
        run_on(own_connection)
        own_connection.commit()


def run_offline() -> None:
    url = context.config.get_main_option("sqlalchemy.url")
    context.configure(url=url, target_metadata=metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    run_offline()
else:
    run_online()
