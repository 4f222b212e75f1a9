"""The chat layer's exception root.

Like ``summarizer.errors``, each error carries ``message``: one line fit to show
a user or an operator as is.
"""


class BotError(Exception):
    """Root of every error the bot layer raises on purpose."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ConfigError(BotError):
    """A setting is unknown, of the wrong type or out of range; raised at start."""


class StorageError(BotError):
    """The database cannot be opened or migrated."""
