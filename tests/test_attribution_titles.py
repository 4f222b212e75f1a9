"""A definite title ("the former mayor") speaks as the person the article titled so."""

from __future__ import annotations

import pytest
from spacy.language import Language

from summarizer.attribution import extract_claims
from summarizer.nlp import load_pipeline
from summarizer.settings import DEFAULT_MODEL


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline(DEFAULT_MODEL)  # cached per process


def speaker_of(nlp: Language, text: str, words: str) -> str:
    found = [c.speaker for c in extract_claims(nlp(text)) if words in c.claim]
    assert found, f"no claim contains {words!r}"
    return found[0]


def test_the_former_mayor_is_the_person_titled_mayor_before(nlp: Language) -> None:
    text = (
        "Former Springfield Mayor Alan Brooks opened his campaign office on Monday.\n\n"
        "The former mayor said he would cut property taxes in his first year."
    )
    assert speaker_of(nlp, text, "cut property taxes") == "Alan Brooks"


def test_a_title_in_front_of_a_name_names_a_later_the_title(nlp: Language) -> None:
    text = (
        "Billionaire Lena Ortiz has spent $40 million on television ads in the state.\n\n"
        "The billionaire told reporters that the money was hers to spend."
    )
    assert speaker_of(nlp, text, "hers to spend") == "Lena Ortiz"


def test_a_title_in_apposition_names_a_later_the_title(nlp: Language) -> None:
    text = (
        "Alan Brooks, the former mayor, opened his campaign office on Monday.\n\n"
        "The mayor said he would cut property taxes in his first year."
    )
    assert speaker_of(nlp, text, "cut property taxes") == "Alan Brooks"


def test_a_title_names_only_the_person_titled_so_before_it(nlp: Language) -> None:
    text = (
        "The mayor said the bridge would reopen in March.\n\n"
        "Former Springfield Mayor Alan Brooks opened his campaign office on Monday."
    )
    assert speaker_of(nlp, text, "bridge would reopen") == "mayor"


def test_an_indefinite_or_plural_title_is_nobody_known(nlp: Language) -> None:
    text = (
        "Former Springfield Mayor Alan Brooks opened his campaign office on Monday.\n\n"
        "The mayors said the new tax would hurt their towns."
    )
    assert speaker_of(nlp, text, "hurt their towns") != "Alan Brooks"


def test_a_capitalised_title_names_the_person_titled_so(nlp: Language) -> None:
    text = (
        "Cases are rising again, warns Pan American Health Organization (PAHO) Director"
        " Carissa F. Etienne as she urged countries to remain vigilant.\n\n"
        "The Director noted that testing had fallen in half of the countries.\n\n"
        "The PAHO Director also urged countries to keep their testing capacity in place."
    )
    assert speaker_of(nlp, text, "testing had fallen") == "Carissa F. Etienne"
    assert speaker_of(nlp, text, "testing capacity") == "Carissa F. Etienne"


def test_a_title_with_other_qualifiers_is_someone_else(nlp: Language) -> None:
    text = (
        "Former Environment Secretary Jane Hollis said the farmers deserved better.\n\n"
        "The International Trade Secretary insists that the new deal protects standards."
    )
    assert speaker_of(nlp, text, "protects standards") != "Jane Hollis"
