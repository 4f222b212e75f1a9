"""The command grammar, the same on every platform.

    /summarize <url or pasted text>
    /newsbrief [help]
    /newsbrief settings
    /newsbrief settings auto on|off
    /newsbrief settings threads on|off
    /newsbrief settings sentences <1-20>|default
    /newsbrief settings reset

plus commands registered by extensions (``/digest``, ``/feed``), whose arguments
are theirs to parse. Adapters pass slash commands as their full text
(``"/summarize https://..."``); the service parses it here.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

MIN_SENTENCES, MAX_SENTENCES = 1, 20  # the same bounds as the brief.sentences setting


@dataclass(frozen=True)
class Summarize:
    argument: str  # a link (or several) or pasted article text


@dataclass(frozen=True)
class Help:
    pass


@dataclass(frozen=True)
class ShowSettings:
    pass


@dataclass(frozen=True)
class SetAutoBrief:
    on: bool


@dataclass(frozen=True)
class SetThreads:
    on: bool


@dataclass(frozen=True)
class SetSentences:
    count: int | None  # None: back to the bot's default


@dataclass(frozen=True)
class ResetSettings:
    pass


@dataclass(frozen=True)
class ExtensionCommand:
    name: str  # without the slash: "digest"
    arguments: str


@dataclass(frozen=True)
class Invalid:
    message: str  # what was wrong, then how to get help


Command = (
    Summarize
    | Help
    | ShowSettings
    | SetAutoBrief
    | SetThreads
    | SetSentences
    | ResetSettings
    | ExtensionCommand
    | Invalid
)

USAGE_HINT = "Try `/newsbrief help`."


def parse_command(text: str, extension_names: Collection[str] = ()) -> Command | None:
    """The command in ``text``, or None when ``text`` does not start with a known command
    (then it is an ordinary message)."""
    head, _, rest = text.strip().partition(" ")
    name, arguments = head.lower().removeprefix("/"), rest.strip()
    if not head.startswith("/"):
        return None
    if name == "summarize":
        return Summarize(arguments) if arguments else Invalid(SUMMARIZE_USAGE)
    if name == "newsbrief":
        return _parse_newsbrief(arguments.split())
    if name in extension_names:
        return ExtensionCommand(name, arguments)
    return None


SUMMARIZE_USAGE = "Give me something to brief: `/summarize <link>` or `/summarize <article text>`."


def _parse_newsbrief(words: list[str]) -> Command:
    if not words or words == ["help"]:
        return Help()
    if words[0] != "settings":
        return Invalid(f"I don't know `/newsbrief {' '.join(words)}`. {USAGE_HINT}")
    return _parse_settings([word.lower() for word in words[1:]])


def _parse_settings(words: list[str]) -> Command:
    match words:
        case []:
            return ShowSettings()
        case ["reset"]:
            return ResetSettings()
        case ["auto", "on" | "off" as value]:
            return SetAutoBrief(value == "on")
        case ["threads", "on" | "off" as value]:
            return SetThreads(value == "on")
        case ["sentences", "default"]:
            return SetSentences(None)
        case ["sentences", value]:
            return _sentences(value)
    return Invalid(f"Unknown setting `{' '.join(words)}`. {USAGE_HINT}")


def _sentences(value: str) -> Command:
    number = int(value) if value.isdigit() else -1
    if not MIN_SENTENCES <= number <= MAX_SENTENCES:
        bounds = f"{MIN_SENTENCES} to {MAX_SENTENCES}"
        return Invalid(f"Summary sentences must be a number from {bounds}, not `{value}`.")
    return SetSentences(number)
