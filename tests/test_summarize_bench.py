"""bench/summary.py's command line: ``--bbc-limit 0`` skips BBC, a negative limit is refused.

Runs on a tiny shared/ folder the test writes (one article per set), not the real data.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.summary import main

CNNDM_ARTICLE = (
    "<t> the mayor opened a new bridge on monday . crowds gathered early . "
    "the bridge cost $ 10 million . it links two towns . traffic is expected to ease . </t>"
)
CNNDM_HIGHLIGHTS = "<t> the mayor opened a new bridge .the bridge cost $ 10 million . </t>"
BBC_ARTICLE = "Bridge opens\n\nThe mayor opened a bridge. Crowds came. It cost a lot."
POLNEAR_TEXT = "The mayor opened a bridge on Monday. Crowds gathered. It cost $10 million."


def write_jsonl(path: Path, rows: list[dict[str, str]]) -> None:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")


@pytest.fixture
def tiny_shared(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    summaries = tmp_path / "data" / "summaries"
    summaries.mkdir(parents=True)
    write_jsonl(
        summaries / "cnndm_dev50.jsonl", [{"article": CNNDM_ARTICLE, "summary": CNNDM_HIGHLIGHTS}]
    )
    write_jsonl(
        summaries / "bbc_news_summary.jsonl", [{"article": BBC_ARTICLE, "summary": "Crowds came."}]
    )
    polnear = tmp_path / "data" / "polnear" / "dev" / "text"
    polnear.mkdir(parents=True)
    (polnear / "one.txt").write_text(POLNEAR_TEXT, encoding="utf-8")
    monkeypatch.setenv("NEWSBRIEF_SHARED", str(tmp_path))
    return tmp_path


def test_bbc_limit_zero_scores_cnndm_only_and_says_bbc_was_skipped(
    tiny_shared: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--bbc-limit", "0", "--algorithms", "lead"]) == 0
    output = capsys.readouterr().out
    assert "BBC News Summary skipped (--bbc-limit 0)" in output
    assert "| algorithm | CNN/DM-50 R1 | R2 | RLsum | seconds |" in output
    assert "BBC-" not in output


def test_bbc_limit_one_keeps_the_bbc_columns(
    tiny_shared: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--bbc-limit", "1", "--algorithms", "lead"]) == 0
    output = capsys.readouterr().out
    assert "| CNN/DM-50 R1 | R2 | RLsum | BBC-1 R1 | R2 | RLsum | seconds |" in output
    assert "skipped" not in output


def test_negative_bbc_limit_is_refused_with_a_clear_message(
    tiny_shared: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--bbc-limit", "-1"])
    assert exit_info.value.code == 2
    assert "-1 is negative: give 0 (skip BBC) or more" in capsys.readouterr().err
