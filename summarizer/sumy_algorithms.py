"""sumy's summarizers behind our summarize(), with two of their bugs fixed.

Imported only when one of them is asked for: sumy's summarizers import all of
NLTK, which would otherwise cost every cold start about 0.4 s.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from sumy.models.dom import ObjectDocumentModel, Paragraph
from sumy.models.dom import Sentence as SumySentence
from sumy.parsers.parser import DocumentParser
from sumy.summarizers._summarizer import AbstractSummarizer
from sumy.summarizers.edmundson import EdmundsonSummarizer
from sumy.summarizers.kl import KLSummarizer
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.summarizers.lsa import LsaSummarizer
from sumy.summarizers.luhn import LuhnSummarizer
from sumy.summarizers.reduction import ReductionSummarizer
from sumy.summarizers.sum_basic import SumBasicSummarizer
from sumy.summarizers.text_rank import TextRankSummarizer

from summarizer.sentences import OfflineTokenizer, word_tokens
from summarizer.summarize import SummaryRequest
from summarizer.types import Sentence


def pick_with_sumy(request: SummaryRequest, algorithm: str) -> list[Sentence]:
    """The ``request.wanted`` candidates sumy's ``algorithm`` picks."""
    document = _sumy_document(request)
    theirs_to_ours = dict(zip(map(id, document.sentences), request.candidates, strict=True))
    summarizer = _sumy_summarizer(algorithm, request)
    return [theirs_to_ours[id(sentence)] for sentence in summarizer(document, request.wanted)]


def _sumy_document(request: SummaryRequest) -> ObjectDocumentModel:
    """One sumy paragraph per run of candidates between blank lines; the title as a heading."""
    tokenizer = OfflineTokenizer(request.lexicon.language)
    paragraphs: list[list[SumySentence]] = [[]]
    if request.title:
        paragraphs[0].append(SumySentence(request.title, tokenizer, is_heading=True))
    previous_end = 0
    for sentence in request.candidates:
        if _BLANK_LINE.search(request.text, previous_end, sentence.span[0]) and paragraphs[-1]:
            paragraphs.append([])
        paragraphs[-1].append(SumySentence(sentence.text, tokenizer))
        previous_end = sentence.span[1]
    return ObjectDocumentModel([Paragraph(sentences) for sentences in paragraphs])


_BLANK_LINE = re.compile(r"\n\s*\n")


class _SortedLsaSummarizer(LsaSummarizer):
    """sumy's LSA numbers words in set order, which varies with PYTHONHASHSEED: sort them."""

    def _create_dictionary(self, document: ObjectDocumentModel) -> dict[str, int]:
        words = (self.normalize_word(word) for word in document.words)
        stems = {self.stem_word(word) for word in words if word not in self._stop_words}
        return {stem: index for index, stem in enumerate(sorted(stems))}


class _SumBasicSummarizer(SumBasicSummarizer):
    """sumy's SumBasic stems before dropping stop words for the article's word frequencies
    but after for a sentence's words, so a word stemming to a stop word ("considerably" to
    "consider") raises KeyError: do it the sentence's way for both."""

    def _get_all_content_words_in_doc(self, sentences: Sequence[SumySentence]) -> list[str]:
        content_words = map(self._get_content_words_in_sentence, sentences)
        return [word for words in content_words for word in words]


def _sumy_summarizer(algorithm: str, request: SummaryRequest) -> AbstractSummarizer:
    lexicon = request.lexicon
    summarizer_class = SUMMARIZERS[algorithm]
    summarizer = summarizer_class(lexicon.stem)
    if isinstance(summarizer, EdmundsonSummarizer):
        # As sumy's own command line does: title words are the bonus words.
        summarizer.null_words = lexicon.stop_words
        title_words = word_tokens(request.title or "")
        summarizer.bonus_words = title_words or DocumentParser.SIGNIFICANT_WORDS
        summarizer.stigma_words = DocumentParser.STIGMA_WORDS
    else:
        summarizer.stop_words = lexicon.stop_words
    return summarizer


SUMMARIZERS: dict[str, type[AbstractSummarizer]] = {
    "lsa": _SortedLsaSummarizer,
    "luhn": LuhnSummarizer,
    "lex-rank": LexRankSummarizer,
    "text-rank": TextRankSummarizer,
    "sum-basic": _SumBasicSummarizer,
    "kl": KLSummarizer,
    "reduction": ReductionSummarizer,
    "edmundson": EdmundsonSummarizer,
}
