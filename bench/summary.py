"""Summary quality: ROUGE of every algorithm on CNN/DailyMail (50 articles) and BBC News Summary.

    .venv/bin/python bench/summary.py [--bbc-limit N] [--algorithms a,b,...]

``--bbc-limit 0`` skips BBC News Summary (CNN/DM only, for a quick run).

Scores are rouge-score F-measures x 100 (stemmed ROUGE-1, ROUGE-2 and summary-level
ROUGE-Lsum, one sentence per line). Every algorithm picks from the same candidates
(:func:`summarizer.summarize.candidate_sentences`); "LEAD-k" is the plain first k
sentences of the article, boilerplate and all.

CNN/DM text is lower-cased and tokenized, which defeats any sentence splitter, so each
article sentence (split after " . ", " ! ", " ? ") becomes its own paragraph; reference
highlights are run together ("together .the two") and split at a period followed by a
letter. Each summary has 3 sentences.

BBC articles start with their title line, passed as the title. References are extracts of
the article concatenated without spaces: a summary gets as many sentences as there are
article sentences found in its reference (when none is found, as many as the reference
splits into at a sentence end followed by a capital or a quote).

The data lives beside the project in shared/ (or $NEWSBRIEF_SHARED); never copied in.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from rouge_score import rouge_scorer

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from summarizer.sentences import split_sentences  # noqa: E402
from summarizer.summarize import ALGORITHMS, DEFAULT_ALGORITHM, summarize  # noqa: E402

CNNDM_COUNT = 3
_CNNDM_SENTENCE_END = re.compile(r"(?<= [.!?]) ")
_CNNDM_HIGHLIGHT_END = re.compile(r"(?<=\.)(?=[^\W\d_])")
_BBC_SENTENCE_END = re.compile(r"(?<=[.!?])(?=[A-Z\"'])")
_LETTERS = re.compile(r"[^\W\d_]{2}")


@dataclass(frozen=True)
class Example:
    text: str
    title: str | None
    reference: str  # one sentence per line
    count: int


@dataclass(frozen=True)
class Scores:
    rouge1: float
    rouge2: float
    rouge_lsum: float
    seconds: float


def shared_dir() -> Path:
    return Path(os.environ.get("NEWSBRIEF_SHARED", ROOT.parent / "shared"))


def read_jsonl(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            yield json.loads(line)


def cnndm_examples(path: Path) -> list[Example]:
    return [cnndm_example(row["article"], row["summary"]) for row in read_jsonl(path)]


def cnndm_example(article: str, summary: str) -> Example:
    article = _strip_sentence_tags(article)
    paragraphs = (piece.strip() for piece in _CNNDM_SENTENCE_END.split(article))
    highlights = (
        piece.strip() for piece in _CNNDM_HIGHLIGHT_END.split(_strip_sentence_tags(summary))
    )
    return Example(
        text="\n\n".join(paragraph for paragraph in paragraphs if paragraph),
        title=None,
        reference="\n".join(highlight for highlight in highlights if highlight),
        count=CNNDM_COUNT,
    )


def _strip_sentence_tags(text: str) -> str:
    return text.replace("<t>", " ").replace("</t>", " ").strip()


def bbc_examples(path: Path, limit: int | None) -> list[Example]:
    rows = islice(read_jsonl(path), limit)
    return [bbc_example(row["article"], row["summary"]) for row in rows]


def bbc_example(article: str, summary: str) -> Example:
    title = article.split("\n", 1)[0].strip()
    body = split_sentences(article)[1:]
    found = sum(sentence.text in summary for sentence in body)
    reference = bbc_reference_lines(summary)
    return Example(article, title, "\n".join(reference), found or len(reference))


def bbc_reference_lines(summary: str) -> list[str]:
    """Concatenated sentences ("$10.9bn.For the full-year") one a line; stray quotes kept."""
    lines: list[str] = []
    for piece in (piece.strip() for piece in _BBC_SENTENCE_END.split(summary)):
        if lines and not _LETTERS.search(piece):
            lines[-1] += piece
        elif piece:
            lines.append(piece)
    return lines


def lead_baseline(example: Example) -> list[str]:
    sentences = split_sentences(example.text)
    if example.title is not None:
        sentences = sentences[1:]
    return [sentence.text for sentence in sentences[: example.count]]


def algorithm_picker(algorithm: str) -> Callable[[Example], list[str]]:
    def pick(example: Example) -> list[str]:
        sentences = split_sentences(example.text)
        summary = summarize(
            example.text, sentences, count=example.count, algorithm=algorithm, title=example.title
        )
        return [sentence.text for sentence in summary]

    return pick


def evaluate(pick: Callable[[Example], list[str]], examples: Sequence[Example]) -> Scores:
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True)
    started = time.perf_counter()
    summaries = [pick(example) for example in examples]
    seconds = time.perf_counter() - started
    results = [
        scorer.score(example.reference, "\n".join(summary))
        for example, summary in zip(examples, summaries, strict=True)
    ]
    return Scores(
        rouge1=100 * statistics.fmean(result["rouge1"].fmeasure for result in results),
        rouge2=100 * statistics.fmean(result["rouge2"].fmeasure for result in results),
        rouge_lsum=100 * statistics.fmean(result["rougeLsum"].fmeasure for result in results),
        seconds=seconds,
    )


def pickers(algorithms: Sequence[str]) -> dict[str, Callable[[Example], list[str]]]:
    rows: dict[str, Callable[[Example], list[str]]] = {"LEAD-k (first k sentences)": lead_baseline}
    for algorithm in algorithms:
        label = f"{algorithm} (default)" if algorithm == DEFAULT_ALGORITHM else algorithm
        rows[label] = algorithm_picker(algorithm)
    return rows


def markdown_table(results: dict[str, tuple[Scores, Scores | None]], bbc_size: int) -> str:
    """One row per algorithm; with no BBC scores (``--bbc-limit 0``) no BBC columns."""
    bbc_header = f" BBC-{bbc_size} R1 | R2 | RLsum |" if bbc_size else ""
    lines = [
        f"| algorithm | CNN/DM-50 R1 | R2 | RLsum |{bbc_header} seconds |",
        "| --- |" + " ---: |" * (7 if bbc_size else 4),
    ]
    for label, (cnndm, bbc) in results.items():
        score_sets = [cnndm] if bbc is None else [cnndm, bbc]
        cells = " | ".join(score_cells(scores) for scores in score_sets)
        seconds = sum(scores.seconds for scores in score_sets)
        lines.append(f"| {label} | {cells} | {seconds:.1f} |")
    return "\n".join(lines)


def score_cells(scores: Scores) -> str:
    figures = (scores.rouge1, scores.rouge2, scores.rouge_lsum)
    return " | ".join(f"{figure:.2f}" for figure in figures)


def speed_ms(texts: Sequence[str], algorithm: str = DEFAULT_ALGORITHM) -> float:
    """Median milliseconds to split and summarize one article (after one warm-up run)."""
    timings = []
    for text in [texts[0], *texts]:
        started = time.perf_counter()
        summarize(text, split_sentences(text), algorithm=algorithm)
        timings.append(1000 * (time.perf_counter() - started))
    return statistics.median(timings[1:])


def speed_line(folder: Path) -> str:
    texts = [path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.txt"))]
    return (
        f"{DEFAULT_ALGORITHM}: {speed_ms(texts):.1f} ms median per article (split + summary)"
        f" on PolNeAR dev ({len(texts)} articles)"
    )


def article_limit(value: str) -> int:
    """``--bbc-limit``: a whole number, 0 or more (0 skips BBC)."""
    try:
        limit = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if limit < 0:
        raise argparse.ArgumentTypeError(f"{limit} is negative: give 0 (skip BBC) or more")
    return limit


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument(
        "--bbc-limit", type=article_limit, default=None, help="first N BBC articles; 0 skips BBC"
    )
    parser.add_argument("--algorithms", default=",".join(ALGORITHMS), help="comma-separated")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    data = shared_dir() / "data"
    if not (data / "summaries").is_dir():
        print(f"no benchmark data in {data}: set NEWSBRIEF_SHARED", file=sys.stderr)
        return 2
    cnndm = cnndm_examples(data / "summaries" / "cnndm_dev50.jsonl")
    bbc = bbc_examples(data / "summaries" / "bbc_news_summary.jsonl", args.bbc_limit)
    results = {}
    for label, pick in pickers(args.algorithms.split(",")).items():
        results[label] = (evaluate(pick, cnndm), evaluate(pick, bbc) if bbc else None)
        print(f"{label}: done", file=sys.stderr, flush=True)
    command = " ".join([".venv/bin/python bench/summary.py", *(argv or sys.argv[1:])])
    print(f"`{command}`\n\n{markdown_table(results, len(bbc))}\n")
    if not bbc:
        print("BBC News Summary skipped (--bbc-limit 0)\n")
    print(speed_line(data / "polnear" / "dev" / "text"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
