"""`newsbrief summarize` end to end: the seed, output formats, failures that don't stop the run."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import main

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "upi-russia-syria-airstrikes.txt"
SEED_SPEAKERS = ("Kartapolov", "Cameron", "Obama", "Assad", "Syrian Observatory for Human Rights")


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(["summarize", *args])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def seed_json(capsys: pytest.CaptureFixture[str], *extra: str) -> dict:
    status, out, _ = run_cli(capsys, str(SEED), "--format", "json", *extra)
    assert status == 0
    return json.loads(out)


def test_seed_text_brief_names_the_main_speakers(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run_cli(capsys, str(SEED))
    assert status == 0, err
    assert "Who claims what" in out
    speakers_part = out.split("Who claims what", 1)[1]
    for speaker in SEED_SPEAKERS:
        assert speaker in speakers_part
    assert "Latest Headlines" not in out.split("Who claims what")[0]


def test_seed_json_has_documented_schema_and_verbatim_spans(
    capsys: pytest.CaptureFixture[str],
) -> None:
    brief = seed_json(capsys)
    text = SEED.read_text(encoding="utf-8")
    assert set(brief) >= {
        "source",
        "title",
        "url",
        "site",
        "author",
        "published",
        "language",
        "summary",
        "claims",
        "text_chars",
        "timings_ms",
    }
    assert brief["text_chars"] == len(text)
    assert len(brief["summary"]) == 3
    positions = [text.index(sentence) for sentence in brief["summary"]]
    assert positions == sorted(positions)
    for claim in brief["claims"]:
        start, end = claim["cue_span"]
        assert text[start:end] == claim["cue"]
        assert claim["kind"] and isinstance(claim["quote"], bool)


def test_he_said_resolves_to_cameron(capsys: pytest.CaptureFixture[str]) -> None:
    claims = seed_json(capsys)["claims"]
    butcher = [claim for claim in claims if "butcher Assad" in claim["claim"]]
    assert butcher and all("Cameron" in claim["speaker"] for claim in butcher)


def test_sentences_option_sets_summary_length(capsys: pytest.CaptureFixture[str]) -> None:
    assert len(seed_json(capsys, "--sentences", "5")["summary"]) == 5


def test_markdown_format_links_speakers(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run_cli(capsys, str(SEED), "--format", "markdown")
    assert status == 0
    assert "**Who claims what**" in out and "- **" in out


def test_failed_source_reports_one_line_and_others_still_run(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    missing = tmp_path / "nope.txt"
    status, out, err = run_cli(capsys, str(missing), str(SEED), "--format", "json")
    assert status == 1
    lines = [json.loads(line) for line in out.splitlines()]
    assert lines[0]["source"] == str(missing) and "error" in lines[0]
    assert lines[1]["summary"]
    assert err.count("\n") == 1 and "Traceback" not in err and str(missing) in err


def test_stdin_source(tmp_path: Path) -> None:
    text = SEED.read_text(encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "bot", "summarize", "-", "--format", "json"],
        input=text.encode(),
        capture_output=True,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 0, result.stderr.decode()
    assert json.loads(result.stdout)["text_chars"] == len(text)


@pytest.mark.parametrize(
    "bad", [["--sentences", "0"], ["--ratio", "1.5"], ["--algorithm", "magic"]]
)
def test_bad_options_exit_2(bad: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["summarize", str(SEED), *bad])
    assert exit_info.value.code == 2


def test_text_briefs_are_separated_only_from_each_other(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    status, out, _ = run_cli(capsys, str(tmp_path / "missing.txt"), str(SEED), str(SEED))
    assert status == 1
    assert not out.startswith("\n") and out.count("─" * 40) == 1
