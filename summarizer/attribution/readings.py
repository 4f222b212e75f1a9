"""Reading one cue: its span, source mention and content pieces, before resolution."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from summarizer.attribution.clauses import content_of, target_of
from summarizer.attribution.layout import Layout
from summarizer.attribution.lexicon import ACCUSATION, CUE_VERBS, DENIAL, STANCE
from summarizer.attribution.nouns import noun_content_of, noun_source_of
from summarizer.attribution.objects import asked_whom
from summarizer.attribution.quote_frames import continues_sentence, is_misplaced, quote_frame
from summarizer.attribution.subjects import is_passive, source_of
from summarizer.attribution.tokens import char_span, runs, subtree_indices, trim
from summarizer.types import Span

VERB_GROUP = frozenset({"aux", "auxpass", "neg"})
QUOTED_SHARE = 0.5
ACCORDING_TO = "according to"
IN_SURVEY = "in"
HEARSAY = "reportedly"
#: "In a CNN poll, Clinton leads by 10 points": the survey is the source.
SURVEYS = frozenset({"poll", "survey", "study"})
SENTENCE_ENDS = (". ", "! ", "? ", "\n")
FRAMED = "framed quote"
#: The construction of speaker labels and sign-offs: they name the author of what they frame.
LABEL = "label"
#: Constructions whose content may only announce what was said ("the following statement:").
ANNOUNCING = frozenset({"object", "preposition"})
#: Verbs whose quote beside them is what was said, their "of X" only whom it was about.
FRAMING_VERBS = frozenset({"say", "ask", "reply", "add", "write", "respond"})
MAX_RESUME_GAP = 60  # characters between a cue and the quote it resumes: the source, a phrase
#: Connectives made of a verb of saying, set off by a comma: "That said, voters say ...".
SET_PHRASES = tuple(
    tuple(phrase.split())
    for phrase in (
        "that said",
        "having said that",
        "that being said",
        "that having been said",
        "needless to say",
        "suffice it to say",
        "that is to say",
    )
)


@dataclass(frozen=True)
class Reading:
    """One attribution as found in the text; the speaker is resolved later."""

    cue: Span
    lemma: str
    source: Token | None
    content: tuple[Span, ...]
    quote: bool
    target: Token | None = None
    construction: str = ""

    @property
    def content_span(self) -> Span:
        return (self.content[0][0], self.content[-1][1])


#: Verbs an adjective cue is said of ("was critical of", "seemed certain that").
COPULAS = frozenset({"be", "become", "remain", "seem", "appear", "sound", "grow", "feel"})
#: Constructions an adjective cue may have: what it is about, or a clause; its readings
#: are named apart ("adjective clause") so that the cue model learns them apart.
ADJECTIVE_CONSTRUCTIONS = frozenset({"clause", "complement", "preposition"})
ADJECTIVE = "adjective"
#: Between a cue and the quote it introduces: whom it was told, and when.
ADDRESSEE_DEPS = frozenset({"dobj", "dative", "npadvmod"})


def cue_span(cue: Token) -> Span:
    """The verb group: auxiliaries and negation right before the verb, a particle after."""
    doc, start, end = cue.doc, cue.i, cue.i + 1
    while start > 0 and doc[start - 1].head == cue and doc[start - 1].dep_ in VERB_GROUP:
        start -= 1
    if end < len(doc) and doc[end].head == cue and doc[end].dep_ == "prt":
        end += 1
    return (doc[start].idx, doc[end - 1].idx + len(doc[end - 1]))


def read_verb(cue: Token, layout: Layout) -> Reading | None:
    """The attribution a verb would make if it were a cue (the cue model decides)."""
    if _in_set_phrase(cue):
        return None
    source = source_of(cue)
    framed = _framed(cue, layout) if is_misplaced(source, cue, layout) else None
    if framed is not None:
        return framed
    construction, indices = content_of(cue, source)
    indices = _beside_source(indices, cue, source)
    blocked = _source_and_cue(cue, source)
    pieces = content_pieces(cue, indices - blocked, layout)
    if construction == "preposition" and cue.lemma_ in FRAMING_VERBS:
        construction, pieces = _framing_quote(cue, source, layout) or (construction, pieces)
    if not pieces:
        announced = passage_announced(cue.idx + len(cue), layout)  # "he said:"
        framing = source or asked_whom(cue)  # '"Why ...?" Lee was asked': the quote is asked
        construction, pieces = "quote", announced or adjacent_quote(cue, framing, layout)
    if not pieces:
        return _framed(cue, layout)
    if construction in ANNOUNCING:
        pieces = passage_announced(pieces[-1][1], layout) or pieces
    pieces = merge([*pieces, *quote_after_cue(pieces, cue, layout, source)])
    target = target_of(cue) if cue.lemma_ in ACCUSATION | DENIAL else None
    if target is not None and target.i in indices:
        target = None
    quoted = is_quoted(pieces, layout)
    return Reading(cue_span(cue), cue.lemma_, source, pieces, quoted, target, construction)


def _in_set_phrase(cue: Token) -> bool:
    """'That said, ...', 'Having said that, ...': a connective, not a cue (it read the
    whole sentence after it as said, and the claim in it as nested in that)."""
    if cue.lemma_ != "say":  # every phrase of SET_PHRASES is one of "say"
        return False
    doc = cue.doc
    for phrase in SET_PHRASES:
        for start in range(cue.i - len(phrase) + 1, cue.i + 1):
            end = start + len(phrase)
            if start < 0 or end >= len(doc) or doc[end].text != ",":
                continue
            if tuple(t.lower_ for t in doc[start:end]) == phrase:
                return True
    return False


def _framing_quote(
    cue: Token, source: Token | None, layout: Layout
) -> tuple[str, tuple[Span, ...]] | None:
    """'"Who do they think they are?" Lee said of the bankers': the quote, not the topic."""
    framing = adjacent_quote(cue, source, layout)
    return ("quote", framing) if framing else None


def _framed(cue: Token, layout: Layout) -> Reading | None:
    """The quote the cue frames, read by layout where the parse lost it (``quote_frames``)."""
    frame = quote_frame(cue, layout)
    if frame is None:
        return None
    pieces = merge([frame.quote, *quote_after_cue((frame.quote,), cue, layout, frame.speaker)])
    return Reading(cue_span(cue), cue.lemma_, frame.speaker, pieces, True, None, FRAMED)


def _beside_source(indices: set[int], cue: Token, source: Token | None) -> set[int]:
    """A content holding its own source is a misparse: keep the side of the cue without it."""
    if source is None or source.i not in indices:
        return indices
    if source.i < cue.i:
        return {i for i in indices if i > cue.i}
    return {i for i in indices if i < cue.i}


def _source_and_cue(cue: Token, source: Token | None) -> set[int]:
    blocked = {cue.i}
    if source is not None and source.head == cue:
        blocked.update(subtree_indices(source))
    return blocked


def content_pieces(cue: Token, indices: set[int], layout: Layout) -> tuple[Span, ...]:
    """Character pieces of the content, kept to the cue's sentence and paragraph (the parser
    sometimes hangs the next sentence on a cue), then widened to whole quotes."""
    doc = cue.doc
    start, end = layout.sentence_at(cue.idx)
    kept = {i for i in indices if start <= doc[i].idx < end and not doc[i].is_space}
    kept_runs = runs(kept)
    if kept_runs:  # "between January 1 and … September 18": only the end dangles
        kept_runs[-1] = _without_dangling_conjunction(doc, kept_runs[-1])
    pieces = [char_span(doc, layout.text, start, end) for start, end in kept_runs]
    return merge([widen_to_quote(p, layout) for p in pieces if p[1] > p[0]])


def _without_dangling_conjunction(doc: Doc, run: tuple[int, int]) -> tuple[int, int]:
    """A run ending in a conjunction ("... would be more intense — and") lost the clause
    the parser hung it on (often another cue's: "and he noted ..."): the "and" goes too."""
    start, last = run[0], run[1] - 1
    while last > start and doc[last].is_punct:
        last -= 1
    return (start, last) if last > start and doc[last].dep_ == "cc" else run


def widen_to_quote(piece: Span, layout: Layout) -> Span:
    start, end = piece
    for offset in (start, end - 1):
        quote = layout.quote_at(offset)
        if quote is not None:
            start, end = min(start, quote[0]), max(end, quote[1])
    return (start, end)


def merge(pieces: list[Span]) -> tuple[Span, ...]:
    merged: list[Span] = []
    for start, end in sorted(pieces):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(merged)


def adjacent_quote(cue: Token, source: Token | None, layout: Layout) -> tuple[Span, ...]:
    """A quote right before the source and cue ("...," he said) or right after ("said: ...")."""
    text = layout.text
    left = min(cue.idx, source.left_edge.idx if source is not None else cue.idx)
    right = _past_addressee(cue, text)
    for quote in layout.quotes:
        before = quote[1] <= left and not text[quote[1] : left].strip(" ,:—–-")
        before = before and (continues_sentence(quote, text) or _only_speaker_between(cue, source))
        after = quote[0] >= right and not text[right : quote[0]].strip(" ,:—–-")
        if before or after:
            return (quote,)
    return ()


def _only_speaker_between(cue: Token, source: Token | None) -> bool:
    """'"... missing." Trump said.': a quote closed by a full stop is still the cue's when
    only the speaker stands between them (not '"Judy." Brad Pitt won for his supporting role')."""
    if source is None or source.i > cue.i:
        return cue.i > 0 and cue.doc[cue.i - 1].is_punct  # '"... missing." said Trump.'
    between = cue.doc[source.right_edge.i + 1 : cue.i]
    return all(t.pos_ in ("ADV", "PUNCT") for t in between)


def _past_addressee(cue: Token, text: str) -> int:
    """Where a quote after the cue may start: past whom it was told and when ("telling
    reporters, '...'", "told MSNBC Monday: '...'")."""
    end = cue.idx + len(cue)
    for child in cue.rights:
        if child.is_quote:
            continue  # 'told "CBS This Morning" co-host Gayle King, "..."': a show's name
        gap = text[end : child.left_edge.idx]
        if child.dep_ not in ADDRESSEE_DEPS or gap.strip(' ,"“”'):
            break
        end = child.right_edge.idx + len(child.right_edge)
    return end


def quote_after_cue(
    pieces: tuple[Span, ...], cue: Token, layout: Layout, source: Token | None = None
) -> tuple[Span, ...]:
    """'"X," said Sherman, speaking of politicians, "and Y."': the quote resumes after the cue."""
    cue_end = cue.idx + len(cue)
    if pieces[-1][1] > cue.idx or layout.quote_at(pieces[-1][0]) is None:
        return ()
    paragraph_end = layout.paragraph_at(cue.idx)[1]
    for quote in layout.quotes_between(cue_end, paragraph_end)[:1]:
        gap = layout.text[cue_end : quote[0]]
        words = layout.text[quote[0] : quote[1]].split()
        near = len(gap) <= MAX_RESUME_GAP or _resumes_after_speaker(quote, words, source, layout)
        if near and len(words) >= 3 and not any(m in gap for m in SENTENCE_ENDS):
            return (quote,)
    return ()


def _resumes_after_speaker(
    quote: Span, words: list[str], source: Token | None, layout: Layout
) -> bool:
    """'"The risk," said X, an economist who ..., "is that ..."': however long the
    speaker's description, a quote going on in lower case right after it resumes."""
    if source is None or not words or not words[0].lstrip("\"'“‘")[:1].islower():
        return False
    end = source.right_edge.idx + len(source.right_edge)
    return end <= quote[0] and not layout.text[end : quote[0]].strip(" ,")


def passage_announced(end: int, layout: Layout) -> tuple[Span, ...]:
    """'In a speech last July, he said:', 'released the following statement:', 'apologized
    for what happened: "..."': a cue or an object running up to a colon that closes its
    paragraph, or that a quote follows, announces what was said: the next paragraph, or the
    quote. (A clause before a colon says something itself: 'said she has the quality for the
    job: "..."'.)"""
    paragraph_end = layout.paragraph_at(end)[1]
    rest = layout.text[end:paragraph_end]
    if not rest.strip().startswith(":"):
        return ()
    after = end + rest.index(":") + 1
    if not layout.text[after:paragraph_end].strip():
        index = layout.paragraph_index(end) + 1
        return (layout.paragraphs[index],) if index < len(layout.paragraphs) else ()
    quote = layout.quotes_between(after, paragraph_end)[:1]
    return tuple(q for q in quote if not layout.text[after : q[0]].strip())


def is_quoted(pieces: tuple[Span, ...], layout: Layout) -> bool:
    if not pieces:
        return False
    total = sum(end - start for start, end in pieces)
    first, last = pieces[0][0], pieces[-1][1]
    around = layout.quote_at(first)
    quotes = ([around] if around is not None else []) + layout.quotes_between(first + 1, last)
    quoted = sum(
        max(0, min(end, quote[1]) - max(start, quote[0]))
        for quote in quotes
        for start, end in pieces
    )
    return total > 0 and quoted >= QUOTED_SHARE * total


def read_noun(noun: Token, layout: Layout) -> Reading | None:
    """'Trump's claim that ...', 'her plan to ...', 'criticism of the deal', if a cue."""
    source = noun_source_of(noun)
    construction, indices = noun_content_of(noun)
    if not construction:
        return None
    blocked = _source_and_cue(noun, source)
    pieces = content_pieces(noun, indices - blocked, layout)
    if not pieces:
        return None
    span = (noun.idx, noun.idx + len(noun))
    quoted = is_quoted(pieces, layout)
    return Reading(span, noun.lemma_, source, pieces, quoted, None, construction)


def read_according_to(according: Token, layout: Layout) -> Reading | None:
    """'According to X, ...': the phrase is the cue, X the source, the clause the content."""
    to = next((c for c in according.children if c.lower_ == "to"), None)
    source = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    if to is None or source is None:
        return None
    clause = according.head
    indices = set(subtree_indices(clause)) - set(subtree_indices(according))
    pieces = _sentence_before(according, layout) or content_pieces(according, indices, layout)
    if not pieces:
        return None
    span = trim(layout.text, (according.idx, to.idx + len(to)))
    return Reading(span, ACCORDING_TO, source, pieces, is_quoted(pieces, layout), None, "according")


def read_hearsay(adverb: Token, layout: Layout) -> Reading | None:
    """'The Club is reportedly spending $1.5 million': someone unnamed reported the clause."""
    if adverb.dep_ != "advmod":
        return None
    clause = adverb.head
    indices = set(subtree_indices(clause)) - {adverb.i}
    pieces = content_pieces(adverb, indices, layout)
    if not pieces:
        return None
    span = (adverb.idx, adverb.idx + len(adverb))
    return Reading(span, HEARSAY, None, pieces, is_quoted(pieces, layout), None, "hearsay")


def _sentence_before(according: Token, layout: Layout) -> tuple[Span, ...]:
    """'..., and the Harbor Grill was paid $125,080, according to city records.': a
    closing "according to" vouches for the whole sentence, not the clause it hangs on."""
    start, end = layout.sentence_at(according.idx)
    after = according.right_edge.idx + len(according.right_edge)
    if layout.text[after:end].strip(" .!?\"”’'\n") or according.idx <= start:
        return ()
    before = trim(layout.text, (start, according.idx))
    return (widen_to_quote(before, layout),) if before[1] > before[0] else ()


def read_in_survey(preposition: Token, layout: Layout) -> Reading | None:
    """'In an NBC poll released Monday, 50 percent backed the plan' and 'Lee leads by 9
    points in the latest Courier poll': like 'according to'."""
    survey = next((c for c in preposition.children if c.dep_ == "pobj"), None)
    clause = preposition.head
    while clause.pos_ not in ("VERB", "AUX") and clause.head != clause:
        clause = clause.head
    if survey is None or survey.lemma_.lower() not in SURVEYS or survey.tag_ != "NN":
        return None  # "lead in the polls": no one survey speaks
    if clause.lemma_ in CUE_VERBS or (clause.i < preposition.i and not _reports(clause)):
        return None
    indices = set(subtree_indices(clause)) - set(subtree_indices(preposition))
    pieces = content_pieces(preposition, indices, layout)
    if not pieces:
        return None
    span = (preposition.idx, preposition.idx + len(preposition))
    return Reading(span, IN_SURVEY, survey, pieces, is_quoted(pieces, layout), None, "survey")


def _reports(clause: Token) -> bool:
    """A finding the survey closes ("Lee leads by 9 points in the poll"), not how it was made
    ("voters surveyed in the poll") or where something appeared ("was published in a study")."""
    return clause.dep_ in ("ROOT", "conj") and not is_passive(clause)


def read_adjective(adjective: Token, layout: Layout) -> Reading | None:
    """'Republicans have been critical of the plan', 'she is confident that ...': an
    adjective of a stance (``lexicon.STANCE``) said of its subject."""
    verb = adjective.head
    if adjective.dep_ != "acomp" or verb.lemma_.lower() not in COPULAS:
        return None
    if adjective.lemma_.lower() not in STANCE:
        return None
    source = source_of(verb)
    construction, indices = content_of(adjective, source)
    if construction not in ADJECTIVE_CONSTRUCTIONS:
        return None
    pieces = content_pieces(adjective, indices - _source_and_cue(adjective, source), layout)
    if not pieces:
        return None
    start = cue_span(verb)[0] if verb.i < adjective.i else adjective.idx
    span = (start, adjective.idx + len(adjective))  # "is not sure", "have been critical"
    quoted = is_quoted(pieces, layout)
    stance = f"{ADJECTIVE} {construction}"
    return Reading(span, adjective.lemma_, source, pieces, quoted, None, stance)
