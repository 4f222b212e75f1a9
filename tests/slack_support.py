"""Test support for the Slack adapter: a stand-in for Slack's Web API, signed requests, builders.

:class:`FakeSlackApi` is a real aiohttp server on 127.0.0.1 that answers the Web API
methods the app calls (``chat.postMessage``, ``reactions.add``, ``files.info``...), the
``response_url`` webhooks and file downloads, and records every request it gets.
Point the app at it with ``SLACK_API_URL`` (``fake.api_url``).
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import time
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, replace
from itertools import count
from typing import Any
from urllib.parse import urlencode

from aiohttp import ClientSession, web
from aiohttp.test_utils import TestServer
from brief_builders import build_brief
from spacy.language import Language

from bot.articles import LibraryArticles
from bot.briefs import BriefCache, BriefMaker
from bot.config import load_settings
from bot.service import BriefingService, utc_now
from bot.storage import DatabaseThread, open_storage
from summarizer.attribution import extract_claims, group_claims
from summarizer.fetch import Fetcher
from summarizer.sentences import split_sentences
from summarizer.settings import FetchSettings
from summarizer.types import Article, Brief

BOT_TOKEN = "xoxb-test-token"
APP_TOKEN = "xapp-test-token"
SIGNING_SECRET = "test-signing-secret"
BOT_USER_ID = "UBOT"
BOT_ID = "BBOT"
TEAM_ID = "T0001"
WAIT_SECONDS = 10.0  # a guard against hanging tests, not a delay: waits end at the event


@dataclass(frozen=True)
class ApiCall:
    """One request the fake received. ``method`` is the Web API method (``chat.postMessage``),
    ``response_url`` for webhook posts, or ``download`` for file downloads."""

    method: str
    params: Mapping[str, Any]
    headers: Mapping[str, str]
    path: str = ""


@dataclass(frozen=True)
class SlackFile:
    id: str
    name: str
    body: bytes
    mimetype: str = "text/plain"

    def info(self, base_url: str) -> dict[str, Any]:
        """The ``file`` object ``files.info`` returns."""
        return {
            "id": self.id,
            "name": self.name,
            "title": self.name,
            "mimetype": self.mimetype,
            "filetype": self.name.rsplit(".", 1)[-1],
            "size": len(self.body),
            "url_private": f"{base_url}/files/{self.id}/{self.name}",
            "url_private_download": f"{base_url}/files/{self.id}/download/{self.name}",
        }


class FakeSlackApi:
    """Slack's Web API, response_url webhooks and file host, on one local aiohttp server."""

    def __init__(self, bot_token: str = BOT_TOKEN, app_token: str = APP_TOKEN) -> None:
        self.bot_token = bot_token
        self.app_token = app_token
        self._socket: web.WebSocketResponse | None = None
        self._envelopes = count(1)
        self.calls: list[ApiCall] = []
        self.files: dict[str, SlackFile] = {}
        self._rate_limited: dict[str, int] = {}
        self._failing: dict[str, str] = {}
        self._changed = asyncio.Condition()
        self._timestamps = count(1)
        self._server = TestServer(self._build_app(), host="127.0.0.1")

    async def start(self) -> None:
        await self._server.start_server()

    async def close(self) -> None:
        await self._server.close()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._server.port}"

    @property
    def api_url(self) -> str:
        return f"{self.base_url}/api/"

    def response_url(self, name: str = "cmd") -> str:
        return f"{self.base_url}/response/{name}"

    def add_file(self, slack_file: SlackFile) -> dict[str, Any]:
        self.files[slack_file.id] = slack_file
        return slack_file.info(self.base_url)

    def rate_limit_once(self, method: str, retry_after: int = 0) -> None:
        """Answer the next call of ``method`` with HTTP 429 and ``Retry-After``."""
        self._rate_limited[method] = retry_after

    def next_ts(self) -> str:
        """Posted messages' ``ts``: ``2000000000.000001``, ``2000000000.000002``..."""
        return f"2000000000.{next(self._timestamps):06d}"

    def fail_once(self, method: str, error: str) -> None:
        """Answer the next call of ``method`` with ``{"ok": false, "error": error}``."""
        self._failing[method] = error

    def calls_to(self, method: str) -> list[ApiCall]:
        return [call for call in self.calls if call.method == method]

    async def wait_for(
        self, method: str, number: int = 1, timeout: float = WAIT_SECONDS
    ) -> list[ApiCall]:
        """The calls to ``method`` once there are at least ``number`` of them."""
        await self.wait_until(lambda: len(self.calls_to(method)) >= number, timeout)
        return self.calls_to(method)

    async def wait_until(
        self, condition: Callable[[], bool], timeout: float = WAIT_SECONDS
    ) -> None:
        """Return once ``condition()`` holds; it is checked after every recorded call."""
        async with asyncio.timeout(timeout), self._changed:
            await self._changed.wait_for(condition)

    def _build_app(self) -> web.Application:
        app = web.Application()
        app.router.add_route("*", "/api/{method}", self._api)
        app.router.add_post("/response/{name}", self._webhook)
        app.router.add_get("/files/{id}/download/{name}", self._download)
        app.router.add_get("/socket", self._socket_mode)
        return app

    async def _record(self, call: ApiCall) -> None:
        async with self._changed:
            self.calls.append(call)
            self._changed.notify_all()

    async def _api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        call = ApiCall(method, await _params(request), dict(request.headers), request.path)
        if method in self._rate_limited:
            retry_after = self._rate_limited.pop(method)
            await self._record(ApiCall(f"{method}:429", call.params, call.headers))
            return web.json_response(
                {"ok": False, "error": "ratelimited"},
                status=429,
                headers={"Retry-After": str(retry_after)},
            )
        await self._record(call)
        token = self.app_token if method == "apps.connections.open" else self.bot_token
        if call.headers.get("Authorization") != f"Bearer {token}":
            return web.json_response(_error("invalid_auth"))
        if method in self._failing:
            return web.json_response(_error(self._failing.pop(method)))
        return web.json_response(self._answer(method, call.params))

    def _answer(self, method: str, params: Mapping[str, Any]) -> dict[str, Any]:
        if method == "auth.test":
            return {"ok": True, "user_id": BOT_USER_ID, "bot_id": BOT_ID, "team_id": TEAM_ID}
        if method == "files.info":
            found = self.files.get(str(params.get("file")))
            if found is None:
                return _error("file_not_found")
            return {"ok": True, "file": found.info(self.base_url)}
        if method == "chat.postMessage":
            return {"ok": True, "channel": params.get("channel"), "ts": self.next_ts()}
        if method == "chat.postEphemeral":
            return {"ok": True, "message_ts": f"{int(time.time())}.000001"}
        if method == "apps.connections.open":
            return {"ok": True, "url": f"ws://127.0.0.1:{self._server.port}/socket"}
        if method == "chat.getPermalink":
            ts = str(params.get("message_ts", "")).replace(".", "")
            return {"ok": True, "permalink": f"https://team.slack.test/archives/C/p{ts}"}
        return {"ok": True}

    async def _webhook(self, request: web.Request) -> web.Response:
        params = await request.json()
        await self._record(ApiCall("response_url", params, dict(request.headers), request.path))
        return web.Response(text="ok")

    async def _download(self, request: web.Request) -> web.Response:
        await self._record(ApiCall("download", {}, dict(request.headers), request.path))
        if request.headers.get("Authorization") != f"Bearer {self.bot_token}":
            return web.Response(status=302, headers={"Location": f"{self.base_url}/signin"})
        found = self.files.get(request.match_info["id"])
        if found is None:
            return web.Response(status=404)
        return web.Response(body=found.body, content_type=found.mimetype)

    # Socket Mode: envelopes to the app over a websocket, its acks back.

    async def push(self, envelope_type: str, payload: Mapping[str, Any]) -> str:
        """Send one Socket Mode envelope (``events_api``, ``slash_commands``, ``interactive``)
        to the connected app; returns its ``envelope_id``, which the app must ack."""
        async with asyncio.timeout(WAIT_SECONDS), self._changed:
            await self._changed.wait_for(lambda: self._socket is not None)
        assert self._socket is not None
        envelope_id = f"envelope-{next(self._envelopes)}"
        envelope = {
            "envelope_id": envelope_id,
            "type": envelope_type,
            "payload": dict(payload),
            "accepts_response_payload": envelope_type != "events_api",
        }
        await self._socket.send_json(envelope)
        return envelope_id

    async def _socket_mode(self, request: web.Request) -> web.WebSocketResponse:
        socket = web.WebSocketResponse(autoping=True)
        await socket.prepare(request)
        await socket.send_json({"type": "hello", "num_connections": 1})
        async with self._changed:
            self._socket = socket
            self._changed.notify_all()
        async for frame in socket:
            ack = json.loads(frame.data)
            await self._record(ApiCall("socket ack", ack, {}, "/socket"))
        return socket


async def _params(request: web.Request) -> dict[str, Any]:
    """Query, form and JSON parameters together, as Slack reads them."""
    params: dict[str, Any] = dict(request.query)
    if request.content_type == "application/json":
        params.update(await request.json())
    elif request.can_read_body:
        params.update(await request.post())
    if isinstance(params.get("blocks"), str):
        params["blocks"] = json.loads(params["blocks"])
    return params


def _error(code: str) -> dict[str, Any]:
    return {"ok": False, "error": code}


# --- signed requests, as Slack sends them -------------------------------------------------


def signed_headers(
    body: str, *, secret: str = SIGNING_SECRET, timestamp: int | None = None
) -> dict[str, str]:
    """Headers of a request signed the way Slack signs (v0, HMAC-SHA256 over ``v0:ts:body``)."""
    stamp = str(int(time.time()) if timestamp is None else timestamp)
    digest = hmac.new(secret.encode(), f"v0:{stamp}:{body}".encode(), hashlib.sha256).hexdigest()
    return {"X-Slack-Request-Timestamp": stamp, "X-Slack-Signature": f"v0={digest}"}


def event_body(event: Mapping[str, Any], event_id: str = "Ev0001") -> str:
    """An Events API ``event_callback`` envelope around ``event``, as JSON text."""
    envelope = {
        "token": "unused",
        "team_id": TEAM_ID,
        "api_app_id": "A0001",
        "event": dict(event),
        "type": "event_callback",
        "event_id": event_id,
        "event_time": int(time.time()),
        "authorizations": [{"team_id": TEAM_ID, "user_id": BOT_USER_ID, "is_bot": True}],
    }
    return json.dumps(envelope)


def message_event(
    text: str, *, channel: str = "C0001", ts: str = "1700000000.000100", **extra: Any
) -> dict[str, Any]:
    event = {"type": "message", "channel": channel, "user": "U0001", "text": text, "ts": ts}
    event.update(channel_type="channel", event_ts=ts, **extra)
    return event


def command_body(command: str, text: str, response_url: str, channel: str = "C0001") -> str:
    """A slash command as Slack posts it (form-encoded)."""
    fields = {
        "token": "unused",
        "team_id": TEAM_ID,
        "channel_id": channel,
        "user_id": "U0001",
        "command": command,
        "text": text,
        "response_url": response_url,
        "trigger_id": "trigger.1",
        "api_app_id": "A0001",
    }
    return urlencode(fields)


def shortcut_body(
    message_text: str, response_url: str, *, callback_id: str = "summarize_message"
) -> str:
    """A message shortcut (``message_action``) payload as Slack posts it (form-encoded)."""
    payload = {
        "type": "message_action",
        "callback_id": callback_id,
        "trigger_id": "trigger.2",
        "team": {"id": TEAM_ID},
        "user": {"id": "U0001"},
        "channel": {"id": "C0001"},
        "message": {"type": "message", "user": "U0002", "text": message_text, "ts": "1700.0002"},
        "message_ts": "1700.0002",
        "response_url": response_url,
        "api_app_id": "A0001",
        "token": "unused",
    }
    return urlencode({"payload": json.dumps(payload)})


# --- Slack's message limits, checked from the payload ------------------------------------


def limit_problems(params: Mapping[str, Any]) -> list[str]:
    """Every Slack message limit a ``chat.postMessage`` payload breaks (empty when fine)."""
    blocks: list[dict[str, Any]] = list(params.get("blocks") or [])
    problems = [] if params.get("text") else ["no fallback text"]
    if len(str(params.get("text", ""))) > 40_000:
        problems.append("text over 40,000 characters")
    if len(blocks) > 50:
        problems.append(f"{len(blocks)} blocks")
    for index, block in enumerate(blocks):
        problems += [f"block {index}: {problem}" for problem in _block_problems(block)]
    total = sum(len(text) for block in blocks for text in _block_texts(block))
    if total > 12_000:
        problems.append(f"{total} characters in all blocks")
    return problems


def _block_problems(block: Mapping[str, Any]) -> list[str]:
    limit = {"header": 150, "section": 3000, "context": 3000}.get(block["type"], 3000)
    return [f"{len(text)} > {limit}" for text in _block_texts(block) if len(text) > limit]


def _block_texts(block: Mapping[str, Any]) -> list[str]:
    if "text" in block:
        return [block["text"]["text"]]
    return [element.get("text", "") for element in block.get("elements", [])]


# --- builders -------------------------------------------------------------------------------


# --- the app under test, over real HTTP -----------------------------------------------------


class ManualTimer:
    """The adapter's progress timer, under the test's control: every wait ends when the
    test calls :meth:`elapse` (as if the time had passed), never by itself."""

    def __init__(self) -> None:
        self._elapsed = asyncio.Event()
        self.waits: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)
        await self._elapsed.wait()

    def elapse(self) -> None:
        self._elapsed.set()


class SlackRequests:
    """Sends Slack's requests (signed unless told otherwise) to the app's /slack/events."""

    def __init__(self, session: ClientSession, url: str) -> None:
        self._session = session
        self.url = url

    async def event(
        self, event: Mapping[str, Any], event_id: str = "Ev0001", **headers: str
    ) -> int:
        body = event_body(event, event_id)
        return await self.send(body, "application/json", {**signed_headers(body), **headers})

    async def form(self, body: str) -> int:
        content_type = "application/x-www-form-urlencoded"
        return await self.send(body, content_type, signed_headers(body))

    async def send(self, body: str, content_type: str, headers: Mapping[str, str]) -> int:
        all_headers = {"Content-Type": content_type, **headers}
        async with self._session.post(self.url, data=body.encode(), headers=all_headers) as answer:
            await answer.read()
            return answer.status


class LeadBriefer:
    """Briefs with the real who-claims-what (spaCy and ``summarizer.attribution``) and the
    article's first sentences as the summary: how sentences are picked does not matter to
    the Slack adapter, and this keeps its tests independent of the summarizer's."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp

    def brief(self, article: Article, *, sentences: int | None = None) -> Brief:
        lead = split_sentences(article.text, skip=article.boilerplate)[: sentences or 3]
        claims = extract_claims(self.nlp(article.text))
        speakers = group_claims(claims, article.text)
        return Brief(article, tuple(lead), claims, speakers, "english")


class ManySpeakersBriefer:
    """The article's first sentences and ``speakers`` built speakers with long claims: a
    brief as large as the longest articles give, without a minute of parsing."""

    def __init__(self, speakers: int = 40) -> None:
        self.speakers = speakers

    def brief(self, article: Article, *, sentences: int | None = None) -> Brief:
        lead = split_sentences(article.text, skip=article.boilerplate)[: sentences or 3]
        built = build_brief(speakers=self.speakers, claims_per_speaker=4, claim_words=30)
        return replace(built, article=article, summary=tuple(lead))


@contextmanager
def briefing_service(
    database_url: str, briefer: BriefMaker, fetch: FetchSettings
) -> Iterator[BriefingService]:
    """The real service on a real database, worker pool and (local-only) fetcher."""
    settings = load_settings(environ={}).bot
    db = DatabaseThread(open_storage(database_url))
    pool = ThreadPoolExecutor(2, thread_name_prefix="slack-test-work")
    fetcher = Fetcher(fetch)
    briefs = BriefCache(db=db, briefer=briefer, pool=pool, clock=utc_now)
    try:
        yield BriefingService(
            settings=settings,
            default_sentences=3,
            db=db,
            briefs=briefs,
            articles=LibraryArticles(fetcher),
        )
    finally:
        pool.shutdown(wait=True)
        fetcher.close()
        db.close()
