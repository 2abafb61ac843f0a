"""Data: upload files, see how each was read, map unknown columns by hand, then use them."""

from dataclasses import replace

import streamlit as st

import state
from components import upload_flow
from components.sidebar import page_lang
from components.signin import audited
from components.text import plain
from exports.csv_export import to_safe_csv
from i18n import COLUMN_CHOICE_NONE, kind_label, label_set, t
from loaders import InputError
from loaders.inspect import mappable_columns
from loaders.schema import KINDS
from wording.publications import history_rows
from wording.validation import problem_text, with_messages

PUBLISHED_KEY = "data_published_note"  # the note shown after the rerun that publishing makes

UPLOAD_KEY = "data_page_upload"

lang = page_lang()
if not state.shows_every_name():  # not offered in the navigation either
    st.error(t("auth.owner_only", lang), icon=":material/block:")
    st.stop()
COLUMN_LABELS = label_set("column", lang)
ISSUE_LABELS = label_set("issue", lang)
SEVERITY_LABELS = label_set("severity", lang)


def _column_label(column: str) -> str:
    return t("data.not_used", lang) if column == COLUMN_CHOICE_NONE else COLUMN_LABELS.get(
        column, column)


st.title(t("data.title", lang))
dataset, results = state.current()
if state.is_sample():
    st.info(t("data.sample", lang), icon=":material/science:")

st.subheader(t("data.upload", lang))
st.caption(t("data.upload_help", lang))
uploads = st.file_uploader(t("data.files", lang), type=state.UPLOAD_TYPES,
                           accept_multiple_files=True, key=UPLOAD_KEY)
files = [(upload.name, upload.getvalue()) for upload in uploads or []]
from_sidebar = not files and bool(upload_flow.pending())
if from_sidebar:
    # the sidebar's upload waits here for a column the loaders did not recognise
    files = list(upload_flow.pending())
    st.info(t("upload.pending", lang), icon=":material/table_edit:")
    for link in upload_flow.waiting_links():
        st.warning(upload_flow.link_message(link, lang), icon=":material/table_edit:")
    st.button(t("upload.dismiss", lang), on_click=upload_flow.dismiss, key="dismiss_pending")

chosen_files: list[tuple[str, str, bytes]] = []
chosen_mappings: list[tuple[str, str, str]] = []
left_out: list[InputError] = []
for number, (name, data) in enumerate(files):
    guessed = state.inspect(name, data)
    with st.container(border=True):
        st.markdown(f"**{plain(name)}**")
        kind = st.selectbox(t("data.kind", lang), KINDS, key=f"kind_{number}_{name}",
                            index=KINDS.index(guessed.kind) if guessed.kind else None,
                            format_func=lambda k: kind_label(k, lang),
                            placeholder=t("data.choose_kind", lang))
        if kind is None:
            st.error(plain(problem_text(guessed.error, lang)), icon=":material/error:")
            left_out.append(guessed.error)
            continue
        manual = {}
        # the guess already read the file as its kind: parsed again only for another kind
        report = guessed if kind == guessed.kind else state.inspect(name, data, kind)
        for raw, canonical in report.mapping.items():
            if canonical is None:
                picked = st.selectbox(
                    t("data.unrecognised", lang, raw=raw),
                    [COLUMN_CHOICE_NONE, *mappable_columns(kind)], format_func=_column_label,
                    key=f"map_{number}_{name}_{raw}")
                if picked != COLUMN_CHOICE_NONE:
                    manual[raw] = picked
        if manual:
            report = state.inspect(name, data, kind, tuple(manual.items()))
        if report.error:
            st.error(plain(problem_text(report.error, lang)), icon=":material/error:")
            left_out.append(report.error)
            continue
        where = t("data.sheet", lang, sheet=report.sheet) if report.sheet else ""
        st.write(t("data.reading", lang, where=where, row=report.header_row, rows=report.rows))
        st.dataframe(
            [{t("data.raw", lang): raw, t("data.read_as", lang): _column_label(c) if c else "–"}
             for raw, c in report.mapping.items()], hide_index=True)
        with st.expander(t("data.preview", lang)):
            st.dataframe(report.preview)
        chosen_files.append((kind, name, data))
        chosen_mappings += [(kind, raw, canonical) for raw, canonical in manual.items()]

if files and st.button(t("data.use", lang), type="primary", key="use_uploads"):
    outcome = state.use_files(tuple(chosen_files), tuple(chosen_mappings))
    upload_flow.remember(replace(outcome, refused=(*left_out, *outcome.refused)), files)
    st.rerun()
if files:
    upload_flow.show_outcome(lang, link_to_data_page=False, links=not from_sidebar)
if state.is_preview() and st.button(t("data.back", lang), key="close_preview"):
    state.close_preview()
    st.rerun()

st.subheader(t("data.snapshot", lang))
st.caption(t("data.snapshot_help", lang))
label = st.text_input(t("data.label", lang), key="snapshot_label")
if st.button(t("data.save", lang), key="save_snapshot"):
    source = ", ".join(table.file for table in dataset.tables)
    saved = state.snapshot_store().save(results, label=label.strip(), source=source,
                                        series=state.snapshot_series())
    date = f"{results.as_of:%d.%m.%Y}"
    if saved.replaced is None:
        st.success(t("data.saved", lang, date=date), icon=":material/check_circle:")
    else:
        st.info(t("data.replaced", lang, date=date), icon=":material/info:")

st.subheader(t("data.read_now", lang))
st.dataframe(
    [{t("about.file", lang): table.file, t("data.type", lang): kind_label(table.kind, lang),
      t("about.sheet", lang): table.sheet or "–",
      t("about.header_row", lang): table.header_row, t("about.rows", lang): table.rows}
     for table in dataset.tables],
    hide_index=True)

st.subheader(t("data.report", lang))
issues = with_messages(results.issues, lang)
if issues.empty:
    st.success(t("data.no_issues", lang), icon=":material/check_circle:")
else:
    left, right = st.columns(2)
    # Streamlit's own "Select all" and "Choose options" are English: off, and our words.
    severities = left.multiselect(ISSUE_LABELS["severity"], ["error", "warning"],
                                  default=["error", "warning"], select_all=False,
                                  placeholder=t("data.any_severity", lang),
                                  format_func=SEVERITY_LABELS.get, key="issue_severity")
    files = right.multiselect(ISSUE_LABELS["file"], sorted(issues["file"].unique()),
                              select_all=False, placeholder=t("data.all_files", lang),
                              key="issue_files")
    shown = issues[issues["severity"].isin(severities)]
    if files:
        shown = shown[shown["file"].isin(files)]
    st.caption(t("data.shown", lang, shown=len(shown), total=len(issues)))
    table = shown.rename(columns=ISSUE_LABELS).assign(
        **{ISSUE_LABELS["severity"]: shown["severity"].map(SEVERITY_LABELS)})
    st.dataframe(table, hide_index=True, width="stretch", height=min(36 * len(table) + 40, 600),
                 column_config={ISSUE_LABELS["message"]: st.column_config.TextColumn(
                     width=900), ISSUE_LABELS["file"]: st.column_config.TextColumn(width=160)})
    report_file = t("data.report_file", lang)
    st.download_button(t("data.download", lang), to_safe_csv(table), file_name=report_file,
                       mime="text/csv", on_click=audited(report_file), key="download_issues")

st.subheader(t("data.publications", lang))
if state.is_preview():
    st.caption(t("data.publish_help", lang))
    if st.button(t("data.publish_button", lang), type="primary", icon=":material/publish:",
                 key="publish"):
        published = state.publish_preview(by=state.current_user())
        st.session_state[PUBLISHED_KEY] = t("data.published", lang, id=published)
        st.rerun()
if PUBLISHED_KEY in st.session_state:
    st.success(st.session_state.pop(PUBLISHED_KEY), icon=":material/check_circle:")
store = state.publication_store()
history = store.history()
if not history:
    st.caption(t("data.no_publications", lang))
else:
    st.caption(t("data.publications_help", lang, count=store.retention))
    st.dataframe(history_rows(history, store.file_names(), lang), hide_index=True)
    earlier = [publication.id for publication in history[1:]]
    if earlier:
        left, right = st.columns([3, 1], vertical_alignment="bottom")
        chosen = left.selectbox(t("data.restore_choice", lang), earlier, key="restore_choice",
                                format_func=lambda number: f"{t('data.pub.id', lang)} {number}")
        if right.button(t("data.restore", lang), icon=":material/history:", key="restore"):
            restored = state.restore_publication(chosen, by=state.current_user())
            st.session_state[PUBLISHED_KEY] = t("data.restored", lang, old=chosen, id=restored)
            st.rerun()
