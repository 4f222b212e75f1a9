"""Extractive summaries: a few verbatim sentences of the article, in article order.

Every algorithm sees the same candidates: the article's sentences less those
that look like boilerplate (bylines, captions, "Click here", a headline or a
dateline on its own line, fragments), unless nothing else is left.
"""

from __future__ import annotations

import math
import random
import re
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from summarizer.centrality import DEFAULT_WEIGHTS, pick_central
from summarizer.datelines import without_dateline
from summarizer.errors import InputError
from summarizer.lexicon import Lexicon, lexicon_for
from summarizer.sentences import split_sentences, word_tokens
from summarizer.types import Sentence

OURS = "centrality"
LEAD = "lead"
RANDOM = "random"
#: sumy's algorithms, by our names (summarizer.sumy_algorithms maps them to classes).
SUMY_ALGORITHMS: tuple[str, ...] = (
    "lsa",
    "luhn",
    "lex-rank",
    "text-rank",
    "sum-basic",
    "kl",
    "reduction",
    "edmundson",
)
ALGORITHMS: tuple[str, ...] = (OURS, LEAD, *SUMY_ALGORITHMS, RANDOM)
DEFAULT_ALGORITHM = OURS

MIN_WORDS = 4  # shorter sentences are fragments ("Tell them.", "Sgt.")
_FINAL_PUNCTUATION = re.compile(r"[.!?…。！？][\"'”’»)\]]*$|[.!?]\s*(''|`` ?)$")
_BOILERPLATE_START = re.compile(
    r"""^\W*(
    by\s[^.!?]{0,60}$                                    # a byline line: "By Fred Lambert"
    | (scroll\sdown|click\shere|read\s(more|the\srest)|sign\sup|subscribe|follow\sus
      |share\sthis|latest\sheadlines|advertisement|see\salso|visit\ssite)\b
    | (image\s(copyright|caption)|photo|pictured|credit|published|updated|related|watch|video)\s?:
    | last\s(modified|updated)\b | copyright\s(©|\(c\)|\d) | © | all\srights\sreserved
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_PHOTO_CREDIT = re.compile(r"\((photo|image|credit|getty|ap\sphoto|reuters|afp)[^)]*\)\s*$", re.I)


def summarize(
    text: str,
    sentences: Sequence[Sentence],
    *,
    count: int = 3,
    ratio: float | None = None,
    algorithm: str = DEFAULT_ALGORITHM,
    language: str = "english",
    title: str | None = None,
) -> tuple[Sentence, ...]:
    """Pick ``count`` sentences (or ``ceil(ratio * len)``) of ``sentences``, in article order.

    ``sentences`` come from :func:`summarizer.sentences.split_sentences` on ``text``
    (with boilerplate spans already skipped); when empty, ``text`` is split here.
    """
    if algorithm not in ALGORITHMS:
        valid = ", ".join(ALGORITHMS)
        raise InputError(f"Unknown algorithm {algorithm!r}; choose one of: {valid}.")
    pool = list(sentences) or split_sentences(text)
    wanted = summary_length(len(pool), count, ratio)
    candidates = candidate_sentences(pool, title)
    if len(candidates) <= wanted:
        return tuple(without_dateline(sentence) for sentence in candidates)
    request = SummaryRequest(text, tuple(candidates), wanted, lexicon_for(language), title)
    picked = _PICKERS.get(algorithm, _pick_with_sumy)(request, algorithm)
    return tuple(without_dateline(s) for s in sorted(picked, key=lambda s: s.span))


def summary_length(available: int, count: int, ratio: float | None) -> int:
    """How many sentences to pick: ``count``, or ``ceil(ratio * available)`` (at least one)."""
    if ratio is not None:
        if not 0 < ratio <= 1:
            raise InputError(f"The summary ratio must be above 0 and at most 1, not {ratio}.")
        return max(1, math.ceil(ratio * available))
    if count < 1:
        raise InputError(f"A summary needs at least one sentence, not {count}.")
    return count


def candidate_sentences(sentences: Sequence[Sentence], title: str | None = None) -> list[Sentence]:
    """The sentences fit for a summary: boilerplate-looking ones dropped, unless that is all."""
    prose = [sentence for sentence in sentences if not looks_like_boilerplate(sentence.text, title)]
    return prose or list(sentences)


def looks_like_boilerplate(text: str, title: str | None = None) -> bool:
    """A byline, caption, call to action, headline or dateline line, or a fragment."""
    if title is not None and _same_words(text, title):
        return True
    return bool(
        _BOILERPLATE_START.match(text)
        or _PHOTO_CREDIT.search(text)
        or not _FINAL_PUNCTUATION.search(text)
        or len(word_tokens(text)) < MIN_WORDS
    )


def _same_words(text: str, other: str) -> bool:
    return [word.lower() for word in word_tokens(text)] == [
        word.lower() for word in word_tokens(other)
    ]


# --- algorithms ----------------------------------------------------------------------------


@dataclass(frozen=True)
class SummaryRequest:
    """What every algorithm gets: the text, its candidate sentences, how many to pick."""

    text: str
    candidates: tuple[Sentence, ...]
    wanted: int
    lexicon: Lexicon
    title: str | None


def _pick_lead(request: SummaryRequest, _algorithm: str) -> list[Sentence]:
    return list(request.candidates[: request.wanted])


def _pick_random(request: SummaryRequest, _algorithm: str) -> list[Sentence]:
    """Seeded by the text, so the same article always gets the same "random" summary."""
    rng = random.Random(zlib.crc32(request.text.encode("utf-8")))
    return rng.sample(list(request.candidates), request.wanted)


def _pick_with_sumy(request: SummaryRequest, algorithm: str) -> list[Sentence]:
    # Imported here: sumy's summarizers import all of NLTK (~0.4 s of every cold start).
    from summarizer.sumy_algorithms import pick_with_sumy

    return pick_with_sumy(request, algorithm)


def _pick_central(request: SummaryRequest, _algorithm: str) -> list[Sentence]:
    return pick_central(
        request.candidates, request.wanted, request.lexicon, DEFAULT_WEIGHTS, request.title
    )


_PICKERS: dict[str, Callable[[SummaryRequest, str], list[Sentence]]] = {
    OURS: _pick_central,
    LEAD: _pick_lead,
    RANDOM: _pick_random,
}
