"""The console channel in process: stdin lines in, text replies out, all answered at EOF."""

from __future__ import annotations

import argparse
import io
from pathlib import Path

import pytest
from bot_support import article_page, fresh_database, running_bot
from conftest import LocalHTTPServer

from bot.commands_run import run
from bot.console import ConsoleChannel
from bot.exit_status import ExitStatus
from summarizer.settings import FetchSettings


async def test_console_answers_every_line_then_returns(
    tmp_path: Path, fetch_settings: FetchSettings, http_server: LocalHTTPServer
) -> None:
    http_server.route("/story", body=article_page("Storm closes schools"))
    story = http_server.url("/story")
    lines = f"/newsbrief help\n\nhave a look: {story}\n/newsbrief settings sentences 2\n"
    stdout = io.StringIO()
    with running_bot(fresh_database(tmp_path), fetch_settings) as bot:
        console = ConsoleChannel(bot.service, stdin=io.StringIO(lines), stdout=stdout, session="s1")
        await console.run()
        shares = await bot.db.run(lambda storage: storage.shares("console", "console"))
    output = stdout.getvalue()
    assert "/summarize <link or article text>" in output
    assert "Storm closes schools" in output and "Paragraph 0 of the story" in output
    assert "Summary sentences: 2" in output
    assert [(share.user, share.message_id) for share in shares] == [("console", "s1/3")]


async def test_console_points_a_repeat_at_the_earlier_reply(
    tmp_path: Path, fetch_settings: FetchSettings, http_server: LocalHTTPServer
) -> None:
    http_server.route("/story", body=article_page())
    story = http_server.url("/story")
    stdout = io.StringIO()
    with running_bot(fresh_database(tmp_path), fetch_settings) as bot:
        await ConsoleChannel(bot.service, stdin=io.StringIO(f"{story}\n"), stdout=stdout).run()
        again = ConsoleChannel(bot.service, stdin=io.StringIO(f"{story}\n"), stdout=stdout)
        await again.run()
    assert "Already briefed in this channel on 2026-03-02 09:00 UTC (reply 1 above)" in (
        stdout.getvalue()
    )


def test_newsbrief_run_fails_at_start_naming_a_wrong_setting(
    capsys: pytest.CaptureFixture[str],
) -> None:
    environ = {"NEWSBRIEF_BOT_LINKS_PER_MESSAGE": "50"}
    status = run(argparse.Namespace(config=None), environ=environ)
    assert status == ExitStatus.CONFIG
    assert "bot.links_per_message must be between 1 and 10" in capsys.readouterr().err
