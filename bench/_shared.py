"""Where benchmarks find ../shared (or $NEWSBRIEF_SHARED), and small statistics helpers."""

from __future__ import annotations

import os
import statistics
import sys
from pathlib import Path


def shared_dir() -> Path:
    default = Path(__file__).resolve().parents[1].parent / "shared"
    path = Path(os.environ.get("NEWSBRIEF_SHARED", default))
    if not path.is_dir():
        sys.exit(f"shared data not found at {path} (set NEWSBRIEF_SHARED)")
    return path


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def p95(values: list[float]) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
