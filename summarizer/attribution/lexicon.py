"""Words that signal attribution, by the kind of claim they introduce.

Lemmas, lower-case. The lists follow the PolNeAR guidelines: statements, beliefs,
intentions and desires, decrees and perceptions all count; actions do not.
"""

from __future__ import annotations


def words(text: str) -> frozenset[str]:
    return frozenset(text.split())


ACCUSATION = words(
    "accuse blame charge allege criticize criticise condemn accusation allegation criticism"
)
DENIAL = words("deny reject dismiss refute dispute rebut deflect denial rejection")
#: "hop" is how the small model lemmatizes "hoping".
BELIEF = words(
    """believe think feel expect fear hope want wish plan intend know suspect doubt worry
    assume consider reckon understand realize realise anticipate prefer hate oppose support
    favor favour decline refuse seek aim agree disagree imagine suppose predict estimate
    question wonder conclude find see recognize recognise envision desire need hop belief view
    concern plan intention expectation"""
)
SPEECH = words(
    """say tell add state claim announce report declare explain note write insist argue
    assert warn suggest confirm reveal acknowledge admit concede indicate maintain stress
    emphasize emphasise recall reply respond answer ask urge demand promise pledge vow
    threaten complain contend testify describe repeat reiterate tweet post quip joke
    observe remark mention disclose comment boast brag recount signal hint caution advise
    propose recommend praise show rule order decide call read tout allow point counter
    retort speculate theorize lament plead request instruct inform notify assure convince
    persuade shout scream yell whisper cry exclaim muse sigh laugh smile grumble protest
    concur highlight underline underscore prove demonstrate express imply mean accept"""
)
#: Adjectives of a stance: what one thinks, feels or is ready to do about something
#: ("critical of", "sure that", "eager to"); "available", "capable" take no stance.
STANCE = words(
    """critical supportive opposed skeptical sceptical doubtful confident sure certain unsure
    uncertain convinced aware unaware concerned worried nervous anxious afraid fearful alarmed
    optimistic pessimistic hopeful upbeat positive negative eager keen willing unwilling
    reluctant hesitant loath inclined ready determined committed quick adamant insistent
    clear vocal outspoken open glad happy unhappy pleased displeased satisfied dissatisfied
    proud ashamed sorry angry furious upset frustrated irritated annoyed disappointed
    surprised shocked aghast stunned thrilled excited enthusiastic lukewarm sanguine wary
    leery mistrustful distrustful suspicious comfortable uncomfortable content fond
    sympathetic hostile divided united unified unapologetic honest candid upfront vague
    mindful careful sensitive passionate bent intent"""
)
#: "tell" and friends take the addressee as object, never the content.
ADDRESSEE_OBJECT = words(
    "tell inform notify assure convince persuade ask urge warn advise remind instruct order"
)
#: Nouns for documents and statements: sources only when their author is unknown.
ARTIFACT = words(
    """statement report letter announcement release memo document study survey poll filing
    complaint post tweet message email video ad article editorial transcript ruling order
    decision"""
)
#: Common nouns for people: "the spokesman" is a person, "the ministry" an organisation.
PERSON_NOUNS = words(
    """official spokesman spokeswoman spokesperson minister president senator governor man
    woman leader director chief secretary candidate analyst expert lawyer attorney judge
    source aide adviser advisor mayor commander general officer chairman chairwoman
    ambassador diplomat witness resident"""
)
#: Common nouns for people in groups, beside PERSON_NOUNS ("forcing candidates to ...").
PEOPLE_NOUNS = words(
    """voter delegate rival supporter member critic lawmaker worker respondent people
    citizen democrat republican conservative liberal activist"""
)
PERSON_PRONOUNS = words("he him his she her")
#: Outside a quote "I" is whoever wrote the piece: an author the article names by a label
#: ("Annie Lowrey: California is becoming unlivable") or a sign-off, else no one known.
#: So is "we" ("we found that ..." in a researcher's essay): never the last group quoted.
FIRST_PERSON = words("i me my we us our")
THING_PRONOUNS = words("it its")
GROUP_PRONOUNS = words("they them their")
#: Lower-case words inside a person's name ("Ludwig van Beethoven", "Charles de Gaulle").
NAME_PARTICLES = words("de van von der den da di du la le del dos al el bin ibn")
#: Verbs of putting a question to someone ("Asked whether ..., she said", "asked him if ...").
QUESTIONING = words("ask question press quiz query challenge wonder")
#: Where something was said ("said in an interview"): not what was said.
CHANNEL = ARTIFACT | words(
    """interview speech conference call rally debate hearing appearance show broadcast
    program podcast op-ed column town meeting event briefing session remark twitter
    facebook instagram website blog hall"""
)
#: Nouns of when or how something was said ("at the time", "for instance", "on the eve
#: of", "with a smirk"): a prepositional phrase of these is no content.
CIRCUMSTANCE_NOUNS = words("time instance example eve point outset start moment smirk")

#: Verbs of how things look ("The feature appears to work"): the writer's hedge, whose subject
#: is a source only when it can speak (a person, people, a named organisation).
HEDGES = words("appear seem")

#: The hand-made seed list: a feature of the cue model, and the clause rules' "is a cue" test.
CUE_VERBS = ACCUSATION | DENIAL | BELIEF | SPEECH


def kind_of(lemma: str) -> str:
    """The claim kind a cue lemma introduces."""
    if lemma in ACCUSATION:
        return "accusation"
    if lemma in DENIAL:
        return "denial"
    if lemma in BELIEF:
        return "belief"
    return "statement"
