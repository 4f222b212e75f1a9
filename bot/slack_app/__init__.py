"""The Slack adapter: Slack events in, the briefing service's replies out as Block Kit.

``newsbrief run`` registers it (bot/adapters.py) through the three functions here;
slack_bolt is imported only when Slack is configured, so a console run does not load it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.slack_app.settings import add_arguments, is_configured, slack_settings

if TYPE_CHECKING:
    from bot.adapters import AdapterContext, ChatAdapter

__all__ = ["add_arguments", "create", "is_configured"]


def create(context: AdapterContext) -> ChatAdapter:
    from bot.slack_app.adapter import SlackAdapter

    settings = slack_settings(context.runtime.settings, context.args, context.environ)
    return SlackAdapter(context.service.handle, settings)
