"""How a source is named: the words of its mention that make its name, and its category.

The small model's entities run over what is no part of a name (a line break, a label's
colon, a headline's verb); common nouns take the compound before them ("New York
businessman") and whom an unnamed person speaks for ("spokesman for the Kremlin").
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from summarizer.attribution.lexicon import PERSON_NOUNS, words
from summarizer.attribution.tokens import object_of

NAME_MODIFIERS = frozenset({"compound", "amod", "nmod", "nummod", "npadvmod"})
#: Verbs that follow a name in headlines ("Obama Says ...", "Trump Slams ...").
_HEADLINE_VERBS = """say tell warn claim urge admit vow slam blast rip defend ask accuse blame
    insist argue explain reveal pledge promise threaten respond answer praise attack seek avoid
    want"""
HEADLINE_VERBS = words(_HEADLINE_VERBS) | {f"{verb}s" for verb in words(_HEADLINE_VERBS)}
HEADLINE_VERBS |= {"denies"}
#: Entity types that name a source: people, organisations, countries, groups.
NAMED_SOURCES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
CATEGORY_OF_ENTITY = {"PERSON": "person", "ORG": "org", "GPE": "org", "LOC": "org", "NORP": "group"}
EMPLOYER_PREPOSITIONS = frozenset({"for", "of", "at"})
PART_PREPOSITIONS = frozenset({"of", "in"})  # "half of voters", "one in five"
#: Heads of a share or a count of a group ("half of voters", "two-thirds", "a majority of
#: ...", "a growing number of researchers", "dozens of lawmakers").
QUANTITY_WORDS = words(
    """half third thirds quarter quarters fifths majority minority plurality percent %
    number dozens hundreds thousands millions handful"""
)
#: Letters after a name, no part of it: "Mark Lowe QC", "Ann Berg MP", "Tom Hale OBE".
POST_NOMINALS = frozenset(
    {"QC", "KC", "MP", "MSP", "MEP", "AM", "OBE", "MBE", "CBE", "KBE", "DBE", "PhD", "Esq"}
)
#: Countries and organisations whose lists name a group of sources ("France, Germany and ...").
LISTED_ENTITIES = frozenset({"GPE", "ORG", "NORP"})


def list_members(first: Token) -> list[Token]:
    """The names coordinated with ``first`` (itself included) when all are named groups."""
    members = [first, *(t for t in first.subtree if t.dep_ == "conj" and t.i > first.i)]
    if any(t.ent_type_ not in LISTED_ENTITIES for t in members):
        return []
    return members


def entity_span(token: Token) -> tuple[int, int] | None:
    """Token range of the named entity containing ``token``, if any."""
    if not token.ent_type_:
        return None
    doc, start, end = token.doc, token.i, token.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return start, end


def naming(token: Token) -> tuple[str, str]:
    """(name, category) of a non-pronoun referent."""
    token = _before_post_nominals(token)
    members = list_members(token)
    if len(members) >= 2:
        return _list_name(members), "group"
    ent = entity_span(token)
    if ent is not None and token.ent_type_ in CATEGORY_OF_ENTITY:
        words = [t for t in token.doc[ent[0] : ent[1]] if not (t.i == ent[0] and t.lower_ == "the")]
        words = without_headline_verbs(_before_label_colon(_on_line_of(token, words)))
        words = without_group_word(words) if token.ent_type_ == "PERSON" else words
        words = without_post_nominals(words)
        category = CATEGORY_OF_ENTITY[token.ent_type_]
        if token.pos_ == "PROPN" and category == "group" and token.tag_ != "NNPS":
            category = "unknown"  # the small model often tags surnames NORP ("Europeans" no)
        return text_of(words), category
    modifiers = [c for c in token.lefts if _names(c, token)]
    first = _compound_start(modifiers[0]) if modifiers else token.i
    start = _hyphenated_start(token.doc, first)
    words = _on_line_of(token, list(token.doc[start : token.i + 1]))
    if token.pos_ == "PROPN":
        return text_of(words), "unknown"
    if _is_quantity(token):
        return text_of(words) + _part_of(token), "group"
    plural = token.tag_ in ("NNS", "NNPS")
    person = token.lemma_.lower() in PERSON_NOUNS
    return text_of(words), "group" if plural else "person" if person else "org"


def _names(modifier: Token, head: Token) -> bool:
    """Part of the name: "New York businessman", "Six in" of "Six in 10 said", "No one"."""
    if modifier.dep_ == "quantmod":
        return _is_quantity(head)
    return modifier.dep_ in NAME_MODIFIERS or _negates(modifier)


def _negates(modifier: Token) -> bool:
    """ "No one expected ...": the speaker is "No one", never "one"."""
    return modifier.dep_ == "det" and modifier.lower_ == "no"


def employer_of(person: Token) -> str:
    """' for UCEA' in "a spokesperson for UCEA said": whom an unnamed person speaks for
    (shown with them, never matched as their name: "the UCEA said" is not the spokesperson)."""
    if person.pos_ != "NOUN" or person.lemma_.lower() not in PERSON_NOUNS:
        return ""
    return _phrase_after(person, EMPLOYER_PREPOSITIONS, named_only=True)


def _is_quantity(token: Token) -> bool:
    """A share of a group, named with it ("Half", "one", "two-thirds", "a majority")."""
    word = token.lower_.rsplit("-", 1)[-1]
    return token.pos_ == "NUM" or word in QUANTITY_WORDS or token.lemma_.lower() in QUANTITY_WORDS


def _part_of(quantity: Token) -> str:
    """' of the respondents' in "Half of the respondents said", ' in five' in "one in five",
    ' out of 10' in "Nine out of 10"."""
    out = next((c for c in quantity.rights if c.lower_ == "out" and c.dep_ == "prep"), None)
    if out is not None and (rest := _phrase_after(out, PART_PREPOSITIONS)):
        return f" {out.text}{rest}"
    return _phrase_after(quantity, PART_PREPOSITIONS)


def _phrase_after(noun: Token, prepositions: frozenset[str], named_only: bool = False) -> str:
    """The first of ``noun``'s prepositional phrases opened by one of ``prepositions``
    (' for UCEA'), as words to add to its name; a name only if ``named_only``."""
    for child in noun.rights:
        inner = object_of(child)
        if inner is None or child.lower_ not in prepositions:
            continue
        if not named_only or _is_name(inner):
            return f" {child.text} {text_of(_bare_phrase(inner))}"
    return ""


def _is_name(token: Token) -> bool:
    return token.ent_type_ in NAMED_SOURCES or token.pos_ == "PROPN"


def _bare_phrase(noun: Token) -> list[Token]:
    """``noun``'s phrase without what a clause or an aside says of it:
    "the Ministry of Finance, which ..." -> "the Ministry of Finance"."""
    asides = [c for c in noun.children if c.dep_ in ("relcl", "acl", "appos", "punct")]
    left_out = {t.i for aside in asides for t in aside.subtree}
    return [t for t in noun.subtree if t.i not in left_out]


def _compound_start(modifier: Token) -> int:
    """Back over the compound a modifier opens with ("New" of "New York businessman") and
    over a number's own modifier ("One in" of "One in five voters")."""
    while True:
        compounds = [c for c in modifier.lefts if c.dep_ in ("compound", "quantmod")]
        if not compounds:
            return modifier.i
        modifier = compounds[0]


def _hyphenated_start(doc: Doc, start: int) -> int:
    """Back over a first part joined by a hyphen ("Miami-Dade Police" from "Dade Police")."""
    while start > 1 and doc[start - 1].text == "-" and not doc[start - 2].whitespace_:
        if doc[start - 1].whitespace_:
            break
        start -= 2
    return start


def _on_line_of(token: Token, words: list[Token]) -> list[Token]:
    """The words on ``token``'s line, without a list bullet: the small model runs names
    over line breaks ("Wales Online\n\n- Piers Morgan")."""
    breaks = [k for k, t in enumerate(words) if "\n" in t.text_with_ws]
    start = max((k + 1 for k in breaks if words[k].i < token.i), default=0)
    end = min((k + 1 for k in breaks if words[k].i >= token.i), default=len(words))
    line = words[start:end]
    while len(line) > 1 and line[0].is_punct and line[0] != token:
        line = line[1:]
    return line


def _before_label_colon(words: list[Token]) -> list[Token]:
    """The small model runs names over a label's colon: "Russian Defense Ministry: Airstrikes"."""
    colon = next((k for k, t in enumerate(words) if t.text == ":" and k > 0), len(words))
    return words[:colon]


def without_headline_verbs(words: list[Token]) -> list[Token]:
    """A headline's verb is no part of the name beside it: the small model reads "Obama
    Says Museum Will Tell ..." as a person called "Obama Says", "Democrats Rip Donald
    Trump" as one called "Rip Donald Trump"."""
    while len(words) > 1 and _headline_verb(words[-1]):
        words = words[:-1]
    while len(words) > 1 and _headline_verb(words[0]):
        words = words[1:]
    return words


def _before_post_nominals(token: Token) -> Token:
    """'Judge Neil Ford QC said': the name before letters after it is the head (the small
    model often makes "QC" the subject, and an entity of its own)."""
    doc = token.doc
    while token.text in POST_NOMINALS and token.i > 0 and doc[token.i - 1].ent_type_ == "PERSON":
        token = doc[token.i - 1]
    return token


def without_post_nominals(name: list[Token]) -> list[Token]:
    """ "Mark Lowe QC" is called Mark Lowe."""
    while len(name) > 1 and name[-1].text in POST_NOMINALS:
        name = name[:-1]
    return name


def without_group_word(person: list[Token]) -> list[Token]:
    """A plural noun before a person's name is the group they belong to, no part of the
    name: "Chefs Ann Berry and Tom Hale" name no one called "Chefs Ann Berry"."""
    while len(person) > 1 and person[0].tag_ == "NNS" and person[1].pos_ == "PROPN":
        person = person[1:]
    return person


def _headline_verb(word: Token) -> bool:
    return word.is_title and word.lower_ in HEADLINE_VERBS


def _list_name(members: list[Token]) -> str:
    """'France, Germany and Turkey': from the first name to the end of the last one."""
    start = (entity_span(members[0]) or (members[0].i, 0))[0]
    end = (entity_span(members[-1]) or (0, members[-1].i + 1))[1]
    return text_of(list(members[0].doc[start:end]))


def text_of(tokens: list[Token]) -> str:
    return "".join(t.text_with_ws for t in tokens).strip()
