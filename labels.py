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
