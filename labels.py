"""Every text the screen and the Excel report show, Norwegian (bokmål) first: one place."""

PROCESS_LABELS = {"saksbehandling": "Saksbehandling", "innsyn": "Innsyn", "SRU": "SRU"}
AUDIENCE_LABELS = {"advisors": "rådgivere", "case_handlers": "saksbehandlere"}
GAP_KIND_LABELS = {
    "missing_process_advisor": "Mangler prosessrådgiver",
    "too_few_advisors": "For få prosessrådgivere",
    "advisor_missing_requirement": "Rådgiver mangler kurs",
    "advisor_requirement_expired": "Rådgivers kurs utløpt",
    "case_handler_missing_requirement": "Saksbehandler mangler kurs",
}
TOTAL_ADVISORS = "Ulike personer"
KPI_LABELS = {
    "units": "Enheter vurdert",
    "compliant_units": "Enheter som oppfyller kravene",
    "advisors": "Prosessrådgivere",
    "advisors_fully_trained": "Rådgivere med all opplæring",
    "case_handlers_trained": "Saksbehandlere med opplæring",
}
SAMPLE_MARKER = "EKSEMPELDATA – fiktive personer"
ALL = "Alle"


def audience_label(audience: str) -> str:
    head, _, process = audience.partition(":")
    label = AUDIENCE_LABELS.get(head, head)
    return f"{label}, {PROCESS_LABELS.get(process, process)}" if process else label

SEVERITY_LABELS = {"error": "Feil", "warning": "Advarsel"}
ISSUE_LABELS = {"file": "Fil", "sheet": "Ark", "row": "Rad", "column": "Kolonne",
                "severity": "Alvorlighet", "message": "Melding"}
COLUMN_CHOICE_NONE = "(ikke bruk)"

# Meeting mode and the exports (Excel report, slide deck, PDF).
MEETING_TITLE = "Prosessrådgivere og kompetanse"
COMPLIANT_MEASURE = "Oppfyller alle krav"
GAP_TABLE_LABELS = {
    "faculty": "Fakultet", "unit": "Enhet", "missing": "Mangler rådgiver for",
    "advisors": "Ulike rådgivere", "advisors_lacking": "Rådgivere uten kurs",
    "case_handlers_lacking": "Saksbehandlere uten kurs",
}
SUMMARY_HEADERS = {
    "unit_id": "Enhetskode", "unit_name": "Enhet", "parent_id": "Overordnet enhet",
    "staff": "Ansatte", "advisors": "Ulike prosessrådgivere",
    "missing_processes": "Prosesser uten rådgiver",
    "advisors_missing_requirements": "Rådgivere som mangler kurs",
    "compliant": "Oppfyller kravene",
}
UNIT_PROCESS_HEADERS = {
    "unit_id": "Enhetskode", "unit_name": "Enhet", "parent_id": "Overordnet enhet",
    "process": "Prosess", "advisors": "Prosessrådgivere", "ok": "Oppfylt",
}
UNIT_REQUIREMENT_HEADERS = {
    "unit_id": "Enhetskode", "unit_name": "Enhet", "requirement_id": "Krav",
    "audience": "Målgruppe", "target": "Antall i målgruppen", "met": "Oppfyller kravet",
    "share": "Andel",
}
GAP_HEADERS = {
    "kind": "Avvik", "unit_id": "Enhetskode", "unit_name": "Enhet", "process": "Prosess",
    "employee_id": "Ansattnr", "requirement_id": "Krav", "message": "Beskrivelse",
}
YES_NO = {True: "Ja", False: "Nei"}

ADVISOR_STATE_LABELS = {"completed": "✔", "expiring": "⚠ utløper", "expired": "✖ utløpt",
                        "missing": "✖ mangler"}
ADVISOR_STATE_LEGEND = ("✔ fullført (dato) · ⚠ utløper innen {days} dager (gyldig til) · "
                        "✖ utløpt (gyldig til) · ✖ mangler · – gjelder ikke")
HANDLER_STATE_LABELS = {"lacking": "Mangler (fristen er ute)", "in_grace": "I fristperioden",
                        "has_it": "Har fullført"}
TABLE_LABELS = {
    "unit_id": "Enhetskode", "unit_name": "Enhet", "faculty_id": "Fakultet",
    "faculty_name": "Fakultet / område",
    "employee_id": "Ansattnr", "name": "Navn", "position": "Stilling",
    "start_date": "Startdato", "case_handler": "Saksbehandler", "processes": "Prosesser",
    "process": "Prosess", "source": "Kilde", "appointed_date": "Oppnevnt",
    "advisors": "Rådgivere", "units": "Enheter", "units_ok": "Enheter med rådgiver",
    "compliant": "Oppfyller kravene", "staff": "Ansatte",
    "units_missing_process": "Enheter som mangler en prosess",
    "advisors_missing_requirements": "Rådgivere som mangler kurs", "kind": "Avvik",
    "requirement_id": "Krav", "action": "Foreslått tiltak", "message": "Beskrivelse",
    "advisor_for": "Rådgiver for", "lacking": "Krav som mangler",
    "lacking_requirements": "Mangler", "due_on": "Frist", "completed_on": "Fullført",
}

CHANGE_LABELS = {"became_compliant": "Oppfyller nå kravene",
                 "stopped_compliant": "Oppfyller ikke lenger kravene",
                 "new_unit": "Ny enhet", "removed_unit": "Enheten er borte"}
# Where long words may break in narrow heatmap column headings.
HYPHENATION = {"Saksbehandling": ("Saks-", "behandling"),
               "saksbehandlere": ("saks-", "behandlere")}
