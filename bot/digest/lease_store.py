"""The named lease in ``digest_leases``: which bot process posts digests and polls feeds.

With several processes on one database only the lease's holder runs the digest
jobs. The lease row has an expiry and is taken or renewed by one conditional
UPDATE (atomic on SQLite and PostgreSQL), else a first INSERT, so the guarantee
rests on the database and holds across processes.
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError

from bot.digest.tables import digest_leases


class LeaseQueries:
    """The lease queries of :class:`bot.digest.store.DigestStore`."""

    engine: Engine

    def hold_lease(self, name: str, holder: str, now: datetime, until: datetime) -> bool:
        """Take or renew the lease ``name`` until ``until``; False while another holds it."""
        leases = digest_leases
        renew = (
            leases.update()
            .where(
                leases.c.name == name,
                sa.or_(leases.c.holder == holder, leases.c.expires_at < now),
            )
            .values(holder=holder, expires_at=until)
        )
        try:
            with self.engine.begin() as connection:
                if connection.execute(renew).rowcount:
                    return True
                connection.execute(
                    leases.insert().values(name=name, holder=holder, expires_at=until)
                )
        except IntegrityError:
            return False  # another process holds it (or took it in the same instant)
        return True

    def release_lease(self, name: str, holder: str) -> None:
        leases = digest_leases
        with self.engine.begin() as connection:
            connection.execute(
                leases.delete().where(leases.c.name == name, leases.c.holder == holder)
            )
