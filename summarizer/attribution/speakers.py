"""Who a source mention refers to: names, titles, pronouns and name variants.

Resolution is per document and in text order: a named mention opens (or joins)
an entity; "Kartapolov" joins "Andrei Kartapolov" because its words are a subset;
a pronoun or a definite nominal ("the ministry", "the statement") refers to the
last compatible source seen. The display name of an entity is its longest variant.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from summarizer.attribution.antecedents import closer_antecedent
from summarizer.attribution.lexicon import (
    ARTIFACT,
    FIRST_PERSON,
    GROUP_PRONOUNS,
    NAME_PARTICLES,
    PERSON_NOUNS,
    PERSON_PRONOUNS,
    THING_PRONOUNS,
    words,
)
from summarizer.attribution.naming import (
    LISTED_ENTITIES,
    NAMED_SOURCES,
    employer_of,
    list_members,
    naming,
    text_of,
    without_group_word,
    without_headline_verbs,
    without_post_nominals,
)
from summarizer.attribution.subjects import subject_of
from summarizer.attribution.tags import RELATIVE_TAGS
from summarizer.attribution.titles import Titled, last_titled
from summarizer.attribution.tokens import has_determiner, is_document, object_of

PERSON_RELATIVES = frozenset({"who", "whom", "whose"})
INDEFINITE = frozenset({"a", "an", "another"})
THE = frozenset({"the"})
#: "members of the coalition", "some of them", "details of the legislation": the whole speaks.
PARTITIVES = words("member some many one most all several few detail excerpt copy draft")
STOP_WORDS = frozenset({"the", "of", "a", "an", "and", "for", "'s", "’s"})
#: "Mr Malone" is a variant of "Thomas W. Malone": honorifics are no name words.
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame"})


@dataclass
class Entity:
    """A source being resolved; mutable only while one document is processed."""

    key: int  # tells the document's entities apart (``Claim.speaker_id``)
    name: str
    category: str  # person, org, group, unknown
    words: set[str]
    aliases: set[str] = field(default_factory=set)
    listed: bool = False  # a list of names ("Russia and Iran"): never one of its members
    author: bool = False  # named by a label or sign-off: who "I" is

    def absorb(self, name: str, words: set[str], category: str) -> None:
        # a person's fuller name settles a guess: "Trump urges ..." (the small model's noun,
        # taken for an organisation) is "Donald Trump" once he is named
        fuller_person = category == "person" and self.words <= words
        if len(name) > len(self.name):
            self.name = name
        self.words |= words
        if self.category == "unknown" or fuller_person:
            self.category = category


def _same_person(entity: Entity, words: set[str]) -> bool:
    """``words`` name the entity more fully, ending in the same surname."""
    surname = entity.name.lower().replace("-", " ").split()[-1:]
    return entity.words < words and bool(surname) and surname[0] in words


def _may_be_person(entity: Entity) -> bool:
    """A person, a name of unknown kind, or a lone surname the small model took for an
    organisation ("forced Stumpf, who ...", named "John Stumpf" elsewhere)."""
    lone_name = len(entity.words) == 1 and _written_as_name(entity.name)
    return entity.category in ("person", "unknown") or (entity.category == "org" and lone_name)


def name_words(name: str) -> set[str]:
    found = name.lower().replace("-", " ").split()
    return {w for w in found if w not in STOP_WORDS and w.rstrip(".") not in HONORIFICS}


def _written_as_name(name: str) -> bool:
    """Written as a name: every word capitalised but particles ("Meghan cry" is the
    small model's misreading of "made Meghan cry", no fuller name of Meghan)."""
    return all(_name_word(w) for w in name.replace("-", " ").split())


def _name_word(word: str) -> bool:
    return word[:1].isupper() or word[:1].isdigit() or word in NAME_PARTICLES


def referent_of(mention: Token) -> tuple[Token, set[str]]:
    """Follow "who", "a statement by X", "X's report" and "members of X" to the named source."""
    aliases: set[str] = set()
    token = mention
    for _ in range(4):
        following = _next_referent(token)
        if following is None:
            break
        aliases.add(token.lemma_.lower())
        token = following
    return token, aliases | _issued(mention)


def _issued(subject: Token) -> set[str]:
    """'X released a statement': a later "the statement" is X speaking."""
    verb = next((t for t in subject.ancestors if t.pos_ in ("VERB", "AUX")), None)
    if verb is None or subject_of(verb) != subject:
        return set()
    objects = (c.lemma_.lower() for c in verb.children if c.dep_ == "dobj")
    return {lemma for lemma in objects if lemma in ARTIFACT}


def _next_referent(token: Token) -> Token | None:
    listed = _listed_members(token)
    if listed is not None:
        return listed
    if token.tag_ in RELATIVE_TAGS and token.head.dep_ == "relcl":
        noun = token.head.head
        return _person_above(noun) if token.lower_ in PERSON_RELATIVES else noun
    if token.pos_ == "NOUN":  # '"Parasite" director Bong Joon Ho said': the name speaks
        named = (c for c in token.children if c.dep_ == "appos" and c.ent_type_ in NAMED_SOURCES)
        found = next(named, None)
        if found is not None:
            return found
    if token.lemma_.lower() in ARTIFACT:
        for child in token.children:
            if child.dep_ == "poss" or _names_issuer(child):  # "X's report", "the IMF report"
                return child
            if child.dep_ == "prep" and child.lower_ in ("by", "from"):
                return object_of(child)
        if token.dep_ == "dobj":  # "released a statement expressing ..."
            return next((c for c in token.head.children if c.dep_ == "nsubj"), None)
    if token.lemma_.lower() in PARTITIVES:
        whole = next(
            (object_of(c) for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None
        )
        if whole is not None and whole.tag_ in RELATIVE_TAGS:
            return _antecedent(token) or whole  # "the families, many of whom say": families
        return whole
    return None


def _antecedent(partitive: Token) -> Token | None:
    """What "many of whom" is part of: the noun its clause hangs on, or (where the parser
    hung the clause elsewhere) the noun phrase right before its comma or dash."""
    if partitive.head.dep_ == "relcl":
        return _person_above(partitive.head.head)
    if partitive.i < 2 or not partitive.nbor(-1).is_punct:
        return None
    noun = partitive.nbor(-2)
    while noun.dep_ == "conj" or (noun.dep_ == "pobj" and noun.head.lower_ == "of"):
        noun = noun.head if noun.dep_ == "conj" else noun.head.head  # "heads of schools"
    return noun if noun.pos_ in ("NOUN", "PROPN") else None


def _names_issuer(modifier: Token) -> bool:
    """'the IMF report', 'a Times article': the named organisation issued it."""
    return modifier.dep_ == "compound" and modifier.ent_type_ in ("ORG", "GPE", "NORP")


def _new_document(nominal: Token) -> bool:
    """'a joint statement' is another statement than the one "the ministry's statement"
    was: an indefinite document no issuer was found for is a source of its own."""
    return is_document(nominal) and has_determiner(nominal, INDEFINITE)


def _person_above(noun: Token) -> Token:
    """'Jo Grady, the head of the union at Leeds, who said ...': "who" is a person, so past
    the places and groups the parser hung the clause on, up to the person they describe,
    and past a description to the name it is in apposition to ("McConnell, now the Senate
    majority leader, who ...")."""
    found = noun
    while not _is_person(found) and found.dep_ in ("pobj", "appos") and found.head != found:
        found = found.head.head if found.dep_ == "pobj" else found.head
    if not _is_person(found):
        return noun
    return found.head if found.dep_ == "appos" and found.head.ent_type_ == "PERSON" else found


def _is_person(token: Token) -> bool:
    return token.ent_type_ == "PERSON" or token.lemma_.lower() in PERSON_NOUNS


def _listed_members(token: Token) -> Token | None:
    """'France, Germany and Turkey -- members of the coalition -- said': the members are the
    listed names, not the group they belong to. The first name of the list, or None."""
    if token.lemma_.lower() not in PARTITIVES or token.dep_ not in ("appos", "nsubj"):
        return None
    if token.dep_ == "appos":
        first = token.head
    else:
        before = [t for t in token.doc[token.sent.start : token.i] if not t.is_punct]
        if not before or before[-1].i < token.i - 2:  # only a dash or comma in between
            return None
        first = _list_start(before[-1])
    return first if len(list_members(first)) >= 2 else None


def _list_start(token: Token) -> Token:
    """Climb the conjunctions of a list of names up to its first name."""
    while token.dep_ == "compound":
        token = token.head
    while token.dep_ == "conj" and token.head.ent_type_ in LISTED_ENTITIES:
        token = token.head
    return token


class Resolver:
    """Resolves source mentions of one document in text order; ``titled``: the titles the
    document gives its people (``titles.titled_people``)."""

    def __init__(
        self, titled: Sequence[Titled] = (), authors: frozenset[int] = frozenset()
    ) -> None:
        self.entities: list[Entity] = []
        self.titled = titled
        self.authors = authors  # token indices of sources named by a label or sign-off

    def resolve(self, mention: Token) -> Entity | None:
        token, aliases = referent_of(mention)
        lower = token.lower_
        if token.pos_ == "PRON":
            closer = closer_antecedent(token)
            return self.resolve(closer) if closer is not None else self._pronoun(lower)
        titled = self._titled(token)
        if titled is not None:  # "the former mayor" after "Former Mayor Alan Brooks"
            aliases.add(token.lemma_.lower())
            token = titled
        name, category = naming(token)
        entity = self._named(token, name, category, listed=len(list_members(token)) >= 2)
        if entity.name == name:  # opened by this mention: "spokesman" + " for the Kremlin"
            entity.name += employer_of(token)
        entity.aliases |= aliases | {token.lemma_.lower()}
        entity.author |= mention.i in self.authors
        self._touch(entity)
        return entity

    def complete_names(self, people: Iterable[Span]) -> None:
        """Show a person under the fullest name the article gives anywhere
        ("Assad" said, after "President Bashar al-Assad" was mentioned in passing)."""
        for mention in people:
            kept = [t for t in mention if (not t.is_punct or t.text in "-.") and t.tag_ != "POS"]
            name = text_of(without_post_nominals(without_group_word(without_headline_verbs(kept))))
            if not _written_as_name(name) or "\n" in name:
                continue
            words = name_words(name)
            for entity in self.entities:
                if _may_be_person(entity) and _same_person(entity, words):
                    entity.absorb(name, words, "person")

    def _titled(self, nominal: Token) -> Token | None:
        """The titled person a nominal names, unless a source seen already goes by it."""
        lemma = nominal.lemma_.lower()
        if any(lemma in e.words | e.aliases for e in self.entities):
            return None
        return last_titled(self.titled, nominal)

    def _pronoun(self, pronoun: str) -> Entity | None:
        if pronoun in FIRST_PERSON:
            return next((e for e in reversed(self.entities) if e.author), None)
        wanted = (
            ("person", "unknown")
            if pronoun in PERSON_PRONOUNS
            else ("org", "unknown")
            if pronoun in THING_PRONOUNS
            else ("group", "org", "unknown")
            if pronoun in GROUP_PRONOUNS
            else ()
        )
        return next((e for e in reversed(self.entities) if e.category in wanted), None)

    def _named(self, token: Token, name: str, category: str, listed: bool) -> Entity:
        words = name_words(name)
        # "the ministry", and "The PAHO Director" (a title the tagger took for a name)
        common = token.pos_ != "PROPN" or has_determiner(token, THE)
        definite = common and not token.ent_type_
        for entity in [] if _new_document(token) else reversed(self.entities):
            variant = words <= entity.words or entity.words <= words
            if entity.listed != listed and words != entity.words:
                variant = False  # "Russia" is not "Russia and Iran"
            if category == "person" and entity.category == "org" and words < entity.words:
                variant = False  # "Clinton" is not "the Clinton Foundation"
            if words and variant and not definite:
                entity.absorb(name, words, category)
                return entity
            if definite and token.lemma_.lower() in entity.words | entity.aliases:
                return entity
        entity = Entity(len(self.entities), name, category, words, listed=listed)
        self.entities.append(entity)
        return entity

    def _touch(self, entity: Entity) -> None:
        """Move ``entity`` to the end: it is now the most recent source."""
        self.entities.remove(entity)
        self.entities.append(entity)
