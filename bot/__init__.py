"""newsbrief's chat side: the neutral briefing service, adapters, scheduler, storage, CLI."""
