"""The cue words shown before a claim whose content says nothing alone.

"Clinton" under a speaker says nothing; "endorsed Clinton" does. So does a question
("asked whether ..."), which shown alone would read as a statement, and a belief or a
stance ("doubts the plan will pass", "is not sure she can win"), which shown alone would
read as the speaker's word. Statements ("said the talks failed") are shown without their
cue: the speaker's heading says who.
"""

from __future__ import annotations

from itertools import takewhile

from spacy.tokens import Doc, Token
from spacy.tokens import Span as Span_

from summarizer.attribution.lexicon import QUESTIONING
from summarizer.attribution.readings import Reading
from summarizer.attribution.tags import CLAUSE_VERB_TAGS
from summarizer.types import Span

#: Constructions whose content is a noun phrase that needs its cue to say anything.
CUE_LED = frozenset({"object", "preposition", "noun-preposition", "complement", "answer"})
#: Words opening an indirect question ("asked whether ...", "explained why ..."; after a
#: verb of asking also "if": "asked them if ...").
QUESTION_WORDS = frozenset({"whether", "what", "why", "how", "where", "who", "whom"})
CLITICS = {"'s": "", "'d": "", "'re": "are", "'ve": "have", "'ll": "will", "'m": "am"}
#: Clauses inside a noun phrase or hung on it ("the actor who won", "the plants to remain
#: closed because they use fossil fuels"): their verbs do not make the phrase a clause.
SUBORDINATE = frozenset({"relcl", "advcl"})
HEADLINE_SHARE = 0.6  # of a content's words capitalised: a headline in title case
MAX_CUE_GAP = 40  # characters between the cue and such a content ("endorsed on Tuesday")


def cue_lead(doc: Doc, text: str, reading: Reading, kind: str) -> str | None:
    """The cue words to show before the reading's content ("called for" talks, "criticism
    of" the deal, "asked" whether ...), or None. Denials, and accusations with a
    target, have their own wording ("denies ...", "accuses Y of ...")."""
    start, cue = reading.content_span[0], reading.cue
    own_wording = kind == "denial" or (kind == "accusation" and reading.target is not None)
    if own_wording or len(reading.content) > 1:
        return None
    if not 0 <= start - cue[1] <= MAX_CUE_GAP:
        return None
    content = doc.char_span(*reading.content[0], alignment_mode="expand")
    if content is None or not (kind == "belief" or _needs_cue(reading, content)):
        return None
    words = _cue_words(text[cue[0] : start], headline=_title_case(content))
    return f"when {words}" if words and _put_to_speaker(doc, cue) else words


def _put_to_speaker(doc: Doc, cue: Span) -> bool:
    """The question was put to the speaker, who did not ask it ("Asked where the report
    came from, Harry said ...": shown "when asked where ...")."""
    first = doc.char_span(*cue, alignment_mode="expand")
    if first is None:
        return False
    verb = first[0]
    own = any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in verb.children)
    participle = verb.tag_ in ("VBN", "VBD") and verb.dep_ == "advcl" and not own
    return participle and verb.lemma_.lower() in QUESTIONING


def _title_case(content: Span_) -> bool:
    """A headline's words ("Recognizes Major Islamic Holiday") keep their capitals."""
    words = [t.text for t in content if t.is_alpha]
    return bool(words) and sum(w[0].isupper() for w in words) >= HEADLINE_SHARE * len(words)


def _cue_words(text: str, headline: bool = False) -> str | None:
    """Words to show before the content, a leading clitic spelled out ("’ll present" is
    "will present") or dropped where it is ambiguous ("’s denouncing"), in lower case as
    they would read after the speaker's name; none for a mark (a label's colon)."""
    words = text.split(maxsplit=1)
    first = words[0].lower().replace("’", "'") if words else ""
    if first in CLITICS:
        words = [CLITICS[first], *words[1:]]
    shown = " ".join(w for w in words if w).strip()
    if shown[:1].isupper() and shown[1:2].islower() and not headline:
        shown = shown[0].lower() + shown[1:]  # "Asked whether ..." opened its sentence
    return shown if shown[:1].isalpha() else None


def _needs_cue(reading: Reading, content: Span_) -> bool:
    construction = reading.construction
    first = content[0].lower_
    if first in QUESTION_WORDS or (first == "if" and reading.lemma in QUESTIONING):
        return True
    if _infinitive(content.root) and not _has_predicate(content):
        return True
    # "reported warplanes killed civilians": a noun phrase to the parser, a clause after all
    return construction in CUE_LED and not _is_clause(content)


def _infinitive(verb: Token) -> bool:
    """ "the plants to remain closed" ("want" it): a wish or an order, not a statement."""
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)


def _is_clause(content: Span_) -> bool:
    """A content with its own predicate; never one that opens with "to" ("wants to ask
    why he had issues" needs its verb whatever the infinitive holds)."""
    return content[0].tag_ != "TO" and _has_predicate(content)


def _has_predicate(content: Span_) -> bool:
    return any(_predicates(t) and not _subordinate(t, content) for t in content)


def _subordinate(token: Token, phrase: Span_) -> bool:
    """Inside a relative or adverbial clause of the phrase ("the actor who won an Oscar"):
    the phrase is still a noun phrase."""
    root = phrase.root.i
    inside = takewhile(
        lambda t: t.i != root and phrase.start <= t.i < phrase.end, [token, *token.ancestors]
    )
    return any(t.dep_ in SUBORDINATE for t in inside)


def _predicates(token: Token) -> bool:
    """A finite verb, or a participle with an object (the parser's reading of "warplanes
    killed 30 civilians" as a noun phrase)."""
    has_object = any(c.dep_ == "dobj" for c in token.children)
    return token.tag_ in CLAUSE_VERB_TAGS or (token.tag_ == "VBN" and has_object)
