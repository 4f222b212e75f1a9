"""The digest extension of ``newsbrief run``: its commands, its scheduler, its wiring.

``create(runtime)`` builds everything from the runtime's long-lived parts (database,
worker pool, brief cache, fetcher); ``run(adapters)`` starts the scheduler, posts
scheduled digests through the running adapters' ``send``, and stops with them.
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from bot.adapters import ChatAdapter
from bot.command_runner import CommandExtension
from bot.digest.collect import DigestCollector
from bot.digest.extension import DigestCommands, FeedCommands
from bot.digest.feeds import FeedReader
from bot.digest.runner import ChannelPublisher, DigestRunner
from bot.digest.scheduler import DigestScheduler
from bot.digest.settings import DigestSettings, digest_settings
from bot.digest.store import DigestStore
from bot.digest.stories import Digest, normalise
from bot.replies import DigestReply
from bot.runtime import Runtime

log = logging.getLogger(__name__)


def process_holder() -> str:
    """This process's name in the lease and run records: host, pid and a random part."""
    return f"{socket.gethostname()[:32]}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def build_runner(
    runtime: Runtime, settings: DigestSettings, publishers: Mapping[str, ChannelPublisher]
) -> DigestRunner:
    store = DigestStore(runtime.db.storage.engine)
    collector = DigestCollector(
        db=runtime.db,
        store=store,
        briefs=runtime.briefs,
        articles=runtime.articles,
        pool=runtime.pool,
        settings=settings,
        sentences=runtime.settings.brief.sentences,
        normalise=normalise,
    )
    return DigestRunner(
        db=runtime.db,
        store=store,
        collector=collector,
        reader=FeedReader(runtime.fetcher, normalise, settings.feed_items_per_poll),
        pool=runtime.pool,
        publishers=publishers,
        settings=settings,
        clock=runtime.clock,
        holder=process_holder(),
    )


def sender(adapter: ChatAdapter) -> ChannelPublisher:
    """Posts a digest through an adapter, which renders it for its platform."""

    async def publish(channel: str, digest: Digest) -> None:
        await adapter.send(channel, DigestReply(digest))

    return publish


@dataclass
class DigestExtension:
    runner: DigestRunner
    scheduler: DigestScheduler
    commands: Sequence[CommandExtension]
    publishers: dict[str, ChannelPublisher]

    async def run(self, adapters: Mapping[str, ChatAdapter]) -> None:
        self.publishers.update({name: sender(adapter) for name, adapter in adapters.items()})
        await self.scheduler.start()
        try:
            await asyncio.Event().wait()  # until cancelled with the adapters
        finally:
            self.scheduler.shutdown()
            await self.runner.release_lease()


def create(runtime: Runtime) -> DigestExtension:
    settings = digest_settings(runtime.settings)
    publishers: dict[str, ChannelPublisher] = {}
    runner = build_runner(runtime, settings, publishers)
    scheduler = DigestScheduler(runtime.db.storage.engine, runner, settings)
    commands: list[CommandExtension] = [
        DigestCommands(runner, scheduler, settings, runtime.clock),
        FeedCommands(runner, settings, normalise, runtime.clock),
    ]
    return DigestExtension(runner, scheduler, commands, publishers)
