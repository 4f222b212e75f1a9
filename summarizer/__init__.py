"""newsbrief's NLP library: article text in, brief out.

It knows nothing of chat platforms and never imports ``bot``.
"""

from summarizer.errors import SummarizerError
from summarizer.types import Article, Brief, Claim, Sentence, SpeakerClaims

__all__ = ["Article", "Brief", "Claim", "Sentence", "SpeakerClaims", "SummarizerError"]
