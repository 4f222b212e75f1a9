"""The library's exception root and its subclasses.

Each error carries a short message fit to show a user as is (one line, no
traceback); the CLI and the chat service translate them in one place each.
"""


class SummarizerError(Exception):
    """Root of every error the library raises on bad input or a failed fetch."""

    reason = "error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InputError(SummarizerError):
    """The given source cannot be read (missing, empty, binary, wrong encoding)."""

    reason = "bad-input"


class UnsupportedType(InputError):
    reason = "unsupported-type"


class NoArticleText(SummarizerError):
    """A page or file had no article text (paywall, JavaScript-only page, scanned PDF)."""

    reason = "no-article"


class LanguageNotSupported(SummarizerError):
    reason = "language"


class FetchError(SummarizerError):
    """Fetching a URL failed."""

    reason = "fetch"


class BlockedAddress(FetchError):
    reason = "blocked"


class TooLarge(FetchError):
    reason = "too-large"


class FetchTimeout(FetchError):
    reason = "timeout"


class HTTPStatus(FetchError):
    reason = "http-status"

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


class TooManyRedirects(FetchError):
    reason = "redirects"
