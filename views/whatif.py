"""Hva om: appoint or relieve advisors and complete courses, unit by unit, and see compliance
recomputed for the unit and the whole organisation; a plan opened here starts with all of its
actions chosen."""

import streamlit as st

import state
from analysis import build_results
from analysis.config import requirements_by_id
from analysis.results import GAP_KINDS
from analysis.whatif import (
    APPOINT,
    ENROL,
    FIGURES,
    RELIEVE,
    apply_changes,
    choice_changes,
    compare,
    unit_staff_choices,
)
from components import whatif_choices
from components.sidebar import page_lang
from components.text import person_label, say, unit_label
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
unit_labels = {u: unit_label(n, u)
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


staff_choices = unit_staff_choices(dataset, results, unit)
lacking = dict(zip(staff_choices[EMPLOYEE_ID], staff_choices["lacking"], strict=True))
person = dict(zip(results.staff[EMPLOYEE_ID], results.staff[NAME], strict=True))


def named(employee_id: str) -> str:
    return person_label(person.get(employee_id, ""), employee_id)


def with_lacks(employee_id: str) -> str:
    missing = lacking.get(employee_id, ())
    note = (t("whatif.lacks", lang, ids=", ".join(missing)) if missing
            else t("whatif.has_all", lang))
    return f"{named(employee_id)} – {note}"


def reset() -> None:
    whatif_choices.replace_all({})


held = whatif_choices.held()
if changed_units := {unit_id for unit_id, _, _ in held} - {unit}:  # a plan opened here, say
    st.info(t("whatif.elsewhere", lang, units=len(changed_units)),
            icon=":material/playlist_add_check:")
if held:
    st.button(t("whatif.reset", lang), on_click=reset, icon=":material/restart_alt:")
# no "Select all" (in English): each choice is a decision about one person
people = {"placeholder": t("whatif.people", lang), "select_all": False}
appoint_column, complete_column = st.columns(2)
with appoint_column:
    st.subheader(t("whatif.appoint", lang))
    advisors = results.advisors[results.advisors[UNIT_ID] == unit]
    for process in results.config.processes:
        current = list(dict.fromkeys(advisors.loc[advisors[PROCESS] == process, EMPLOYEE_ID]))
        whatif_choices.choose(
            held, (unit, APPOINT, process),
            t("whatif.new_advisor", lang, process=process_label(process, lang)),
            [p for p in staff_choices[EMPLOYEE_ID] if p not in current],
            format_func=with_lacks, help=t("whatif.appoint_help", lang), **people)
        if current:
            whatif_choices.choose(
                held, (unit, RELIEVE, process),
                t("whatif.relieve", lang, process=process_label(process, lang)), current,
                format_func=named, help=t("whatif.relieve_help", lang), **people)

with complete_column:
    st.subheader(t("whatif.complete", lang, date=f"{results.as_of:%d.%m.%Y}"))
    requirements = requirements_by_id(results.config.requirements)
    for rid in requirements:
        chosen_here = held.get((unit, ENROL, rid), ())
        whatif_choices.choose(
            held, (unit, ENROL, rid),
            say("whatif.complete_for", lang, requirement=f"{rid} {requirements[rid].name}"),
            list(dict.fromkeys([*(p for p in staff_choices[EMPLOYEE_ID] if rid in lacking[p]),
                                *chosen_here])),
            format_func=named, help=t("whatif.complete_help", lang), **people)
whatif_choices.keep(held)
appointments, completions, reliefs = choice_changes(held, results.config.requirements)

gaps_now = results.gaps[results.gaps[UNIT_ID] == unit]
if not appointments and not completions and not reliefs:
    st.info(t("whatif.choose", lang), icon=":material/touch_app:")
    st.subheader(t("whatif.now", lang))
    if gaps_now.empty:
        st.success(t("whatif.no_gaps", lang))
    else:
        gap_table(gaps_now, results)
    st.stop()

after = build_results(apply_changes(dataset, appointments, completions, results.as_of,
                                    reliefs), results.config, results.as_of)
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
