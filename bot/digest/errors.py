"""The digest layer's errors: one root, each with a one-line ``message`` fit for a chat reply."""

from bot.errors import BotError


class DigestError(BotError):
    """Root of every error the digest layer raises on purpose."""


class DigestInputError(DigestError):
    """A ``/digest`` or ``/feed`` command could not be understood; ``message`` names the problem."""


class FeedError(DigestError):
    """A feed could not be fetched or parsed; ``message`` says why (shown in ``/feed list``)."""
