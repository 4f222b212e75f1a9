"""Running a parsed command: ``/summarize``, help, channel settings, extension commands.

``bot.commands`` parses a message into a command; this runs it and answers
through the adapter's poster. Command families of other modules (``/digest``,
``/feed``) plug in as :class:`CommandExtension` objects and add their own lines
to the help text.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

from bot.articles import PASTED_TEXT
from bot.channel_settings import ChannelChoices
from bot.commands import (
    Command,
    ExtensionCommand,
    Help,
    Invalid,
    ResetSettings,
    SetAutoBrief,
    SetSentences,
    SetThreads,
    ShowSettings,
    Summarize,
)
from bot.config import BotSettings
from bot.events import ChatEvent
from bot.failures import refusal
from bot.links import article_links, find_links
from bot.replies import Poster, TextReply
from bot.reply_delivery import ReplyDelivery
from bot.share_briefs import ShareBriefer

#: Fewer words are no article text: a greeting, a mistyped link, a file path typed in chat.
MIN_PASTED_WORDS = 3
TOO_SHORT = (
    "Couldn't brief that: it is too short to be an article. Give me a link, upload the file, "
    "or paste the article's text."
)


class CommandExtension(Protocol):
    """A command family another module adds (``/digest``, ``/feed``)."""

    name: str  # without the slash
    help: str  # one line or more for /newsbrief help, in the service's simple Markdown

    async def run(self, event: ChatEvent, arguments: str, post: Poster) -> None: ...


class CommandRunner:
    def __init__(
        self,
        *,
        settings: BotSettings,
        channels: ChannelChoices,
        shares: ShareBriefer,
        delivery: ReplyDelivery,
        extensions: Mapping[str, CommandExtension],
    ) -> None:
        self._settings = settings
        self._channels = channels
        self._shares = shares
        self._delivery = delivery
        self._extensions = extensions

    async def run(self, command: Command, event: ChatEvent, post: Poster) -> None:
        match command:
            case Summarize(argument):
                await self._summarize(event, argument, post)
            case Help():
                await post(TextReply(self._help_text(), private=True))
            case ShowSettings():
                await post(TextReply(await self._channels.describe(event), private=True))
            case SetAutoBrief() | SetThreads() | SetSentences() | ResetSettings():
                await self._channels.change(command, event, post)
            case ExtensionCommand(name, arguments):
                await self._extensions[name].run(event, arguments, post)
            case Invalid(message):
                await post(TextReply(message, private=True))

    async def _summarize(self, event: ChatEvent, argument: str, post: Poster) -> None:
        """``/summarize``: the links in ``argument``, else ``argument`` as article text."""
        choice = await self._channels.of(event.platform, event.channel)
        links = article_links(argument, self._settings.links_per_message)
        if links:
            jobs = [self._shares.brief_link(event, url, choice, False) for url in links]
            await self._delivery.in_order(jobs, post)
        elif _only_links(argument):
            text = (
                f"Couldn't brief {argument}: that is not an article (a video, image or chat link)."
            )
            await post(refusal(text, "unsupported-type", argument, event))
        elif len(argument.split()) < MIN_PASTED_WORDS:
            await post(refusal(TOO_SHORT, "too-short", PASTED_TEXT, event))
        else:
            outcome = await self._shares.brief_text(event, argument, choice)
            await self._delivery.deliver(outcome, post)

    def _help_text(self) -> str:
        lines = [
            "*newsbrief* briefs news articles: a short summary in the article's own "
            "sentences, and who claims what.",
            "• Post a link, or a .html, .pdf, .txt or .md file, and I brief it "
            "(when briefing links is on in the channel).",
            "• `/summarize <link or article text>`: brief it now.",
            "• `/newsbrief settings`: this channel's settings, and how to change them "
            "(`auto on|off`, `threads on|off`, `sentences <1-20>|default`, `reset`).",
        ]
        lines += [extension.help for extension in self._extensions.values()]
        return "\n".join(lines)


def _only_links(text: str) -> bool:
    words = text.split()
    return bool(words) and len(find_links(text)) == len(words)
