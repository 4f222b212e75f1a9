"""Uploaded files: ``files.info`` for the download URL, then the bytes with the bot token.

Slack answers a download without a valid token (or without the ``files:read`` scope)
with a redirect to its sign-in page, which would otherwise be briefed as "the file";
so redirects are not followed and anything but HTTP 200 is an error.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import Any

import aiohttp
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.events import AttachmentReader
from summarizer.errors import FetchError, TooLarge

log = logging.getLogger(__name__)

CHUNK_BYTES = 64 * 1024


class SlackFiles:
    """Makes the readers of uploaded files; ``max_bytes`` caps every download."""

    def __init__(
        self, client: AsyncWebClient, session: aiohttp.ClientSession, max_bytes: int
    ) -> None:
        self._client = client
        self._session = session
        self._max_bytes = max_bytes

    async def described(self, files: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
        """``files`` with name and size: events sometimes carry only a file's id (marked
        ``file_access: check_file_info``); those are looked up with ``files.info``."""
        return [await self._details(found) if _needs_details(found) else found for found in files]

    def reader(self, slack_file: Mapping[str, Any]) -> AttachmentReader:
        """A function that downloads ``slack_file`` when (and only when) the service calls it."""
        file_id = str(slack_file["id"])
        known_url = slack_file.get("url_private_download")

        async def read() -> bytes:
            return await self.download(str(known_url or await self.download_url(file_id)))

        return read

    async def _details(self, slack_file: Mapping[str, Any]) -> Mapping[str, Any]:
        try:
            response = await self._client.files_info(file=str(slack_file["id"]))
        except SlackApiError as error:
            log.warning("files.info %s: %s", slack_file["id"], error.response.get("error"))
            return slack_file
        return dict(response.get("file") or slack_file)

    async def download_url(self, file_id: str) -> str:
        """The file's ``url_private_download``, from ``files.info``."""
        try:
            response = await self._client.files_info(file=file_id)
        except SlackApiError as error:
            code = error.response.get("error", "unknown error")
            raise FetchError(f"Slack would not tell me about that file ({code}).") from error
        found = response.get("file") or {}
        url = found.get("url_private_download") or found.get("url_private")
        if not url:
            raise FetchError("Slack gave no download link for that file.")
        return str(url)

    async def download(self, url: str) -> bytes:
        headers = {"Authorization": f"Bearer {self._client.token}"}
        try:
            async with self._session.get(url, headers=headers, allow_redirects=False) as answer:
                if answer.status != 200:
                    status = answer.status
                    raise FetchError(f"Slack would not let me download that file (HTTP {status}).")
                return await self._read_capped(answer)
        except aiohttp.ClientError as error:
            raise FetchError("Downloading that file from Slack failed.") from error

    async def _read_capped(self, answer: aiohttp.ClientResponse) -> bytes:
        body = bytearray()
        async for chunk in answer.content.iter_chunked(CHUNK_BYTES):
            body += chunk
            if len(body) > self._max_bytes:
                limit = f"{self._max_bytes:,}"
                raise TooLarge(f"That file is larger than the upload limit of {limit} bytes.")
        return bytes(body)


def _needs_details(slack_file: Mapping[str, Any]) -> bool:
    return slack_file.get("file_access") == "check_file_info" or not slack_file.get("name")
