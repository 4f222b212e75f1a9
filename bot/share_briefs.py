"""Briefing one link or upload shared in a channel, or pasted text.

Each link or upload is recorded as a share. Posted again in a message within
``bot.dedupe_days``, a link (or the same file) is answered "already briefed"
instead, and so is one whose brief is still being made (for at most
``bot.in_progress_minutes``); who asks explicitly gets the brief. An upload is
refused before it is downloaded when its name or declared size rules it out, and
its size is checked again once downloaded. Every failure to brief becomes a reply.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta
from functools import partial

from bot.articles import PASTED_TEXT, ArticleReader
from bot.briefs import BriefCache, content_key
from bot.channel_settings import ChannelChoice
from bot.config import BotSettings
from bot.documents import Document
from bot.events import Attachment, ChatEvent
from bot.failures import error_reply, refusal
from bot.records import DedupeWindow, Share, ShareDraft, ShareStatus
from bot.replies import AlreadyBriefed, BriefReply
from bot.reply_delivery import Outcome
from bot.storage import DatabaseThread

log = logging.getLogger(__name__)

#: Uploads the bot briefs; anything else gets a reply saying so.
UPLOAD_SUFFIXES = (".html", ".htm", ".pdf", ".txt", ".md")


class ShareBriefer:
    def __init__(
        self,
        *,
        settings: BotSettings,
        db: DatabaseThread,
        briefs: BriefCache,
        articles: ArticleReader,
        clock: Callable[[], datetime],
    ) -> None:
        self._settings = settings
        #: A share still PENDING after this long was cut off (a crash, a restart): no longer
        #: "in progress", so the link is briefed again.
        self._in_progress = timedelta(minutes=settings.in_progress_minutes)
        self._db = db
        self._briefs = briefs
        self._articles = articles
        self._clock = clock

    async def brief_link(
        self, event: ChatEvent, url: str, choice: ChannelChoice, dedupe: bool
    ) -> Outcome:
        load = partial(self._articles.from_url, url)
        return await self._brief_shared(event, url, url, choice, dedupe, load)

    async def brief_upload(
        self, event: ChatEvent, attachment: Attachment, choice: ChannelChoice, dedupe: bool
    ) -> Outcome:
        name = attachment.name
        refused = self._refuse_upload(event, name, attachment.size)
        if refused:
            return refused
        try:
            body = await attachment.read()
        except Exception:
            log.exception("downloading %s failed (%s/%s)", name, event.platform, event.channel)
            return Outcome(refusal(f"Couldn't download {name}.", "download", name, event))
        refused = self._refuse_upload(event, name, len(body))
        if refused:
            return refused
        load = partial(self._articles.from_upload, body, name, attachment.content_type)
        return await self._brief_shared(event, content_key(body), name, choice, dedupe, load)

    async def brief_text(self, event: ChatEvent, text: str, choice: ChannelChoice) -> Outcome:
        """Pasted article text: briefed, never recorded as a share."""
        load = partial(self._articles.from_text, text)
        key = content_key(text.encode("utf-8"))
        return await self._brief(event, key, PASTED_TEXT, choice, load)

    def _refuse_upload(self, event: ChatEvent, name: str, size: int | None) -> Outcome | None:
        cap = self._settings.upload_max_bytes
        if not name.lower().endswith(UPLOAD_SUFFIXES):
            text = f"I can't brief {name}: I read .html, .pdf, .txt and .md files."
            return Outcome(refusal(text, "unsupported-type", name, event))
        if size is not None and size > cap:
            text = (
                f"I can't brief {name}: it is {_megabytes(size)}, over the {_megabytes(cap)} limit."
            )
            return Outcome(refusal(text, "too-large", name, event))
        return None

    async def _brief_shared(
        self,
        event: ChatEvent,
        key: str,
        source: str,
        choice: ChannelChoice,
        dedupe: bool,
        load: Callable[[], Document],
    ) -> Outcome:
        """Record the share; answer "already briefed" for a recent repeat, else brief it."""
        share, earlier = await self._open_share(event, key, source, dedupe)
        if earlier is not None:
            in_progress = earlier.status is ShareStatus.PENDING
            return Outcome(AlreadyBriefed(source, earlier, in_progress), ShareStatus.DUPLICATE)
        return replace(await self._brief(event, key, source, choice, load), share=share)

    async def _open_share(
        self, event: ChatEvent, key: str, source: str, dedupe: bool
    ) -> tuple[Share, Share | None]:
        now = self._clock()
        draft = ShareDraft(
            event.platform, event.channel, event.user, event.message_id, key, source, now
        )
        window = self._dedupe_window(now) if dedupe else None
        return await self._db.run(lambda storage: storage.open_share(draft, window))

    def _dedupe_window(self, now: datetime) -> DedupeWindow | None:
        days = self._settings.dedupe_days
        if not days:
            return None
        since = now - timedelta(days=days)
        return DedupeWindow(briefed_since=since, pending_since=max(since, now - self._in_progress))

    async def _brief(
        self,
        event: ChatEvent,
        key: str,
        source: str,
        choice: ChannelChoice,
        load: Callable[[], Document],
    ) -> Outcome:
        try:
            brief, cached = await self._briefs.get(key, choice.sentences, load)
        except Exception as error:  # every failure to brief becomes a reply
            return Outcome(error_reply(error, source, event))
        start_thread = choice.threads and event.replies_in_thread
        reply = BriefReply(brief, source, cached, start_thread=start_thread)
        return Outcome(reply, ShareStatus.BRIEFED)


def _megabytes(size: int) -> str:
    return f"{size / 1_048_576:.1f} MB"
