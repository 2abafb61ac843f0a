"""Who may see what: the access list (e-mail → role and units) and the append-only audit log,
both in the store's database. Default deny: an address not on the list has no role."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import sqlalchemy as sa

from store.database import engine_for, writing
from store.tables import access_entry, audit

OWNER, UNIT, VIEWER = "owner", "unit", "viewer"
ROLES = (OWNER, UNIT, VIEWER)
# what the audit log records
SIGN_IN, PUBLISH, RESTORE, ACCESS_CHANGE, NAMED_EXPORT = (
    "sign_in", "publish", "restore", "access_change", "named_export")
DENIED = "denied"  # the audit detail of a sign-in that the access list refuses


@dataclass(frozen=True)
class Grant:
    email: str
    role: str
    units: tuple[str, ...]  # a unit user's units (and the units below them); empty otherwise


def email_key(email: str) -> str:
    """Addresses compare without case or surrounding space."""
    return email.strip().lower()


class AccessStore:
    def __init__(self, target: str | Path | None = None):
        self.engine = engine_for(target)

    def grant(self, email: str, role: str, units: tuple[str, ...] = (), *, by: str) -> Grant:
        """Put `email` on the list with `role` (replacing an earlier entry); audited."""
        if role not in ROLES:
            raise ValueError(role)
        if role == UNIT and not units:
            raise ValueError("a unit role needs units")
        chosen = Grant(email_key(email), role, tuple(units) if role == UNIT else ())
        with writing(self.engine) as connection:
            connection.execute(access_entry.delete().where(access_entry.c.email == chosen.email))
            connection.execute(access_entry.insert().values(
                email=chosen.email, role=chosen.role, units=json.dumps(list(chosen.units)),
                granted_by=by, granted_at=dt.datetime.now(dt.UTC)))
            audit_row(connection, by, ACCESS_CHANGE, f"{chosen.email}: {chosen.role}",
                      chosen.units)
        return chosen

    def revoke(self, email: str, *, by: str) -> None:
        with writing(self.engine) as connection:
            connection.execute(access_entry.delete().where(
                access_entry.c.email == email_key(email)))
            audit_row(connection, by, ACCESS_CHANGE, f"{email_key(email)}: –")

    def grant_of(self, email: str) -> Grant | None:
        with self.engine.connect() as connection:
            row = connection.execute(sa.select(access_entry).where(
                access_entry.c.email == email_key(email))).one_or_none()
        return None if row is None else Grant(row.email, row.role, tuple(json.loads(row.units)))

    def grants(self) -> list[Grant]:
        with self.engine.connect() as connection:
            rows = connection.execute(sa.select(access_entry).order_by(access_entry.c.email))
            return [Grant(row.email, row.role, tuple(json.loads(row.units))) for row in rows]

    def record(self, actor: str, action: str, detail: str = "",
               units: tuple[str, ...] = ()) -> None:
        """One audit row, in its own transaction."""
        with writing(self.engine) as connection:
            audit_row(connection, actor, action, detail, units)

    def record_sign_in(self, email: str, detail: str, units: tuple[str, ...],
                       token_issued: dt.datetime | None) -> bool:
        """One audit row per sign-in, not per browser session: a reload opens a new session
        on the same identity token, and a row written after the token was issued is this
        sign-in's already. False when it was."""
        with writing(self.engine) as connection:
            if token_issued is not None and connection.execute(
                    sa.select(audit.c.id).where(
                        audit.c.actor == email_key(email), audit.c.action == SIGN_IN,
                        audit.c.at >= token_issued.astimezone(dt.UTC)).limit(1)).first():
                return False
            audit_row(connection, email_key(email), SIGN_IN, detail, units)
        return True

    def audit_log(self) -> pd.DataFrame:
        """The whole log, oldest first: at, actor, action, detail, units."""
        with self.engine.connect() as connection:
            rows = connection.execute(sa.select(audit.c.at, audit.c.actor, audit.c.action,
                                                audit.c.detail, audit.c.units)
                                      .order_by(audit.c.id)).all()
        return pd.DataFrame(rows, columns=["at", "actor", "action", "detail", "units"])


def audit_row(connection: sa.Connection, actor: str, action: str, detail: str = "",
              units: tuple[str, ...] = ()) -> None:
    """An audit row inside the caller's transaction: the change and its record land together."""
    connection.execute(audit.insert().values(at=dt.datetime.now(dt.UTC), actor=actor,
                                             action=action, detail=detail,
                                             units=", ".join(units)))
