"""Slack adapter latency: how fast /summarize is acknowledged, how long a pasted link waits.

    .venv/bin/python bench/slack_latency.py [--acks 50] [--links 10]

The real Bolt app in HTTP mode on a local port gets signed requests as Slack sends
them; the test suite's stand-in for Slack's Web API (tests/slack_support.py) records
the replies; a local HTTP server serves the seed article, each request at its own
URL (``?n=...``) so every brief is made from scratch by the real pipeline.

1. Ack latency: ``--acks`` /summarize commands, one after the other, each answered
   with a full brief in the background (so later acks are measured while earlier
   briefs run): time from sending the request to Slack receiving HTTP 200.
   Slack's limit is 3 s; the aim is 300 ms.
2. Link-to-reply latency: ``--links`` channel messages with a new link, one at a
   time: time from sending the event to the brief reaching ``chat.postMessage``
   (fetch, extraction, summary, who-claims-what, Block Kit, posting). Then the same
   article in another channel: the cached brief.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import threading
import time
from collections.abc import Awaitable, Iterator
from contextlib import contextmanager, suppress
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from _shared import median, p95
from aiohttp import ClientSession

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # the Web API stand-in lives with the tests

from slack_support import (  # noqa: E402
    BOT_TOKEN,
    SIGNING_SECRET,
    ApiCall,
    FakeSlackApi,
    SlackRequests,
    command_body,
    message_event,
)

from bot.config import load_settings  # noqa: E402
from bot.runtime import Runtime, open_runtime  # noqa: E402
from bot.slack_app.adapter import SlackAdapter  # noqa: E402
from bot.slack_app.posting import WORKING_TEXT  # noqa: E402
from bot.slack_app.settings import HTTP, SlackSettings  # noqa: E402

ARTICLE = (ROOT / "seeds" / "upi-russia-syria-airstrikes.txt").read_bytes()
GOAL_ACK_MS = 300
SLACK_ACK_LIMIT_MS = 3000
REPLY_TIMEOUT_S = 600


@contextmanager
def article_server() -> Iterator[str]:
    """The seed article at every path of a local server; yields its base URL."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Content-Length", str(len(ARTICLE)))
            self.end_headers()
            self.wfile.write(ARTICLE)

        def log_message(self, format: str, *args: object) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


async def timed(action: Awaitable[object]) -> float:
    started = time.perf_counter()
    await action
    return (time.perf_counter() - started) * 1000


async def ack_latencies(
    send: SlackRequests, api: FakeSlackApi, base: str, count: int
) -> list[float]:
    latencies = []
    expected = answers(api) + count
    for number in range(count):
        body = command_body("/summarize", f"{base}/story?n={number}", api.response_url())
        latencies.append(await timed(send.form(body)))
    await api.wait_until(lambda: answers(api) >= expected, timeout=REPLY_TIMEOUT_S)
    return latencies


def answers(api: FakeSlackApi) -> int:
    """Replies posted: briefs in the channel, and errors only the user sees (not the
    "working on it" notes)."""
    return len(api.calls_to("chat.postMessage")) + len(private_answers(api))


def private_answers(api: FakeSlackApi) -> list[ApiCall]:
    return [call for call in api.calls_to("response_url") if call.params["text"] != WORKING_TEXT]


async def reply_latencies(
    send: SlackRequests, api: FakeSlackApi, base: str, count: int
) -> tuple[list[float], float]:
    """Cold link-to-reply times, then one warm (cached, another channel) time."""
    posted = answers(api)
    cold = []
    for number in range(count):
        event = message_event(f"<{base}/link?n={number}>", ts=f"{number}.0001")
        cold.append(await timed(_post_and_wait(send, api, event, f"EvL{number}", posted + 1)))
        posted += 1
    event = message_event(f"<{base}/link?n=0>", ts="9.0001", channel="C0002")
    warm = await timed(_post_and_wait(send, api, event, "EvWarm", posted + 1))
    return cold, warm


async def _post_and_wait(
    send: SlackRequests, api: FakeSlackApi, event: dict[str, object], event_id: str, posts: int
) -> None:
    await send.event(event, event_id=event_id)
    await api.wait_until(lambda: answers(api) >= posts, timeout=REPLY_TIMEOUT_S)


async def measure(runtime: Runtime, base: str, acks: int, links: int) -> None:
    api = FakeSlackApi()
    await api.start()
    settings = SlackSettings(
        bot_token=BOT_TOKEN,
        mode=HTTP,
        signing_secret=SIGNING_SECRET,
        api_url=api.api_url,
        host="127.0.0.1",
        port=0,
    )
    adapter = SlackAdapter(runtime.service().handle, settings)
    task = asyncio.create_task(adapter.run())
    await adapter.ready.wait()
    try:
        async with ClientSession() as session:
            send = SlackRequests(session, f"http://127.0.0.1:{adapter.port}/slack/events")
            await send.form(command_body("/newsbrief", "help", api.response_url()))  # warm-up
            await api.wait_until(lambda: answers(api) == 1)
            ack_ms = await ack_latencies(send, api, base, acks)
            cold_ms, warm_ms = await reply_latencies(send, api, base, links)
    finally:
        task.cancel()
        with suppress(asyncio.CancelledError):
            await task
        await api.close()
    report(ack_ms, cold_ms, warm_ms)
    print(f"error replies (e.g. fetch timeouts on a busy machine): {error_replies(api)}")


def error_replies(api: FakeSlackApi) -> int:
    posted = [*private_answers(api), *api.calls_to("chat.postMessage")]
    return sum(call.params["text"].startswith(":warning:") for call in posted)


def report(ack_ms: list[float], cold_ms: list[float], warm_ms: float) -> None:
    verdict = "OK" if p95(ack_ms) <= GOAL_ACK_MS else "OVER"
    print(
        f"/summarize ack, {len(ack_ms)} calls: median {median(ack_ms):.1f} ms, "
        f"p95 {p95(ack_ms):.1f} ms, max {max(ack_ms):.1f} ms "
        f"(aim <= {GOAL_ACK_MS} ms, Slack's limit {SLACK_ACK_LIMIT_MS} ms): {verdict}"
    )
    words = len(ARTICLE.split())
    print(
        f"link to reply, new article ({len(cold_ms)} links, {words} words): "
        f"median {median(cold_ms):.0f} ms, p95 {p95(cold_ms):.0f} ms, max {max(cold_ms):.0f} ms"
    )
    print(f"link to reply, cached brief (another channel): {warm_ms:.0f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--acks", type=int, default=50, help="/summarize calls (default 50)")
    parser.add_argument("--links", type=int, default=10, help="new links posted (default 10)")
    args = parser.parse_args()
    with article_server() as base, tempfile.TemporaryDirectory() as data_dir:
        environ = {"NEWSBRIEF_DATA_DIR": data_dir, "NEWSBRIEF_FETCH_ALLOW_PRIVATE": "true"}
        with open_runtime(load_settings(environ=environ)) as runtime:
            asyncio.run(measure(runtime, base, args.acks, args.links))


if __name__ == "__main__":
    main()
