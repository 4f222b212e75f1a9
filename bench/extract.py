"""Extraction speed: ``summarizer.extract`` against trafilatura's own ``bare_extraction``.

Usage: ``.venv/bin/python -m bench.extract [--repeats N]``

Each page of shared/data/html is timed with both, interleaved, taking the best
of N runs per page (the machine is shared, so the minimum is the stable
number); prints the median over pages and the ratio of medians and of sums.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable
from functools import partial

import trafilatura

from bench._shared import shared_dir
from summarizer.extract import extract


def best_ms(run: Callable[[], object], repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        best = min(best, (time.perf_counter() - start) * 1000)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    html_dir = shared_dir() / "data" / "html"
    pages = json.loads((html_dir / "expected.json").read_text(encoding="utf-8"))
    contenders: dict[str, Callable[[bytes, str], object]] = {
        "summarizer.extract": lambda body, url: extract(
            body, source=url, url=url, content_type="text/html"
        ),
        "bare_extraction (defaults)": lambda body, url: trafilatura.bare_extraction(body, url=url),
        "bare_extraction (with_metadata)": lambda body, url: trafilatura.bare_extraction(
            body, url=url, with_metadata=True
        ),
    }
    times: dict[str, list[float]] = {name: [] for name in contenders}
    for url, page in pages.items():
        body = (html_dir / page["file"]).read_bytes()
        for name, run in contenders.items():
            times[name].append(best_ms(partial(run, body, url), args.repeats))
    ours = times["summarizer.extract"]
    for name, values in times.items():
        print(
            f"{name:32} median {statistics.median(values):7.1f} ms   total {sum(values):8.1f} ms"
            f"   ours/this: median {statistics.median(ours) / statistics.median(values):.2f}x"
            f"  total {sum(ours) / sum(values):.2f}x"
        )


if __name__ == "__main__":
    main()
