"""Scheduled digests: per-channel schedules, RSS/Atom feeds, stories grouped across sources.

Layers, each a small module:

* ``schedule``: ``/digest ...`` commands parsed into frozen dataclasses; run times (DST-safe).
* ``feeds``: ``/feed ...`` commands and conditional-GET polling with backoff.
* ``stories``: candidates (shares + feed items) grouped into ranked stories.
* ``render``: a digest as plain text, and a neutral splitter for message limits.
* ``store``: the digest tables, one module each: ``channel_store``, ``feed_store``,
  ``run_store``, ``lease_store``; ``runner``: the APScheduler jobs, the lease and run records.
"""
