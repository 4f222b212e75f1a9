"""spaCy English (ClearNLP-style) labels, tags and entity types the attribution rules read."""

SUBJECTS = frozenset({"nsubj", "csubj"})
#: Noun subjects, active or passive ("Lee said", "Lee was told").
NOMINAL_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
FINITE = frozenset({"VBD", "VBZ", "VBP"})  # only finite cues invert: '"...," said Reich'
CLAUSE_VERB_TAGS = FINITE | {"MD"}  # finite verbs and modals: a clause of its own
RELATIVE_TAGS = frozenset({"WDT", "WP", "WP$"})
NOMINALS = frozenset({"PROPN", "NOUN", "PRON"})
DATES = frozenset({"DATE", "TIME"})
NAMES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
