"""Attribution rules on sentences written for the purpose, one behaviour per test."""

from __future__ import annotations

import pytest
from brief_builders import build_claim
from spacy.language import Language
from spacy.tokens import Doc

from summarizer.attribution import display_claim, extract_claims, group_claims
from summarizer.attribution.claims import build_claim as claim_of_reading
from summarizer.attribution.misparsed import inverted_speaker
from summarizer.attribution.naming import naming
from summarizer.attribution.readings import Reading
from summarizer.attribution.subjects import subject_of
from summarizer.nlp import load_pipeline
from summarizer.settings import DEFAULT_MODEL
from summarizer.types import Claim


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_pipeline(DEFAULT_MODEL)  # cached per process: loaded once for all modules


def article(*paragraphs: str) -> str:
    """An article text: paragraphs separated by blank lines, as extraction produces them."""
    return "\n\n".join(paragraphs)


def claims_of(nlp: Language, text: str) -> tuple[Claim, ...]:
    return extract_claims(nlp(text))


def claim_with(claims: tuple[Claim, ...], words: str) -> Claim:
    found = [c for c in claims if words in c.claim]
    assert found, f"no claim contains {words!r}: {[c.claim for c in claims]}"
    return found[0]


def span_text(text: str, span: tuple[int, int] | None) -> str:
    assert span is not None
    return text[span[0] : span[1]]


def test_direct_quote_before_its_cue(nlp: Language) -> None:
    text = '"We will not retreat from the border," said Maria Lopez, the interior minister.'
    claim = claim_with(claims_of(nlp, text), "retreat from the border")
    assert claim.speaker == "Maria Lopez"
    assert claim.quote and claim.kind == "quote"
    assert span_text(text, claim.claim_span).startswith('"We will not')


def test_quote_running_over_several_paragraphs_is_one_claim(nlp: Language) -> None:
    text = article(
        'Senator Tom Baker said: "The budget is a disaster for rural hospitals.',
        '"It cuts clinics that have served farmers for decades.',
        '"Nobody in this chamber voted for that."',
    )
    claim = claim_with(claims_of(nlp, text), "disaster for rural hospitals")
    assert claim.speaker == "Tom Baker"
    assert span_text(text, claim.claim_span).endswith('voted for that."')


@pytest.mark.parametrize(("opening", "closing"), [('"', '"'), ("“", "”")])
def test_a_quote_over_several_paragraphs_is_shown_as_one_quotation(
    nlp: Language, opening: str, closing: str
) -> None:
    text = article(
        f"Senator Tom Baker said: {opening}The budget is a disaster for rural hospitals.",
        f"{opening}It cuts clinics that have served farmers for decades.{closing}",
    )
    claim = claim_with(claims_of(nlp, text), "disaster for rural hospitals")
    assert display_claim(claim) == (
        f"{opening}The budget is a disaster for rural hospitals. It cuts clinics that have"
        f" served farmers for decades.{closing}"
    )


@pytest.mark.parametrize("between", ["\n\n", " \u00a0"])  # next paragraph; after a no-break space
def test_floating_quote_inherits_the_previous_speaker(nlp: Language, between: str) -> None:
    text = (
        '"The harvest was the worst in twenty years," said Anna Weber, a farmer in Bavaria.'
        f'{between}"We lost almost half of the wheat to the rain in July."'
    )
    claim = claim_with(claims_of(nlp, text), "half of the wheat")
    assert claim.speaker == "Anna Weber"
    assert claim.quote


def test_said_that_gives_indirect_speech(nlp: Language) -> None:
    text = "The mayor said that the bridge would reopen in May."
    claim = claim_with(claims_of(nlp, text), "bridge would reopen")
    assert span_text(text, claim.speaker_span) == "The mayor"
    assert not claim.quote and claim.cue == "said"


def test_told_the_broadcaster_keeps_the_addressee_out_of_the_claim(nlp: Language) -> None:
    text = "Prime Minister Lena Holm told the BBC it was clear the talks had failed."
    claim = claim_with(claims_of(nlp, text), "talks had failed")
    assert claim.speaker == "Lena Holm"
    assert "BBC" not in claim.claim


def test_a_clause_subject_taken_for_the_object_stays_in_the_claim(nlp: Language) -> None:
    text = (
        "But she admitted her ties with her sister, Anna Berg, and her mother, Ruth Berg,"
        " are far more distant."
    )
    claim = claim_with(claims_of(nlp, text), "far more distant")
    assert claim.claim.startswith("her ties with her sister")


def test_a_that_clause_hung_on_where_it_was_said_is_what_was_said(nlp: Language) -> None:
    text = "Mr. Hale said in one of a series of messages that the truck was carrying arms."
    claim = claim_with(claims_of(nlp, text), "carrying arms")
    assert (claim.speaker, claim.cue) == ("Hale", "said")
    assert claim.claim == "that the truck was carrying arms"


def test_a_that_clause_of_what_a_reply_was_about_stays_with_it(nlp: Language) -> None:
    text = "Ms. Lee responded to the claim that taxes rose by pointing to the budget."
    claim = claim_with(claims_of(nlp, text), "taxes rose")
    assert claim.claim.startswith("the claim that taxes rose")


@pytest.mark.parametrize(
    ("text", "speaker", "cue", "opening"),
    [
        (  # the parser roots the sentence in "hashtag"
            "The hashtag #FindThem, Mr. Abboud said, accompanied descriptions of loved ones.",
            "Abboud",
            "said",
            "The hashtag #FindThem",
        ),
        (  # the parser makes the sentence a noun phrase, the cue's first subject
            'The rejection of the treaty signals "the beginning of the end" for the EU,'
            " said Geert Wilders, founder of the Party for Freedom.",
            "Geert Wilders",
            "said",
            "The rejection of the treaty signals",
        ),
        (  # a closing cue that names whom it was told to
            "He is contesting the primary through to the convention, his top aide, Tad Devine,"
            " told The Huffington Post.",
            "Tad Devine",
            "told",
            "He is contesting the primary through to the convention",
        ),
    ],
)
def test_a_cue_set_into_a_misparsed_sentence_reports_that_sentence(
    nlp: Language, text: str, speaker: str, cue: str, opening: str
) -> None:
    claim = claim_with(claims_of(nlp, text), opening)
    assert (claim.speaker, claim.cue) == (speaker, cue)
    assert claim.claim.startswith(opening) and "Huffington" not in claim.claim


def test_a_relative_word_before_its_cue_is_shown_with_the_cue(nlp: Language) -> None:
    text = "Residents protested against what the mayor called a necessary sacrifice for the city."
    claim = claim_with(claims_of(nlp, text), "necessary sacrifice")
    assert claim.claim == "what the mayor called a necessary sacrifice for the city"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Wednesday morning temperatures expected to be two to five degrees lower than"
            " Tuesday's will bring frost.",
            "",
        ),
        ("Many Americans worried about illegal immigration back the wall.", "Americans"),
    ],
)
def test_a_passive_participle_speaks_for_its_noun_only_if_it_can_hold_a_view(
    nlp: Language, text: str, speaker: str
) -> None:
    claims = claims_of(nlp, text)
    assert [c.speaker for c in claims] == [speaker]


def test_inverted_cue_after_the_content(nlp: Language) -> None:
    text = "The strikes will continue until the militants surrender, said Kartapolov."
    claim = claim_with(claims_of(nlp, text), "strikes will continue")
    assert claim.speaker == "Kartapolov"
    assert claim.cue == "said"


def test_according_to(nlp: Language) -> None:
    text = "According to the health ministry, 40 people were injured in the blast."
    claim = claim_with(claims_of(nlp, text), "40 people were injured")
    assert claim.speaker == "health ministry"
    assert claim.cue == "According to"


def test_reportedly_is_an_unnamed_source_and_keeps_the_claims_inside(nlp: Language) -> None:
    text = (
        "The club is reportedly spending $1.5 million. Lee reportedly told aides the plan was dead."
    )
    claims = claims_of(nlp, text)
    hearsay = claim_with(claims, "spending $1.5 million")
    assert (hearsay.cue, hearsay.speaker, hearsay.speaker_span) == ("reportedly", "", None)
    assert span_text(text, hearsay.claim_span) == "The club is reportedly spending $1.5 million"
    assert [c.speaker for c in claims if c.cue == "told"] == ["Lee"]


def test_statement_by_an_organisation_is_the_organisations(nlp: Language) -> None:
    text = "A statement by the foreign ministry said the ambassador had been recalled."
    claim = claim_with(claims_of(nlp, text), "ambassador had been recalled")
    assert claim.speaker == "foreign ministry"


def test_passive_agent_is_the_source(nlp: Language) -> None:
    text = "The soldiers were accused by Amnesty International of shooting at unarmed protesters."
    claim = claim_with(claims_of(nlp, text), "shooting at unarmed protesters")
    assert claim.speaker == "Amnesty International"
    assert claim.kind == "accusation"


def test_participles_saying_and_adding(nlp: Language) -> None:
    text = (
        "The company issued a recall on Friday, saying the brakes could fail, "
        "adding that no accidents had been reported."
    )
    claims = claims_of(nlp, text)
    assert claim_with(claims, "brakes could fail").cue == "saying"
    assert span_text(text, claim_with(claims, "brakes could fail").speaker_span) == "The company"
    assert claim_with(claims, "no accidents").cue == "adding"


def test_beliefs_and_intentions(nlp: Language) -> None:
    text = (
        "Farmers fear that the drought will last another year. "
        "The union plans to sue the state over the new water rules."
    )
    claims = claims_of(nlp, text)
    assert claim_with(claims, "drought will last").kind == "belief"
    assert claim_with(claims, "sue the state").kind == "belief"


@pytest.mark.parametrize(
    ("sentence", "shown"),
    [
        ("Senator Ann Lee doubts that the new dam will be finished.", "doubts"),
        ("Farmers in the valley fear the drought will last another year.", "fear"),
    ],
)
def test_a_belief_is_shown_with_its_verb(nlp: Language, sentence: str, shown: str) -> None:
    """Shown alone, "the dam will be finished" would read as what Lee said."""
    claim = claims_of(nlp, sentence)[0]
    assert claim.kind == "belief"
    assert display_claim(claim).startswith(f"{shown} ")


@pytest.mark.parametrize(
    ("sentence", "speaker", "shown"),
    [
        (
            "Republicans in the state senate have been critical of the governor's budget.",
            "Republicans",
            "have been critical of the governor's budget",
        ),
        (
            "Senator Ann Lee is not sure the new dam can be finished this year.",
            "Ann Lee",
            "is not sure the new dam can be finished this year",
        ),
        (
            "Union leaders are confident that the strike will end soon.",
            "Union leaders",
            "are confident the strike will end soon",
        ),
    ],
)
def test_a_stance_taken_with_an_adjective_is_a_belief_shown_with_it(
    nlp: Language, sentence: str, speaker: str, shown: str
) -> None:
    claim = claims_of(nlp, sentence)[0]
    assert (claim.speaker, claim.kind) == (speaker, "belief")
    assert display_claim(claim) == shown


def test_an_adjective_that_takes_no_stance_is_no_claim(nlp: Language) -> None:
    assert not claims_of(nlp, "Robert Lane was available for the remainder of the game.")


def test_accusation_names_the_accused(nlp: Language) -> None:
    text = "Germany accused Russia of spreading false reports about the election."
    claim = claim_with(claims_of(nlp, text), "spreading false reports")
    assert claim.kind == "accusation" and claim.target == "Russia"
    assert display_claim(claim) == "accuses Russia of spreading false reports about the election"


def test_denial(nlp: Language) -> None:
    text = "The minister denied that he had met the lobbyists."
    claim = claim_with(claims_of(nlp, text), "met the lobbyists")
    assert claim.kind == "denial"
    assert display_claim(claim).startswith("denies")


def test_countries_and_organisations_speak(nlp: Language) -> None:
    text = "Russia says it is attacking terrorist groups. NATO said the claim was false."
    claims = claims_of(nlp, text)
    assert claim_with(claims, "attacking terrorist groups").speaker == "Russia"
    assert claim_with(claims, "claim was false").speaker == "NATO"


def test_title_becomes_the_description(nlp: Language) -> None:
    text = article(
        "French Foreign Minister Jean Martin said the summit would go ahead.",
        "Martin added that security would be tightened.",
    )
    speakers = group_claims(claims_of(nlp, text), text)
    assert [s.speaker for s in speakers] == ["Jean Martin"]
    assert speakers[0].description == "French Foreign Minister"
    assert len(speakers[0].claims) == 2


def test_apposition_becomes_the_description(nlp: Language) -> None:
    text = "Oxfam, a charity based in Britain, said the aid had not arrived."
    speakers = group_claims(claims_of(nlp, text), text)
    assert speakers[0].speaker == "Oxfam"
    assert speakers[0].description == "a charity based in Britain"


def test_pronoun_resolves_to_the_last_person_named(nlp: Language) -> None:
    text = article(
        "The ministry said the border was closed. Opposition leader Karl Berg criticized the move.",
        '"This is a disgrace," he said.',
    )
    claim = claim_with(claims_of(nlp, text), "disgrace")
    assert claim.speaker == "Karl Berg"
    assert span_text(text, claim.speaker_span) == "he"


def test_the_ministry_resolves_to_the_named_ministry(nlp: Language) -> None:
    text = article(
        "The Russian defense ministry said 20 flights had been performed.",
        "Airstrikes hit several towns. The ministry added that the campaign would intensify.",
    )
    claims = claims_of(nlp, text)
    assert claim_with(claims, "campaign would intensify").speaker == "Russian defense ministry"
    assert len(group_claims(claims, text)) == 1


def test_surname_merges_with_the_full_name(nlp: Language) -> None:
    text = article(
        "Chancellor Angela Merkel said Europe must act together.",
        '"There is no alternative," Merkel said.',
    )
    speakers = group_claims(claims_of(nlp, text), text)
    assert [(s.speaker, len(s.claims)) for s in speakers] == [("Angela Merkel", 2)]


def test_an_honorific_and_surname_merge_with_the_full_name(nlp: Language) -> None:
    text = article(
        "The Economist: What do you mean by a city that thinks for itself?",
        "Anna Lindqvist: A city that thinks is one whose residents and machines plan together.",
        "The Economist: Can a city really plan anything at all?",
        "Ms Lindqvist: Every city already plans its buses and schools with the data it collects.",
    )
    speakers = group_claims(claims_of(nlp, text), text)
    assert [(s.speaker, len(s.claims)) for s in speakers] == [
        ("Economist", 2),
        ("Anna Lindqvist", 2),
    ]


def test_a_lower_case_word_the_model_ran_into_a_name_is_not_part_of_it(nlp: Language) -> None:
    text = article(
        "The interview made Meghan cry. Meghan said she had felt alone in the palace for years."
    )
    assert claim_with(claims_of(nlp, text), "felt alone").speaker == "Meghan"


def test_a_speaker_name_never_runs_over_a_line_break(nlp: Language) -> None:
    text = article(
        "Sports Roundup Online",
        "- Piers Morgan tells viewers to switch the channel if they are annoyed.",
    )
    assert claim_with(claims_of(nlp, text), "switch the channel").speaker == "Piers Morgan"


def test_a_quote_after_whom_it_was_told_is_the_claim(nlp: Language) -> None:
    text = (
        "Mayor Ruth Clay did not seem impressed by the plan on Tuesday, telling reporters, "
        '"A lot of people think the bridge should never have been built."'
    )
    claim = claim_with(claims_of(nlp, text), "never have been built")
    assert (claim.speaker, claim.cue, claim.quote) == ("Ruth Clay", "telling", True)


@pytest.mark.parametrize("document", ["announcement", "statement", "report"])
def test_who_spoke_in_a_clause_after_a_week_after(nlp: Language, document: str) -> None:
    """The small model reads "after members ... said" as "after" + object and the main
    clause as said: the speaker is the noun phrase before the cue, never the document,
    and the main clause is no part of what was said."""
    text = (
        f"The {document} came a week after members of the council, which has run the port "
        "since 2010, said the new cranes had failed."
    )
    claims = claims_of(nlp, text)
    assert all(c.speaker != document for c in claims)
    claim = claim_with(claims, "the new cranes had failed")
    assert (claim.speaker, claim.claim) == ("council", "the new cranes had failed")


def test_another_document_is_not_the_one_an_earlier_source_issued(nlp: Language) -> None:
    text = article(
        "A statement by the defense ministry said the strikes would continue for a week.",
        "On Saturday, a joint statement expressed deep concern about the strikes on the border.",
    )
    claim = claim_with(claims_of(nlp, text), "deep concern")
    assert claim.speaker == "joint statement"


@pytest.mark.parametrize("day", ["Saturday", "Monday"])
def test_names_the_parser_joined_to_the_date_before_them_are_the_source(
    nlp: Language, day: str
) -> None:
    text = article(
        f"On {day}, Norway, Denmark, Sweden and Finland -- members of the rescue fund -- "
        "released a joint statement saying the vote had been unfair.",
        '"This vote was not free," the statement read.',
    )
    speakers = group_claims(claims_of(nlp, text), text)
    assert [(s.speaker, len(s.claims)) for s in speakers] == [
        ("Norway, Denmark, Sweden and Finland", 2)
    ]


def test_names_hung_on_a_date_do_not_speak_for_a_passive_verb(nlp: Language) -> None:
    text = (
        "On Monday, Norway, Denmark, Sweden and Finland -- members of the rescue fund -- "
        "were accused of hiding the losses."
    )
    claim = claim_with(claims_of(nlp, text), "hiding the losses")
    assert claim.speaker == ""


def test_nested_attribution_inside_a_quote_is_not_a_second_claim(nlp: Language) -> None:
    text = '"I think the voters understand that," said Mayor Ruth Clay.'
    claims = claims_of(nlp, text)
    assert [c.speaker for c in claims] == ["Ruth Clay"]


def test_actions_are_not_claims(nlp: Language) -> None:
    text = "The army fired rockets at the town and the rebels retreated to the hills."
    assert claims_of(nlp, text) == ()


@pytest.mark.parametrize(
    "text",
    [
        "That said, farmers say they expect a poor harvest this year.",
        "Having said that, the farmers said they expect a poor harvest this year.",
        "That being said, the farmers say they expect a poor harvest this year.",
    ],
)
def test_a_connective_made_of_said_is_no_claim(nlp: Language, text: str) -> None:
    """It read the sentence after it as what was said, and the farmers' claim as nested."""
    claims = claims_of(nlp, text)
    assert [c.claim for c in claims] == ["they expect a poor harvest this year"]
    assert claims[0].speaker in ("farmers", "the farmers")


def test_long_claim_is_shortened_at_a_clause_boundary(nlp: Language) -> None:
    text = (
        "The report said that prices rose in every region of the country last year, "
        "that wages did not keep pace with them in any of the sectors the agency surveyed, "
        "and that households spent more on energy than at any time since records began in 1950."
    )
    shown = display_claim(claim_with(claims_of(nlp, text), "prices rose"), max_words=20)
    assert len(shown.split()) <= 21
    assert shown.endswith("…")
    assert shown.startswith("prices rose in every region")


@pytest.mark.parametrize(
    "text",
    [
        '"We will rebuild the school," said Ada Park, the mayor, "and it will open in May."',
        '"The school," said Ada Park, an engineer who directs the Lisbon Institute for Public'
        ' Works, "will be rebuilt and open in May."',
    ],
)
def test_quote_resumed_after_the_cue_is_part_of_the_same_claim(nlp: Language, text: str) -> None:
    """However long the speaker's description, as long as the quote goes on in lower case."""
    claims = claims_of(nlp, text)
    claim = claim_with(claims, "school")
    assert "open in May" in claim.claim
    assert len(claims) == 1


def test_a_quote_ending_the_paragraph_before_is_no_quote_of_the_next_cue(
    nlp: Language,
) -> None:
    text = article(
        "Secretary Jon Husted said the ruling was wrong. “Our system cannot give one county"
        " court the power to change thirty years of election law.”",
        "Husted continued by saying, “We will appeal this decision because we need clarity.”",
    )
    continued = [c for c in claims_of(nlp, text) if c.cue == "continued"]
    assert all("Our system" not in c.claim for c in continued)


def test_quote_in_the_next_sentence_continues_the_claim(nlp: Language) -> None:
    text = '"The river rose overnight," said Omar Haddad. "Nobody expected water this high."'
    claim = claim_with(claims_of(nlp, text), "Nobody expected water")
    assert claim.speaker == "Omar Haddad"
    assert claim.cue == "said"


def test_participle_after_a_preposition_takes_the_main_subject(nlp: Language) -> None:
    text = "After thanking the volunteers, the governor warned that the storm was not over."
    claim = claim_with(claims_of(nlp, text), "storm was not over")
    assert span_text(text, claim.speaker_span) == "the governor"


def test_noun_cue_with_a_that_clause(nlp: Language) -> None:
    text = "Smith's claim that the factory would close surprised the workers."
    claim = claim_with(claims_of(nlp, text), "factory would close")
    assert claim.cue == "claim"
    assert claim.speaker == "Smith"


def test_according_to_after_a_speaker_keeps_both(nlp: Language) -> None:
    text = '"The front is stable," Ivanov said, according to the defence ministry.'
    claims = claims_of(nlp, text)
    assert {c.speaker for c in claims} >= {"Ivanov", "defence ministry"}


def test_according_to_inside_what_a_speaker_said_keeps_both(nlp: Language) -> None:
    text = (
        "The mayor said the bridge would cost $4 million to repair, according to the Harbor Times."
    )
    by_speaker = {c.speaker: c.claim for c in claims_of(nlp, text)}
    assert by_speaker["Harbor Times"].startswith("The mayor said the bridge would cost")
    assert by_speaker["mayor"] == "the bridge would cost $4 million to repair"


def test_a_date_is_not_what_was_said(nlp: Language) -> None:
    text = "The senator spoke on Monday."
    assert all("Monday" not in c.claim for c in claims_of(nlp, text))


def test_a_person_and_an_organisation_sharing_a_name_stay_apart(nlp: Language) -> None:
    text = article(
        "President Barack Obama said the deal was fair.",
        "The Obama administration said on Friday that talks would resume.",
    )
    speakers = {s.speaker for s in group_claims(claims_of(nlp, text), text)}
    assert "Barack Obama" in speakers
    assert len(speakers) == 2


@pytest.mark.parametrize(
    ("mention", "issuer"),
    [("The IMF report", "IMF"), ("A New York Times article", "New York Times")],
)
def test_a_document_speaks_for_the_organisation_that_issued_it(
    nlp: Language, mention: str, issuer: str
) -> None:
    text = article(
        f"{issuer} said on Monday that growth would slow in most rich countries next year.",
        f"{mention} said the slowdown would hit exporters hardest.",
    )
    claims = claims_of(nlp, text)
    assert claim_with(claims, "hit exporters").speaker == issuer
    assert [(s.speaker, len(s.claims)) for s in group_claims(claims, text)] == [(issuer, 2)]


def test_the_brief_groups_claims_by_the_source_they_resolved_to(nlp: Language) -> None:
    text = article(
        "Chancellor Angela Merkel said Europe must act together.",
        "A spokesman for Merkel said the talks would resume on Monday in Brussels.",
        '"There is no alternative," Merkel said.',
    )
    claims = claims_of(nlp, text)
    merkel = claim_with(claims, "no alternative")
    assert merkel.speaker_id == claim_with(claims, "act together").speaker_id
    assert claim_with(claims, "talks would resume").speaker_id != merkel.speaker_id
    speakers = [(s.speaker, len(s.claims)) for s in group_claims(claims, text)]
    assert speakers == [("Angela Merkel", 2), ("spokesman for Merkel", 1)]


def test_claims_without_a_resolved_source_group_by_their_speaker_text() -> None:
    stored = [
        build_claim("Kremlin", "the strikes hit militants"),
        build_claim("Kremlin", "more will follow soon"),
    ]
    assert [(s.speaker, len(s.claims)) for s in group_claims(stored)] == [("Kremlin", 2)]


def test_a_speaker_is_shown_under_the_fullest_name_in_the_article(nlp: Language) -> None:
    text = article(
        "The rebels fought troops loyal to President Bashar al-Assad near Aleppo.",
        "Assad said the army would retake the city.",
    )
    assert claim_with(claims_of(nlp, text), "retake the city").speaker == "Bashar al-Assad"


@pytest.mark.parametrize(
    ("paragraphs", "words", "speaker"),
    [
        (  # the small model tags the lone "Phoenix" a place or organisation
            (
                "The awards went to Joaquin Phoenix and Renée Zellweger.",
                "“I am standing on the shoulders of my favorite actor,” Phoenix said on Sunday.",
            ),
            "shoulders",
            "Joaquin Phoenix",
        ),
        (  # the fullest name is written with a possessive
            (
                "Questions about Melania Trump’s immigration history remain.",
                "Melania said she had always followed the law.",
            ),
            "followed the law",
            "Melania Trump",
        ),
    ],
)
def test_the_fullest_name_is_found_whatever_the_tagger_made_of_the_surname(
    nlp: Language, paragraphs: tuple[str, ...], words: str, speaker: str
) -> None:
    assert claim_with(claims_of(nlp, article(*paragraphs)), words).speaker == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "The narrow defeat prompted Senator Alan Moss to declare that the party had lost"
            " its way.",
            "Alan Moss",
        ),
        (
            "The hearing was so tense that Governor Ruth Vance was prompted to say the budget"
            " would pass.",
            "Ruth Vance",
        ),
        ("Moss used his speech to attack the budget of the governor.", "Moss"),
    ],
)
def test_the_one_made_to_speak_speaks(nlp: Language, text: str, speaker: str) -> None:
    """'X prompted Y to declare': Y declares; but a thing used to speak does not speak."""
    assert [c.speaker for c in claims_of(nlp, text)] == [speaker]


def test_a_pronoun_made_to_speak_speaks(nlp: Language) -> None:
    text = "The hearing was so tense that she was prompted to say the budget would pass."
    [claim] = claims_of(nlp, text)
    assert span_text(text, claim.speaker_span) == "she"


def test_listed_members_of_a_group_are_the_speaker_and_keep_their_statement(
    nlp: Language,
) -> None:
    text = article(
        "On Monday, Canada, Norway, Japan and the European Union -- members of the regional"
        " fisheries pact -- released a joint statement accusing Iceland of overfishing cod.",
        '"These catches threaten the whole stock," the statement read.',
    )
    claims = claims_of(nlp, text)
    accusation = claim_with(claims, "overfishing")
    follow_up = claim_with(claims, "threaten the whole stock")
    assert accusation.speaker == "Canada, Norway, Japan and the European Union"
    assert follow_up.speaker == accusation.speaker


def test_a_paragraph_opening_with_a_name_and_colon_is_that_speakers_statement(
    nlp: Language,
) -> None:
    text = article(
        "Maria Lopez: Border Talks Will Resume in May.",
        "The interior ministry confirmed the date on Tuesday.",
    )
    claim = claim_with(claims_of(nlp, text), "Border Talks Will Resume")
    assert claim.speaker == "Maria Lopez"
    assert claim.cue == ":"


@pytest.mark.parametrize(
    "heading",
    ["Background", "Details", "Context", "Timeline", "LOOK", "BOOM", "CLARIFICATION", "Disclosure"],
)
def test_a_news_section_heading_before_a_colon_is_no_speaker(nlp: Language, heading: str) -> None:
    text = f"{heading}: Schools are experimenting with cameras to keep their students safe."
    assert not [c for c in claims_of(nlp, text) if "experimenting" in c.claim]


def test_a_section_label_before_a_colon_is_no_speaker(nlp: Language) -> None:
    text = article(
        "Update: The bridge reopened to traffic on Friday morning.",
        "Engineers had closed it for two weeks.",
    )
    assert not [c for c in claims_of(nlp, text) if "bridge reopened" in c.claim]


@pytest.mark.parametrize(
    "paragraph",
    [
        "Moss: Hold the line.",  # a section heading about Moss between paragraphs of prose
        "Ohio: Ann Lee, Tom Hale, Ruth Alvarez, Kim Park, Sam Ortiz.",  # who is in a group
    ],
)
def test_a_heading_or_a_list_after_a_name_and_colon_is_no_statement(
    nlp: Language, paragraph: str
) -> None:
    text = article(
        "Three candidates remain in the race for governor after the debate on Tuesday.",
        paragraph,
        "Senator Ann Moss has the most to lose in the primary next week.",
    )
    assert not [c for c in claims_of(nlp, text) if c.cue == ":"]


def test_a_short_transcript_turn_is_its_speakers_statement(nlp: Language) -> None:
    text = article(
        "Lee: Do you think the plan will pass?",
        "Moss: Not this year.",
        "Lee: Why not?",
    )
    assert claim_with(claims_of(nlp, text), "Not this year").speaker == "Moss"


@pytest.mark.parametrize(
    ("sentence", "said_of_it"),
    [
        ("Senator Ruth Alvarez called the governor a reckless gambler.", "reckless gambler"),
        ("Mayor Tom Hale described the new tax as a disaster for shop owners.", "a disaster"),
    ],
)
def test_what_a_cue_says_of_its_object_belongs_to_the_claim(
    nlp: Language, sentence: str, said_of_it: str
) -> None:
    claim = claim_with(claims_of(nlp, sentence), said_of_it)
    assert claim.claim.startswith(("the governor", "the new tax"))


@pytest.mark.parametrize(
    ("sentence", "object_", "reason"),
    [
        (
            "Senator Ruth Alvarez repeatedly mocked Governor Tom Hale for not releasing his"
            " full tax returns.",
            "Governor Tom Hale",
            "for not releasing his full tax returns",
        ),
        (
            "Governor Ann Lee has banned the mining company from abandoning its waste ponds.",
            "the mining company",
            "from abandoning its waste ponds",
        ),
    ],
)
def test_why_a_cue_targets_its_object_belongs_to_the_claim(
    nlp: Language, sentence: str, object_: str, reason: str
) -> None:
    claim = claim_with(claims_of(nlp, sentence), object_)
    assert reason in claim.claim


def test_a_prepositional_cue_keeps_what_is_said_of_its_object(nlp: Language) -> None:
    text = "In her speech, Governor Ana Ruiz referred to the mayor as a coward and a liar."
    claim = claim_with(claims_of(nlp, text), "the mayor")
    assert "a coward and a liar" in claim.claim


def test_a_phrase_before_the_cue_is_where_it_was_said_not_what(nlp: Language) -> None:
    text = "At the forum, Senator Ruth Alvarez called the new tax a mistake."
    claim = claim_with(claims_of(nlp, text), "a mistake")
    assert "forum" not in claim.claim


def test_an_adverbial_cue_with_its_own_topic_does_not_report_the_main_clause(
    nlp: Language,
) -> None:
    text = "The crowd grew quiet as Mayor Ann Lee called for an end to the strike."
    claim = claim_with(claims_of(nlp, text), "an end to the strike")
    assert "crowd" not in claim.claim


def test_a_cue_in_a_that_clause_does_not_report_the_clause_it_hangs_on(nlp: Language) -> None:
    text = (
        "The headline has been changed to reflect that Mayor Brook is calling for a review"
        " of the budget."
    )
    assert [c.claim for c in claims_of(nlp, text)] == ["a review of the budget"]


def test_a_quote_framed_by_said_of_is_the_claim_not_what_it_was_about(nlp: Language) -> None:
    text = '"Who do they think they are?" Mayor Ann Lee said of the bankers on Tuesday.'
    claim = claim_with(claims_of(nlp, text), "Who do they think")
    assert claim.quote and "bankers" not in claim.claim


@pytest.mark.parametrize(
    ("sentence", "whole", "not_in_it"),
    [
        ("Former staff described crass behavior by the mayor.", "by the mayor", None),
        ("She defended the plan by pointing to the budget.", "the plan", "pointing"),
    ],
)
def test_by_after_an_object_names_whose_it_is_unless_it_says_how(
    nlp: Language, sentence: str, whole: str, not_in_it: str | None
) -> None:
    claim = claim_with(claims_of(nlp, sentence), whole)
    assert not_in_it is None or not_in_it not in claim.claim


@pytest.mark.parametrize(
    ("sentence", "first", "second"),
    [
        (
            "Trade experts said rising costs have contributed to weakening the region's"
            " export appeal, citing the strategic importance of a port that borders three"
            " countries.",
            "weakening the region's export appeal",
            "the strategic importance of a port",
        ),
        (
            "Senator Ann Lee said the governor called her and apologized, and that she"
            ' forgave him, adding that "he is a decent man."',
            "she forgave him",
            "he is a decent man",
        ),
        (
            "Moss said her recent speeches have given her campaign a lift and said that"
            " the governor no longer speaks for the party.",
            "her campaign a lift",
            "the governor no longer speaks",
        ),
        (
            "Hale told the paper that his office had never seen the letter and said it"
            " would look into the matter.",
            "never seen the letter",
            "look into the matter",
        ),
    ],
)
def test_a_cue_hung_inside_a_claim_is_a_second_claim_of_the_speaker(
    nlp: Language, sentence: str, first: str, second: str
) -> None:
    claims = claims_of(nlp, sentence)
    said, added = claim_with(claims, first), claim_with(claims, second)
    assert said is not added and second not in said.claim
    assert added.speaker == said.speaker


@pytest.mark.parametrize(
    ("sentence", "speaker", "claim_text"),
    [
        (
            "On Tuesday, the owner said a man came in saying he was waiting for his girlfriend.",
            "owner",
            "a man came in saying he was waiting for his girlfriend",
        ),
        (
            "Mayor Tom Hale said Kim Lee lied and called him a cheat.",
            "Tom Hale",
            "Kim Lee lied and called him a cheat",
        ),
    ],
)
def test_a_cue_of_someone_inside_the_claim_is_not_split_off(
    nlp: Language, sentence: str, speaker: str, claim_text: str
) -> None:
    claims = claims_of(nlp, sentence)
    assert [c.claim for c in claims if c.speaker == speaker] == [claim_text]


def test_a_closing_according_to_vouches_for_the_whole_sentence(nlp: Language) -> None:
    text = (
        "The Lakeside Hotel was paid $29,715 and the Harbor Grill was paid $125,080,"
        " according to city records."
    )
    claim = claim_with(claims_of(nlp, text), "Harbor Grill")
    assert claim.speaker == "city records"
    assert claim.claim.startswith("The Lakeside Hotel was paid")


@pytest.mark.parametrize(
    ("sentence", "claim_text"),
    [
        (
            "Senator Ann Lee defended her call to raise the state minimum wage.",
            "her call to raise the state minimum wage",
        ),
        (
            "Mayor Tom Hale has described the annual dinner as Washington celebrating itself.",
            "the annual dinner as Washington celebrating itself",
        ),
    ],
)
def test_a_clause_right_after_the_object_says_what_it_is(
    nlp: Language, sentence: str, claim_text: str
) -> None:
    assert claim_text in [c.claim for c in claims_of(nlp, sentence)]


def test_a_name_called_without_a_parsed_object_is_still_the_claim(nlp: Language) -> None:
    text = article(
        "Governor Tom Hale said the race was over.",
        "Later, he called Moss “Sleepy Alan” several times.",
    )
    claim = claim_with(claims_of(nlp, text), "Sleepy Alan")
    assert claim.speaker == "Tom Hale"


@pytest.mark.parametrize(
    ("sentence", "claim_text"),
    [
        ("Lee promised Sunday at a rally in Reno to end the gas tax.", "to end the gas tax"),
        (
            "Mayor Tom Hale called Friday for the police chief to resign.",
            "for the police chief to resign",
        ),
    ],
)
def test_the_day_it_was_said_is_not_what_was_said(
    nlp: Language, sentence: str, claim_text: str
) -> None:
    assert [c.claim for c in claims_of(nlp, sentence)] == [claim_text]


@pytest.mark.parametrize(
    ("sentence", "speaker", "answer"),
    [
        (
            "Asked if the plan was fair, 46 percent of voters said yes.",
            "46 percent of voters",
            "yes",
        ),
        ("Last month, 26 percent said the same.", "26 percent", "the same"),
    ],
)
def test_a_one_word_answer_is_what_was_said(
    nlp: Language, sentence: str, speaker: str, answer: str
) -> None:
    claims = claims_of(nlp, sentence)
    assert (speaker, answer) in [(c.speaker, c.claim) for c in claims]


def test_an_answer_is_shown_with_its_verb(nlp: Language) -> None:
    claim = claims_of(nlp, "Mayor Tom Hale said no to the new stadium.")[0]
    assert display_claim(claim) == "said no to the new stadium"


@pytest.mark.parametrize(
    ("sentence", "claim_text", "shown"),
    [
        (
            "Lee called for the board to delay the vote.",
            "the board to delay the vote",
            "called for the board to delay the vote",
        ),
        (
            "The union called on the mayor to resign.",
            "the mayor to resign",
            "called on the mayor to resign",
        ),
        (
            "Ann Lee on Wednesday called on the board to delay the vote.",
            "the board to delay the vote",
            "called on the board to delay the vote",
        ),
        (
            "Moss has called for the former governor of Ohio to release the minutes.",
            "the former governor of Ohio to release the minutes",
            "has called for the former governor of Ohio to release the minutes",
        ),
    ],
)
def test_who_is_called_on_to_act_belongs_to_the_claim(
    nlp: Language, sentence: str, claim_text: str, shown: str
) -> None:
    claim = claim_with(claims_of(nlp, sentence), claim_text)
    assert (claim.claim, display_claim(claim)) == (claim_text, shown)


def test_he_is_never_a_plural_group_named_before(nlp: Language) -> None:
    text = article(
        "Several Democrats criticized the plan as reckless.",
        "A city budget could not simply be a list of promises, he said.",
    )
    claim = claim_with(claims_of(nlp, text), "a list of promises")
    assert claim.speaker != "Democrats"


def test_a_verb_joined_to_a_passive_one_shares_its_subject(nlp: Language) -> None:
    text = (
        "By Friday, Mr. Hale was forced into an awkward retreat and said that his remarks"
        " had been misread."
    )
    claim = claim_with(claims_of(nlp, text), "misread")
    assert claim.speaker == "Hale"


def test_a_quote_after_a_claim_ending_in_a_quote_continues_it(nlp: Language) -> None:
    text = article(
        "Senator Ann Lee said the vote was close.",
        "Yet the plan is also a “fresh start,” Lee said. “That’s exactly what the city needs"
        " right now, and voters know it.”",
    )
    claim = claim_with(claims_of(nlp, text), "exactly what the city needs")
    assert claim.speaker == "Ann Lee"


@pytest.mark.parametrize(
    ("paragraphs", "words", "speaker"),
    [
        pytest.param(
            (
                "Senator Jeff Moss said the bank had failed its customers.",
                "In a statement, Governor Ann Lee was more careful than her colleagues. Though"
                " she called the bank's conduct “troubling,” she stopped short of calling for"
                " new rules.",
            ),
            "the bank's conduct",
            "Ann Lee",
            id="a pronoun opening a sentence is the person the last one was about",
        ),
        pytest.param(
            (
                "Senator Jeff Moss said the plan had failed.",
                "Mrs. Hale will face the same questions. He noted that the vote was close.",
            ),
            "the vote was close",
            "Jeff Moss",
            id="a title keeps he from a woman the last sentence was about",
        ),
        pytest.param(
            (
                "The Lee Foundation said the grant had been approved in March.",
                "Later, Lee said she was proud of the work.",
            ),
            "proud of the work",
            "Lee",
            id="a person is not the organisation named after her",
        ),
        pytest.param(
            (
                "Governor Ann Lee said the plan had failed.",
                "Her rival wrote: “Crooked Ann Lee is a disaster for the state.”",
            ),
            "the plan had failed",
            "Ann Lee",
            id="a nickname in a quote is not the name a speaker is shown under",
        ),
    ],
)
def test_who_a_claim_is_shown_under_follows_the_sentences_before_it(
    nlp: Language, paragraphs: tuple[str, ...], words: str, speaker: str
) -> None:
    assert claim_with(claims_of(nlp, article(*paragraphs)), words).speaker == speaker


def test_a_contrasting_while_clause_is_a_claim_of_its_own_speaker(nlp: Language) -> None:
    text = (
        "Senator Ann Lee suggested that the budget was too small, while Governor Tom Hale"
        " said that the state could not afford more."
    )
    claims = claims_of(nlp, text)
    assert claim_with(claims, "the budget was too small").claim == "that the budget was too small"
    assert claim_with(claims, "could not afford more").speaker == "Tom Hale"


def test_a_passive_expectation_keeps_its_subject_in_the_claim(nlp: Language) -> None:
    text = "The new harbour bridge is expected to open to traffic in early March."
    claim = claim_with(claims_of(nlp, text), "open to traffic")
    assert claim.claim.startswith("The new harbour bridge")


def test_a_quote_after_the_cue_sentence_continues_the_speaker_even_when_it_quotes_someone(
    nlp: Language,
) -> None:
    text = article(
        "Lawmakers met on Monday.",
        "“The director said she was careless with classified files,” Mike Rowan said."
        " “So we simply introduced a bill to fix it.”",
    )
    claims = claims_of(nlp, text)
    assert claim_with(claims, "introduced a bill").speaker == "Mike Rowan"


def test_whoever_issues_a_statement_speaks_through_its_participle(nlp: Language) -> None:
    text = "The union released a statement saying the strike would continue until Friday."
    claim = claim_with(claims_of(nlp, text), "strike would continue")
    assert span_text(text, claim.speaker_span) == "The union"


def test_the_statement_quoted_later_speaks_for_whoever_released_it(nlp: Language) -> None:
    text = article(
        "The dockworkers union released a statement saying the strike would continue.",
        '"We will not return to work without a contract," the statement read.',
    )
    claims = claims_of(nlp, text)
    first, later = claim_with(claims, "strike would continue"), claim_with(claims, "contract")
    assert later.speaker == first.speaker == "dockworkers union"


def test_a_poll_opening_the_sentence_is_the_source_of_its_finding(nlp: Language) -> None:
    text = "In a Harbor Times poll released Monday, 48 percent of voters backed the new tax."
    claim = claim_with(claims_of(nlp, text), "48 percent of voters backed")
    assert claim.cue == "In"
    assert "Harbor Times poll" in span_text(text, claim.speaker_span)


def test_a_poll_closing_the_sentence_is_the_source_of_its_finding(nlp: Language) -> None:
    text = "The governor led his rival by 12 points in a Harbor Times poll released Monday."
    claim = claim_with(claims_of(nlp, text), "led his rival by 12 points")
    assert claim.cue == "in"
    assert "Harbor Times" in span_text(text, claim.speaker_span)


@pytest.mark.parametrize(
    "text",
    [
        "Fewer than half of the voters surveyed in a new poll released Monday back the plan.",
        "The results were published in a study of 400 schools.",
    ],
)
def test_a_survey_that_only_ran_or_printed_something_claims_nothing(
    nlp: Language, text: str
) -> None:
    assert all(c.cue != "in" for c in claims_of(nlp, text))


def test_a_lead_in_the_polls_is_no_attribution(nlp: Language) -> None:
    text = "The governor has a comfortable lead in the polls ahead of the May primary."
    assert not claims_of(nlp, text)


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("The mayor was asked a simple question about the new bridge tolls.", "a simple question"),
        ('"Why does the council remain so popular?" Senator Lee was asked.', '"Why does'),
    ],
)
def test_who_was_asked_is_not_what_was_asked(nlp: Language, text: str, question: str) -> None:
    claims = [c for c in claims_of(nlp, text) if c.cue.endswith("asked")]
    assert [c.claim.startswith(question) for c in claims] == [True]
    assert all("Lee" not in c.claim and "mayor" not in c.claim for c in claims)


def test_a_passive_cue_keeps_what_is_said_of_its_subject(nlp: Language) -> None:
    text = "Since the flood, Mayor Tom Hale has been widely seen as an outsider in town."
    claim = claim_with(claims_of(nlp, text), "Tom Hale")
    assert "an outsider" in claim.claim


def test_a_passive_cue_with_a_predicate_keeps_its_subject_and_its_words(nlp: Language) -> None:
    """'were deemed ineligible': what was deemed so is part of the claim, and the cue
    between the two pieces is shown as written, not as a gap."""
    text = "Many delegates were deemed ineligible by the state party."
    [claim] = claims_of(nlp, text)
    assert claim.claim == "Many delegates were deemed ineligible"
    assert claim.speaker == "state party"


def test_a_passive_cue_is_shown_as_written_between_its_subject_and_what_is_said_of_it(
    nlp: Language,
) -> None:
    text = "The senator is seen as an outsider by many voters."
    [claim] = claims_of(nlp, text)
    assert display_claim(claim) == "The senator is seen as an outsider"


def test_a_headline_label_joins_the_same_source_later_in_the_article(nlp: Language) -> None:
    text = article(
        "Harbor Authority: Ferries will keep running through the winter",
        "The Harbor Authority said on Monday that two new boats would join the fleet.",
    )
    claims = claims_of(nlp, text)
    headline, later = claim_with(claims, "keep running"), claim_with(claims, "new boats")
    assert headline.speaker == later.speaker == "Harbor Authority"


def test_a_testimonial_signed_with_a_dash_is_its_authors_quote(nlp: Language) -> None:
    text = (
        "“The new bridge changed my commute for the better.” ― Lena Fischer "
        "“I now reach the hospital in ten minutes.” ― Omar Haddad"
    )
    claims = claims_of(nlp, text)
    assert claim_with(claims, "changed my commute").speaker == "Lena Fischer"
    assert claim_with(claims, "hospital in ten minutes").speaker == "Omar Haddad"
    assert claim_with(claims, "hospital in ten minutes").cue == "―"


def test_a_paragraph_signing_the_quote_above_it_attributes_that_quote(nlp: Language) -> None:
    text = article(
        '"Rents in this city have doubled in five years."',
        "- Carla Moreno.",
        "Official figures show a rise of about 40 percent.",
    )
    claims = claims_of(nlp, text)
    assert claim_with(claims, "Rents in this city").speaker == "Carla Moreno"
    assert not [c for c in claims if "Official figures" in c.claim]


def test_a_dash_inside_a_sentence_signs_nothing(nlp: Language) -> None:
    text = "The mayor - a former teacher - opened the library on Monday."
    assert not [c for c in claims_of(nlp, text) if c.cue == "-"]


def test_a_digest_names_its_source_after_a_dash_before_the_colon(nlp: Language) -> None:
    text = article(
        "Here is the morning roundup of what the pollsters are saying.",
        "TURNOUT WILL DECIDE THE RACE - Carla Moreno: “Younger voters are registering at"
        " twice the rate of four years ago.”",
    )
    claim = claim_with(claims_of(nlp, text), "Younger voters")
    assert claim.speaker == "Carla Moreno"
    assert claim.cue == ":"


def test_a_labelled_quote_may_open_a_line_inside_a_paragraph(nlp: Language) -> None:
    text = article(
        "Pollsters disagree about the race.\nOmar Haddad: “The suburbs will swing back"
        " toward the incumbent by October.”\nRuth Alvarez: “The suburbs are gone for good.”",
    )
    claims = claims_of(nlp, text)
    claim = claim_with(claims, "suburbs will swing")
    assert claim.speaker == "Omar Haddad"
    assert span_text(text, claim.claim_span) == (
        "“The suburbs will swing back toward the incumbent by October.”"
    )
    assert claim_with(claims, "gone for good").speaker == "Ruth Alvarez"


def test_a_hearing_transcript_label_may_end_in_a_party_tag(nlp: Language) -> None:
    text = article(
        "The committee questioned the harbor director on Tuesday.",
        "Rep. Ann Lee (R-Ohio): Who approved the contract for the new ferries?",
        "Director Omar Haddad: The board approved it in a public vote last spring.",
    )
    assert claim_with(claims_of(nlp, text), "Who approved").speaker == "Ann Lee"


def test_a_menu_of_labelled_links_inside_a_paragraph_says_nothing(nlp: Language) -> None:
    text = article(
        "The rules on masks change on Monday.",
        "More on this story\nSIMPLE GUIDE: How do I protect myself?\n"
        "STRESS: How to look after your mental health",
    )
    assert not [c for c in claims_of(nlp, text) if c.cue == ":"]


def test_a_speaker_label_may_hold_any_name_particle(nlp: Language) -> None:
    text = article(
        "Council backs new bridge plan",
        "Anna van der Berg: The bridge must reopen before the spring floods arrive.",
    )
    claim = claim_with(claims_of(nlp, text), "must reopen")
    assert claim.speaker == "Anna van der Berg"


def test_many_of_us_names_no_one_when_no_author_is_named(nlp: Language) -> None:
    text = "Many of us believe the bridge should be rebuilt before the winter."
    assert claim_with(claims_of(nlp, text), "should be rebuilt").speaker == ""


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (
            "The plan has angered the families of the crash victims, many of whom say the"
            " airline lied to them.",
            "airline lied",
            "families",
        ),
        (
            "The plan was backed by 40 retired generals and admirals -- most of whom had warned"
            " that the base was unsafe.",
            "base was unsafe",
            "40 retired generals",
        ),
    ],
)
def test_many_of_whom_speaks_for_the_group_it_is_part_of(
    nlp: Language, text: str, words: str, speaker: str
) -> None:
    assert claim_with(claims_of(nlp, text), words).speaker == speaker


def test_a_thing_that_appears_so_claims_nothing_a_person_still_does(nlp: Language) -> None:
    text = article(
        "The new feature appears to be working on older phones with this version of the beta.",
        "Senator Ann Lee appeared to suggest that the tolls would rise next year.",
    )
    claims = claims_of(nlp, text)
    assert claim_with(claims, "working on older phones").speaker == ""
    assert claim_with(claims, "tolls would rise").speaker == "Ann Lee"


def test_a_plural_noun_before_a_name_is_no_part_of_it(nlp: Language) -> None:
    text = (
        "Chefs Jamie Grant and Hugh Fearnley-Marsh demand assurances that the meat will be safe."
        " Jamie Grant has previously called on the minister to protect farmers."
    )
    assert claim_with(claims_of(nlp, text), "protect farmers").speaker == "Jamie Grant"


def test_a_quoted_transcript_line_opens_with_its_speaker_label(nlp: Language) -> None:
    text = article(
        "Partial transcript as follows:",
        '"HOST: Let us start with the news on the debate story tonight.',
    )
    claim = claim_with(claims_of(nlp, text), "start with the news")
    assert claim.speaker == "HOST"


def test_a_transcript_line_inside_another_claim_still_speaks_for_its_speaker(
    nlp: Language,
) -> None:
    text = article(
        "A reporter asked on Sunday morning why the campaign would go down that road, quoting"
        ' the exchange in full and saying "PENCE: Well, the question should be why her'
        ' campaign invited a team owner to the debate."',
        '"WALLACE: Do you really see those two as equivalent, Governor?',
    )
    by_wallace = [c.claim for c in claims_of(nlp, text) if c.speaker == "WALLACE"]
    assert by_wallace == ["Do you really see those two as equivalent, Governor?"]


def test_a_country_and_a_list_including_it_are_different_speakers(nlp: Language) -> None:
    text = article(
        "Russia says it will continue its air campaign against the rebel groups in the north.",
        "Russia and Iran have backed the Syrian government since the start of the war.",
    )
    claims = claims_of(nlp, text)
    assert claim_with(claims, "continue its air campaign").speaker == "Russia"
    speakers = [group.speaker for group in group_claims(claims, text)]
    assert "Russia" in speakers
    assert all(s == "Russia and Iran" or "Iran" not in s for s in speakers)


def test_releasing_a_statement_is_no_claim_of_its_own(nlp: Language) -> None:
    text = "The ministry released a statement saying the border talks had failed after two weeks."
    claims = claims_of(nlp, text)
    assert [c.cue for c in claims] == ["saying"]
    assert claims[0].claim == "the border talks had failed after two weeks"


@pytest.mark.parametrize(
    ("sentence", "shown"),
    [
        ("Senator Ruth Alvarez endorsed the housing plan in a long speech.", "endorsed the"),
        ("The union called for talks with the railway company before the strike.", "called for"),
    ],
)
def test_a_claim_that_is_only_a_noun_phrase_keeps_its_cue(
    nlp: Language, sentence: str, shown: str
) -> None:
    claim = claims_of(nlp, sentence)[0]
    assert display_claim(claim).startswith(shown)


def test_a_noun_phrase_with_a_relative_clause_keeps_its_cue(nlp: Language) -> None:
    text = (
        "“I owe everything to my teacher,” Vance said, referring to the pianist who "
        "won the Chopin prize in 1985."
    )
    claim = claim_with(claims_of(nlp, text), "the pianist")
    assert display_claim(claim) == "referring to the pianist who won the Chopin prize in 1985"


def test_an_infinitive_claim_keeps_its_verb_whatever_clause_it_holds(nlp: Language) -> None:
    text = "Mayor Lena Ortiz urged residents to save water so that the reservoirs are full."
    claim = claim_with(claims_of(nlp, text), "save water")
    assert display_claim(claim).startswith("urged residents to save water so that")


@pytest.mark.parametrize(
    ("text", "words", "shown"),
    [
        (
            "Asked why she resigned, Councillor Ada Brook said the council had ignored her.",
            "why she resigned",
            "when asked why she resigned",
        ),
        (  # the small model hangs "if ..." on the verb as an adverbial clause
            "Asked if she would run again, Councillor Ada Brook said the party would decide.",
            "would run again",
            "when asked if she would run again",
        ),
    ],
)
def test_a_question_put_to_the_speaker_is_not_theirs(
    nlp: Language, text: str, words: str, shown: str
) -> None:
    assert display_claim(claim_with(claims_of(nlp, text), words)) == shown


def test_asked_if_is_an_indirect_question(nlp: Language) -> None:
    text = "Then Mr. Rubin asked the students if they were always so serious."
    claim = claim_with(claims_of(nlp, text), "always so serious")
    assert display_claim(claim) == "asked the students if they were always so serious"


def test_a_condition_before_ask_is_no_question(nlp: Language) -> None:
    text = 'If we lived in normal times, a reader would now ask: "What on earth is going on?"'
    assert [c.claim for c in claims_of(nlp, text)] == ['"What on earth is going on?"']


@pytest.mark.parametrize(
    "text",
    [
        '"Because you have to pay," Ortiz said to Walter.',
        'Ortiz told "CBS This Morning" co-host Gayle King, "Because if you don\'t do what\'s '
        'right by the people, you have to pay."',
    ],
)
def test_whom_it_was_said_to_is_not_what_was_said(nlp: Language, text: str) -> None:
    shown = [display_claim(c) for c in claims_of(nlp, text)]
    assert len(shown) == 1
    assert shown[0].startswith('"Because') and "you have to pay" in shown[0]


def test_a_question_before_its_asker_is_the_askers(nlp: Language) -> None:
    text = (
        "Ann Scott told the host, “We will reckon with you.”\n\n"
        "“What is it about the mayor that you like?” King asked Scott."
    )
    assert claim_with(claims_of(nlp, text), "What is it about").speaker == "King"


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        (
            "Environmentalists want the plants to remain closed because they use fossil fuels "
            "and are cooled using seawater.",
            "want the plants to remain closed because",
        ),
        (
            "Mayor Lena Ortiz sounded a call for the city to accept more refugees as she issued "
            "a statement on Monday.",
            "sounded a call for the city to accept more refugees as",
        ),
    ],
)
def test_a_claim_keeps_its_verb_whatever_its_adverbial_clause_says(
    nlp: Language, text: str, shown: str
) -> None:
    claim = claims_of(nlp, text)[0]
    assert display_claim(claim).startswith(shown)


def test_cue_words_that_open_the_sentence_are_shown_in_lower_case(nlp: Language) -> None:
    text = "Citing a new study, Councillor Ada Brook said the bridge was unsafe."
    claim = claim_with(claims_of(nlp, text), "a new study")
    assert display_claim(claim) == "citing a new study"


@pytest.mark.parametrize(
    ("text", "content", "shown"),
    [
        (
            "Councillor Ada Brook asked whether the new bridge would be finished before winter.",
            "the new bridge",
            "asked whether the new bridge",
        ),
        (
            "The mayor’s campaign is defending the budget. It’s denouncing what it calls "
            "“a rigged process.”",
            "rigged process",
            "denouncing what it calls",
        ),
    ],
)
def test_a_question_is_shown_with_its_verb(
    nlp: Language, text: str, content: str, shown: str
) -> None:
    claim = claim_with(claims_of(nlp, text), content)
    assert display_claim(claim).startswith(shown)


def test_a_claim_ends_before_the_conjunction_of_the_next_clause(nlp: Language) -> None:
    text = (
        "Obama emphasized that the reforms were not complete, and human rights groups "
        "warned that the administration was losing leverage."
    )
    claim = claim_with(claims_of(nlp, text), "the reforms")
    assert claim.claim == "that the reforms were not complete"


def test_a_quote_of_several_sentences_as_an_object_is_read(nlp: Language) -> None:
    text = (
        "The ad closes with a narrator saying “Lower taxes for landlords. Higher rents "
        "for everyone. Can renters trust Mayor Ortiz?”"
    )
    claim = claim_with(claims_of(nlp, text), "Higher rents")
    assert display_claim(claim).startswith("“Lower taxes for landlords. Higher rents")


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        (
            "Senator Ruth Alvarez condemned the raids on the eve of the governor's speech.",
            "condemned the raids",
        ),
        (
            "Mayor Lena Ortiz criticized the new parking rules at the time.",
            "criticized the new parking rules",
        ),
        (
            "“Look at all these supporters here,” Ortiz said with a smirk.",
            "“Look at all these supporters here”",
        ),
    ],
)
def test_when_or_how_it_was_said_is_no_content(nlp: Language, text: str, shown: str) -> None:
    assert [display_claim(c) for c in claims_of(nlp, text)] == [shown]


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        (
            "Senator Ruth Alvarez opposed reauthorization of the program without a "
            "significant overhaul.",
            "reauthorization of the program without a significant overhaul",
        ),
        (
            "Senator Ruth Alvarez endorsed the housing plan in a long speech on Monday.",
            "the housing plan",
        ),
        (  # not "president": the object says what was announced
            "Former Governor Rick Moss announced his endorsement of Senator Ann Lee for"
            " president on Friday.",
            "his endorsement of Senator Ann Lee for president",
        ),
        (
            "Professor Lena Ortiz likened the new rules to burning the constitution.",
            "the new rules to burning the constitution",
        ),
        (  # the small model makes each item of the list an object of its own
            "The mayor praised the firefighters, the nurses' union and the volunteers who"
            " cleared the roads.",
            "the firefighters, the nurses' union and the volunteers who cleared the roads",
        ),
    ],
)
def test_an_object_claim_runs_on_to_what_is_said_of_it(
    nlp: Language, text: str, claim: str
) -> None:
    assert [c.claim for c in claims_of(nlp, text)] == [claim]


@pytest.mark.parametrize(
    "paragraphs",
    [
        (
            "Governor Ruth Vance released the following statement:",
            '"We mourn the loss of a great public servant and a dear friend."',
        ),
        (
            'The mayor has since apologized for what happened: "I should have called the'
            ' families myself."',
        ),
    ],
)
def test_an_object_before_a_colon_announces_what_was_said(
    nlp: Language, paragraphs: tuple[str, ...]
) -> None:
    [claim] = claims_of(nlp, article(*paragraphs))
    assert claim.claim.strip('"').startswith(("We mourn", "I should have called"))


def test_a_clause_a_colon_closes_is_no_quote_of_the_cue_after_it(nlp: Language) -> None:
    text = (
        "Overall, voters were split in the county: more than half of the women preferred"
        " Ms. Lee while about 6 in 10 men supported Mr. Cole."
    )
    claim = next(c for c in claims_of(nlp, text) if c.cue == "preferred")
    assert claim.claim == "Ms. Lee"


def test_a_clause_before_a_cue_with_its_own_that_clause_is_no_quote_of_it(
    nlp: Language,
) -> None:
    text = (
        "And it was no accident — Tom Reyes, a spokesman for the mayor, told reporters that"
        " the council had been warned twice."
    )
    assert [c.claim for c in claims_of(nlp, text)] == ["that the council had been warned twice"]


def test_a_cue_inverted_inside_the_sentence_it_reports(nlp: Language) -> None:
    text = (
        "The real problem with the budget, said Omar Haddad, an economist at the university,"
        " is the pension fund."
    )
    [claim] = claims_of(nlp, text)
    assert claim.speaker == "Omar Haddad"
    assert display_claim(claim) == "The real problem with the budget … is the pension fund"


def test_a_contracted_has_is_no_passive(nlp: Language) -> None:
    text = article(
        "Senator Tom Reyes said the primary was lost fairly.",
        "While he's said he'll fight all the way to the convention, the party wants him out.",
    )
    assert claim_with(claims_of(nlp, text), "fight all the way").speaker == "Tom Reyes"


def test_a_clause_before_a_cue_with_its_object_after_it_is_no_quote_of_it(
    nlp: Language,
) -> None:
    text = (
        "While he embraces what he believes are their shared strengths - youth and energy -"
        " the senator disavows the ideology that his voters find so toxic."
    )
    claim = next(c for c in claims_of(nlp, text) if c.cue == "disavows")
    assert claim.claim == "the ideology that his voters find so toxic"


def test_a_clause_before_a_colon_says_something_itself(nlp: Language) -> None:
    text = 'Ms. Vance said she had the quality the job needs: "Steadiness, and strength."'
    claim = claim_with(claims_of(nlp, text), "quality the job needs")
    assert claim.speaker == "Vance"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Half of the respondents said the economy was getting worse.", "Half of the respondents"),
        ("Two-thirds of voters said the economy was getting worse.", "Two-thirds of voters"),
        ("In Ohio, 61% of Republicans said the tax cut should be repealed.", "61% of Republicans"),
        ("Only 48 percent of parents said the schools were safe.", "48 percent of parents"),
        ("One in five voters said the economy was getting worse.", "One in five voters"),
        ("Six in 10 said the economy was getting worse.", "Six in 10"),
        ("Nine out of 10 said the schools were safe.", "Nine out of 10"),
        ("Dozens of lawmakers said on Monday that the bill would fail.", "Dozens of lawmakers"),
        ("A growing number of farmers say the rules came too late.", "growing number of farmers"),
    ],
)
def test_a_share_of_a_group_is_named_with_the_group(nlp: Language, text: str, speaker: str) -> None:
    assert [c.speaker for c in claims_of(nlp, text)] == [speaker]


def test_letters_after_a_name_are_no_part_of_it(nlp: Language) -> None:
    text = (
        "His Honour Judge Ann Berg QC told the court the sentence had to deter others."
        " Mark Lowe QC, defending, said his client had a previously unblemished record."
        " Conservative MP Tom Hale said the plan was wrong."
    )
    speakers = [entry.speaker for entry in group_claims(claims_of(nlp, text))]
    assert speakers == ["Ann Berg", "Mark Lowe", "Tom Hale"]


def test_no_one_is_named_no_one(nlp: Language) -> None:
    text = "No one expected the council to approve the budget so quickly."
    assert [c.speaker for c in claims_of(nlp, text)] == ["No one"]


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        (
            "Senator Ruth Alvarez called the housing plan “a gift to landlords” today.",
            "called the housing plan “a gift to landlords”",
        ),
        (  # two apostrophes for quotation marks, as in some agencies' copy
            "Councillor Ada Brook said the firm ''reports having 98 subsidiaries in tax havens.''",
            "the firm ''reports having 98 subsidiaries in tax havens.''",
        ),
    ],
)
def test_a_partial_quote_keeps_its_own_quotation_marks(
    nlp: Language, text: str, shown: str
) -> None:
    assert [display_claim(c) for c in claims_of(nlp, text)] == [shown]


def test_as_someone_reported_attributes_the_clause_it_opens(nlp: Language) -> None:
    text = (
        "As the Financial Times reported on Monday, the bank lost more than two billion "
        "dollars in the last quarter."
    )
    claim = claim_with(claims_of(nlp, text), "the bank lost")
    assert claim.speaker == "Financial Times"
    assert claim.cue == "reported"


def test_a_name_written_another_way_is_no_description(nlp: Language) -> None:
    text = article(
        "The Russian Defense Ministry said the strikes would continue for another week.",
        "The Russian Ministry of Defense said on Sunday that the air force had flown 20 sorties.",
    )
    groups = group_claims(claims_of(nlp, text), text)
    ministry = next(g for g in groups if "Ministry" in g.speaker)
    assert ministry.description is None


def test_a_title_before_an_appositive_name_is_not_the_speaker(nlp: Language) -> None:
    text = "“Harvest” director Mina Park said backstage that nobody could predict the awards."
    claim = claim_with(claims_of(nlp, text), "nobody could predict")
    assert claim.speaker == "Mina Park"


def test_an_intention_is_shown_with_its_verb(nlp: Language) -> None:
    text = "The company's chief executive, Lena Fischer, declined to be interviewed for this story."
    claim = claim_with(claims_of(nlp, text), "to be interviewed")
    assert display_claim(claim) == "declined to be interviewed for this story"


def test_a_pronoun_that_resolves_to_no_one_is_no_speaker_in_the_brief(nlp: Language) -> None:
    text = "They said the old bridge over the river was no longer safe for heavy trucks."
    claims = claims_of(nlp, text)
    assert claim_with(claims, "no longer safe").speaker == ""
    assert group_claims(claims, text) == ()


@pytest.mark.parametrize("before", ["Mr.", "Ms"])
def test_an_honorific_alone_is_no_description(nlp: Language, before: str) -> None:
    text = f"{before} Paul Ortega said the harbour would reopen to ferries on Monday morning."
    groups = group_claims(claims_of(nlp, text), text)
    assert [g.description for g in groups] == [None]


def test_a_hyphenated_name_is_kept_whole(nlp: Language) -> None:
    text = article(
        "A teenager died in a crash on the highway overnight.",
        "Miami-Dade Police said officers were behind the silver car after receiving a call.",
    )
    groups = group_claims(claims_of(nlp, text), text)
    assert [(g.speaker, g.description) for g in groups] == [("Miami-Dade Police", None)]


def test_a_claim_too_short_to_say_anything_is_left_out_of_the_brief(nlp: Language) -> None:
    text = article(
        "Mayor Tom Hale said the new bridge would open in May after two years of work.",
        '"Will it be on time?" the reporter asked. "It will," Hale said.',
    )
    claims = claims_of(nlp, text)
    shown = [c.claim for g in group_claims(claims, text) for c in g.claims]
    assert any("new bridge would open" in c for c in shown)
    assert all(len(c.split()) >= 3 for c in shown)


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "A spokesman for the Ministry of Finance said the budget would be published in May.",
            "spokesman for the Ministry of Finance",
        ),
        (
            "A senior official at Acme Corp said on Tuesday that the plant would close.",
            "senior official at Acme Corp",
        ),
    ],
)
def test_an_unnamed_person_is_shown_with_whom_they_speak_for(
    nlp: Language, sentence: str, speaker: str
) -> None:
    assert {c.speaker for c in claims_of(nlp, sentence)} == {speaker}


def test_whom_an_unnamed_person_speaks_for_is_not_their_name(nlp: Language) -> None:
    text = article(
        "A spokesman for the Kremlin said the talks would resume on Monday.",
        "The Kremlin said later that no date had been set for the talks.",
    )
    claims = claims_of(nlp, text)
    assert claim_with(claims, "would resume").speaker == "spokesman for the Kremlin"
    assert claim_with(claims, "no date had been set").speaker == "Kremlin"
    speakers = [g.speaker for g in group_claims(claims, text)]
    assert sorted(speakers) == ["Kremlin", "spokesman for the Kremlin"]


def test_an_unnamed_person_of_no_named_organisation_is_shown_as_such(nlp: Language) -> None:
    text = "A spokesman for the company said the plant would close in June."
    assert [c.speaker for c in claims_of(nlp, text)] == ["spokesman"]


@pytest.mark.parametrize(
    ("owner", "description"), [("ACLU's", "ACLU"), ("Reuters'", "Reuters"), ("ACLU’s", "ACLU")]
)
def test_an_organisation_owning_a_name_describes_it_without_the_possessive(
    nlp: Language, owner: str, description: str
) -> None:
    text = f"{owner} Jay Ramos said the cameras would record every student at the school."
    groups = group_claims(claims_of(nlp, text), text)
    assert [(g.speaker, g.description) for g in groups] == [("Jay Ramos", description)]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Some AI researchers said the new model would fail on longer texts.", "AI researchers"),
        ("Many Americans said the economy was getting worse.", "Americans"),
        ("Both King and his wife said the show would go on.", "King"),
    ],
)
def test_a_quantifier_opening_the_sentence_is_no_description(
    nlp: Language, text: str, speaker: str
) -> None:
    """Capitalised only because it opens the sentence: not "Americans (Many)"."""
    groups = group_claims(claims_of(nlp, text), text)
    assert [(g.speaker, g.description) for g in groups] == [(speaker, None)]


@pytest.mark.parametrize("clause", ["who’s", "who's", "who is"])
def test_a_relative_clause_after_a_name_is_no_description(nlp: Language, clause: str) -> None:
    text = f"Kristy Marino, {clause} the sister of the party chair, called the vote heartbreaking."
    groups = group_claims(claims_of(nlp, text), text)
    assert [(g.speaker, g.description) for g in groups] == [("Kristy Marino", None)]


#: A speaker described by an apposition, then a relative clause that is a claim of its own.
DESCRIBED_MP = (
    "Chi Onwurah, the Labour MP for Newcastle Central, who has praised the report, said"
    " it showed that precarious work was widespread."
)


def test_who_refers_to_the_person_a_place_in_their_description_belongs_to(
    nlp: Language,
) -> None:
    claim = claim_with(claims_of(nlp, DESCRIBED_MP), "the report")
    assert claim.speaker == "Chi Onwurah"


def test_an_apposition_is_described_without_the_relative_clause_after_it(nlp: Language) -> None:
    groups = group_claims(claims_of(nlp, DESCRIBED_MP), DESCRIBED_MP)
    assert [g.description for g in groups] == ["the Labour MP for Newcastle Central"]


@pytest.mark.parametrize(
    ("paragraphs", "words", "speaker"),
    [
        (
            (
                "Officials said the rules would start on Monday.",
                "Employees could face a fine if they fail to tell their bosses that they were"
                " told to stay home.",
            ),
            "were told to stay home",
            "Employees",
        ),
        (
            (
                "Prince Edward said he had felt trapped for years.",
                "When Mary joined the family, she said it was the last time she saw her passport.",
            ),
            "the last time she saw her passport",
            "Mary",
        ),
        (
            (
                "President Obama said the summit went well.",
                '"If Donald Trump is elected, the agency will change a lot," he said.',
            ),
            "the agency will change a lot",
            "Obama",
        ),
    ],
)
def test_a_pronoun_refers_to_the_subject_before_it_in_its_sentence(
    nlp: Language, paragraphs: tuple[str, ...], words: str, speaker: str
) -> None:
    """Before the last source: "they" in "Employees could face a fine if they ..." are the
    employees; but a name inside a quote is not who speaks after it."""
    claim = claim_with(claims_of(nlp, article(*paragraphs)), words)
    assert speaker in claim.speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "STOCKHOLM -- Mayor Anna Lindqvist said on Monday the bridge would close in May.",
            "Anna Lindqvist",
        ),
        (
            "WASHINGTON -- President Obama, opening the museum on Saturday, said it would tell"
            " an American story.",
            "Obama",
        ),
    ],
)
def test_a_dateline_never_speaks(nlp: Language, text: str, speaker: str) -> None:
    """The small model makes the dateline the subject (and the speaker its apposition)."""
    assert [c.speaker for c in claims_of(nlp, text)] == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "In a call with reporters on Dec. 4, Maj. Lena Hart, an army spokeswoman in Kabul,"
            " said the convoy had been ambushed.",
            "Lena Hart",
        ),
        (
            "At a packed town hall in Dayton, Ohio, 58-year-old Carla Reyes also complained"
            " about the closure of the plant.",
            "Carla Reyes",
        ),
        (
            "In an interview with radio hosts Dan Cole and Amy Tran, the Republican presidential"
            " candidate stated that the bill would fail.",
            "Republican presidential candidate",
        ),
        (  # an opening participle phrase, not a prepositional one
            "Alarmed by the riots in Ohio, Senator Tom Hale, the majority leader, said that he"
            " had called the governor.",
            "Tom Hale",
        ),
    ],
)
def test_the_subject_after_an_opening_phrase_speaks(nlp: Language, text: str, speaker: str) -> None:
    """The small model hangs it on the opening phrase and leaves the verb without one (the
    candidate as a description of Amy Tran, who is not the one speaking)."""
    assert [c.speaker for c in claims_of(nlp, text)] == [speaker]


def test_who_after_a_description_is_the_person_described(nlp: Language) -> None:
    text = (
        "Obama has had a frosty relationship with McConnell, now the Senate majority leader,"
        " who in 2010 said the party's main goal was to defeat him."
    )
    assert claim_with(claims_of(nlp, text), "main goal").speaker == "McConnell"


def test_a_headline_verb_is_no_part_of_the_name_before_it(nlp: Language) -> None:
    text = article(
        "Obama Says African-American Museum Will Tell of 'Suffering and Delight.'",
        "Speaking on the Mall, Mr. Obama said the museum would document the stories of Americans.",
    )
    assert claim_with(claims_of(nlp, text), "document the stories").speaker == "Obama"


def test_a_person_named_in_full_is_a_person_though_first_taken_for_a_thing(
    nlp: Language,
) -> None:
    """The headline's "Trump" is a common noun to the small model; once "Donald Trump" is
    named, "He" can refer to him."""
    text = article(
        "The Latest: Trump urges supporters to watch polling places",
        "Donald Trump is questioning the integrity of the voting system.",
        "He says voting fraud is a big problem in this country.",
    )
    assert claim_with(claims_of(nlp, text), "voting fraud").speaker == "Donald Trump"


def test_a_modifier_keeps_its_whole_compound(nlp: Language) -> None:
    text = '"We need change," the New York businessman said at the rally in Ohio.'
    assert [c.speaker for c in claims_of(nlp, text)] == ["New York businessman"]


@pytest.mark.parametrize(
    ("words", "entities", "mention", "name"),
    [
        (
            ["Democrats", "Rip", "Donald", "Trump"],
            ["O", "B-PERSON", "I-PERSON", "I-PERSON"],
            3,
            "Donald Trump",
        ),
        (["Obama", "Says", "Museum", "Opens"], ["B-PERSON", "I-PERSON", "O", "O"], 0, "Obama"),
        (["Tom", "Says"], ["B-PERSON", "I-PERSON"], 0, "Tom"),
    ],
)
def test_a_headline_verb_the_model_took_into_a_name_is_left_out(
    nlp: Language, words: list[str], entities: list[str], mention: int, name: str
) -> None:
    """Entities as the small model tags headlines: the verb inside the PERSON."""
    doc = Doc(nlp.vocab, words=words, ents=entities)
    assert naming(doc[mention])[0] == name


def test_the_wire_agency_of_a_dateline_is_not_its_speaker(nlp: Language) -> None:
    """The parse the small model gave a UPI story after its headline: the dateline the
    subject, the agency its first apposition, the speaker its second."""
    tokens = nlp.make_doc("OTTAWA, May 3 (UPI) — Anna Brook told delegates that taxes rose.")
    words, spaces = [t.text for t in tokens], [bool(t.whitespace_) for t in tokens]
    heads = [10, 0, 0, 2, 5, 0, 5, 0, 9, 0, 10, 10, 14, 14, 10, 10]
    deps = ["nsubj", "punct", "npadvmod", "nummod", "punct", "appos", "punct", "punct"]
    deps += ["compound", "appos", "ROOT", "dobj", "mark", "nsubj", "ccomp", "punct"]
    doc = Doc(nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps)
    assert doc.text.startswith("OTTAWA, May 3 (UPI) — Anna Brook told")
    assert subject_of(doc[10]) == doc[9]


def test_an_inverted_speaker_may_open_with_a_describing_word(nlp: Language) -> None:
    """The parse the small model gave '"...," said retired neurosurgeon X, asked about ...'
    ("retired" a verb form modifying "surgeon", the name the subject of "asked")."""
    tokens = nlp.make_doc('"We will see," said retired surgeon Ann Berg, asked about it.')
    words, spaces = [t.text for t in tokens], [bool(t.whitespace_) for t in tokens]
    heads = [6, 3, 3, 6, 6, 6, 6, 8, 10, 10, 12, 12, 6, 12, 13, 6]
    deps = ["punct", "nsubj", "aux", "ccomp", "punct", "punct", "ROOT", "amod", "compound"]
    deps += ["compound", "nsubj", "punct", "ccomp", "prep", "pobj", "punct"]
    tags = ["``", "PRP", "MD", "VB", ",", "''", "VBD", "VBN", "NN", "NNP", "NNP", ","]
    tags += ["VBD", "IN", "PRP", "."]
    pos = ["PUNCT", "PRON", "AUX", "VERB", "PUNCT", "PUNCT", "VERB", "VERB", "NOUN", "PROPN"]
    pos += ["PROPN", "PUNCT", "VERB", "ADP", "PRON", "PUNCT"]
    doc = Doc(nlp.vocab, words, spaces, heads=heads, deps=deps, tags=tags, pos=pos)
    assert doc[6].text == "said" and doc[10].text == "Berg"
    assert inverted_speaker(doc[6]) == doc[10]


def test_a_hyphenated_adverb_after_the_cue_is_no_inverted_speaker(nlp: Language) -> None:
    text = (
        '"We have had better conventions than this one," Texas delegate Tom Hale, wearing a'
        " cowboy hat, said matter-of-factly as confetti fluttered down."
    )
    claim = claim_with(claims_of(nlp, text), "better conventions")
    assert claim.speaker == "Tom Hale"
    assert claim.claim == '"We have had better conventions than this one,"'


def test_i_outside_a_quote_is_the_author_a_label_names(nlp: Language) -> None:
    text = article(
        "Annie Lowrey: California is becoming unlivable for the people who love it",
        "I believe that we can tackle the climate crisis.",
    )
    assert claim_with(claims_of(nlp, text), "tackle the climate crisis").speaker == "Annie Lowrey"


def test_i_outside_a_quote_is_not_the_last_person_who_spoke(nlp: Language) -> None:
    """A letters page: the writer of the second letter is not the official the first quoted."""
    text = article(
        "Soon after Ms. Price was elected, she said she would remove all cases from Death Row.",
        "I disagree with the notion that the county does not have enough money for schools.",
    )
    assert claim_with(claims_of(nlp, text), "enough money for schools").speaker == ""


def test_we_outside_a_quote_is_not_the_last_group_who_spoke(nlp: Language) -> None:
    """A researcher's essay: "we found" is the writers, not the officials quoted before."""
    text = article(
        "Council officials said the plan was sound.",
        "We asked 300 residents about the plan, and we found that most of them opposed it.",
    )
    assert claim_with(claims_of(nlp, text), "most of them opposed it").speaker == ""


def test_details_of_a_document_are_the_document_speaking(nlp: Language) -> None:
    text = (
        "But details of the legislation have now revealed that the penalty on a first offence"
        " can be quadrupled to 4,000 pounds."
    )
    assert claim_with(claims_of(nlp, text), "quadrupled").speaker == "legislation"


def test_a_clause_the_parser_made_a_subject_names_no_speaker(nlp: Language) -> None:
    """The parse the small model gave a page's list of charges: "frisking" the subject of
    "was", so the subject the participle "Explaining" inherits."""
    text = "Explaining why he argued that fining them was smart."
    words, spaces = [t.text for t in nlp.make_doc(text)], [True] * 8 + [False] * 2
    heads, deps = [7, 3, 3, 0, 6, 6, 7, 7, 7, 7], ["advcl", "advmod", "nsubj", "ccomp"]
    deps += ["mark", "csubj", "dobj", "ROOT", "acomp", "punct"]
    pos = ["VERB", "SCONJ", "PRON", "VERB", "SCONJ", "VERB", "PRON", "AUX", "ADJ", "PUNCT"]
    doc = Doc(nlp.vocab, words, spaces, heads=heads, deps=deps, pos=pos)
    assert doc.text == text and doc[5].dep_ == "csubj"
    reading = Reading((0, 10), "explain", doc[5], ((11, 43),), False)
    claim = claim_of_reading(doc, text, reading, None)
    assert claim.speaker == ""
    assert span_text(text, claim.speaker_span) == "fining"  # scored as PolNeAR marks sources
