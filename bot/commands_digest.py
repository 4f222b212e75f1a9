"""``newsbrief digest``: see a digest without a chat platform.

    newsbrief digest --from FILE_OR_URL...      a one-off digest of these sources
    newsbrief digest --channel NAME --print     the channel's next digest, not posted
    newsbrief digest --channel NAME --last      the channel's last posted digest again

``--channel`` reads the bot's database (shares and feed items since the channel's
last digest); ``--platform`` picks the platform (default: console). Nothing is
recorded or posted.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from typing import Any

from bot.config import load_settings
from bot.exit_status import ExitStatus

DEFAULT_PLATFORM = "console"


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "digest",
        help="print a digest: of given sources (--from), or a channel's next one (--channel)",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--from", dest="sources", nargs="+", metavar="FILE_OR_URL")
    source.add_argument("--channel", metavar="NAME", help="a channel id of the bot's database")
    parser.add_argument("--platform", default=DEFAULT_PLATFORM, help="with --channel")
    parser.add_argument(
        "--print", dest="print_only", action="store_true", help="print, never post (the default)"
    )
    parser.add_argument(
        "--last", action="store_true", help="with --channel: its last posted digest again"
    )
    parser.add_argument("--stories", type=int, help="stories at most (default: digest.stories)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    out, err = sys.stdout, sys.stderr
    from bot.digest.cli import channel_digest, one_off_digest  # heavy: spaCy, the database
    from bot.digest.render import render_digest_text

    settings = load_settings(args.config)
    if args.sources:
        digest, failures = one_off_digest(settings, args.sources, args.stories, err)
    else:
        digest = asyncio.run(
            channel_digest(settings, args.platform, args.channel, args.stories, last=args.last)
        )
        failures = 0
    out.write(render_digest_text(digest))
    return ExitStatus.ERROR if failures else ExitStatus.OK
