"""Core pipeline benchmark: extraction, summary, attribution and spaCy parse per article.

    .venv/bin/python bench/core.py [--limit N]

Reports median and p95 ms per article on ../shared/data/html (extraction, compared with
trafilatura's own bare_extraction) and on ../shared/data/polnear/dev/text (summary,
attribution, parse), articles per second on one core, peak RSS and the cold start of
`newsbrief summarize` on the seed article. Goals: text→brief ≤ 1.3× the parse,
extraction ≤ 1.2× bare_extraction, cold start < 3 s.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

import trafilatura
from _shared import median, p95, shared_dir

from summarizer.extract import extract
from summarizer.nlp import load_pipeline
from summarizer.pipeline import Briefer
from summarizer.settings import DEFAULT_MODEL
from summarizer.types import Article

ROOT = Path(__file__).resolve().parents[1]


def timed(function: Callable[[], object]) -> float:
    started = time.perf_counter()
    function()
    return (time.perf_counter() - started) * 1000


def row(name: str, values: list[float]) -> str:
    return f"| {name} | {median(values):.1f} | {p95(values):.1f} |"


def bench_extraction(pages: list[Path]) -> list[str]:
    ours, theirs = [], []
    for page in pages:
        body = page.read_bytes()
        ours.append(timed(partial(extract, body, source=page.name, content_type="text/html")))
        theirs.append(timed(partial(trafilatura.bare_extraction, body.decode("utf-8", "replace"))))
    ratio = median(ours) / median(theirs)
    return [
        row(f"extraction, ours ({len(pages)} html pages)", ours),
        row("extraction, trafilatura bare_extraction", theirs),
        f"| extraction ratio (median): {ratio:.2f}× (goal ≤ 1.2×) | | |",
    ]


def bench_brief(texts: list[Path]) -> list[str]:
    """Brief and bare parse of each text measured one after the other (interleaved, after a
    warm-up), so that load on the machine weighs on both sides of the ratio alike."""
    nlp = load_pipeline(DEFAULT_MODEL)
    briefer = Briefer(nlp)
    steps: dict[str, list[float]] = {"summary": [], "parse": [], "attribution": [], "brief": []}
    parse_only: list[float] = []
    briefer.brief(Article(text=texts[0].read_text(encoding="utf-8"), source="warm-up"))
    for path in texts:
        text = path.read_text(encoding="utf-8")
        started = time.perf_counter()
        brief = briefer.brief(Article(text=text, source=path.name))
        steps["brief"].append((time.perf_counter() - started) * 1000)
        for name in ("summary", "parse", "attribution"):
            steps[name].append(brief.timings_ms.get(name, 0.0))
        parse_only.append(timed(lambda text=text: nlp(text)))
    per_second = len(texts) / (sum(steps["brief"]) / 1000)
    ratio = sum(steps["brief"]) / sum(parse_only)
    return [
        *(row(f"{name} ({len(texts)} PolNeAR dev texts)", steps[name]) for name in steps),
        row("spaCy parse alone", parse_only),
        f"| text→brief / parse alone (total): {ratio:.2f}× (goal ≤ 1.3×) | | |",
        f"| articles per second, one core: {per_second:.1f} | | |",
    ]


def cold_start() -> float:
    command = [
        str(ROOT / ".venv/bin/newsbrief"),
        "summarize",
        str(ROOT / "seeds/upi-russia-syria-airstrikes.txt"),
    ]
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=0, help="at most N files per set")
    args = parser.parse_args()
    shared = shared_dir()
    pages = sorted((shared / "data/html").glob("*.html"))
    texts = sorted((shared / "data/polnear/dev/text").glob("*.txt"))
    if args.limit:
        pages, texts = pages[: args.limit], texts[: args.limit]
    lines = ["| step | median ms | p95 ms |", "|---|---|---|"]
    lines += bench_extraction(pages) + bench_brief(texts)
    lines.append(
        f"| cold start `newsbrief summarize` seed: {cold_start():.2f} s (goal < 3 s) | | |"
    )
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    lines.append(f"| peak RSS: {peak_mb:.0f} MB | | |")
    print("\n".join(lines))
    print(f"\ncommand: {' '.join(sys.argv)}")


if __name__ == "__main__":
    main()
