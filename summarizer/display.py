"""display_claim: one claim as a short line for a brief."""

from __future__ import annotations

from summarizer.types import Claim

CLAUSE_ENDS = (",", ";", ":", "—", "--", "–")
QUOTE_MARKS = "“”\"'‘’"
OPENING_MARKS = '“"'
DOUBLE_MARKS = '“”"'


def display_claim(claim: Claim, max_words: int = 35) -> str:
    """Shortened to at most ``max_words`` words, cut at a clause boundary where there is one.

    Direct quotes are shown in quotation marks; accusations as "accuses Y of Z";
    denials as "denies ..."; a bare noun phrase after its cue words ("called for talks").
    """
    body = shorten(_without_leading(_one_quotation(claim.claim), "that "), max_words)
    if body[-2:] in (',"', ",”"):
        body = body[:-2] + body[-1]  # '"... helping him,"' ends the quote, not a clause
    if claim.quote and body[:1] not in QUOTE_MARKS and not _has_quotation(body):
        body = f"“{body}”"  # a partial quote ('Clinton as “a lifetime politician”') has its own
    if claim.lead:
        body = f"{claim.lead} {body}"
    if claim.kind == "accusation" and claim.target:
        return f"accuses {claim.target} of {_without_leading(body, 'of ')}"
    if claim.kind == "denial":
        return f"denies {body}"
    return body


def _has_quotation(text: str) -> bool:
    """Double quotation marks, also written as two apostrophes (''like this'')."""
    return any(mark in text for mark in DOUBLE_MARKS) or "''" in text


def _one_quotation(text: str) -> str:
    """A quote over several paragraphs opens each again ('...this case.\n\n"You knew'):
    shown as one quotation, without the marks that reopen it."""
    paragraphs = text.split("\n")
    kept = [paragraphs[0]]
    for paragraph in paragraphs[1:]:
        reopens = paragraph[:1] in OPENING_MARKS and _left_open("\n".join(kept))
        kept.append(paragraph[1:] if reopens else paragraph)
    return "\n".join(kept)


def _left_open(text: str) -> bool:
    return text.count("“") > text.count("”") or text.count('"') % 2 == 1


def shorten(text: str, max_words: int) -> str:
    words = text.split()
    if len(words) <= max_words:
        return " ".join(words)
    cut = _clause_cut(words, max_words)
    kept = " ".join(words[:cut]).rstrip(",;:—–-")
    opened = _left_open(kept)
    return kept + ("…”" if opened and "“" in kept else '…"' if opened else "…")


def _clause_cut(words: list[str], max_words: int) -> int:
    """Number of words to keep: up to the last clause boundary in the second half, else all."""
    for index in range(max_words, max_words // 2, -1):
        if words[index - 1].endswith(CLAUSE_ENDS) or words[index - 1] in ("and", "but"):
            return index - 1 if words[index - 1] in ("and", "but") else index
    return max_words


def _without_leading(text: str, prefix: str) -> str:
    return text[len(prefix) :] if text.lower().startswith(prefix) else text
