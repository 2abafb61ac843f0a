"""Om tallene: every figure's definition and the rules and thresholds in force, from the config."""

import pandas as pd
import streamlit as st

import state
from analysis.config import CASE_HANDLERS_AUDIENCE
from analysis.results import GAP_KINDS
from components.sidebar import page_lang
from components.text import plain
from i18n import (
    audience_label,
    gap_kind_label,
    kind_label,
    kpi_label,
    process_label,
    t,
    table_header,
)
from loaders.schema import ASSESSMENT_KIND, CASE_HANDLER, STAFF

KPIS = ("units", "compliant_units", "advisors", "advisors_fully_trained",
        "case_handlers_trained")

lang = page_lang()
dataset, results = state.current()
config = results.config
st.title(t("about.title", lang))
st.caption(t("about.intro", lang))


def ids_for(advisors: bool) -> str:
    """Requirement ids for advisors or for case handlers, in order, escaped for markdown."""
    ids = dict.fromkeys(r.id for r in config.requirements
                        if r.for_advisors == advisors)
    return ", ".join(plain(rid) for rid in ids) or "–"


def definitions(table: str, section: str, columns: list[str], **values) -> None:
    """A bullet per column of a result table: its label, its canonical name, what it means."""
    st.markdown("\n".join(
        f"- **{table_header(table, column, lang)}** (`{column}`): "
        + t(f"{section}.{column}", lang, **values) for column in columns))


st.subheader(t("about.basis", lang))
st.markdown(t("about.as_of", lang, date=f"{results.as_of:%d.%m.%Y}"))
st.markdown(t("about.sample" if state.is_sample() else "about.uploaded", lang))
st.dataframe(pd.DataFrame(
    [(kind_label(table.kind, lang), table.file, table.sheet, table.header_row, table.rows)
     for table in dataset.tables],
    columns=[t(f"about.{c}", lang) for c in ("kind", "file", "sheet", "header_row", "rows")]),
    hide_index=True, width="content")

st.subheader(t("about.rules", lang))
processes = ", ".join(process_label(p, lang) for p in config.processes)
st.markdown("\n".join([
    "1. " + t("about.rule1", lang, count=config.min_advisors_per_process, processes=processes),
    "2. " + t("about.rule2", lang, count=config.min_distinct_advisors),
    "3. " + t("about.rule3", lang, ids=ids_for(advisors=True)),
    "4. " + t("about.rule4", lang, ids=ids_for(advisors=False), days=config.grace_days),
]))
st.markdown(t("about.compliant", lang))

st.subheader(t("about.requirements", lang))
st.caption(t("about.requirements_help", lang))
st.dataframe(pd.DataFrame(
    [(r.id, r.name, audience_label(r.audience, lang),
      t("about.by_assessment", lang) if r.kind == ASSESSMENT_KIND else " · ".join(r.courses),
      t("about.months", lang, months=r.valid_months) if r.valid_months
      else t("about.no_expiry", lang),
      t("days", lang, days=config.grace_for(r)) if r.audience == CASE_HANDLERS_AUDIENCE
      else "–")
     for r in config.requirements],
    columns=[t(f"about.req_{c}", lang)
             for c in ("id", "name", "audience", "courses", "valid", "grace")]),
    hide_index=True, width="stretch")

st.subheader(t("about.exports", lang))
st.caption(t("about.exports_help", lang))
if not dataset.has_column(STAFF, CASE_HANDLER):
    st.warning(t("no_case_handler_column", lang), icon=":material/groups:")
st.markdown("\n".join(f"- {t(f'about.{key}', lang)}" for key in (
    "employment", "positions", "appointments", "statuses", "assessments", "undated",
    "identities",
    "no_case_handler")))

st.subheader(t("about.thresholds", lang))
st.markdown("\n".join([
    "- " + t("about.expiring", lang, days=config.expiring_within_days),
    "- " + t("about.small_groups", lang, limit=config.small_group_limit),
]))

st.subheader(t("about.kpis", lang))
st.markdown("\n".join(
    f"- **{kpi_label(key, lang)}**: "
    + t(f"about.kpi.{key}", lang, ids=ids_for(advisors=key != "case_handlers_trained"))
    for key in KPIS))

st.subheader(t("about.tables", lang))
st.caption(t("about.tables_help", lang))
st.markdown(f"**{t('about.unit_process', lang)}** (`unit_process`)")
definitions("unit_process", "about.up", ["advisors", "ok"],
            count=config.min_advisors_per_process)
st.markdown(f"**{t('about.unit_summary', lang)}** (`unit_summary`)")
definitions("unit_summary", "about.us", ["staff", "advisors", "missing_processes",
                                          "advisors_missing_requirements", "compliant"])
st.markdown(f"**{t('about.unit_requirement', lang)}** (`unit_requirement`)")
definitions("unit_requirement", "about.ur", ["target", "met", "share"])
st.markdown(f"**{t('about.gaps', lang)}** (`gaps`)")
st.markdown("\n".join(
    f"- **{gap_kind_label(kind, lang)}** (`{kind}`): "
    + t(f"about.gap.{kind}", lang, count=config.min_distinct_advisors)
    for kind in GAP_KINDS))
