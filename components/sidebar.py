"""The sidebar every page shares: which data are shown, upload, and the as-of date."""

from __future__ import annotations

import datetime as dt

import streamlit as st

import state
from components import upload_flow
from components.signin import signed_in_line
from components.text import say
from components.url_state import DATE_PARAM, follow_url, write_url
from i18n import LANG_KEY, LANGUAGE_NAMES, LANGUAGES, NB, resolve_lang, t
from wording.publications import published_line
from wording.validation import problem_text

UPLOAD_KEY = "upload"
APPLIED_KEY = "upload_applied"


def _apply_new_uploads(uploads: list, lang: str) -> None:
    """Try each new set of uploaded files once; failures keep the data shown before. Files
    whose column must be chosen by hand are taken to the Data page's column mapping."""
    signature = tuple((u.name, u.size, u.file_id) for u in uploads)
    if signature == st.session_state.get(APPLIED_KEY):
        return
    st.session_state[APPLIED_KEY] = signature
    if not uploads:
        upload_flow.forget()
        return
    files = [(u.name, u.getvalue()) for u in uploads]
    with st.status(t("sidebar.step.read", lang), expanded=False) as status:
        # a national-size upload takes seconds: name each step while it runs
        outcome = state.try_use_uploads(
            files, on_step=lambda: status.update(label=t("sidebar.step.compute", lang)))
        status.update(label=t(_step_label(outcome), lang),
                      state="error" if not outcome.used else "complete")
    upload_flow.remember(outcome, files)


def _step_label(outcome: state.UploadOutcome) -> str:
    if outcome.links:
        return "sidebar.step.mapping"
    if not outcome.used:
        return "sidebar.step.failed"
    return "sidebar.step.partly" if outcome.refused else "sidebar.step.done"


def _iso_date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def page_lang() -> str:
    """The language chosen in the sidebar; before it has run, the URL's `?lang=`."""
    return resolve_lang(st.session_state.get(LANG_KEY), st.query_params.get(LANG_KEY))


def _language_switch(lang: str) -> None:
    lang = st.segmented_control(t("sidebar.language", lang), LANGUAGES, required=True,
                                format_func=LANGUAGE_NAMES.get, key=LANG_KEY)
    if lang == NB:
        st.query_params.pop(LANG_KEY, None)
    else:
        st.query_params[LANG_KEY] = lang


def remember_lang() -> None:
    if LANG_KEY not in st.session_state:
        st.session_state[LANG_KEY] = resolve_lang(st.query_params.get(LANG_KEY))


def data_sidebar(grant: state.Grant) -> None:
    """`grant`: what the session may see; only those who see every name may upload."""
    remember_lang()
    lang = page_lang()
    with st.sidebar:
        if state.sign_in_required():
            signed_in_line(grant, lang)
        else:  # everyone who reaches the address is told so, on every page
            st.info(t("auth.open", lang), icon=":material/lock_open:")
        st.header(t("sidebar.header", lang))
        status = st.container()
        if grant.role == state.OWNER:
            uploads = st.file_uploader(
                t("sidebar.upload", lang), type=state.UPLOAD_TYPES,
                accept_multiple_files=True, key=UPLOAD_KEY)
            _apply_new_uploads(uploads or [], lang)
            upload_flow.show_outcome(lang, link_to_data_page=True)
        _language_switch(lang)
        # `?dato=ÅÅÅÅ-MM-DD` (a bookmark, back and forward) sets the as-of date; it is
        # written back on every run, so it survives a page switch
        follow_url(DATE_PARAM, state.AS_OF_KEY, _iso_date, dt.date.today())
        chosen = st.date_input(t("sidebar.as_of", lang), key=state.AS_OF_KEY,
                               format="DD.MM.YYYY", max_value=dt.date(2100, 1, 1))
        write_url(DATE_PARAM, state.AS_OF_KEY,
                  None if chosen == dt.date.today() else chosen.isoformat())
    with status:
        unreadable = None if state.is_preview() else state.unreadable_publication()
        if unreadable is not None:
            st.error(say("sidebar.unreadable", lang, problem=problem_text(unreadable, lang)),
                     icon=":material/error:")
        publication = state.shown_publication()
        if state.is_preview():
            names = ", ".join(name for _, name, _ in state.current_files())
            st.warning(say("sidebar.uploaded", lang, names=names), icon=":material/visibility:")
        elif publication is not None:
            st.success(published_line(publication, lang), icon=":material/verified:")
        else:
            st.warning(t("sample_marker", lang), icon=":material/science:")
