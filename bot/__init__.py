"""newsbrief's chat side: the platform-neutral briefing service, adapters, scheduler, storage, CLI."""
