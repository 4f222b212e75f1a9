"""Which share answers for a link in a channel, decided by the database itself.

Several bot processes may share one database (replicas, or a restart overlapping the
old process), so "was this link briefed here lately?" cannot be a read followed by a
write. Instead each new share tries to become the *holder* of its link's claim row
(platform, channel, article key):

1. insert the claim row; of two inserts at once the primary key lets exactly one in;
2. if there is a holder that still counts (briefed within the dedupe window, or being
   briefed and started recently), it keeps the claim: the new share is a repeat;
3. otherwise (the holder failed, is old, or was cut off by a crash) move the claim to
   the new share, only if the holder is still the one read (compare-and-set): of two
   processes replacing the same holder only one succeeds, the other sees the winner.

Each step is one statement in its own transaction, so no lock is held between steps and
the outcome does not depend on the isolation level (SQLite and PostgreSQL alike).
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError

from bot.errors import StorageError
from bot.records import DedupeWindow, Share
from bot.storage.rows import share_from_row
from bot.storage.tables import share_claims, shares

#: Each failed attempt means another process changed the claim in between; the winner
#: of that change then holds a fresh claim, so a second attempt almost always settles.
CLAIM_ATTEMPTS = 5


def claim(engine: Engine, share: Share, window: DedupeWindow | None) -> Share | None:
    """Make ``share`` the holder of its link's claim in its channel, unless a holder that
    ``window`` covers has it: then return that holder. Without a window the share takes
    the claim from any holder (it is briefed anyway; later repeats point at it)."""
    for _attempt in range(CLAIM_ATTEMPTS):
        if _insert(engine, share):
            return None
        holder = _holder(engine, share)
        if holder is None:
            continue  # the holder was deleted in between: the claim is free again
        if window is not None and window.covers(holder):
            return holder
        if _replace(engine, share, holder.id):
            return None
    raise StorageError(f"could not record the share of {share.source}: too much contention")


def _insert(engine: Engine, share: Share) -> bool:
    try:
        with engine.begin() as connection:
            connection.execute(
                share_claims.insert().values({**_identity(share), "share_id": share.id})
            )
    except IntegrityError:
        return False
    return True


def _holder(engine: Engine, share: Share) -> Share | None:
    query = (
        shares.select()
        .join_from(shares, share_claims, shares.c.id == share_claims.c.share_id)
        .where(*_matches(share))
    )
    with engine.connect() as connection:
        row = connection.execute(query).first()
    return share_from_row(row._mapping) if row else None


def _replace(engine: Engine, share: Share, holder_id: int) -> bool:
    """Move the claim to ``share`` if ``holder_id`` still holds it."""
    update = (
        share_claims.update()
        .where(*_matches(share), share_claims.c.share_id == holder_id)
        .values(share_id=share.id)
    )
    with engine.begin() as connection:
        return connection.execute(update).rowcount == 1


def _identity(share: Share) -> dict[str, str]:
    return {"platform": share.platform, "channel": share.channel, "article_key": share.key}


def _matches(share: Share) -> list[sa.ColumnElement[bool]]:
    return [share_claims.c[name] == value for name, value in _identity(share).items()]
