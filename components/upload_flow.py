"""One upload path for the whole app: the sidebar and the Data page hand files to the same flow,
which says which file is shown, which was refused and why, and sends files whose column must
be chosen by hand to the Data page's column mapping before anything is used."""

from __future__ import annotations

import streamlit as st

import state
from components.text import say
from components.url_state import open_view
from i18n import label_set, t
from wording.validation import problem_text

OUTCOME_KEY = "upload_outcome"
PENDING_KEY = "upload_pending"  # (name, bytes) waiting on the Data page for a column choice
TO_MAPPING_KEY = "upload_to_mapping"  # the next run opens the Data page's column mapping
DATA_PAGE = "views/data.py"


def remember(outcome: state.UploadOutcome, uploads: list[tuple[str, bytes]]) -> None:
    """Keep the outcome for the status; files that wait for a column stay for the Data page."""
    st.session_state[OUTCOME_KEY] = outcome
    if outcome.links:
        st.session_state[PENDING_KEY] = tuple(uploads)
        st.session_state[TO_MAPPING_KEY] = True
    elif outcome.used:
        st.session_state.pop(PENDING_KEY, None)


def take_to_mapping() -> None:
    """After the navigation is defined: an upload waiting for a column opens the Data page."""
    if st.session_state.pop(TO_MAPPING_KEY, False):
        open_view(DATA_PAGE)


def forget() -> None:
    """The files are gone from the uploader: so is what was said about them, unless they wait
    on the Data page for a column (they stay there until used or dismissed)."""
    if not waiting_links():
        st.session_state.pop(OUTCOME_KEY, None)


def dismiss() -> None:
    """Drop the files waiting for a column, and what was said about them."""
    for key in (PENDING_KEY, OUTCOME_KEY):
        st.session_state.pop(key, None)


def pending() -> tuple[tuple[str, bytes], ...]:
    return st.session_state.get(PENDING_KEY, ())


def waiting_links() -> tuple:
    outcome = st.session_state.get(OUTCOME_KEY)
    return outcome.links if outcome else ()


def link_message(link, lang: str) -> str:
    columns = label_set("column", lang)
    return say("upload.missing_link", lang, file=link.file, column=columns[link.column],
             used_by=link.used_by)


def show_outcome(lang: str, *, link_to_data_page: bool, links: bool = True) -> None:
    """What the last upload left out and why, or the column it waits for; which files are
    shown is said once, at the top of the sidebar."""
    outcome: state.UploadOutcome | None = st.session_state.get(OUTCOME_KEY)
    if outcome is None:
        return
    for link in outcome.links if links else ():
        st.warning(link_message(link, lang), icon=":material/table_edit:")
    if outcome.links and link_to_data_page:
        st.page_link(DATA_PAGE, label=t("upload.to_mapping", lang), icon=":material/arrow_forward:")
    for problem in outcome.refused:
        (st.warning if outcome.used else st.error)(
            say("upload.refused", lang, message=problem_text(problem, lang)),
            icon=":material/error:")
    if not outcome.used:
        st.caption(t("upload.kept", lang))
