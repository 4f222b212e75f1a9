"""The bot's database: SQLAlchemy Core tables, Alembic migrations applied at start."""

from bot.storage.store import Storage, open_storage
from bot.storage.worker import DatabaseThread

__all__ = ["DatabaseThread", "Storage", "open_storage"]
