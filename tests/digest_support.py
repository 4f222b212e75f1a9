"""Builders for the digest tests: a fake clock, canned articles and briefs, bot processes
sharing one SQLite file (each with its own connection, runner and clock)."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

from digest_articles import REPORTS

from bot.digest.channel_store import ChannelDigest
from bot.digest.collect import DigestCollector
from bot.digest.feeds import FeedReader
from bot.digest.runner import DigestRunner
from bot.digest.schedule import SetSchedule, parse_digest_command
from bot.digest.settings import DigestSettings
from bot.digest.store import DigestStore
from bot.digest.stories import Digest, normalise
from bot.records import ShareDraft, ShareStatus
from bot.storage import DatabaseThread, open_storage
from summarizer.fetch import Fetcher
from summarizer.settings import FetchSettings
from summarizer.types import Article, Brief, Sentence

BERLIN = ZoneInfo("Europe/Berlin")
PLATFORM, CHANNEL = "console", "news"


@dataclass
class FakeClock:
    now: datetime

    def __call__(self) -> datetime:
        return self.now

    def set(self, *fields: int) -> None:
        self.now = datetime(*fields, tzinfo=BERLIN)


class CannedArticles:
    """An ArticleReader for articles the tests wrote (no network)."""

    def __init__(self) -> None:
        self.by_url = {
            f"https://{source.lower().replace(' ', '')}.example/{story}": Article(
                lead, "", title, f"https://{source.lower()}.example/{story}", source
            )
            for story, source, title, lead in REPORTS
        }

    def from_url(self, url: str) -> Article:
        return self.by_url[url]

    def from_upload(self, body: bytes, name: str, content_type: str | None) -> Article:
        raise NotImplementedError

    def from_text(self, text: str) -> Article:
        raise NotImplementedError


class LeadBriefs:
    """A brief cache whose briefs summarise an article by its whole (short) text (no NLP)."""

    async def get(
        self, key: str, sentences: int, load: Callable[[], Article], *, any_age: bool = False
    ) -> tuple[Brief, bool]:
        article = load()
        summary = (Sentence(article.text, (0, len(article.text))),)
        return Brief(article, summary, (), (), "english"), True


@dataclass
class Posted:
    digests: list[tuple[str, Digest]] = field(default_factory=list)

    async def __call__(self, channel: str, digest: Digest) -> None:
        self.digests.append((channel, digest))


@dataclass
class Process:
    """One bot process: its own database connection, runner and clock, on a shared file."""

    runner: DigestRunner
    db: DatabaseThread
    store: DigestStore
    clock: FakeClock
    posted: Posted
    pool: ThreadPoolExecutor

    def close(self) -> None:
        self.pool.shutdown()
        self.db.close()


class ProcessFactory:
    """Starts bot processes on one SQLite file (call it like a function); closes them all."""

    def __init__(self, database: str) -> None:
        self.database = database
        self.started: list[Process] = []

    def __call__(
        self, holder: str, clock: FakeClock, settings: DigestSettings | None = None
    ) -> Process:
        process = make_process(self.database, holder, clock, settings or DigestSettings())
        self.started.append(process)
        return process

    def close_all(self) -> None:
        for process in self.started:
            process.close()


def make_process(database: str, holder: str, clock: FakeClock, settings: DigestSettings) -> Process:
    db = DatabaseThread(open_storage(database))
    store = DigestStore(db.storage.engine)
    pool = ThreadPoolExecutor(2)
    posted = Posted()
    collector = DigestCollector(
        db=db,
        store=store,
        briefs=LeadBriefs(),
        articles=CannedArticles(),
        pool=pool,
        settings=settings,
        sentences=3,
        normalise=normalise,
    )
    reader = FeedReader(Fetcher(FetchSettings(allow_private=True)), normalise, 30)
    runner = DigestRunner(
        db=db,
        store=store,
        collector=collector,
        reader=reader,
        pool=pool,
        publishers={PLATFORM: posted},
        settings=settings,
        clock=clock,
        holder=holder,
    )
    return Process(runner, db, store, clock, posted, pool)


def subscribe(process: Process, arguments: str, **choices: object) -> None:
    command = parse_digest_command(arguments)
    assert isinstance(command, SetSchedule)
    choice = ChannelDigest(PLATFORM, CHANNEL, command.schedule, **choices)  # type: ignore[arg-type]
    process.store.save_channel(choice, process.clock())


def share(process: Process, url: str, user: str = "ana") -> None:
    draft = ShareDraft(PLATFORM, CHANNEL, user, "m1", normalise(url), url, process.clock())
    new, _earlier = process.db.storage.open_share(draft, None)
    process.db.storage.finish_share(new.id, ShareStatus.BRIEFED, None)


ECB_URLS = ("https://reuters.example/ecb", "https://ap.example/ecb", "https://bbc.example/ecb")
#: One report each of four more stories.
OTHER_STORY_URLS = (
    "https://reuters.example/rhodes",
    "https://ap.example/athens-strike",
    "https://bbc.example/football",
    "https://financialtimes.example/chip-export",
)
BOE_TITLE = next(title for story, _source, title, _lead in REPORTS if story == "boe")
