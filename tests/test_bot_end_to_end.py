"""The bot with the real NLP: the service in process, and `newsbrief run` as a subprocess.

The spaCy pipeline is loaded once for this module; the seed article is served by
the local test server (no network).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from bot_support import fresh_database, running_bot
from conftest import LocalHTTPServer

from bot.replies import BriefReply
from summarizer.nlp import load_pipeline
from summarizer.pipeline import Briefer
from summarizer.settings import BriefSettings, FetchSettings

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "upi-russia-syria-airstrikes.txt"
SEED_TITLE = "Russian Defense Ministry: Airstrikes in Syria will 'continue intensifying'"


@pytest.fixture(scope="module")
def briefer() -> Briefer:
    settings = BriefSettings()
    return Briefer(load_pipeline(settings.spacy_model), settings)


@pytest.fixture
def seed_url(http_server: LocalHTTPServer) -> Iterator[str]:
    http_server.route("/seed", body=SEED.read_bytes(), content_type="text/plain; charset=utf-8")
    yield http_server.url("/seed")


async def test_a_pasted_news_link_gets_a_real_brief(
    tmp_path: Path, fetch_settings: FetchSettings, briefer: Briefer, seed_url: str
) -> None:
    with running_bot(fresh_database(tmp_path), fetch_settings, briefer=briefer) as bot:
        (reply,) = await bot.say(f"Russia's air campaign: {seed_url}")
    assert isinstance(reply, BriefReply)
    brief = reply.brief
    assert brief.article.title == SEED_TITLE
    assert len(brief.summary) == 3
    assert all(brief.article.text[slice(*s.span)] == s.text for s in brief.summary)
    assert brief.speakers, "the seed article quotes several sources"


def test_newsbrief_run_console_end_to_end(tmp_path: Path, seed_url: str) -> None:
    lines = "\n".join(
        ["/newsbrief help", f"have you seen {seed_url} ?", seed_url, "/newsbrief settings"]
    )
    environ = {
        **os.environ,
        "NEWSBRIEF_DATA_DIR": str(tmp_path),
        "NEWSBRIEF_FETCH_ALLOW_PRIVATE": "1",
        "PYTHONPATH": str(ROOT),
    }
    finished = subprocess.run(
        [sys.executable, "-m", "bot", "run"],
        input=lines + "\n",
        capture_output=True,
        text=True,
        env=environ,
        cwd=tmp_path,
        timeout=120,
        check=False,
    )
    assert finished.returncode == 0, finished.stderr
    output = finished.stdout
    assert "/summarize <link or article text>" in output
    assert SEED_TITLE in output and "Summary" in output
    assert output.count(SEED_TITLE) == 1, "the repeated link must not get a second brief"
    assert "was just posted here" in output or "Already briefed in this channel" in output
    assert "Summary sentences: 3" in output
    assert (tmp_path / "newsbrief.db").is_file()
