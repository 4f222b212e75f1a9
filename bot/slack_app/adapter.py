"""The Slack adapter `newsbrief run` starts: a Web API client, the Bolt app, Socket Mode or HTTP."""

from __future__ import annotations

import asyncio
import logging
from functools import partial

import aiohttp
from aiohttp import web
from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_bolt.async_app import AsyncApp
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.async_handler import AsyncRetryHandler
from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncConnectionErrorRetryHandler,
    AsyncRateLimitErrorRetryHandler,
)
from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.webhook.async_client import AsyncWebhookClient

from bot.errors import BotError
from bot.replies import Reply
from bot.slack_app.files import SlackFiles
from bot.slack_app.listeners import Handler, SlackListeners
from bot.slack_app.posting import Destination, SlackPoster, Timer
from bot.slack_app.settings import EVENTS_PATH, HTTP, SlackSettings
from bot.slack_app.translate import PLATFORM

log = logging.getLogger(__name__)

#: Slack answers HTTP 429 with Retry-After when a method's rate limit is hit (e.g. about one
#: chat.postMessage per second per channel); the client waits that long and tries again.
RATE_LIMIT_RETRIES = 3
#: Every call to Slack, file downloads included.
HTTP_TIMEOUT = aiohttp.ClientTimeout(total=60)
#: On shutdown, briefs in progress get this long to be posted.
SHUTDOWN_GRACE_SECONDS = 30.0


class SlackAdapter:
    platform = PLATFORM

    def __init__(
        self, handle: Handler, settings: SlackSettings, *, timer: Timer = asyncio.sleep
    ) -> None:
        self._handle = handle
        self._settings = settings
        self._timer = timer
        self._client: AsyncWebClient | None = None
        self._listeners: SlackListeners | None = None
        #: Set once Slack can reach the app (HTTP mode: listening; Socket Mode: connected).
        self.ready = asyncio.Event()
        #: HTTP mode: the port listened on (useful with port 0, which lets the OS pick).
        self.port: int | None = None

    async def run(self) -> None:
        """Serve Slack until cancelled; then let briefs in progress finish (within a grace)."""
        async with aiohttp.ClientSession(timeout=HTTP_TIMEOUT) as session:
            self._client = web_client(self._settings, session)
            await sign_in(self._client)
            self._listeners = self._build_listeners(self._client, session)
            app = build_app(self._listeners, self._client, self._settings)
            try:
                await (
                    self._serve_http(app)
                    if self._settings.mode == HTTP
                    else self._serve_socket(app)
                )
            finally:
                await self._finish_work()

    async def send(self, channel: str, reply: Reply) -> str | None:
        """Post ``reply`` in ``channel`` unprompted (a digest); returns its ``ts``."""
        if self._client is None:
            raise BotError("Slack is not connected yet")
        return await SlackPoster(self._client, Destination(channel), None)(reply)

    async def idle(self) -> None:
        """Wait until no event is being handled."""
        if self._listeners is not None:
            await self._listeners.in_flight.idle()

    def _build_listeners(
        self, client: AsyncWebClient, session: aiohttp.ClientSession
    ) -> SlackListeners:
        files = SlackFiles(client, session, self._settings.upload_max_bytes)
        webhook = partial(AsyncWebhookClient, session=session, retry_handlers=retry_handlers())
        return SlackListeners(self._handle, client, files, webhook, self._timer)

    async def _serve_http(self, app: AsyncApp) -> None:
        runner = web.AppRunner(app.web_app(path=EVENTS_PATH, port=self._settings.port))
        await runner.setup()
        try:
            await web.TCPSite(runner, self._settings.host, self._settings.port).start()
            self.port = int(runner.addresses[0][1])
            log.info("Slack: HTTP mode, listening on port %d at %s", self.port, EVENTS_PATH)
            self.ready.set()
            await asyncio.Future()  # until cancelled
        finally:
            await runner.cleanup()

    async def _serve_socket(self, app: AsyncApp) -> None:
        handler = AsyncSocketModeHandler(app, self._settings.app_token)
        await handler.connect_async()
        log.info("Slack: connected in Socket Mode")
        self.ready.set()
        try:
            await asyncio.Future()  # until cancelled
        finally:
            await handler.close_async()

    async def _finish_work(self) -> None:
        try:
            await asyncio.wait_for(self.idle(), SHUTDOWN_GRACE_SECONDS)
        except TimeoutError:
            log.warning("Slack: stopped with briefs still in progress")


def web_client(settings: SlackSettings, session: aiohttp.ClientSession) -> AsyncWebClient:
    """The one Web API client; ``SLACK_API_URL`` points it elsewhere (GovSlack, tests)."""
    return AsyncWebClient(
        token=settings.bot_token,
        base_url=settings.api_url or AsyncWebClient.BASE_URL,
        session=session,
        retry_handlers=retry_handlers(),
    )


async def sign_in(client: AsyncWebClient) -> None:
    """Check the bot token with ``auth.test`` at start, so a wrong token or an unreachable
    Slack stops `newsbrief run` with a clear message instead of failing every event."""
    try:
        found = await client.auth_test()
    except SlackApiError as error:
        code = error.response.get("error", "unknown error")
        raise BotError(f"Slack refused SLACK_BOT_TOKEN ({code})") from None
    except aiohttp.ClientError as error:
        raise BotError(f"cannot reach Slack at {client.base_url}: {error}") from None
    log.info("Slack: signed in as %s to %s", found.get("user"), found.get("team"))


def retry_handlers() -> list[AsyncRetryHandler]:
    return [
        AsyncRateLimitErrorRetryHandler(max_retry_count=RATE_LIMIT_RETRIES),
        AsyncConnectionErrorRetryHandler(),
    ]


def build_app(
    listeners: SlackListeners, client: AsyncWebClient, settings: SlackSettings
) -> AsyncApp:
    """The Bolt app. Request verification stays on (Bolt's default): in HTTP mode a request
    with a bad or missing signature, or a timestamp over five minutes old, is answered 401
    and reaches no listener. Socket Mode envelopes come over the authenticated websocket."""
    if settings.mode == HTTP and not settings.signing_secret:
        raise BotError("HTTP mode needs SLACK_SIGNING_SECRET")
    app = AsyncApp(
        client=client,
        signing_secret=settings.signing_secret or "",
        name="newsbrief",
        request_verification_enabled=True,
    )
    listeners.register(app)
    return app
