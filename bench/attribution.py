"""Attribution accuracy on PolNeAR, and its cost next to the spaCy parse.

    .venv/bin/python bench/attribution.py --split dev [--limit N] [--errors N]

Each article's .txt is the Article.text verbatim; it is parsed with spaCy and
``extract_claims`` runs on the parse. Gold: the first .ann of the article by name.
Claims sharing one cue span are one attribution (a quote continued after its cue is
a second claim with the first claim's cue, as PolNeAR joins such content pieces).

Metrics (characters are counted without whitespace):
- cue P/R/F1: a prediction matches a gold attribution when their cue spans share a
  character; one-to-one, gold in file order, the first unused prediction;
- source accuracy on matched pairs whose gold has a Source: the predicted speaker span
  shares a character with it;
- content character P/R/F1 over matched pairs (predicted claim spans vs gold Content);
- strict P/R/F1: a match counts when the source matches (or gold has none) and the
  prediction covers at least 30% of the gold Content characters.
Speed: total extract_claims time over total nlp(text) time (goal ≤ 0.3×).
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from _shared import shared_dir
from spacy.language import Language

from summarizer.attribution import extract_claims
from summarizer.nlp import load_pipeline
from summarizer.settings import DEFAULT_MODEL
from summarizer.types import Claim, Span

STRICT_CONTENT_SHARE = 0.3
Chars = frozenset[int]


@dataclass(frozen=True)
class Attribution:
    """Gold or predicted attribution as character sets (sources may be empty)."""

    cue: Chars
    source: Chars
    content: Chars


@dataclass
class Tally:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    with_source: int = 0
    source_right: int = 0
    strict: int = 0
    content_overlap: int = 0
    content_predicted: int = 0
    content_gold: int = 0
    parse_seconds: float = 0.0
    extract_seconds: float = 0.0
    errors: list[str] = field(default_factory=list)


def chars(text: str, spans: list[Span]) -> Chars:
    return frozenset(i for start, end in spans for i in range(start, end) if not text[i].isspace())


def read_gold(text: str, ann: Path) -> list[Attribution]:
    """brat standoff: T lines hold (possibly discontinuous) spans, E lines tie them together."""
    spans: dict[str, list[Span]] = {}
    events: list[dict[str, list[str]]] = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if line.startswith("T") and len(fields) >= 2:
            offsets = fields[1].split(" ", 1)[1]
            spans[fields[0]] = [_span(piece) for piece in offsets.split(";")]
        elif line.startswith("E") and len(fields) >= 2:
            events.append(_roles(fields[1]))
    return [_attribution(text, event, spans) for event in events if event.get("Cue")]


def _span(piece: str) -> Span:
    start, end = piece.split()
    return (int(start), int(end))


def _roles(event: str) -> dict[str, list[str]]:
    roles: dict[str, list[str]] = {}
    for argument in event.split()[1:]:
        role, ref = argument.split(":")
        roles.setdefault(role.rstrip("0123456789"), []).append(ref)
    return roles


def _attribution(
    text: str, event: dict[str, list[str]], spans: dict[str, list[Span]]
) -> Attribution:
    def role(name: str) -> Chars:
        return chars(text, [s for ref in event.get(name, []) for s in spans.get(ref, [])])

    return Attribution(role("Cue"), role("Source"), role("Content"))


def predicted(text: str, claims: tuple[Claim, ...]) -> list[Attribution]:
    """Claims sharing a cue span are one attribution with its content pieces joined."""
    by_cue: dict[Span, list[Claim]] = {}
    for claim in claims:
        by_cue.setdefault(claim.cue_span, []).append(claim)
    return [
        Attribution(
            chars(text, [cue]),
            chars(text, [c.speaker_span for c in group if c.speaker_span is not None][:1]),
            chars(text, [c.claim_span for c in group]),
        )
        for cue, group in sorted(by_cue.items())
    ]


def score(text: str, gold: list[Attribution], guesses: list[Attribution], tally: Tally) -> None:
    tally.gold += len(gold)
    tally.predicted += len(guesses)
    used: set[int] = set()
    for truth in gold:
        index = next((i for i, g in enumerate(guesses) if i not in used and g.cue & truth.cue), -1)
        if index < 0:
            tally.errors.append("MISS " + _context(text, truth.cue))
            continue
        used.add(index)
        _score_pair(truth, guesses[index], tally)
    for index, guess in enumerate(guesses):
        if index not in used:
            tally.errors.append("FALSE " + _context(text, guess.cue))


def _score_pair(truth: Attribution, guess: Attribution, tally: Tally) -> None:
    tally.matched += 1
    source_ok = not truth.source or bool(guess.source & truth.source)
    if truth.source:
        tally.with_source += 1
        tally.source_right += source_ok
    overlap = len(guess.content & truth.content)
    tally.content_overlap += overlap
    tally.content_predicted += len(guess.content)
    tally.content_gold += len(truth.content)
    tally.strict += source_ok and overlap >= STRICT_CONTENT_SHARE * len(truth.content)


def _context(text: str, cue: Chars) -> str:
    start, end = min(cue), max(cue) + 1
    before = text[max(0, start - 120) : start].replace("\n", " ")
    after = text[end : end + 80].replace("\n", " ")
    return f"…{before}[[{text[start:end]}]]{after}…"


def articles(split: str, limit: int | None) -> Iterator[tuple[str, Path]]:
    root = shared_dir() / "data" / "polnear" / split
    for path in sorted((root / "text").glob("*.txt"))[:limit]:
        anns = sorted((root / "attributions").glob(f"{path.stem}_*.ann"))
        if anns:
            yield path.read_text(encoding="utf-8"), anns[0]


def run(nlp: Language, split: str, limit: int | None) -> Tally:
    tally = Tally()
    for text, ann in articles(split, limit):
        started = time.perf_counter()
        doc = nlp(text)
        parsed = time.perf_counter()
        claims = extract_claims(doc)
        tally.parse_seconds += parsed - started
        tally.extract_seconds += time.perf_counter() - parsed
        score(text, read_gold(text, ann), predicted(text, claims), tally)
    return tally


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def ratio(part: float, whole: float) -> float:
    return part / whole if whole else 0.0


def report(split: str, tally: Tally) -> list[str]:
    cue_p, cue_r = ratio(tally.matched, tally.predicted), ratio(tally.matched, tally.gold)
    strict_p, strict_r = ratio(tally.strict, tally.predicted), ratio(tally.strict, tally.gold)
    content_p = ratio(tally.content_overlap, tally.content_predicted)
    content_r = ratio(tally.content_overlap, tally.content_gold)
    speed = ratio(tally.extract_seconds, tally.parse_seconds)
    return [
        f"PolNeAR {split}: {tally.gold} gold attributions, {tally.predicted} predicted",
        f"cue      P {cue_p:.3f}  R {cue_r:.3f}  F1 {f1(cue_p, cue_r):.3f}",
        f"source   accuracy {ratio(tally.source_right, tally.with_source):.3f}"
        f" ({tally.with_source} matched pairs with a gold source)",
        f"content  P {content_p:.3f}  R {content_r:.3f}  F1 {f1(content_p, content_r):.3f}",
        f"strict   P {strict_p:.3f}  R {strict_r:.3f}  F1 {f1(strict_p, strict_r):.3f}",
        f"speed    parse {tally.parse_seconds:.2f} s, attribution {tally.extract_seconds:.2f} s,"
        f" ratio {speed:.3f}× (goal ≤ 0.3×)",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="dev", choices=("train", "dev"))
    parser.add_argument("--limit", type=int, default=None, help="first N articles only")
    parser.add_argument("--errors", type=int, default=0, help="print N misses/false cues")
    args = parser.parse_args()
    tally = run(load_pipeline(DEFAULT_MODEL), args.split, args.limit)
    print("\n".join(report(args.split, tally)))
    for line in tally.errors[: args.errors]:
        print(line)


if __name__ == "__main__":
    main()
