"""Sign-in and what it opens: with `[auth]` configured, `st.login` (OpenID Connect) is
required and the access list decides; anyone signed in but not on it sees one message and
nothing else (default deny). Downloads that hold names are written to the audit log."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import streamlit as st

import state
from components.text import plain
from i18n import label_set, t
from store.access import DENIED, NAMED_EXPORT, AccessStore, Grant

SIGNED_IN_KEY = "sign_in_recorded"  # the e-mail whose sign-in this session has logged


def require_sign_in(lang: str) -> Grant:
    """This session's grant; without one the run stops at a sign-in button or the refusal."""
    if not state.sign_in_required():
        return state.OPEN
    if not st.user.is_logged_in:
        st.title(t("app.title", lang))
        st.markdown(t("auth.please", lang))
        if st.button(t("auth.sign_in", lang), type="primary", icon=":material/login:",
                     key="sign_in"):
            st.login()
        st.stop()
    email = state.current_user()
    grant = state.refresh_grant()
    _record_sign_in(email, grant)
    if grant is None:
        st.title(t("app.title", lang))
        st.error(t("auth.denied", lang, email=plain(email)), icon=":material/block:")
        st.button(t("auth.sign_out", lang), on_click=st.logout, key="sign_out_denied")
        st.stop()
    return grant


def _record_sign_in(email: str, grant: Grant | None) -> None:
    """One audit row per sign-in, refused or not; looked for once per browser session."""
    if st.session_state.get(SIGNED_IN_KEY) == email:
        return
    detail, units = (DENIED, ()) if grant is None else (grant.role, grant.units)
    issued = st.user.get("iat")  # the identity token's time: the same for a page reload
    AccessStore().record_sign_in(
        email, detail, units,
        dt.datetime.fromtimestamp(int(issued), dt.UTC) if issued else None)
    st.session_state[SIGNED_IN_KEY] = email


def signed_in_line(grant: Grant, lang: str) -> None:
    """Who is signed in, with which role, and the way out: in the sidebar of every page."""
    role = label_set("role", lang)[grant.role]
    st.caption(t("auth.signed_in", lang, email=plain(grant.email), role=role))
    st.button(t("auth.sign_out", lang), on_click=st.logout, icon=":material/logout:",
              key="sign_out")


def audited(file_name: str) -> Callable[[], None] | str:
    """A download button's `on_click` for a file that holds names: with sign-in, the click
    writes who took which file for which units to the audit log; without it, the page says
    that anyone may take everything, and the click does not rerun the page."""
    if not state.sign_in_required():
        return "ignore"
    grant = state.grant()
    units = () if grant is None else grant.units

    def record() -> None:
        AccessStore().record(state.current_user(), NAMED_EXPORT, file_name, units)

    return record
