"""Builders for the bot-core tests: a controllable clock, a light briefer, a recording
poster, article pages, and a briefing service wired to a real database and fetcher."""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import threading
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import cache
from itertools import count
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from conftest import LocalHTTPServer

from bot.articles import LibraryArticles
from bot.briefs import BriefCache, BriefMaker
from bot.config import BotSettings
from bot.events import Attachment, ChatEvent
from bot.replies import Reply
from bot.service import BriefingService
from bot.storage import DatabaseThread, open_storage
from summarizer.fetch import Fetcher
from summarizer.settings import FetchSettings
from summarizer.types import Article, Brief, Sentence

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


class FakeClock:
    def __init__(self, start: datetime = START) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


class CountingBriefer:
    """Summarises by taking the first sentences as they come; counts its calls (thread-safe)."""

    def __init__(self) -> None:
        self.calls = 0
        self._lock = threading.Lock()

    def brief(self, article: Article, *, sentences: int | None = None) -> Brief:
        with self._lock:
            self.calls += 1
        chosen = [part for part in re.split(r"(?<=\.)\s+", article.text) if part]
        chosen = chosen[: sentences or 3]
        summary = tuple(Sentence(text, _span_of(article.text, text)) for text in chosen)
        return Brief(article, summary, (), (), "english")


def _span_of(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return (start, start + len(part))


@dataclass
class Recorder:
    """A Poster that records replies and answers with references ``ref-1``, ``ref-2``..."""

    replies: list[Reply] = field(default_factory=list)

    async def __call__(self, reply: Reply) -> str:
        self.replies.append(reply)
        return f"ref-{len(self.replies)}"


def only(replies: list[Reply]) -> Reply:
    assert len(replies) == 1, replies
    return replies[0]


def fetches(server: LocalHTTPServer, path: str) -> int:
    """How many times ``path`` was requested (query strings ignored)."""
    return sum(1 for request in server.requests if request.path.split("?")[0] == path)


def article_page(title: str = "Minister announces budget", paragraphs: int = 6) -> str:
    """An HTML news page trafilatura extracts: a headline and a few paragraphs of prose."""
    body = "".join(
        f"<p>Paragraph {n} of the story: the finance minister told reporters on Monday that "
        f"the new budget would raise spending on schools and hospitals by {n + 2} percent.</p>"
        for n in range(paragraphs)
    )
    return (
        f"<html><head><title>{title}</title></head><body><nav>Home | World</nav>"
        f"<article><h1>{title}</h1>{body}</article><footer>© News</footer></body></html>"
    )


def bot_settings(**changes: Any) -> BotSettings:
    defaults: dict[str, Any] = {
        "workers": 4,
        "nlp_processes": 0,
        "links_per_message": 3,
        "upload_max_bytes": 10 * 1024 * 1024,
        "dedupe_days": 7,
        "auto_brief": True,
        "memory_cache_size": 64,
        "cache_hours": 24,
        "in_progress_minutes": 10,
    }
    return BotSettings(**{**defaults, **changes})


def text_attachment(name: str, body: bytes, size: int | None = None) -> Attachment:
    async def read() -> bytes:
        return body

    return Attachment(name, len(body) if size is None else size, "text/plain", read)


@dataclass
class Bot:
    """A briefing service on a real database, worker pool and fetcher."""

    service: BriefingService
    db: DatabaseThread
    clock: FakeClock
    briefs: BriefCache
    _message_ids: Iterator[int] = field(default_factory=lambda: count(1))

    def event(self, text: str = "", **fields: Any) -> ChatEvent:
        values: dict[str, Any] = {
            "platform": "test",
            "channel": "general",
            "user": "ana",
            "message_id": f"m{next(self._message_ids)}",
            "text": text,
        }
        return ChatEvent(**{**values, **fields})

    async def say(self, text: str = "", **fields: Any) -> list[Reply]:
        """Send one message (fields override the event's) and return the replies to it."""
        recorder = Recorder()
        await self.service.handle(self.event(text, **fields), recorder)
        return recorder.replies


@cache
def _migrated_template() -> Path:
    """A SQLite file migrated once per test run; each test copies it (migrating takes ~0.3 s)."""
    path = Path(tempfile.mkdtemp(prefix="newsbrief-template-")) / "template.db"
    open_storage(f"sqlite:///{path}").close()
    return path


#: Run the database tests on another server too, e.g.
#: NEWSBRIEF_TEST_DATABASE_URL=postgresql+psycopg://postgres@127.0.0.1/newsbrief_test
TEST_DATABASE_ENV = "NEWSBRIEF_TEST_DATABASE_URL"


def fresh_database(directory: Path) -> str:
    """The URL of a new, empty database: a SQLite file in ``directory`` (already migrated),
    or a new schema on the server named by NEWSBRIEF_TEST_DATABASE_URL."""
    server = os.environ.get(TEST_DATABASE_ENV)
    if server:
        return _fresh_schema(server)
    path = directory / "newsbrief.db"
    shutil.copyfile(_migrated_template(), path)
    return f"sqlite:///{path}"


def _fresh_schema(server_url: str) -> str:
    schema = f"test_{uuid.uuid4().hex[:12]}"
    engine = sa.create_engine(server_url)
    with engine.begin() as connection:
        connection.execute(sa.text(f"create schema {schema}"))
    engine.dispose()
    url = sa.engine.make_url(server_url)
    return url.update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(
        hide_password=False
    )


@contextmanager
def running_bot(
    database_url: str,
    fetch_settings: FetchSettings,
    *,
    clock: FakeClock | None = None,
    briefer: BriefMaker | None = None,
    **settings: Any,
) -> Iterator[Bot]:
    clock = clock or FakeClock()
    briefer = briefer or CountingBriefer()
    db = DatabaseThread(open_storage(database_url))
    pool = ThreadPoolExecutor(4)
    fetcher = Fetcher(fetch_settings)
    chosen = bot_settings(**settings)
    max_age = timedelta(hours=chosen.cache_hours)
    cache = BriefCache(db=db, briefer=briefer, pool=pool, clock=clock, max_age=max_age)
    service = BriefingService(
        settings=chosen,
        default_sentences=3,
        db=db,
        briefs=cache,
        articles=LibraryArticles(fetcher),
        clock=clock,
    )
    try:
        yield Bot(service, db, clock, cache)
    finally:
        pool.shutdown(wait=True)
        fetcher.close()
        db.close()
