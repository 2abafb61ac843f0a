"""Access list and audit log: who may see what (owner, unit, viewer), and every sign-in,
publication, restore, access change and named export, filterable and downloadable."""

import streamlit as st

import state
from components.sidebar import page_lang
from components.signin import audited
from components.text import plain
from exports.csv_export import to_safe_csv
from i18n import label_set, t
from loaders import InputError
from loaders.access_list import read_access_list
from loaders.schema import UNIT_ID, UNIT_NAME
from store.access import ROLES, UNIT, AccessStore, Grant
from wording.access import audit_rows, grant_rows
from wording.validation import problem_text, with_messages

lang = page_lang()
if not state.shows_every_name():  # not offered in the navigation either
    st.error(t("auth.owner_only", lang), icon=":material/block:")
    st.stop()
ROLE_LABELS = label_set("role", lang)
CHANGED_KEY = "access_changed_note"  # the note shown after the rerun a change makes

st.title(t("access.title", lang))
st.caption(t("access.intro", lang))
store = AccessStore()
_, results = state.current()
units = dict(zip(results.units[UNIT_ID], results.units[UNIT_NAME], strict=True))

st.subheader(t("access.list", lang))
if CHANGED_KEY in st.session_state:
    st.success(st.session_state.pop(CHANGED_KEY), icon=":material/check_circle:")
grants = store.grants()
if grants:
    st.dataframe(grant_rows(grants, units, lang), hide_index=True)
else:
    st.caption(t("access.empty", lang))

with st.form("grant", border=True):
    st.markdown(f"**{t('access.give', lang)}**")
    left, middle = st.columns([2, 1])
    email = left.text_input(t("access.email", lang), key="grant_email")
    role = middle.selectbox(t("access.role", lang), ROLES, format_func=ROLE_LABELS.get,
                            key="grant_role")
    chosen_units = st.multiselect(t("access.units", lang), list(units),
                                  format_func=lambda u: f"{units[u]} ({u})",
                                  placeholder=t("access.units_help", lang), key="grant_units")
    if st.form_submit_button(t("access.save", lang), type="primary"):
        if "@" not in email:
            st.error(t("access.bad_email", lang), icon=":material/error:")
        elif role == UNIT and not chosen_units:
            st.error(t("access.needs_units", lang), icon=":material/error:")
        else:
            grant = store.grant(email, role, tuple(chosen_units), by=state.current_user())
            st.session_state[CHANGED_KEY] = t("access.saved", lang, email=grant.email,
                                              role=ROLE_LABELS[grant.role])
            st.rerun()

with st.expander(t("access.from_file", lang), icon=":material/upload_file:"):
    listed = st.file_uploader(t("access.file", lang), type=["xlsx", "xlsm", "xls", "ods", "csv"],
                              key="access_file")
    if listed is not None:
        try:
            rows = read_access_list((listed.name, listed.getvalue()), set(units))
        except InputError as error:
            st.error(plain(problem_text(error, lang)), icon=":material/error:")
        else:
            if not rows.issues.empty:
                st.warning(t("access.file_problems", lang, count=len(rows.issues)),
                           icon=":material/warning:")
                st.dataframe(with_messages(rows.issues, lang)[["row", "column", "message"]],
                             hide_index=True, width="stretch")
            if rows.grants:
                st.dataframe(grant_rows([Grant(*row) for row in rows.grants], units, lang),
                             hide_index=True)
                if st.button(t("access.give_all", lang, count=len(rows.grants)),
                             key="grant_file", type="primary"):
                    for email, role, granted_units in rows.grants:
                        store.grant(email, role, granted_units, by=state.current_user())
                    st.session_state[CHANGED_KEY] = t("access.given_from_file", lang,
                                                      count=len(rows.grants), file=listed.name)
                    st.rerun()

if grants:
    left, right = st.columns([3, 1], vertical_alignment="bottom")
    removed = left.selectbox(t("access.remove_choice", lang), [g.email for g in grants],
                             key="revoke_choice")
    if right.button(t("access.remove", lang), icon=":material/person_remove:", key="revoke"):
        store.revoke(removed, by=state.current_user())
        st.session_state[CHANGED_KEY] = t("access.removed", lang, email=removed)
        st.rerun()

st.subheader(t("access.audit", lang))
log = audit_rows(store.audit_log(), lang)
if log.empty:
    st.caption(t("access.no_audit", lang))
else:
    action_column, actor_column = t("access.col.action", lang), t("access.col.actor", lang)
    left, right = st.columns(2)
    actions = left.multiselect(action_column, sorted(log[action_column].unique()),
                               placeholder=t("access.all_actions", lang), key="audit_actions")
    actor = right.text_input(actor_column, key="audit_actor")
    shown = log[log[action_column].isin(actions)] if actions else log
    if actor.strip():
        shown = shown[shown[actor_column].str.contains(actor.strip(), case=False, regex=False)]
    st.caption(t("access.shown", lang, shown=len(shown), total=len(log)))
    st.dataframe(shown, hide_index=True, width="stretch")
    log_file = t("access.audit_file", lang)
    st.download_button(t("access.download", lang), to_safe_csv(shown), file_name=log_file,
                       mime="text/csv", on_click=audited(log_file), key="download_audit")
