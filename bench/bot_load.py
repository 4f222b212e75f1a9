"""Load on the briefing service: many messages with distinct links, all sent at once.

    .venv/bin/python bench/bot_load.py [--messages 100] [--workers N]

A local HTTP server serves the real news pages of ../shared/data/html (cycled, each
at its own URL, so every message is a distinct article to fetch, extract and brief
with the real spaCy pipeline). Every message goes through ``BriefingService.handle``
at the same moment while a ticker task measures how late the event loop wakes it.
Goals: every message answered, none lost; event-loop lag ≤ 100 ms; peak RSS < 400 MB,
counted for the bot as a whole: its own process plus its NLP worker processes.
"""

from __future__ import annotations

import argparse
import asyncio
import resource
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING

from _shared import median, p95, shared_dir

# The bot is imported inside the functions: the NLP worker processes are spawned and
# import this module, so importing the bot here would weigh them down (by ~60 MB), unlike
# under `newsbrief run`, whose main module is light.
if TYPE_CHECKING:
    from bot.replies import Reply
    from bot.runtime import Runtime

TICK_S = 0.01
GOAL_LAG_MS = 100
GOAL_RSS_MB = 400


@dataclass
class LagMeter:
    """Wakes every TICK_S and records how late it woke: the event loop's lag."""

    worst_ms: float = 0.0
    samples: list[float] = field(default_factory=list)

    async def run(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            expected = loop.time() + TICK_S
            await asyncio.sleep(TICK_S)
            late_ms = max(0.0, (loop.time() - expected) * 1000)
            self.samples.append(late_ms)
            self.worst_ms = max(self.worst_ms, late_ms)


@dataclass
class Load:
    """What happened to the messages sent at once."""

    answers: list[list[Reply]] = field(default_factory=list)  # the replies to each message
    latencies: list[float] = field(default_factory=list)  # seconds, message to its reply
    meter: LagMeter = field(default_factory=LagMeter)
    wall_s: float = 0.0
    workers_rss_mb: float = 0.0  # peak RSS of the NLP worker processes together


@contextmanager
def serving(pages: list[bytes]) -> Iterator[str]:
    """Serves ``pages[n % len(pages)]`` at /article/n; yields the base URL."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            number = int(self.path.rsplit("/", 1)[-1])
            body = pages[number % len(pages)]
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


async def send_all(runtime: Runtime, urls: list[str]) -> Load:
    from bot.events import ChatEvent

    service = runtime.service()
    load = Load()
    ticker = asyncio.create_task(load.meter.run())

    async def one(number: int, url: str) -> list[Reply]:
        replies: list[Reply] = []

        async def post(reply: Reply) -> None:
            replies.append(reply)

        started = time.perf_counter()
        event = ChatEvent("bench", "bench", f"user{number}", f"m{number}", f"read this {url}")
        await service.handle(event, post)
        load.latencies.append(time.perf_counter() - started)
        return replies

    started = time.perf_counter()
    load.answers = list(await asyncio.gather(*(one(n, url) for n, url in enumerate(urls))))
    load.wall_s = time.perf_counter() - started
    ticker.cancel()
    return load


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def workers_peak_rss_mb(runtime: Runtime) -> float:
    """The NLP processes' peak RSS: the largest one seen times their number (exact for one)."""
    from bot.nlp_workers import ProcessBriefing

    if not isinstance(runtime.nlp, ProcessBriefing):
        return 0.0
    return runtime.nlp.peak_rss_mb() * runtime.settings.bot.nlp_processes


def main() -> int:
    import bot.commands_run  # what `newsbrief run` loads (its RSS is counted)
    from bot.config import load_settings
    from bot.runtime import freeze_startup_objects, open_runtime

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--messages", type=int, default=100)
    parser.add_argument("--workers", type=int, help="worker threads (default: the setting)")
    parser.add_argument("--nlp-processes", type=int, help="NLP processes (default: the setting)")
    args = parser.parse_args()
    pages = [path.read_bytes() for path in sorted((shared_dir() / "data" / "html").glob("*.html"))]
    with tempfile.TemporaryDirectory() as data_dir:
        environ = {"NEWSBRIEF_DATA_DIR": data_dir, "NEWSBRIEF_FETCH_ALLOW_PRIVATE": "1"}
        if args.workers is not None:
            environ["NEWSBRIEF_BOT_WORKERS"] = str(args.workers)
        if args.nlp_processes is not None:
            environ["NEWSBRIEF_BOT_NLP_PROCESSES"] = str(args.nlp_processes)
        settings = load_settings(environ=environ)
        with open_runtime(settings) as runtime, serving(pages) as base:
            rss_ready = peak_rss_mb()
            urls = [f"{base}/article/{n}" for n in range(args.messages)]
            freeze_startup_objects()  # as `newsbrief run` does once its adapters are up
            load = asyncio.run(send_all(runtime, urls))
            load.workers_rss_mb = workers_peak_rss_mb(runtime)
    bot = settings.bot
    print(f"messages sent at once: {args.messages}, each with a distinct link")
    print(f"worker threads: {bot.workers}, NLP processes: {bot.nlp_processes}")
    return report(args.messages, load, rss_ready)


def report(sent: int, load: Load, rss_ready: float) -> int:
    from bot.replies import BriefReply, ErrorReply

    replies = [reply for answer in load.answers for reply in answer]
    briefs = sum(isinstance(reply, BriefReply) for reply in replies)
    errors = sum(isinstance(reply, ErrorReply) for reply in replies)
    answered = sum(len(answer) == 1 for answer in load.answers)
    lag, rss = load.meter.worst_ms, peak_rss_mb()
    total_rss = rss + load.workers_rss_mb
    ok = answered == sent and lag <= GOAL_LAG_MS and total_rss < GOAL_RSS_MB
    print(f"answered: {answered}/{sent} ({briefs} briefs, {errors} error replies)")
    print(f"wall time: {load.wall_s:.1f} s, {sent / load.wall_s:.1f} messages/s")
    print(f"reply latency: median {median(load.latencies):.1f} s, p95 {p95(load.latencies):.1f} s")
    print(f"event-loop lag: max {lag:.1f} ms, p95 {p95(load.meter.samples):.1f} ms")
    print(f"  (goal ≤ {GOAL_LAG_MS} ms)")
    print(f"peak RSS: {total_rss:.0f} MB = bot process {rss:.0f} MB ({rss_ready:.0f} MB at start)")
    print(f"  + NLP processes {load.workers_rss_mb:.0f} MB (goal < {GOAL_RSS_MB} MB)")
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
