"""``newsbrief summarize SOURCE...``: brief articles from URLs, files or stdin."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import Any, TextIO

from bot.config import load_settings
from bot.exit_status import ExitStatus
from bot.local_briefs import Length, brief_sources
from summarizer.errors import SummarizerError
from summarizer.render import brief_to_json, render_markdown, render_text
from summarizer.summarize import ALGORITHMS
from summarizer.types import Brief

FORMATS: dict[str, Callable[[Brief], str]] = {
    "text": render_text,
    "markdown": render_markdown,
    "json": lambda brief: json.dumps(brief_to_json(brief), ensure_ascii=False),
}


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "summarize",
        help="brief articles from URLs, files (.html, .pdf, .txt, .md) or - for stdin",
        description="Print a brief (summary + who claims what) for each SOURCE.",
    )
    parser.add_argument("sources", nargs="+", metavar="SOURCE", help="http(s) URL, file, or -")
    parser.add_argument("--format", choices=sorted(FORMATS), default="text")
    parser.add_argument("--sentences", type=positive_int, help="summary length (default 3)")
    parser.add_argument("--ratio", type=ratio, help="summary length as a share of the sentences")
    parser.add_argument("--algorithm", choices=ALGORITHMS, help="summary algorithm")
    parser.set_defaults(handler=run)


def positive_int(value: str) -> int:
    number = int(value) if value.isdigit() else 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number ≥ 1, got {value!r}")
    return number


def ratio(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        number = -1.0
    if not 0 < number <= 1:
        raise argparse.ArgumentTypeError(f"expected a number in (0, 1], got {value!r}")
    return number


def run(args: argparse.Namespace) -> int:
    out, err = sys.stdout, sys.stderr
    length = Length(args.sentences, args.ratio, args.algorithm)
    failed = shown = 0
    for source, result in brief_sources(load_settings(args.config), args.sources, length):
        if isinstance(result, SummarizerError):
            failed += 1
            report_failure(args.format, source, result, out, err)
        else:
            write_brief(FORMATS[args.format](result), args.format, shown, out)
            shown += 1
    return ExitStatus.ERROR if failed else ExitStatus.OK


def write_brief(rendered: str, output_format: str, shown_before: int, out: TextIO) -> None:
    """Write one brief; in text formats a rule separates it from the brief shown before."""
    if output_format != "json" and shown_before:
        out.write("\n" + "─" * 40 + "\n\n")
    out.write(rendered if rendered.endswith("\n") else rendered + "\n")
    out.flush()


def report_failure(
    output_format: str, source: str, error: SummarizerError, out: TextIO, err: TextIO
) -> None:
    print(f"newsbrief: {source}: {error.message}", file=err)
    if output_format == "json":
        out.write(
            json.dumps({"source": source, "error": error.message, "reason": error.reason}) + "\n"
        )
