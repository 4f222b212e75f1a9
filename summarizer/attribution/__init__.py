"""Who claims what: attributed statements of an article, grouped per speaker.

``extract_claims`` reads a spaCy parse of the whole article text (the caller loads
the pipeline and parses; nothing is loaded here), ``group_claims`` merges a
speaker's claims for display and ``display_claim`` shortens one claim for a brief.
"""

from summarizer.attribution.extract import extract_claims
from summarizer.attribution.grouping import group_claims
from summarizer.display import display_claim

__all__ = ["display_claim", "extract_claims", "group_claims"]
