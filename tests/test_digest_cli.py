"""`newsbrief digest --from FILE...`: a one-off digest in the terminal, stories grouped."""

from __future__ import annotations

from pathlib import Path

import pytest
from digest_articles import REPORTS

pytest.importorskip("summarizer.summarize", reason="the summarizer module has not landed yet")
pytest.importorskip("summarizer.language", reason="the language module has not landed yet")

from bot.cli import main


def write_reports(directory: Path, stories: set[str]) -> list[str]:
    paths = []
    for number, (story, _source, title, lead) in enumerate(REPORTS):
        if story in stories:
            path = directory / f"{story}-{number}.txt"
            path.write_text(f"{title}\n\n{lead}\n", encoding="utf-8")
            paths.append(str(path))
    return paths


def test_one_off_digest_groups_files_about_one_story(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSBRIEF_DATA_DIR", str(tmp_path / "data"))
    paths = write_reports(tmp_path, {"ecb", "football"})
    assert main(["digest", "--from", *paths]) == 0
    out = capsys.readouterr().out
    assert out.startswith("News digest: 2 stories")
    assert "3 sources" in out and "1 source" in out


def test_a_missing_source_is_reported_and_the_rest_still_digested(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSBRIEF_DATA_DIR", str(tmp_path / "data"))
    paths = write_reports(tmp_path, {"football"})
    assert main(["digest", "--from", *paths, str(tmp_path / "missing.txt")]) == 1
    captured = capsys.readouterr()
    assert "missing.txt" in captured.err
    assert "Arsenal" in captured.out


def test_last_digest_of_a_channel_that_never_had_one_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSBRIEF_DATA_DIR", str(tmp_path / "data"))
    assert main(["digest", "--channel", "C0NEWS", "--last"]) == 1
    assert "no digest has been posted in console channel C0NEWS yet" in capsys.readouterr().err
