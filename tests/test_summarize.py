"""Summaries: verbatim sentences in article order, sizes, boilerplate, algorithms, languages."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from summarizer.errors import InputError, LanguageNotSupported
from summarizer.language import SUPPORTED_LANGUAGES, detect_language
from summarizer.sentences import split_sentences
from summarizer.summarize import ALGORITHMS, DEFAULT_ALGORITHM, looks_like_boilerplate, summarize
from summarizer.types import Sentence

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "upi-russia-syria-airstrikes.txt"
SEED_HEADLINE = "Russian Defense Ministry: Airstrikes in Syria will 'continue intensifying'"

GERMAN = (
    "Die Regierung hat am Montag angekündigt, dass die Steuern für kleine Unternehmen im "
    "nächsten Jahr sinken sollen. Der Finanzminister sagte, man wolle damit die Wirtschaft "
    "nach einem schwierigen Winter stärken. Kritiker aus der Opposition warnten jedoch, dass "
    "die Pläne ein großes Loch in den Haushalt reißen würden. Die Städte müssten am Ende die "
    "Rechnung bezahlen, sagte ein Sprecher des Städtetages."
)
FRENCH = (
    "Le gouvernement a annoncé lundi que les impôts des petites entreprises baisseront l'année "
    "prochaine. Le ministre des Finances a déclaré qu'il voulait ainsi soutenir l'économie après "
    "un hiver difficile. Mais les critiques de l'opposition ont averti que ces projets "
    "creuseraient un trou dans le budget et que les villes finiraient par payer la facture."
)
DUTCH = (
    "De regering heeft maandag aangekondigd dat de belastingen voor kleine bedrijven volgend "
    "jaar zullen dalen. De minister van Financiën zei dat hij daarmee de economie wil steunen "
    "na een moeilijke winter. Critici van de oppositie waarschuwden echter dat de plannen een "
    "gat in de begroting zouden slaan en dat de steden uiteindelijk de rekening zouden betalen."
)
RUSSIAN = (
    "Правительство в понедельник объявило, что налоги для малого бизнеса в следующем году "
    "снизятся. Министр финансов сказал, что таким образом хочет поддержать экономику после "
    "тяжёлой зимы. Однако критики из оппозиции предупредили, что эти планы пробьют дыру в "
    "бюджете и что в конце концов счёт оплатят города."
)
CHINESE = "政府周一宣布，明年小企业的税收将会下降。财政部长表示，希望借此在艰难的冬季之后支持经济。"


def news(*paragraphs: str) -> str:
    """An article: paragraphs parted by blank lines, as extraction leaves them."""
    return "\n\n".join(paragraphs)


def numbered_article(sentences: int) -> str:
    """Distinct, ordinary sentences, one paragraph each, about a council budget."""
    topics = ["roads", "schools", "parks", "libraries", "buses", "housing", "water", "police"]
    return news(
        *(
            f"The council said on day {index + 1} that spending on {topics[index % len(topics)]} "
            f"would rise by {index + 2} percent next year."
            for index in range(sentences)
        )
    )


def brief_of(text: str, **options: object) -> tuple[Sentence, ...]:
    return summarize(text, split_sentences(text), **options)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def seed() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_every_algorithm_picks_verbatim_sentences_in_article_order(
    seed: str, algorithm: str
) -> None:
    summary = brief_of(seed, algorithm=algorithm, title=SEED_HEADLINE)
    assert len(summary) == 3
    for sentence in summary:
        assert seed[sentence.span[0] : sentence.span[1]] == sentence.text
    starts = [sentence.span[0] for sentence in summary]
    assert starts == sorted(starts)
    assert len(set(starts)) == 3


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_no_algorithm_picks_headline_byline_or_footer(seed: str, algorithm: str) -> None:
    texts = {sentence.text for sentence in brief_of(seed, algorithm=algorithm, count=8)}
    assert texts.isdisjoint({SEED_HEADLINE, "By Fred Lambert", "Latest Headlines"})


def test_default_summary_of_the_seed_opens_with_its_lede(seed: str) -> None:
    summary = brief_of(seed, title=SEED_HEADLINE)
    assert summary[0].text.startswith("Russia says it is attacking the Islamic State")


def test_count_sets_the_number_of_sentences() -> None:
    text = numbered_article(10)
    assert [len(brief_of(text, count=count)) for count in (1, 2, 5)] == [1, 2, 5]


def test_ratio_takes_that_share_of_the_sentences_rounded_up() -> None:
    text = numbered_article(10)
    assert len(brief_of(text, ratio=0.5)) == 5
    assert len(brief_of(text, ratio=0.25)) == 3
    assert len(brief_of(text, ratio=0.01)) == 1
    assert len(brief_of(text, ratio=1.0)) == 10


@pytest.mark.parametrize("options", [{"ratio": 0.0}, {"ratio": 1.5}, {"count": 0}])
def test_impossible_sizes_are_refused(options: dict[str, float]) -> None:
    with pytest.raises(InputError):
        brief_of(numbered_article(4), **options)


def test_text_shorter_than_the_summary_is_returned_whole() -> None:
    text = "The mayor resigned on Friday. Her deputy takes over until the election in May."
    assert [sentence.text for sentence in brief_of(text, count=3)] == [
        "The mayor resigned on Friday.",
        "Her deputy takes over until the election in May.",
    ]


def test_text_without_sentence_punctuation_still_gets_a_summary() -> None:
    text = "storm closes schools across the region as rivers keep rising and roads flood"
    summary = brief_of(text)
    assert [sentence.text for sentence in summary] == [text]


def test_lines_without_punctuation_are_summarized_as_sentences() -> None:
    lines = [
        f"line {index} reports water levels along the river near town number {index}"
        for index in range(6)
    ]
    summary = brief_of("\n\n".join(lines), count=2)
    assert len(summary) == 2
    assert all(sentence.text in lines for sentence in summary)


def test_empty_sentence_list_falls_back_to_splitting_the_text() -> None:
    text = numbered_article(5)
    assert len(summarize(text, [], count=2)) == 2


def test_unknown_algorithm_error_names_the_valid_ones() -> None:
    with pytest.raises(InputError) as caught:
        brief_of(numbered_article(5), algorithm="gpt")
    assert "'gpt'" in caught.value.message
    assert all(name in caught.value.message for name in ALGORITHMS)


def test_boilerplate_is_not_picked_while_prose_is_left() -> None:
    prose = [
        "The river burst its banks on Tuesday and flooded two hundred homes in the valley.",
        "Rescue teams used boats to reach families trapped on upper floors overnight.",
        "The regional government promised emergency payments to every household affected.",
    ]
    boilerplate = [
        "By Jane Doe and John Roe",
        "Click here to subscribe to our daily newsletter and never miss the river news.",
        "Scroll down for video of the river rescue and the flooded homes in the valley.",
        "Rescue teams on the flooded river in the valley on Tuesday (Photo: Reuters)",
        "Latest Headlines",
        "Yes.",
    ]
    text = news(boilerplate[0], prose[0], boilerplate[3], prose[1], *boilerplate[1:3], prose[2])
    text = news(text, *boilerplate[4:])
    for algorithm in ALGORITHMS:
        picked = [sentence.text for sentence in brief_of(text, count=3, algorithm=algorithm)]
        assert picked == prose, algorithm


def test_boilerplate_only_text_still_gets_a_summary() -> None:
    text = news("By Jane Doe", "Latest Headlines", "Click here to subscribe.")
    assert len(brief_of(text, count=2)) == 2


def test_title_repeated_in_the_text_is_not_picked() -> None:
    title = "Council raises spending on roads and schools."
    text = news(title, numbered_article(6))
    picked = [sentence.text for sentence in brief_of(text, count=3, title=title)]
    assert title not in picked
    assert len(picked) == 3


def ring_article() -> str:
    """Sentences in a ring of shared words: every sentence ranks alike in LSA, so a hash-seed
    dependent word order decides the ties (it did in sumy's LSA)."""
    words = "harbour ferry council budget river bridge school teacher nurse hospital train station"
    ring = words.split()
    return news(
        *(
            f"The {ring[i]} and the {ring[(i + 1) % 12]} met the {ring[(i + 2) % 12]} again."
            for i in range(12)
        )
    )


_DETERMINISM_SCRIPT = """
import json, sys
from summarizer.sentences import split_sentences
from summarizer.summarize import ALGORITHMS, summarize
texts = json.load(sys.stdin)
print(json.dumps({
    a: [[s.span for s in summarize(t, split_sentences(t), count=c, algorithm=a)]
        for t in texts for c in range(1, 8)]
    for a in ALGORITHMS
}))
"""


def test_summaries_do_not_depend_on_the_hash_seed(seed: str) -> None:
    texts = json.dumps([seed, ring_article()])

    def spans_with_seed(hash_seed: str) -> dict[str, list[list[list[int]]]]:
        env = {**os.environ, "PYTHONHASHSEED": hash_seed, "PYTHONPATH": str(ROOT)}
        result = subprocess.run(
            [sys.executable, "-c", _DETERMINISM_SCRIPT],
            input=texts,
            env=env,
            capture_output=True,
            text=True,
            check=True,
            timeout=120,
        )
        return json.loads(result.stdout)

    runs = [spans_with_seed(hash_seed) for hash_seed in ("1", "2", "3")]
    assert set(runs[0]) == set(ALGORITHMS)
    assert runs[0] == runs[1] == runs[2]


def test_same_input_same_summary_within_a_run(seed: str) -> None:
    for algorithm in ALGORITHMS:
        assert brief_of(seed, algorithm=algorithm) == brief_of(seed, algorithm=algorithm)


@pytest.mark.parametrize(("text", "language"), [(GERMAN, "german"), (FRENCH, "french")])
def test_non_english_text_is_detected_and_summarized_in_its_language(
    text: str, language: str
) -> None:
    assert detect_language(text) == language
    summary = brief_of(text, count=2, language=language)
    assert len(summary) == 2
    assert all(sentence.text in text for sentence in summary)


def test_english_news_is_detected_as_english(seed: str) -> None:
    assert detect_language(seed) == "english"


@pytest.mark.parametrize("text", [DUTCH, RUSSIAN, CHINESE], ids=["dutch", "russian", "chinese"])
def test_unsupported_language_is_refused_with_the_supported_list(text: str) -> None:
    with pytest.raises(LanguageNotSupported) as caught:
        detect_language(text)
    assert "English" in caught.value.message
    assert "\n" not in caught.value.message


def test_chinese_refusal_names_the_script() -> None:
    with pytest.raises(LanguageNotSupported, match="Chinese, Japanese or Korean script"):
        detect_language(CHINESE)


def test_summarize_refuses_a_language_sumy_cannot_stem() -> None:
    with pytest.raises(LanguageNotSupported):
        brief_of(numbered_article(5), language="klingon")


def test_every_supported_language_can_be_summarized() -> None:
    text = numbered_article(6)
    for language in SUPPORTED_LANGUAGES:
        assert len(brief_of(text, count=2, language=language)) == 2, language


def test_default_algorithm_is_listed() -> None:
    assert DEFAULT_ALGORITHM in ALGORITHMS
    assert {"lead", "lsa", "luhn", "lex-rank", "text-rank", "sum-basic", "kl"} <= set(ALGORITHMS)
    assert {"reduction", "edmundson", "random"} <= set(ALGORITHMS)


@pytest.mark.parametrize(
    ("text", "boilerplate"),
    [
        ("By Fred Lambert", True),
        ("DAMASCUS, Syria, Oct. 4 (UPI) --", True),
        ("Latest Headlines", True),
        ("Subscribe to our newsletter for more stories.", True),
        ("Copyright 2015 United Press International, Inc. All Rights Reserved.", True),
        ("Rescue boats on the flooded river on Tuesday (Photo: Reuters)", True),
        ("Tell them.", True),
        ("By the end of the year, prices had risen by a third.", False),
        ("Subscribers rose by ten percent last year, the company said.", False),
        ("Copyright law changed in the country last year.", False),
        ('"We will not back down," the minister said.', False),
    ],
)
def test_boilerplate_looks(text: str, boilerplate: bool) -> None:
    assert looks_like_boilerplate(text) is boilerplate
