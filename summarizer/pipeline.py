"""Article in, brief out: sentence split, summary, then who claims what."""

from __future__ import annotations

from spacy.language import Language

from summarizer.attribution import extract_claims, group_claims
from summarizer.language import detect_language
from summarizer.nlp import parse_article
from summarizer.sentences import split_sentences, without
from summarizer.settings import BriefSettings
from summarizer.summarize import DEFAULT_ALGORITHM, summarize
from summarizer.timing import Stopwatch
from summarizer.types import Article, Brief, Claim, Sentence, SpeakerClaims

ENGLISH_ONLY_NOTE = "Who claims what is available for English articles only."


class Briefer:
    """Makes briefs with one loaded spaCy pipeline; cheap to call, safe to share across threads."""

    def __init__(self, nlp: Language, settings: BriefSettings | None = None) -> None:
        self.nlp = nlp
        self.settings = settings or BriefSettings()

    def brief(
        self,
        article: Article,
        *,
        sentences: int | None = None,
        ratio: float | None = None,
        algorithm: str | None = None,
    ) -> Brief:
        watch = Stopwatch()
        with watch.step("language"):
            language = detect_language(article.text)
        with watch.step("summary"):
            split = split_sentences(article.text)  # once: summary, parser hints, claims
            summary = summarize(
                article.text,
                without(split, article.boilerplate),
                count=sentences or self.settings.sentences,
                ratio=ratio,
                algorithm=algorithm or self.settings.algorithm or DEFAULT_ALGORITHM,
                language=language,
                title=article.title,
            )
        claims, speakers = self._attribute(article, split, language, watch)
        notes = () if language == "english" else (ENGLISH_ONLY_NOTE,)
        return Brief(article, summary, claims, speakers, language, notes, watch.steps)

    def _attribute(
        self, article: Article, split: list[Sentence], language: str, watch: Stopwatch
    ) -> tuple[tuple[Claim, ...], tuple[SpeakerClaims, ...]]:
        if language != "english":
            return (), ()
        with watch.step("parse"):
            doc = parse_article(self.nlp, article.text, split)
        with watch.step("attribution"):
            claims = extract_claims(doc, sentences=split)
            speakers = group_claims(claims, article.text)
        return claims, speakers
