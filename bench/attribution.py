"""Attribution accuracy on PolNeAR, and its cost next to the spaCy parse.

    .venv/bin/python bench/attribution.py --split dev [--limit N] [--errors N]
    .venv/bin/python bench/attribution.py --learn     # refits the cue model on train
    .venv/bin/python bench/attribution.py --agreement # annotators scored against each other

Options: --parse-cache DIR keeps the spaCy parses of a split (DocBin) to re-run quickly,
under a name that changes with the model and the parse code, so a stale parse is never
read; the speed line is only printed for fresh parses.

Each article's .txt is the Article.text verbatim; it is parsed as the pipeline parses it
(``summarizer.nlp.parse_article``: paragraph batches merged into one Doc) and
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
Speed: total extract_claims time over total parse_article time (goal ≤ 0.3×).

--agreement: the human ceiling. 16 train articles were annotated by 5 or 6 annotators
each; every ordered pair of their annotations is scored with the same metrics (one
annotator as gold, the other as prediction), so the figures compare with ours directly.

--learn: fits the cue model (summarizer/attribution/cue_weights.json) on train only; dev
stays unseen. Every candidate verb, noun and adjective (``attribution.candidates``) is an
example: positive when it is the cue of a gold attribution and was read with that
attribution's source and at least 30% of its content, negative when no gold cue is there;
gold cues read wrongly and words inside a gold content are left out (see ``_label``).
Thresholds are chosen on train alone. Verbs (nouns at the same threshold): of THRESHOLDS,
the one with the best strict F1 over FOLDS-fold cross-validation (by article) among those
at which the model fitted on all of train keeps cue precision on train at PRECISION_FLOOR
(the goal: a wrong claim costs a reader's trust more than a missed one). Then, with the
verbs' fixed, nouns ("her criticism of ...", far less often right than verbs) get the
threshold of NOUN_THRESHOLDS chosen the same way (at equal F1, the higher); last, with
both fixed, adjectives ("critical of", "confident that") get theirs of ADJECTIVE_THRESHOLDS.
"""

from __future__ import annotations

import argparse
import hashlib
import inspect
import itertools
import json
import time
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import spacy
from _shared import shared_dir
from cue_training import Example, fit
from spacy.language import Language
from spacy.tokens import Doc, DocBin

from summarizer import nlp as nlp_module
from summarizer import parse_hints, sentences
from summarizer.attribution import extract_claims
from summarizer.attribution.candidates import candidates
from summarizer.attribution.claims import mention_span
from summarizer.attribution.cue_model import WEIGHTS_FILE, CueModel, load_cue_model
from summarizer.attribution.layout import Layout
from summarizer.attribution.readings import Reading
from summarizer.nlp import load_pipeline, parse_article
from summarizer.settings import DEFAULT_MODEL
from summarizer.types import Claim, Span

ROOT = Path(__file__).resolve().parents[1]
WEIGHTS = ROOT / "summarizer" / "attribution" / WEIGHTS_FILE
STRICT_CONTENT_SHARE = 0.3
FOLDS = 4
THRESHOLDS = (0.4, 0.5, 0.6, 0.7)
NEVER = 1.01  # a threshold no probability reaches
NOUN_THRESHOLDS = (0.6, 0.7, 0.8, 0.9, NEVER)
ADJECTIVE_THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9, NEVER)
#: Cue precision on train a threshold must keep (the issue's goal for dev).
PRECISION_FLOOR = 0.90
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


@dataclass(frozen=True)
class Article:
    name: str
    doc: Doc
    ann: Path
    parse_seconds: float  # 0 when the parse came from the cache


def articles(nlp: Language, split: str, limit: int | None, cache: Path | None) -> list[Article]:
    """The split's parsed articles with their first .ann by name (parses cached if asked)."""
    root = shared_dir() / "data" / "polnear" / split
    paths = [p for p in sorted((root / "text").glob("*.txt")) if _first_ann(root, p)][:limit]
    cached = _load_cache(nlp, cache, split, len(paths))
    articles = [_parse(nlp, p, root, cached[i] if cached else None) for i, p in enumerate(paths)]
    if cache is not None and not cached:
        _save_cache(cache, split, [a.doc for a in articles])
    return articles


def _first_ann(root: Path, text: Path) -> Path | None:
    anns = sorted((root / "attributions").glob(f"{text.stem}_*.ann"))
    return anns[0] if anns else None


def _parse(nlp: Language, path: Path, root: Path, doc: Doc | None) -> Article:
    ann = _first_ann(root, path)
    assert ann is not None
    if doc is not None:
        return Article(path.stem, doc, ann, 0.0)
    started = time.perf_counter()
    doc = parse_article(nlp, path.read_text(encoding="utf-8"))
    return Article(path.stem, doc, ann, time.perf_counter() - started)


def _cache_file(cache: Path, split: str, count: int) -> Path:
    """Named after what makes the parse: a parse cached before the model or the parse code
    (``nlp``, ``parse_hints``, ``sentences``) changed is never read again."""
    return cache / f"polnear-{split}-{count}-{_parse_fingerprint()}.spacy"


@cache
def _parse_fingerprint() -> str:
    sources = "".join(inspect.getsource(module) for module in (nlp_module, parse_hints, sentences))
    return hashlib.sha1(f"{DEFAULT_MODEL}{spacy.__version__}{sources}".encode()).hexdigest()[:10]


def _load_cache(nlp: Language, cache: Path | None, split: str, count: int) -> list[Doc]:
    if cache is None or not _cache_file(cache, split, count).exists():
        return []
    docs = DocBin().from_disk(_cache_file(cache, split, count)).get_docs(nlp.vocab)
    return list(docs)


def _save_cache(cache: Path, split: str, docs: list[Doc]) -> None:
    cache.mkdir(parents=True, exist_ok=True)
    DocBin(docs=docs).to_disk(_cache_file(cache, split, len(docs)))


def evaluate(corpus: list[Article], model: CueModel, tally: Tally | None = None) -> Tally:
    tally = tally if tally is not None else Tally()
    for article in corpus:
        text = article.doc.text
        started = time.perf_counter()
        claims = extract_claims(article.doc, model)
        tally.extract_seconds += time.perf_counter() - started
        tally.parse_seconds += article.parse_seconds
        score(text, read_gold(text, article.ann), predicted(text, claims), tally)
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


def agreement(split: str) -> Tally:
    """Annotators against each other on the articles several of them annotated."""
    root = shared_dir() / "data" / "polnear" / split
    tally = Tally()
    for path in sorted((root / "text").glob("*.txt")):
        anns = sorted((root / "attributions").glob(f"{path.stem}_*.ann"))
        text = path.read_text(encoding="utf-8")
        for gold, other in itertools.permutations(anns, 2):
            score(text, read_gold(text, gold), read_gold(text, other), tally)
    return tally


def learn(corpus: list[Article]) -> CueModel:
    """The cue model fitted on ``corpus``, its thresholds chosen by cross-validation on it."""
    examples = [_examples(article) for article in corpus]
    folds = [fit(_training_folds(examples, fold)) for fold in range(FOLDS)]
    weights = fit([e for found in examples for e in found])
    verb_grid = {t: {"VERB": t, "NOUN": t} for t in THRESHOLDS}
    verbs = _best_precise(corpus, folds, weights, verb_grid)
    noun_grid = {t: {"VERB": verbs, "NOUN": t} for t in NOUN_THRESHOLDS}
    nouns = _best_precise(corpus, folds, weights, noun_grid)
    thresholds = {"VERB": verbs} | ({"NOUN": nouns} if nouns < NEVER else {})
    adjective_grid = {t: thresholds | {"ADJ": t} for t in ADJECTIVE_THRESHOLDS}
    adjectives = _best_precise(corpus, folds, weights, adjective_grid)
    thresholds |= {"ADJ": adjectives} if adjectives < NEVER else {}
    return CueModel(weights, thresholds)


def _best_precise(
    corpus: list[Article],
    folds: list[dict[str, float]],
    weights: dict[str, float],
    grid: dict[float, dict[str, float]],
) -> float:
    """The threshold of ``grid`` with the best held-out strict F1 (at equal F1 the higher)
    among those at which ``weights`` keep cue precision on ``corpus`` at PRECISION_FLOOR
    (the most precise one if none does)."""
    by_f1 = held_out_f1(corpus, folds, grid)
    precision = {t: _cue_precision(evaluate(corpus, CueModel(weights, grid[t]))) for t in grid}
    print("cue precision on train:", {t: round(p, 4) for t, p in precision.items()})
    precise = [t for t in grid if precision[t] >= PRECISION_FLOOR]
    if not precise:
        return max(grid, key=lambda t: precision[t])
    return max(precise, key=lambda t: (by_f1[t], t))


def _cue_precision(tally: Tally) -> float:
    return ratio(tally.matched, tally.predicted)


def _training_folds(examples: list[list[Example]], held_out: int) -> list[Example]:
    return [e for i, found in enumerate(examples) if i % FOLDS != held_out for e in found]


def _examples(article: Article) -> list[Example]:
    text = article.doc.text
    gold = read_gold(text, article.ann)
    found = [(c, _label(text, c.reading, gold)) for c in candidates(article.doc, Layout.of(text))]
    return [Example(c.features, label) for c, label in found if label is not None]


def _label(text: str, reading: Reading, gold: list[Attribution]) -> bool | None:
    """True: the cue of a gold attribution read with its source and enough of its content;
    False: no gold cue there. None, left out of training: a gold cue read with the wrong
    source or content (neither a cue to learn nor a word to avoid), and a word inside a
    gold content (PolNeAR marks no nested attributions; extraction drops them itself)."""
    cue = chars(text, [reading.cue])
    hits = [truth for truth in gold if truth.cue & cue]
    if not hits:
        return None if any(truth.content & cue for truth in gold) else False
    guess = Attribution(cue, _source_chars(text, reading), chars(text, list(reading.content)))
    return True if any(_strictly_right(truth, guess) for truth in hits) else None


def _source_chars(text: str, reading: Reading) -> Chars:
    span = mention_span(text, reading.source, reading.cue)
    return chars(text, [span]) if span is not None else frozenset()


def _strictly_right(truth: Attribution, guess: Attribution) -> bool:
    source_ok = not truth.source or bool(guess.source & truth.source)
    covered = len(guess.content & truth.content) >= STRICT_CONTENT_SHARE * len(truth.content)
    return source_ok and covered


def held_out_f1(
    corpus: list[Article], folds: list[dict[str, float]], grid: dict[float, dict[str, float]]
) -> dict[float, float]:
    """Strict F1 on held-out articles for each entry of ``grid`` (a threshold and the
    per-part-of-speech thresholds it stands for)."""
    tallies = {threshold: Tally() for threshold in grid}
    for fold, weights in enumerate(folds):
        for threshold, tally in tallies.items():
            evaluate(corpus[fold::FOLDS], CueModel(weights, grid[threshold]), tally)
    for threshold, tally in tallies.items():
        print(f"{grid[threshold]}: " + " | ".join(report("cv", tally)[1:5:3]))
    return {threshold: strict_f1(tally) for threshold, tally in tallies.items()}


def strict_f1(tally: Tally) -> float:
    return f1(ratio(tally.strict, tally.predicted), ratio(tally.strict, tally.gold))


def write_model(model: CueModel) -> None:
    document = {
        "about": "cue model weights: bench/attribution.py --learn, PolNeAR train; do not edit",
        "thresholds": dict(model.thresholds),
        "weights": dict(sorted(model.weights.items())),
    }
    WEIGHTS.write_text(json.dumps(document, indent=0, ensure_ascii=False) + "\n", "utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="dev", choices=("train", "dev"))
    parser.add_argument("--limit", type=int, default=None, help="first N articles only")
    parser.add_argument("--errors", type=int, default=0, help="print N misses/false cues")
    parser.add_argument("--parse-cache", type=Path, default=None, help="directory for parses")
    parser.add_argument("--learn", action="store_true", help="refit the cue model on train")
    parser.add_argument("--agreement", action="store_true", help="annotators vs each other")
    args = parser.parse_args()
    if args.agreement:
        lines = report(f"{args.split}, annotator pairs", agreement(args.split))
        print("\n".join(lines[:-1]))
        return
    nlp = load_pipeline(DEFAULT_MODEL)
    if args.learn:
        model = learn(articles(nlp, "train", args.limit, args.parse_cache))
        write_model(model)
        print(f"wrote {len(model.weights)} weights, thresholds {model.thresholds}, to {WEIGHTS}")
        return
    tally = evaluate(articles(nlp, args.split, args.limit, args.parse_cache), load_cue_model())
    lines = report(args.split, tally)
    print("\n".join(lines if tally.parse_seconds else lines[:-1]))
    for line in tally.errors[: args.errors]:
        print(line)


if __name__ == "__main__":
    main()
