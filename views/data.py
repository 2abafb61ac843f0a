"""Data: upload files, see how each was read, map unknown columns by hand, then use them."""

import streamlit as st

import state
from exports.csv_export import to_safe_csv
from labels import COLUMN_CHOICE_NONE, ISSUE_LABELS, SEVERITY_LABELS
from loaders.inspect import inspect_upload, mappable_columns
from loaders.schema import COLUMN_LABELS, KIND_LABELS, KINDS

UPLOAD_KEY = "data_page_upload"
MESSAGES_KEY = "data_page_messages"

st.title("Data")
dataset, results = state.current()
if state.is_sample():
    st.info("Viser eksempeldata (fiktive personer). Last opp egne filer under.",
            icon=":material/science:")

st.subheader("Last opp")
st.caption("Ansattliste og kursdata må være med; rådgiverliste, kompetansekrav og enhetsliste "
           "er valgfrie. Excel (.xlsx, .xlsm, .xls, .ods) eller CSV. Filtypen gjenkjennes fra "
           "kolonneoverskriftene.")
uploads = st.file_uploader("Filer", type=["xlsx", "xlsm", "xls", "ods", "csv"],
                           accept_multiple_files=True, key=UPLOAD_KEY)

chosen_files: list[tuple[str, str, bytes]] = []
chosen_mappings: list[tuple[str, str, str]] = []
for number, upload in enumerate(uploads or []):
    data = upload.getvalue()
    guessed = inspect_upload(upload.name, data)
    with st.container(border=True):
        st.markdown(f"**{upload.name}**")
        kind = st.selectbox("Filtype", KINDS, key=f"kind_{number}_{upload.name}",
                            index=KINDS.index(guessed.kind) if guessed.kind else None,
                            format_func=lambda k: KIND_LABELS[k], placeholder="Velg filtype")
        if kind is None:
            st.error(guessed.error, icon=":material/error:")
            continue
        manual = {}
        report = inspect_upload(upload.name, data, kind)
        for raw, canonical in report.mapping.items():
            if canonical is None:
                picked = st.selectbox(
                    f"Kolonnen «{raw}» ble ikke gjenkjent; bruk den som",
                    [COLUMN_CHOICE_NONE, *mappable_columns(kind)],
                    format_func=lambda c: COLUMN_LABELS.get(c, c),
                    key=f"map_{number}_{upload.name}_{raw}")
                if picked != COLUMN_CHOICE_NONE:
                    manual[raw] = picked
        if manual:
            report = inspect_upload(upload.name, data, kind, manual)
        if report.error:
            st.error(report.error, icon=":material/error:")
            continue
        where = f"arket «{report.sheet}», " if report.sheet else ""
        st.write(f"Leser {where}overskrift i rad {report.header_row}, {report.rows} datarader.")
        st.dataframe(
            [{"Kolonne i filen": raw, "Tolket som": COLUMN_LABELS.get(c, c) if c else "–"}
             for raw, c in report.mapping.items()], hide_index=True)
        with st.expander("Forhåndsvisning (de første radene)"):
            st.dataframe(report.preview)
        chosen_files.append((kind, upload.name, data))
        chosen_mappings += [(kind, raw, canonical) for raw, canonical in manual.items()]

if uploads:
    if st.button("Bruk disse dataene", type="primary", key="use_uploads"):
        st.session_state[MESSAGES_KEY] = state.use_files(tuple(chosen_files),
                                                         tuple(chosen_mappings))
        st.rerun()
for message in st.session_state.get(MESSAGES_KEY, []):
    st.error(message, icon=":material/error:")
if not state.is_sample() and st.button("Tilbake til eksempeldata", key="use_sample"):
    state.use_sample()
    st.rerun()

st.subheader("Lagre et øyeblikksbilde")
st.caption("Lagrer tallene per enhet (ingen navn) slik at utviklingen kan følges over tid og "
           "sammenlignes med forrige møte.")
label = st.text_input("Merkelapp (f.eks. «Direktørmøtet november»)", key="snapshot_label")
if st.button("Lagre øyeblikksbilde", key="save_snapshot"):
    source = ", ".join(t.file for t in dataset.tables)
    state.snapshot_store().save(results, label=label.strip(), source=source)
    st.success(f"Lagret øyeblikksbilde per {results.as_of:%d.%m.%Y}.",
               icon=":material/check_circle:")

st.subheader("Dette er lest inn nå")
st.dataframe(
    [{"Fil": t.file, "Type": KIND_LABELS[t.kind], "Ark": t.sheet or "–",
      "Overskriftsrad": t.header_row, "Rader": t.rows} for t in dataset.tables],
    hide_index=True)

st.subheader("Valideringsrapport")
issues = dataset.issues
if issues.empty:
    st.success("Ingen problemer funnet i filene.", icon=":material/check_circle:")
else:
    left, right = st.columns(2)
    severities = left.multiselect("Alvorlighet", ["error", "warning"], default=["error", "warning"],
                                  format_func=SEVERITY_LABELS.get, key="issue_severity")
    files = right.multiselect("Fil", sorted(issues["file"].unique()), key="issue_files")
    shown = issues[issues["severity"].isin(severities)]
    if files:
        shown = shown[shown["file"].isin(files)]
    st.caption(f"{len(shown)} av {len(issues)} merknader vises.")
    table = shown.rename(columns=ISSUE_LABELS).assign(
        **{ISSUE_LABELS["severity"]: shown["severity"].map(SEVERITY_LABELS)})
    st.dataframe(table, hide_index=True, width="stretch")
    st.download_button("Last ned valideringsrapporten (CSV)", to_safe_csv(table),
                       file_name="valideringsrapport.csv", mime="text/csv",
                       key="download_issues")
