"""Hva om: appoint advisors and complete courses in one unit, and see compliance recomputed."""

import streamlit as st

import state
from analysis import build_results
from analysis.results import GAP_KINDS
from analysis.whatif import (
    FIGURES,
    Appointment,
    Completion,
    apply_changes,
    compare,
    unit_staff_choices,
)
from components.sidebar import page_lang
from components.url_state import UNIT_PARAM, follow_url, write_url
from i18n import gap_kind_label, kpi_label, process_label, t
from loaders.schema import EMPLOYEE_ID, NAME, PROCESS, UNIT_ID, UNIT_NAME
from wording.gaps import with_messages

lang = page_lang()
dataset, results = state.current()
st.title(t("whatif.title", lang))
if state.is_sample():
    st.info(t("sample", lang), icon=":material/science:")
st.caption(t("whatif.intro", lang))

summary = results.unit_summary
seen = state.session_scope(results.units)
if not seen.everything:  # the people of other units are in the figures, not in the lists
    summary = summary[summary[UNIT_ID].map(seen.names)]
    st.caption(t("auth.your_units", lang))
unit_labels = {u: n if n == u else f"{n} ({u})"
               for u, n in zip(summary[UNIT_ID], summary[UNIT_NAME], strict=True)}
options = sorted(unit_labels, key=unit_labels.get)
not_compliant = set(summary.loc[~summary["compliant"], UNIT_ID])
failing = [u for u in options if u in not_compliant]
if not options:  # no unit whose people this user may see
    st.info(t("auth.your_units", lang), icon=":material/visibility_off:")
    st.stop()
follow_url(UNIT_PARAM, "whatif_unit", lambda u: u if u in unit_labels else None,
           (failing or options)[0])
if st.session_state["whatif_unit"] not in unit_labels:
    st.session_state["whatif_unit"] = (failing or options)[0]
unit = st.selectbox(t("unit", lang), options, format_func=unit_labels.get, key="whatif_unit")
write_url(UNIT_PARAM, "whatif_unit", unit)


def gap_table(gaps, of) -> None:
    """The unit's gaps as plain text (messages carry names from the files); `of`: the
    results the gaps come from."""
    worded = with_messages(gaps, of, lang)
    st.dataframe(worded.assign(kind=worded["kind"].map(lambda k: gap_kind_label(k, lang)))[
        ["kind", "message"]], hide_index=True, width="stretch",
        column_config={"kind": t("whatif.kind", lang), "message": t("whatif.message", lang)})


def change(difference: int) -> str | None:
    """A metric's delta; none when nothing changed, so no arrow suggests a change."""
    return f"{difference:+d}" if difference else None


choices = unit_staff_choices(dataset, results, unit)
person = dict(zip(choices[EMPLOYEE_ID], choices[NAME], strict=True))
lacking = dict(zip(choices[EMPLOYEE_ID], choices["lacking"], strict=True))


def with_lacks(employee_id: str) -> str:
    missing = lacking[employee_id]
    note = (t("whatif.lacks", lang, ids=", ".join(missing)) if missing
            else t("whatif.has_all", lang))
    return f"{person[employee_id]} ({employee_id}) – {note}"


appoint_column, complete_column = st.columns(2)
appointments = []
with appoint_column:
    st.subheader(t("whatif.appoint", lang))
    advisors = results.advisors[results.advisors[UNIT_ID] == unit]
    for process in results.config.processes:
        current = set(advisors.loc[advisors[PROCESS] == process, EMPLOYEE_ID])
        chosen = st.multiselect(
            t("whatif.new_advisor", lang, process=process_label(process, lang)),
            [p for p in choices[EMPLOYEE_ID] if p not in current], format_func=with_lacks,
            help=t("whatif.appoint_help", lang), placeholder=t("whatif.people", lang),
            # an appointment is a decision about one person: no "Select all" (in English)
            select_all=False, key=f"whatif_{unit}_appoint_{process}")
        appointments += [Appointment(unit, employee_id, process) for employee_id in chosen]

completions = []
with complete_column:
    st.subheader(t("whatif.complete", lang, date=f"{results.as_of:%d.%m.%Y}"))
    requirements = {r.id: r for r in reversed(results.config.requirements)}  # first per id
    for rid in dict.fromkeys(r.id for r in results.config.requirements):
        chosen = st.multiselect(
            t("whatif.complete_for", lang, requirement=f"{rid} {requirements[rid].name}"),
            [p for p in choices[EMPLOYEE_ID] if rid in lacking[p]],
            format_func=lambda p: f"{person[p]} ({p})", help=t("whatif.complete_help", lang),
            placeholder=t("whatif.people", lang), select_all=False,
            key=f"whatif_{unit}_complete_{rid}")
        completions += [Completion(employee_id, requirements[rid]) for employee_id in chosen]

gaps_now = results.gaps[results.gaps[UNIT_ID] == unit]
if not appointments and not completions:
    st.info(t("whatif.choose", lang), icon=":material/touch_app:")
    st.subheader(t("whatif.now", lang))
    if gaps_now.empty:
        st.success(t("whatif.no_gaps", lang))
    else:
        gap_table(gaps_now, results)
    st.stop()

after = build_results(apply_changes(dataset, appointments, completions, results.as_of),
                      results.config, results.as_of)
table = compare(results, after, unit)
st.subheader(t("whatif.result", lang))
yes_no = {True: t("whatif.yes", lang), False: t("whatif.no", lang)}
before_ok, after_ok = (bool(frame.loc[frame[UNIT_ID] == unit, "compliant"].iloc[0])
                       for frame in (summary, after.unit_summary))
first, second, third = st.columns(3)
first.metric(t("whatif.unit_compliant", lang), f"{yes_no[before_ok]} → {yes_no[after_ok]}")
org_before, org_after = table.set_index("figure").loc[
    "compliant_units", ["organisation_before", "organisation_after"]]
second.metric(t("whatif.org_compliant", lang), f"{org_before} → {org_after}",
              change(org_after - org_before), delta_color="normal")
gaps_after = after.gaps[after.gaps[UNIT_ID] == unit]
third.metric(t("whatif.unit_gaps", lang), f"{len(gaps_now)} → {len(gaps_after)}",
             change(len(gaps_after) - len(gaps_now)), delta_color="inverse")

figure_labels = {figure: gap_kind_label(figure, lang) if figure in GAP_KINDS
                 else kpi_label(figure, lang) for figure in FIGURES}
st.dataframe(
    table.assign(figure=table["figure"].map(figure_labels)), hide_index=True, width="stretch",
    column_config={"figure": t("whatif.figure", lang),
                   "unit_before": t("whatif.unit_before", lang),
                   "unit_after": t("whatif.unit_after", lang),
                   "organisation_before": t("whatif.org_before", lang),
                   "organisation_after": t("whatif.org_after", lang)})
st.subheader(t("whatif.gaps_after", lang))
if gaps_after.empty:
    st.success(t("whatif.no_gaps", lang))
else:
    gap_table(gaps_after, after)
