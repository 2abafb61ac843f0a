"""The access list and the audit log in words: roles, actions and times in the users' zone."""

from __future__ import annotations

import pandas as pd

from i18n import label_set, t
from store.access import ACCESS_CHANGE, DENIED, SIGN_IN, Grant
from wording.publications import LOCAL_ZONE


def grant_rows(grants: list[Grant], unit_names: dict[str, str],
               lang: str) -> list[dict[str, str]]:
    roles = label_set("role", lang)
    return [{t("access.email", lang): grant.email, t("access.role", lang): roles[grant.role],
             t("access.units", lang): ", ".join(unit_names.get(u, u) for u in grant.units)
             or t("access.every_unit", lang)}
            for grant in grants]


def _detail(action: str, detail: str, lang: str) -> str:
    """A sign-in's role and an access change's new role in words (the log keeps the ids)."""
    roles = {**label_set("role", lang), DENIED: t("access.denied", lang), "–": "–"}
    if action == SIGN_IN:
        return roles.get(detail, detail)
    if action == ACCESS_CHANGE:
        email, _, role = detail.rpartition(": ")
        return f"{email}: {roles.get(role, role)}" if email else detail
    return detail


def audit_rows(log: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The log newest first, with its times local and its actions worded."""
    actions = label_set("audit_action", lang)
    times = pd.to_datetime(log["at"], utc=True).dt.tz_convert(LOCAL_ZONE)
    return pd.DataFrame({
        t("access.col.at", lang): times.dt.strftime("%d.%m.%Y %H.%M.%S"),
        t("access.col.actor", lang): log["actor"].where(log["actor"].ne(""),
                                                       t("publication.nobody", lang)),
        t("access.col.action", lang): log["action"].map(lambda a: actions.get(a, a)),
        t("access.col.detail", lang): [_detail(action, detail, lang) for action, detail
                                       in zip(log["action"], log["detail"], strict=True)],
        t("access.col.units", lang): log["units"],
    }).iloc[::-1].reset_index(drop=True)
