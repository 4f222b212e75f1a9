"""Where briefs are made (extraction and NLP): worker processes (the default) or the bot's
own worker threads.

spaCy's parser holds the GIL in long stretches of compiled code: parsing long articles
on threads stalled the event loop for up to 0.9 s in bench/bot_load.py, though the
work was "off the loop". Worker processes have their own GIL; with extraction and
NLP in one worker the loop lagged at most 27 ms under the same load, and the bot's
own process stays small (about 100 MB). Each worker loads its own spaCy pipeline and
peaked at about 340 MB on long real pages, so their number is a setting
(``bot.nlp_processes``); 0 makes briefs on the bot's threads instead.
"""

from __future__ import annotations

import asyncio
import multiprocessing
from concurrent.futures import Executor, ProcessPoolExecutor
from functools import lru_cache, partial
from typing import TYPE_CHECKING, Protocol

from bot.documents import Document
from summarizer.settings import BriefSettings
from summarizer.types import Article, Brief

if TYPE_CHECKING:  # imported by the workers only: the bot's process never loads spaCy's model
    from summarizer.pipeline import Briefer

#: An article already extracted (from the cache), or a document to extract first.
Source = Article | Document


class BriefMaker(Protocol):
    """``summarizer.pipeline.Briefer`` (tests pass a lighter one)."""

    def brief(self, article: Article, *, sentences: int | None = None) -> Brief: ...


class BriefWorkers(Protocol):
    async def brief(self, source: Source, sentences: int) -> Brief: ...

    def close(self) -> None: ...


class ThreadBriefing:
    """Briefs on a thread pool of this process, with a briefer made by the caller."""

    def __init__(self, briefer: BriefMaker, pool: Executor) -> None:
        self._briefer = briefer
        self._pool = pool

    async def brief(self, source: Source, sentences: int) -> Brief:
        work = partial(_brief_with, self._briefer, source, sentences)
        return await asyncio.get_running_loop().run_in_executor(self._pool, work)

    def close(self) -> None:
        return  # the pool belongs to the caller


class ProcessBriefing:
    """Briefs in ``processes`` worker processes, each loading the pipeline on first use."""

    def __init__(self, settings: BriefSettings, processes: int) -> None:
        self._settings = settings
        # "spawn": a fresh interpreter; forking a process that runs threads is unsafe.
        context = multiprocessing.get_context("spawn")
        self._pool = ProcessPoolExecutor(processes, mp_context=context)

    def warm_up(self) -> None:
        """Load the pipeline in a worker now, so a missing model fails at start (raising
        ``ModelNotInstalled``) and the first brief is not slowed by the load."""
        self._pool.submit(_warm_up, self._settings).result()

    async def brief(self, source: Source, sentences: int) -> Brief:
        work = partial(_brief_in_worker, self._settings, source, sentences)
        return await asyncio.get_running_loop().run_in_executor(self._pool, work)

    def peak_rss_mb(self) -> float:
        """The largest peak RSS among the workers that answer (for benchmarks)."""
        return self._pool.submit(_peak_rss_mb).result()

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


def _brief_with(briefer: BriefMaker, source: Source, sentences: int) -> Brief:
    article = source.extract() if isinstance(source, Document) else source
    return briefer.brief(article, sentences=sentences)


# -- run inside the worker processes --------------------------------------------------------


@lru_cache(maxsize=1)
def _worker_briefer(settings: BriefSettings) -> Briefer:
    """One briefer per worker process, made on its first job (nothing loads at import)."""
    from summarizer.nlp import load_pipeline
    from summarizer.pipeline import Briefer

    return Briefer(load_pipeline(settings.spacy_model), settings)


def _warm_up(settings: BriefSettings) -> None:
    _worker_briefer(settings)


def _brief_in_worker(settings: BriefSettings, source: Source, sentences: int) -> Brief:
    return _brief_with(_worker_briefer(settings), source, sentences)


def _peak_rss_mb() -> float:
    import resource  # Unix only, and only benchmarks ask

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
