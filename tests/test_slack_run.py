"""`newsbrief run --slack-mode http` as a user starts it: a subprocess, the real pipeline,
Slack's requests over HTTP, the Web API stand-in, and a clean stop on SIGTERM."""

from __future__ import annotations

import asyncio
import json
import os
import re
import signal
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from aiohttp import ClientSession
from slack_support import (
    BOT_TOKEN,
    SIGNING_SECRET,
    WAIT_SECONDS,
    FakeSlackApi,
    SlackRequests,
    message_event,
    signed_headers,
)

pytest.importorskip("summarizer.summarize", reason="the summarizer module has not landed yet")
pytest.importorskip("summarizer.language", reason="the language module has not landed yet")

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "upi-russia-syria-airstrikes.txt"
LISTENING = re.compile(r"Slack: HTTP mode, listening on port (\d+)")
START_SECONDS = 120  # loading spaCy and migrating the database, on a busy machine


@pytest.fixture
async def slack_api() -> AsyncIterator[FakeSlackApi]:
    api = FakeSlackApi()
    await api.start()
    yield api
    await api.close()


async def start_bot(api: FakeSlackApi, data_dir: Path) -> tuple[asyncio.subprocess.Process, int]:
    """``newsbrief run --slack-mode http --port 0``; returns the process and its port."""
    environ = {
        **os.environ,
        "SLACK_BOT_TOKEN": BOT_TOKEN,
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "SLACK_API_URL": api.api_url,
        "NEWSBRIEF_DATA_DIR": str(data_dir),
        "NEWSBRIEF_FETCH_ALLOW_PRIVATE": "true",
    }
    command = ["-m", "bot", "run", "--slack-mode", "http", "--host", "127.0.0.1", "--port", "0"]
    process = await asyncio.create_subprocess_exec(
        sys.executable, *command, cwd=ROOT, env=environ, stderr=asyncio.subprocess.PIPE
    )
    async with asyncio.timeout(START_SECONDS):
        return process, await _listening_port(process)


async def _listening_port(process: asyncio.subprocess.Process) -> int:
    assert process.stderr is not None
    async for line in process.stderr:
        found = LISTENING.search(line.decode())
        if found:
            return int(found.group(1))
    raise AssertionError(f"newsbrief run exited ({await process.wait()}) without listening")


async def test_newsbrief_run_serves_slack_over_http_and_stops_on_sigterm(
    slack_api: FakeSlackApi,
    tmp_path: Path,
    http_server,  # type: ignore[no-untyped-def]
) -> None:
    http_server.route("/world/syria", body=SEED.read_bytes(), content_type="text/plain")
    process, port = await start_bot(slack_api, tmp_path)
    try:
        async with ClientSession() as session:
            send = SlackRequests(session, f"http://127.0.0.1:{port}/slack/events")
            challenge = json.dumps({"type": "url_verification", "challenge": "c-123"})
            async with session.post(
                send.url, data=challenge, headers=signed_headers(challenge)
            ) as answer:
                assert (answer.status, await answer.json()) == (200, {"challenge": "c-123"})
            assert await send.send(challenge, "application/json", {}) == 401
            link = f"<{http_server.url('/world/syria')}>"
            assert await send.event(message_event(link, ts="1.0001")) == 200
            [post] = await slack_api.wait_for("chat.postMessage", timeout=START_SECONDS)
        assert post.params["thread_ts"] == "1.0001"
        assert post.params["blocks"][0]["text"]["text"].startswith("Russia")
    finally:
        process.send_signal(signal.SIGTERM)
        async with asyncio.timeout(WAIT_SECONDS * 3):
            assert await process.wait() == 0
