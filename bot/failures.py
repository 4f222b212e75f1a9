"""Every failure to brief becomes one friendly reply here, and is logged here, in one place."""

from __future__ import annotations

import logging

from bot.events import ChatEvent
from bot.replies import ErrorReply
from summarizer.errors import HTTPStatus, SummarizerError

log = logging.getLogger(__name__)

#: What went wrong, said for a chat user, by ``SummarizerError.reason``. Reasons not
#: listed here (bad input, language, ...) use the library's own one-line message.
EXPLANATIONS = {
    "unsupported-type": (
        "that isn't an article: I brief web pages, PDFs and text files, "
        "not images, videos or downloads."
    ),
    "no-article": (
        "I found no article text there. The page may be behind a paywall, "
        "or need JavaScript to show its text."
    ),
    "too-large": "it is larger than the size limit for a page.",
    "timeout": "the site took too long to answer.",
    "blocked": "it points to a private or local network address, which I don't fetch.",
    "redirects": "it redirects too many times.",
    "fetch": "I couldn't reach the site.",
}


def error_reply(error: BaseException, source: str, event: ChatEvent) -> ErrorReply:
    """The reply for ``error`` while briefing ``source``; unexpected errors are logged with
    their traceback, expected ones (a dead link, a paywall) briefly."""
    private = event.replies_privately_on_error
    if not isinstance(error, SummarizerError):
        _log_unexpected(error, source, event)
        text = f"Something went wrong while briefing {source}. It has been logged."
        return ErrorReply(text, reason="internal", source=source, private=private)
    log.info(
        "could not brief %s (%s, %s/%s): %s",
        source, error.reason, event.platform, event.channel, error.message,
    )  # fmt: skip
    reason, explanation = _explain(error)
    return ErrorReply(f"Couldn't brief {source}: {explanation}", reason, source, private)


def refusal(text: str, reason: str, source: str, event: ChatEvent) -> ErrorReply:
    """The bot's own refusal (an upload of the wrong type or too large, a video link)."""
    log.info("refused %s (%s, %s/%s)", source, reason, event.platform, event.channel)
    return ErrorReply(text, reason, source, event.replies_privately_on_error)


def _explain(error: SummarizerError) -> tuple[str, str]:
    if isinstance(error, HTTPStatus):
        return _explain_status(error)
    return error.reason, EXPLANATIONS.get(error.reason, error.message)


def _explain_status(error: HTTPStatus) -> tuple[str, str]:
    status = error.status
    if status in (404, 410):
        return "not-found", f"the page was not found ({status})."
    if status in (401, 403):
        return "http-status", f"the site refused access ({status}); it may need a login."
    if status == 429:
        return "http-status", "the site is limiting requests (429); try again later."
    if status >= 500:
        return "http-status", f"the site had an error ({status}); try again later."
    return "http-status", error.message


def _log_unexpected(error: BaseException, source: str, event: ChatEvent) -> None:
    log.error(
        "unexpected error briefing %s for %s/%s (user %s, message %s)",
        source, event.platform, event.channel, event.user, event.message_id,
        exc_info=error,
    )  # fmt: skip
