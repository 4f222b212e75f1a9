"""The Discord adapter: Discord events in, the briefing service's replies out as embeds."""
