"""The views' texts in Norwegian (bokmål, the default) and English: `t(key, lang, **values)`.

The one catalogue of words: the bokmål domain labels (which the Excel report also uses), their
English beside them, and the views' texts. Pure: the page passes the language (from
`st.session_state["lang"]` or `?lang=`)."""

from __future__ import annotations

from collections.abc import Mapping

from i18n.validation import VALIDATION_TEXTS
from loaders.processes import find_process, processes
from loaders.schema import (
    APPOINTED_DATE,
    APPOINTED_UNTIL,
    ASSESSED_BY,
    AUDIENCE,
    CASE_HANDLER,
    COMPLETION_DATE,
    COURSE_CODE,
    COURSE_TITLE,
    COURSES,
    EMAIL,
    EMPLOYEE_ID,
    END_DATE,
    FIRST_NAME,
    GRACE_DAYS,
    IGNORED,
    KIND_LABELS,
    LAST_NAME,
    MAIN_POSITION,
    NAME,
    NOTE,
    PARENT_ID,
    POSITION,
    POSITION_PERCENT,
    PROCESS,
    REQUIREMENT_ID,
    REQUIREMENT_KIND,
    RESULT,
    ROLES,
    START_DATE,
    STATUS,
    STATUS_FLAG,
    UNIT_ID,
    UNIT_NAME,
    VALID_MONTHS,
    VALID_UNTIL,
    column_labels,
    role_flags,
)

NB = "nb"
EN = "en"
LANGUAGES = (NB, EN)
LANGUAGE_NAMES = {NB: "Norsk", EN: "English"}
LANG_KEY = "lang"  # the session-state key and the URL parameter

# Bokmål: every domain label the screen and the Excel report show.
AUDIENCE_LABELS = {"advisors": "rådgivere", "case_handlers": "saksbehandlere"}
GAP_KIND_LABELS = {
    "missing_process_advisor": "Mangler prosessrådgiver",
    "too_few_advisors": "For få prosessrådgivere",
    "advisor_missing_requirement": "Rådgiver mangler krav",
    "advisor_requirement_expired": "Rådgivers krav utløpt",
    "case_handler_missing_requirement": "Saksbehandler mangler krav",
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



SEVERITY_LABELS = {"error": "Feil", "warning": "Advarsel"}
ISSUE_LABELS = {"file": "Fil", "sheet": "Ark", "row": "Rad", "column": "Kolonne",
                "severity": "Alvorlighet", "message": "Melding"}
COLUMN_CHOICE_NONE = "(ikke bruk)"

# Meeting mode and the exports (Excel report, slide deck, PDF).
MEETING_TITLE = "Prosessrådgivere og kompetanse"
COMPLIANT_MEASURE = "Oppfyller alle krav"
GAP_TABLE_LABELS = {
    "faculty": "Fakultet", "unit": "Enhet", "missing": "Mangler rådgiver for",
    "advisors": "Ulike rådgivere", "advisors_lacking": "Rådgivere som mangler krav",
    "case_handlers_lacking": "Saksbehandlere som mangler krav",
}
SUMMARY_HEADERS = {
    "unit_id": "Enhetskode", "unit_name": "Enhet", "parent_id": "Overordnet enhet",
    "staff": "Ansatte", "advisors": "Ulike prosessrådgivere",
    "missing_processes": "Prosesser uten rådgiver",
    "advisors_missing_requirements": "Rådgivere som mangler krav",
    "compliant": "Oppfyller kravene",
}
UNIT_PROCESS_HEADERS = {
    "unit_id": "Enhetskode", "unit_name": "Enhet", "parent_id": "Overordnet enhet",
    "process": "Prosess", "advisors": "Prosessrådgivere", "ok": "Oppfylt",
}
UNIT_REQUIREMENT_HEADERS = {
    "unit_id": "Enhetskode", "unit_name": "Enhet", REQUIREMENT_ID: "Krav",
    "audience": "Målgruppe", "target": "Antall i målgruppen", "met": "Oppfyller kravet",
    "share": "Andel",
}
GAP_HEADERS = {
    "kind": "Avvik", "unit_id": "Enhetskode", "unit_name": "Enhet", "process": "Prosess",
    "employee_id": "Ansattnr", REQUIREMENT_ID: "Krav", "message": "Beskrivelse",
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
    "advisors_missing_requirements": "Rådgivere som mangler krav", "kind": "Avvik",
    REQUIREMENT_ID: "Krav", "action": "Foreslått tiltak", "message": "Beskrivelse",
    "advisor_for": "Rådgiver for", "lacking": "Krav som mangler",
    "lacking_requirements": "Mangler", "due_on": "Frist", "completed_on": "Fullført",
}

CHANGE_LABELS = {"became_compliant": "Oppfyller nå kravene",
                 "stopped_compliant": "Oppfyller ikke lenger kravene",
                 "new_unit": "Ny enhet", "removed_unit": "Enheten er borte"}
# Where long words may break in narrow heatmap column headings.
HYPHENATION = {"Saksbehandling": ("Saks-", "behandling"),
               "saksbehandlere": ("saks-", "behandlere")}

_AUDIENCE_EN = {"advisors": "advisors", "case_handlers": "case handlers"}
_GAP_KIND_EN = {
    "missing_process_advisor": "Missing process advisor",
    "too_few_advisors": "Too few process advisors",
    "advisor_missing_requirement": "Advisor lacks a requirement",
    "advisor_requirement_expired": "Advisor's requirement expired",
    "case_handler_missing_requirement": "Case handler lacks a requirement",
}
_KIND_EN = {"staff": "staff list (HR)", "advisors": "process advisor list",
            "courses": "course records", "requirements": "competency requirements",
            "units": "unit list", "assessments": "assessments"}
_KPI_EN = {
    "units": "Units assessed",
    "compliant_units": "Units meeting the requirements",
    "advisors": "Process advisors",
    "advisors_fully_trained": "Advisors with all training",
    "case_handlers_trained": "Case handlers with training",
}
_HEADERS_NB = {"unit_process": UNIT_PROCESS_HEADERS,
               "unit_summary": SUMMARY_HEADERS,
               "unit_requirement": UNIT_REQUIREMENT_HEADERS}
_HEADERS_EN = {
    "unit_process": {"advisors": "Process advisors", "ok": "Met"},
    "unit_summary": {"staff": "Staff", "advisors": "Distinct process advisors",
                     "missing_processes": "Processes without an advisor",
                     "advisors_missing_requirements": "Advisors lacking a requirement",
                     "compliant": "Meets the requirements"},
    "unit_requirement": {"target": "People in the target group", "met": "Have met it",
                         "share": "Share"},
}
# English beside each Norwegian label set above (and the loaders' column names); the keys
# are the same, so a page swaps the whole set with label_set(name, lang).
_TABLE_EN = {
    "unit_id": "Unit code", "unit_name": "Unit", "faculty_id": "Faculty",
    "faculty_name": "Faculty / area",
    "employee_id": "Employee no.", "name": "Name", "position": "Position",
    "start_date": "Start date", "case_handler": "Case handler", "processes": "Processes",
    "process": "Process", "source": "Source", "appointed_date": "Appointed",
    "advisors": "Advisors", "units": "Units", "units_ok": "Units with an advisor",
    "compliant": "Meets the requirements", "staff": "Staff",
    "units_missing_process": "Units missing a process",
    "advisors_missing_requirements": "Advisors lacking a requirement", "kind": "Gap",
    REQUIREMENT_ID: "Requirement", "action": "Suggested action", "message": "Description",
    "advisor_for": "Advisor for", "lacking": "Requirements lacking",
    "lacking_requirements": "Lacking", "due_on": "Due", "completed_on": "Completed",
}
_COLUMN_EN = {
    EMPLOYEE_ID: "employee number", NAME: "name", FIRST_NAME: "first name",
    LAST_NAME: "last name", EMAIL: "e-mail", UNIT_ID: "unit code", UNIT_NAME: "unit name",
    PARENT_ID: "parent unit", PROCESS: "process", COURSE_CODE: "course code",
    COURSE_TITLE: "course", REQUIREMENT_ID: "requirement id", AUDIENCE: "audience",
    COURSES: "courses", POSITION: "position", START_DATE: "start date",
    CASE_HANDLER: "case handler (yes/no)", ROLES: "process advisor roles",
    APPOINTED_DATE: "appointed date", STATUS: "status", COMPLETION_DATE: "completion date",
    VALID_MONTHS: "validity (months)", GRACE_DAYS: "grace period (days)",
    APPOINTED_UNTIL: "appointed until", END_DATE: "end date", MAIN_POSITION: "main position",
    POSITION_PERCENT: "position percentage", VALID_UNTIL: "valid until (portal)",
    STATUS_FLAG: "completed (yes/no)", IGNORED: "(recognised, not used)",
    REQUIREMENT_KIND: "type", RESULT: "result", ASSESSED_BY: "assessed by", NOTE: "note",
}


def _process_labels(lang: str, short: bool = False) -> dict[str, str]:
    """The registry's process names; `short` for tight spaces (a projector's heatmap)."""
    return {process.id: (process.name if lang != EN
                         else process.short_en if short else process.name_en)
            for process in processes()}


def _column_labels_en() -> dict[str, str]:
    return {**_COLUMN_EN, **{flag: f"advisor for {process} (yes/no)"
                             for flag, process in role_flags().items()}}
# Where an advisor's appointment was read from (the loaders write these two words).
_SOURCE_NB = {"ansattliste": "ansattliste", "rådgiverliste": "rådgiverliste"}
_SOURCE_EN = {"ansattliste": "staff list", "rådgiverliste": "advisor list"}
_LABEL_SETS: dict[str, tuple[Mapping, Mapping]] = {
    "process": (lambda: _process_labels(NB), lambda: _process_labels(EN)),
    "table": (TABLE_LABELS, _TABLE_EN),
    "gap_table": (GAP_TABLE_LABELS, {
        "faculty": "Faculty", "unit": "Unit", "missing": "Missing an advisor for",
        "advisors": "Distinct advisors", "advisors_lacking": "Advisors lacking a requirement",
        "case_handlers_lacking": "Case handlers lacking a requirement"}),
    "advisor_state": (ADVISOR_STATE_LABELS, {
        "completed": "✔", "expiring": "⚠ expiring", "expired": "✖ expired",
        "missing": "✖ missing"}),
    "handler_state": (HANDLER_STATE_LABELS, {
        "lacking": "Lacking (grace period over)", "in_grace": "In the grace period",
        "has_it": "Completed"}),
    "change": (CHANGE_LABELS, {
        "became_compliant": "Now meets the requirements",
        "stopped_compliant": "No longer meets the requirements",
        "new_unit": "New unit", "removed_unit": "Unit no longer in the data"}),
    "severity": (SEVERITY_LABELS, {"error": "Error", "warning": "Warning"}),
    "issue": (ISSUE_LABELS, {"file": "File", "sheet": "Sheet", "row": "Row",
                                    "column": "Column", "severity": "Severity",
                                    "message": "Message"}),
    "column": (column_labels, _column_labels_en),
    "source": (_SOURCE_NB, _SOURCE_EN),
    "yes_no": (YES_NO, {True: "Yes", False: "No"}),
    "role": ({"owner": "Prosesseier", "unit": "Enhet", "viewer": "Ledelse (samletall)"},
             {"owner": "Process owner", "unit": "Unit", "viewer": "Management (aggregates)"}),
    "audit_action": (
        {"sign_in": "Innlogging", "publish": "Publisering", "restore": "Gjenoppretting",
         "access_change": "Tilgangsendring", "named_export": "Eksport med navn"},
        {"sign_in": "Sign-in", "publish": "Publication", "restore": "Restore",
         "access_change": "Access change", "named_export": "Export with names"}),
}

# key: (bokmål, English); `{name}` placeholders are filled by t().
TEXTS: dict[str, tuple[str, str]] = {
    "all": ("Alle", "All"),
    "yes": ("ja", "yes"),
    "no": ("nei", "no"),
    "sample": ("EKSEMPELDATA – fiktive personer. Last opp egne filer i sidepanelet.",
               "SAMPLE DATA – fictional people. Upload your own files in the sidebar."),
    "faculty": ("Fakultet / område", "Faculty / area"),
    "faculty_short": ("Fakultet", "Faculty"),
    "unit": ("Enhet", "Unit"),
    "unit_id": ("Enhetskode", "Unit code"),
    "process": ("Prosess", "Process"),
    "role": ("Rolle", "Role"),
    "employee_id": ("Ansattnr", "Employee no."),
    "name": ("Navn", "Name"),
    "days": ("{days} dager", "{days} days"),
    # Kompetansematrise
    "matrix.title": ("Kompetansematrise", "Competency matrix"),
    "matrix.intro": ("Hver prosessrådgiver og saksbehandler mot hvert kompetansekrav, per "
                     "{date}. Klikk på en kolonneoverskrift for å sortere.",
                     "Every process advisor and case handler against every competency "
                     "requirement, as of {date}. Click a column header to sort."),
    "matrix.role.all": ("Rådgivere og saksbehandlere", "Advisors and case handlers"),
    "matrix.role.advisors": ("Prosessrådgivere", "Process advisors"),
    "matrix.role.case_handlers": ("Saksbehandlere", "Case handlers"),
    "matrix.process_help": ("Med en prosess valgt vises bare rådgiverne for den.",
                            "With a process chosen, only its advisors are shown."),
    "matrix.days": ("Utløper snart: innen antall dager", "Expiring soon: within days"),
    "matrix.people": ("Personer", "People"),
    "matrix.missing": ("✖ Mangler eller utløpt", "✖ Missing or expired"),
    "matrix.expiring": ("⚠ Utløper innen {days} dager", "⚠ Expires within {days} days"),
    "matrix.grace": ("⏳ Nye, innenfor fristen", "⏳ New, within the grace period"),
    "matrix.legend": (
        "✔ fullført (dato) · ⚠ utløper innen {days} dager (utløpsdato) · ✖ med dato: utløpt "
        "(utløpsdato) · ✖ uten dato: mangler · ⏳ ny saksbehandler, fristen løper (fristdato) "
        "· – gjelder ikke personen",
        "✔ completed (date) · ⚠ expires within {days} days (expiry date) · ✖ with a date: "
        "expired (expiry date) · ✖ without a date: missing · ⏳ new case handler, grace period "
        "running (due date) · – does not apply"),
    "matrix.advisor": ("Rådgiver", "Advisor"),
    "portal.valid": (" → {date}", " → {date}"),
    "portal.passed": (" → {date} ‼", " → {date} ‼"),
    "portal.legend": ("· → dato: læringsportalens egen gyldig til-dato, ‼ når den er passert; "
                      "den vises, men kravets gyldighetstid avgjør.",
                      "· → date: the learning portal's own valid-until date, ‼ once passed; it "
                      "is shown, but the requirement's validity decides."),
    "matrix.case_handler": ("Saksbehandler", "Case handler"),
    "matrix.processes": ("Rådgiver for", "Advisor for"),
    "matrix.empty": ("Ingen personer passer filtrene.", "No people match the filters."),
    "matrix.download": ("Last ned som CSV", "Download as CSV"),
    "matrix.file": ("kompetansematrise.csv", "competency-matrix.csv"),
    # Hva om
    "whatif.title": ("Hva om?", "What if?"),
    "whatif.intro": ("Velg hvem som kan oppnevnes og hvilke kurs som kan fullføres, og se "
                     "dekningen regnet ut på nytt med de samme reglene. Ingenting lagres.",
                     "Choose whom to appoint and which courses to complete, and see coverage "
                     "recomputed with the same rules. Nothing is saved."),
    "whatif.now": ("Nå", "Now"),
    "whatif.no_gaps": ("Enheten har ingen avvik.", "The unit has no gaps."),
    "whatif.appoint": ("Oppnevn prosessrådgivere", "Appoint process advisors"),
    "whatif.appoint_help": ("Enhetens ansatte, de som mangler færrest kurs først.",
                            "The unit's staff, those lacking the fewest courses first."),
    "whatif.new_advisor": ("Ny rådgiver for {process}", "New advisor for {process}"),
    "whatif.complete": ("Marker kurs som fullført per {date}",
                        "Mark courses as completed on {date}"),
    "whatif.complete_for": ("{requirement}: fullført av", "{requirement}: completed by"),
    "whatif.complete_help": ("Enhetens ansatte som ikke har oppfylt kravet.",
                             "The unit's staff who have not met the requirement."),
    "whatif.lacks": ("mangler {ids}", "lacks {ids}"),
    "whatif.has_all": ("har alle kurs", "has every course"),
    "whatif.relieve": ("Frita som rådgiver for {process}", "Relieve as advisor for {process}"),
    "whatif.relieve_help": ("Enhetens rådgivere for prosessen i dag; med en ny rådgiver i stedet "
                            "er det en utskifting.", "The unit's advisors for the process today; "
                            "with a new advisor in their place it is a replacement."),
    "whatif.elsewhere": ("Valgene gjelder også {units} andre enheter; tallene for hele "
                         "organisasjonen regner dem med. Velg enhet over for å se og endre dem.",
                         "Choices are also made in {units} other units; the whole organisation's "
                         "figures include them. Choose the unit above to see and change them."),
    "whatif.reset": ("Fjern alle valg", "Clear every choice"),
    "whatif.people": ("Velg personer", "Choose people"),
    "whatif.choose": ("Velg en oppnevning eller et kurs for å se virkningen.",
                      "Choose an appointment or a course to see the effect."),
    "whatif.result": ("Før → etter", "Before → after"),
    "whatif.unit_compliant": ("Enheten oppfyller kravene", "The unit meets the requirements"),
    "whatif.org_compliant": ("Enheter som oppfyller kravene (hele organisasjonen)",
                             "Units meeting the requirements (whole organisation)"),
    "whatif.figure": ("Tall", "Figure"),
    "whatif.unit_before": ("Enheten før", "Unit before"),
    "whatif.unit_after": ("Enheten etter", "Unit after"),
    "whatif.org_before": ("Hele organisasjonen før", "Whole organisation before"),
    "whatif.org_after": ("Hele organisasjonen etter", "Whole organisation after"),
    "whatif.unit_gaps": ("Avvik i enheten", "Gaps in the unit"),
    "whatif.gaps_after": ("Avvik som gjenstår i enheten", "Gaps left in the unit"),
    "whatif.kind": ("Avvik", "Gap"),
    "whatif.message": ("Beskrivelse", "Description"),
    "whatif.yes": ("Ja", "Yes"),
    "whatif.no": ("Nei", "No"),
    # Om tallene
    "about.title": ("Om tallene", "About the numbers"),
    "about.intro": ("Hva hvert tall betyr, og reglene og tersklene som gjelder nå. Alt under "
                    "leses fra konfigurasjonen og dataene som vises.",
                    "What each figure means, and the rules and thresholds in force. "
                    "Everything below is read from the configuration and the data shown."),
    "about.basis": ("Beregningsgrunnlag", "Basis"),
    "about.as_of": ("Alle tall er beregnet per **{date}** (beregningsdatoen i sidepanelet). "
                    "Grenser er inklusive: et kurs fullført på datoen teller.",
                    "Every figure is computed as of **{date}** (the date in the sidebar). "
                    "Boundaries are inclusive: a course completed on that date counts."),
    "about.sample": ("Data: de innebygde eksempeldataene (et generert universitet med fiktive "
                     "personer). Filene som er lest:",
                     "Data: the bundled sample data (a generated university with fictional "
                     "people). The files read:"),
    "about.uploaded": ("Data: opplastede filer. Filene som er lest:",
                       "Data: uploaded files. The files read:"),
    "about.kind": ("Innhold", "Contents"),
    "about.file": ("Fil", "File"),
    "about.sheet": ("Ark", "Sheet"),
    "about.header_row": ("Overskriftsrad", "Header row"),
    "about.rows": ("Rader", "Rows"),
    "about.rules": ("Reglene som gjelder", "The rules in force"),
    "about.rule1": ("Hver enhet har minst {count} prosessrådgiver(e) for hver prosess: "
                    "{processes}.",
                    "Every unit has at least {count} process advisor(s) for each process: "
                    "{processes}."),
    "about.rule2": ("Hver enhet har minst {count} ulike prosessrådgivere (én person kan dekke "
                    "flere prosesser).",
                    "Every unit has at least {count} distinct process advisors (one person "
                    "may cover several processes)."),
    "about.rule3": ("Hver prosessrådgiver har oppfylt kravene for rådgivere: {ids}.",
                    "Every process advisor has met the requirements for advisors: {ids}."),
    "about.rule4": ("Hver saksbehandler har oppfylt kravene for saksbehandlere ({ids}) når "
                    "fristen etter startdatoen er ute (standard {days} dager). Den som startet "
                    "for nøyaktig {days} dager siden, eller som mangler startdato, teller med.",
                    "Every case handler has met the requirements for case handlers ({ids}) "
                    "once the grace period after their start date is over (default {days} "
                    "days). Someone who started exactly {days} days ago, or who has no start "
                    "date, counts."),
    "about.compliant": ("En enhet *oppfyller kravene* når regel 1–3 holder; regel 4 vises ved "
                        "siden av. Enheter som bare samler andre enheter (et fakultet over "
                        "instituttene) vurderes ikke selv, men summeres.",
                        "A unit *meets the requirements* when rules 1–3 hold; rule 4 is "
                        "reported beside it. Units that only group others (a faculty above "
                        "its departments) are not judged themselves but summed up."),
    "about.requirements": ("Kompetansekravene", "The competency requirements"),
    "about.requirements_help": (
        "Et krav oppfylles av et fullført kurs: kurskoden er lik en av oppføringene, eller "
        "kursnavnet inneholder den (uten hensyn til store og små bokstaver). Med gyldighet må "
        "kurset være fullført innenfor så mange måneder før beregningsdatoen.",
        "A requirement is met by a completed course whose code equals one of the entries, or "
        "whose title contains it (ignoring case). With a validity, the course must be "
        "completed within that many months before the as-of date."),
    "about.req_id": ("Krav", "Requirement"),
    "about.req_name": ("Navn", "Name"),
    "about.req_audience": ("Gjelder for", "Applies to"),
    "about.req_courses": ("Oppfylles ved", "Met by"),
    "about.by_assessment": ("vurdering (vurderingsfilen)", "assessment (the assessments file)"),
    "about.req_valid": ("Gyldighet", "Validity"),
    "about.req_grace": ("Frist for nye", "Grace period"),
    "about.months": ("{months} måneder", "{months} months"),
    "about.no_expiry": ("utløper ikke", "does not expire"),
    "about.thresholds": ("Andre terskler", "Other thresholds"),
    "about.expiring": ("**Utløper snart:** kurs som utløper innen {days} dager, vises med ⚠ i "
                       "kompetansematrisen.",
                       "**Expiring soon:** courses that expire within {days} days are shown "
                       "with ⚠ in the competency matrix."),
    "about.small_groups": ("**Små grupper:** i møtemodus vises grupper med færre enn {limit} "
                           "personer som «<{limit}», så ingen enkeltpersoner kan leses ut.",
                           "**Small groups:** in meeting mode, groups of fewer than {limit} "
                           "people are shown as \"<{limit}\", so no individual can be read "
                           "off."),
    "about.kpis": ("Nøkkeltallene", "The headline figures"),
    "about.kpi.units": ("enheter med ansatte i ansattlisten, og enheter i enhetslisten uten "
                        "underenheter.",
                        "units with staff in the staff file, and units in the units file "
                        "without sub-units."),
    "about.kpi.compliant_units": ("vurderte enheter der regel 1–3 holder.",
                                  "assessed units where rules 1–3 hold."),
    "about.kpi.advisors": ("ulike personer oppnevnt som prosessrådgiver i en vurdert enhet "
                           "(rådgiverlisten og rollekolonnen i ansattlisten til sammen).",
                           "distinct people appointed as process advisor in an assessed unit "
                           "(the advisors list and the staff file's roles column together)."),
    "about.kpi.advisors_fully_trained": ("prosessrådgivere uten manglende eller utløpte krav "
                                         "({ids}).",
                                         "process advisors with no missing or expired "
                                         "requirement ({ids})."),
    "about.kpi.case_handlers_trained": ("saksbehandlere som er forbi fristen og har oppfylt "
                                        "{ids}, av alle som er forbi fristen.",
                                        "case handlers past the grace period who have met "
                                        "{ids}, out of all past it."),
    "about.exports": ("Ansettelser, oppnevninger og kursdata",
                      "Employment, appointments and course records"),
    "about.exports_help": ("Slik leses eksportene fra HR-systemet, rådgiverlisten og "
                           "læringsportalen. Hver avgjørelse står på sin rad i "
                           "valideringsrapporten på Data-siden.",
                           "How the exports from HR, the advisors list and the learning portal "
                           "are read. Each decision is listed on its row in the validation "
                           "report on the Data page."),
    "about.employment": (
        "**Ansatt per beregningsdatoen.** En rad med sluttdato (`Sluttdato`) før "
        "beregningsdatoen teller ikke: personen er ikke ansatt, ikke prosessrådgiver (uansett "
        "hva rådgiverlisten sier) og ikke saksbehandler i den enheten. Sluttdato på eller "
        "etter beregningsdatoen teller. En startdato etter beregningsdatoen teller som ansatt, "
        "men ikke som forfalt for Saksbehandlerskolen.",
        "**Employed on the as-of date.** A row with an end date (`Sluttdato`) before the as-of "
        "date does not count: the person is not staff, not a process advisor (whatever the "
        "advisors list says) and not a case handler of that unit. An end date on or after the "
        "as-of date counts. A start date after the as-of date counts as staff, but not yet as "
        "due for Saksbehandlerskolen."),
    "about.positions": (
        "**Flere rader for én person.** Rader i ulike enheter: personen er ansatt i hver av dem, "
        "med radens saksbehandler-markering og roller. Rader i samme enhet slås sammen: "
        "tidligste startdato, saksbehandler om en av radene sier det, rollene lagt sammen. En "
        "rad i rådgiverlisten uten enhet gjelder hovedstillingen (`Stillingstype`/"
        "`Hovedstilling`, ellers høyeste `Stillingsprosent`, ellers første rad).",
        "**Several rows of one person.** Rows in different units: the person is staff of each, "
        "with that row's case-handler flag and roles. Rows in the same unit merge: the earliest "
        "start date, a case handler if any row says so, the roles added up. An advisors-list "
        "row without a unit goes to the main position (`Stillingstype`/`Hovedstilling`, else "
        "the highest `Stillingsprosent`, else the first row)."),
    "about.appointments": (
        "**Oppnevningsperioder.** En oppnevning teller når `Oppnevnt dato`/`Fra dato` er på "
        "eller før beregningsdatoen (eller tom) og `Til dato` er på eller etter den (eller "
        "tom). Oppnevninger av personer som ikke er ansatt, eller ikke står i ansattlisten, "
        "teller ikke («oppnevnt, men ikke ansatt»). En enhet kan stå med kode eller navn.",
        "**Appointment periods.** An appointment counts when its from date (`Fra dato`) is on "
        "or before the as-of date (or blank) and its until date (`Til dato`) is on or after it "
        "(or blank). "
        "Appointments of people who are not employed, or not in the staff file, do not count "
        "(“appointed, but not employed”). A unit may be given by code or by name."),
    "about.statuses": (
        "**Kursstatus.** Fullført, Gjennomført, Bestått, Godkjent, Completed, Passed, "
        "«Completed (achieved pass grade)» og Ja/Yes/X teller som fullført; Påmeldt, Pågår, "
        "Ikke bestått, «Completed (did not achieve pass grade)», «Complete (fail)» og Nei gjør "
        "det ikke (ord som «ikke», «not» og «fail» vinner). «Utløpt» er en fullføring som er "
        "utløpt: rådgiveren må fornye. Har eksporten en statuskolonne, avgjør den, også der "
        "raden har dato. En kolonne «Fullført» med Ja/Nei leses som status, ikke dato.",
        "**Course status.** Completed, Passed, “Completed (achieved pass grade)”, yes and X, "
        "and the Norwegian words for them, count as completed; enrolled, in progress, failed, "
        "“Completed (did not achieve pass grade)”, “Complete (fail)” and no do not (words such "
        "as “not” and “fail” win). An expired status (“Utløpt”) is a completion that has "
        "expired: the advisor must renew it. With a status column the status decides, even "
        "where the row has a date. A completion column holding yes/no is read as a status, "
        "not a date."),
    "about.assessments": (
        "**Vurderinger.** Et krav av typen vurdering oppfylles av en rad i vurderingsfilen med "
        "resultat Godkjent/Ja/Approved, datert senest beregningsdatoen og, med gyldighetstid, "
        "innenfor den; Ikke godkjent/Nei oppfyller ikke. En godkjenning uten dato teller bare "
        "for krav uten gyldighetstid.",
        "**Assessments.** A requirement of the kind assessment is met by a row of the assessments "
        "file whose result is Godkjent/Ja/Approved, dated on or before the as-of date and, with a "
        "validity, within it; Ikke godkjent/Nei does not meet it. An undated approval counts only "
        "for requirements without a validity."),
    "about.undated": (
        "**Datoer og fullføringer uten dato.** Datoer leses med dagen først (`14/10/26, 09:15`, "
        "`5.6.2026`, ISO); tidspunkter med tidssone regnes om til norsk tid. En fullføring uten "
        "lesbar dato oppfyller et krav uten gyldighetstid, men aldri et krav med "
        "gyldighetstid, fordi den ikke kan vises å være fersk. Portalens egen `Gyldig til` "
        "vises i matrisen og enhetsvisningen og gir en merknad når den er passert, men kravets "
        "gyldighetstid er regelen.",
        "**Dates and undated completions.** Dates are read day first (`14/10/26, 09:15`, "
        "`5.6.2026`, ISO); times with a time zone are converted to Norwegian time. A completion "
        "without a readable date meets a requirement without validity, but never one with a "
        "validity, since it cannot be shown to be fresh. The portal's own `Gyldig til` is shown "
        "in the matrix and the unit view, with a note when it has passed, but the "
        "requirement's validity is the rule."),
    "about.identities": (
        "**Personer og enheter.** Rene tall-ansattnumre kobles uten innledende nuller "
        "(`00012345` = `12345`; ansattlistens form brukes). E-post kobles uten hensyn til store "
        "bokstaver og mellomrom, aldri på tvers av domener. Enhetskoder brukes som skrevet; et "
        "tall som passer én nullutfylt kode (`90006` og `090006`) kobles med en merknad.",
        "**People and units.** Purely numeric employee ids match ignoring leading zeros "
        "(`00012345` = `12345`; the staff file's form is used). E-mails match ignoring case and "
        "spaces, never across domains. Unit codes are used as written; a number that fits "
        "exactly one zero-padded code (`90006` and `090006`) matches, with a note."),
    "about.no_case_handler": (
        "**Uten saksbehandler-kolonne** i ansattlisten regnes alle ansatte som saksbehandlere "
        "(regel 4), også vitenskapelig ansatte; valideringsrapporten sier fra.",
        "**Without a case-handler column** in the staff file everyone counts as a case handler "
        "(rule 4), academic staff included; the validation report says so."),
    "no_case_handler_column": (
        "Ansattlisten har ingen kolonne for saksbehandler (Ja/Nei), så alle ansatte regnes som "
        "saksbehandlere og må ha Saksbehandlerskolen etter fristen. Legg til kolonnen "
        "«Saksbehandler» for riktige tall.",
        "The staff file has no case-handler column (yes/no), so everyone counts as a case "
        "handler who must complete Saksbehandlerskolen after the grace period. Add a "
        "“Saksbehandler” column for true figures."),
    "about.tables": ("Tabellene", "The tables"),
    "about.tables_help": ("Navnene i parentes er kolonnene i JSON-eksporten og på "
                          "kommandolinjen.",
                          "The names in brackets are the columns of the JSON export and the "
                          "command line."),
    "about.unit_process": ("Enhet × prosess", "Unit × process"),
    "about.up.advisors": ("ulike personer oppnevnt for prosessen i enheten.",
                          "distinct people appointed for the process in the unit."),
    "about.up.ok": ("minst {count} rådgiver(e) for prosessen.",
                    "at least {count} advisor(s) for the process."),
    "about.unit_summary": ("Enhetsoversikt", "Unit summary"),
    "about.us.staff": ("alle personer i enheten i ansattlisten som er ansatt per "
                       "beregningsdatoen (se «Ansettelser, oppnevninger og kursdata»).",
                       "everyone in the unit in the staff file who is employed on the as-of "
                       "date (see “Employment, appointments and course records”)."),
    "about.us.advisors": ("ulike prosessrådgivere i enheten, uansett prosess.",
                          "distinct process advisors in the unit, whatever the process."),
    "about.us.missing_processes": ("prosesser uten noen rådgiver.",
                                   "processes without any advisor."),
    "about.us.advisors_missing_requirements": ("rådgivere i enheten med minst ett manglende "
                                               "eller utløpt krav.",
                                               "advisors of the unit with at least one missing "
                                               "or expired requirement."),
    "about.us.compliant": ("regel 1–3 holder.", "rules 1–3 hold."),
    "about.unit_requirement": ("Enhet × kompetansekrav", "Unit × requirement"),
    "about.ur.target": ("personene kravet gjelder for nå: enhetens rådgivere, eller "
                        "saksbehandlerne som er forbi fristen.",
                        "the people the requirement applies to and is due for: the unit's "
                        "advisors, or the case handlers past the grace period."),
    "about.ur.met": ("de av dem som har oppfylt kravet per beregningsdatoen.",
                     "those of them who have met it as of the as-of date."),
    "about.ur.share": ("oppfylt delt på målgruppen; tom (–) når ingen er i målgruppen.",
                       "met divided by target; empty (–) when nobody is in the target group."),
    "about.gaps": ("Avvikstypene", "The kinds of gap"),
    "about.gap.missing_process_advisor": ("én rad per prosess uten rådgiver i en enhet.",
                                          "one row per process without an advisor in a "
                                          "unit."),
    "about.gap.too_few_advisors": ("én rad per enhet med færre enn {count} ulike rådgivere.",
                                   "one row per unit with fewer than {count} distinct "
                                   "advisors."),
    "about.gap.advisor_missing_requirement": ("én rad per rådgiver og krav som ikke er "
                                              "fullført.",
                                              "one row per advisor and requirement never "
                                              "completed."),
    "about.gap.advisor_requirement_expired": ("én rad per rådgiver og krav der bare utløpte "
                                              "kurs finnes.",
                                              "one row per advisor and requirement met only by "
                                              "expired courses."),
    "about.gap.case_handler_missing_requirement": ("én rad per saksbehandler forbi fristen og "
                                                   "krav som ikke er oppfylt.",
                                                   "one row per case handler past the grace "
                                                   "period and requirement not met."),
    # Shared by several pages
    "of": ("{part} av {whole}", "{part} of {whole}"),
    "sample_marker": (SAMPLE_MARKER, "SAMPLE DATA – fictional people"),
    # The router: browser tab and page titles in the navigation
    "app.title": ("Prosessrådgivere – dekning", "Process advisors – coverage"),
    "nav.overview": ("Oversikt", "Overview"),
    "nav.unit": ("Enhet", "Unit"),
    "nav.gaps": ("Avvik og tiltak", "Gaps and actions"),
    "nav.meeting": ("Møtevisning", "Meeting view"),
    "nav.matrix": ("Kompetansematrise", "Competency matrix"),
    "nav.whatif": ("Hva om", "What if"),
    "nav.trends": ("Utvikling", "Trends"),
    "nav.data": ("Data", "Data"),
    "nav.about": ("Om tallene", "About the numbers"),
    "nav.access": ("Tilgang og logg", "Access and audit"),
    # Sidepanelet
    "sidebar.header": ("Data", "Data"),
    "sidebar.upload": ("Last opp ansattliste, kursdata og eventuelt rådgiverliste, "
                       "kompetansekrav, enhetsliste og vurderinger",
                       "Upload the staff list, the course records and, if you have them, the "
                       "advisor list, competency requirements, unit list and assessments"),
    "sidebar.language": ("Språk / Language", "Språk / Language"),
    "sidebar.as_of": ("Beregningsdato", "As-of date"),
    "sidebar.step.read": ("Leser filene …", "Reading the files …"),
    "sidebar.step.compute": ("Kontrollerer radene og beregner dekningen …",
                             "Checking the rows and computing coverage …"),
    "sidebar.step.done": ("Filene er lest inn", "The files are loaded"),
    "sidebar.step.failed": ("Filene kunne ikke brukes", "The files could not be used"),
    "sidebar.step.partly": ("Noen av filene er tatt i bruk", "Some of the files are in use"),
    "sidebar.step.mapping": ("Velg en kolonne før filene brukes",
                             "Choose a column before the files are used"),
    "upload.refused": ("Ikke brukt: {message}", "Not used: {message}"),
    "upload.kept": ("Viser fortsatt de forrige dataene.", "Still showing the previous data."),
    "upload.missing_link": (
        "{file}: fant ingen kolonne for {column}, men {used_by} kjenner personene på "
        "{column}, så ingen kurs kan kobles til de ansatte. Velg hvilken kolonne som er "
        "{column} under kolonnekoblingen på Data-siden; dataene tas ikke i bruk før det.",
        "{file}: found no column for {column}, but {used_by} identifies people by {column}, so "
        "no course can be matched to the staff. Choose which column holds {column} in the "
        "column mapping on the Data page; the data are not used until then."),
    "upload.dismiss": ("Forkast disse filene", "Discard these files"),
    "upload.to_mapping": ("Gå til kolonnekoblingen", "Go to the column mapping"),
    "upload.pending": ("Filene fra sidepanelet venter på et valg av kolonne:",
                       "The files from the sidebar wait for a column choice:"),
    "sidebar.uploaded": ("Viser opplastede filer: {names}. Forhåndsvisning, bare i denne "
                         "nettleseren til den publiseres på Data-siden.",
                         "Showing uploaded files: {names}. A preview, in this browser only "
                         "until it is published on the Data page."),
    "access.title": ("Tilgang og logg", "Access and audit"),
    "access.intro": (
        "Hvem som får se hva når innlogging er slått på: prosesseiere ser alt og kan publisere, "
        "enhetsbrukere ser navn i egne enheter og enhetene under dem, ledelsen ser bare "
        "samletall. Alle andre får ingen tilgang. Loggen viser innlogginger, publiseringer, "
        "gjenopprettinger, tilgangsendringer og eksporter med navn.",
        "Who sees what once sign-in is on: process owners see everything and may publish, unit "
        "users see names in their own units and the units below them, management sees "
        "aggregates only. Everyone else gets no access. The log shows sign-ins, publications, "
        "restores, access changes and exports with names."),
    "access.list": ("Tilgangsliste", "Access list"),
    "access.empty": ("Ingen står på tilgangslisten ennå.", "Nobody is on the access list yet."),
    "access.give": ("Gi tilgang", "Give access"),
    "access.email": ("E-post", "E-mail"),
    "access.role": ("Rolle", "Role"),
    "access.units": ("Enheter", "Units"),
    "access.units_help": ("Bare for rollen Enhet", "Only for the role Unit"),
    "access.every_unit": ("alle", "all"),
    "access.save": ("Lagre", "Save"),
    "access.bad_email": ("Skriv en e-postadresse.", "Enter an e-mail address."),
    "access.needs_units": ("Rollen Enhet trenger minst én enhet.",
                           "The role Unit needs at least one unit."),
    "access.saved": ("{email} har nå rollen {role}.", "{email} now has the role {role}."),
    "access.from_file": ("Tilgangsliste fra fil", "Access list from a file"),
    "access.file": ("Excel- eller CSV-fil med kolonnene E-post, Rolle og Enheter",
                    "Excel or CSV file with the columns E-mail, Role and Units"),
    "access.file_problems": ("{count} rad(er) kan ikke brukes:", "{count} row(s) cannot be used:"),
    "access.give_all": ("Gi tilgang til alle {count} i filen",
                        "Give access to all {count} in the file"),
    "access.given_from_file": ("{count} fra {file} står nå på tilgangslisten.",
                               "{count} from {file} are now on the access list."),
    "access.remove_choice": ("Fjern fra tilgangslisten", "Remove from the access list"),
    "access.remove": ("Fjern", "Remove"),
    "access.removed": ("{email} er fjernet fra tilgangslisten.",
                       "{email} is removed from the access list."),
    "access.audit": ("Logg", "Audit log"),
    "access.denied": ("ingen tilgang", "no access"),
    "access.no_audit": ("Loggen er tom.", "The log is empty."),
    "access.all_actions": ("Alle hendelser", "All events"),
    "access.shown": ("{shown} av {total} hendelser vises.", "{shown} of {total} events shown."),
    "access.col.at": ("Tidspunkt", "Time"),
    "access.col.actor": ("Hvem", "Who"),
    "access.col.action": ("Hendelse", "Event"),
    "access.col.detail": ("Hva", "What"),
    "access.col.units": ("Enheter", "Units"),
    "access.download": ("Last ned loggen (CSV)", "Download the log (CSV)"),
    "access.audit_file": ("logg.csv", "audit-log.csv"),
    "auth.open": ("Ingen innlogging: alle som når adressen ser alt.",
                  "No sign-in: everyone who reaches this address sees everything."),
    "auth.please": ("Logg inn med brukeren din i organisasjonen for å se dekningen av "
                    "prosessrådgivere og opplæring.",
                    "Sign in with your organisation account to see the coverage of process "
                    "advisors and training."),
    "auth.sign_in": ("Logg inn", "Sign in"),
    "auth.sign_out": ("Logg ut", "Sign out"),
    "auth.signed_in": ("Innlogget som {email} ({role}).", "Signed in as {email} ({role})."),
    "auth.denied": ("{email} har ikke tilgang til denne tjenesten. Be prosesseieren om å "
                    "legge deg til på tilgangslisten.",
                    "{email} has no access to this service. Ask the process owner to add you "
                    "to the access list."),
    "auth.owner_only": ("Denne siden er bare for prosesseieren.",
                        "This page is for the process owner only."),
    "auth.names_elsewhere": ("Navn vises bare for enhetene du har tilgang til; her ser du "
                             "samletallene.",
                             "Names are shown only for the units you have access to; here you "
                             "see the aggregates."),
    "auth.your_units": ("Viser enhetene du har tilgang til.",
                        "Showing the units you have access to."),
    "sidebar.unreadable": ("Den publiserte dataen kan ikke leses ({problem}); viser "
                           "eksempeldata til noen publiserer på nytt.",
                           "The published data cannot be read ({problem}); showing the sample "
                           "data until someone publishes again."),
    "sidebar.published": ("Publisert {date} kl. {time} av {by}, data per {as_of}.",
                          "Published {date} at {time} by {by}, data as of {as_of}."),
    "publication.nobody": ("ukjent (ingen innlogging)", "unknown (no sign-in)"),
    "publication.app": ("appen", "the app"),
    "publication.command line": ("kommandolinjen", "the command line"),
    # Oversikt
    "overview.only_gaps": ("Bare enheter som ikke oppfyller kravene",
                           "Only units not meeting the requirements"),
    "overview.only_gaps_help": ("Varmekartene viser bare enhetene som bryter regel 1, 2 eller "
                                "3; nøkkeltallene og fakultetstabellen teller fortsatt alle.",
                                "The heatmaps show only the units breaking rule 1, 2 or 3; the "
                                "headline figures and the faculty table still count them all."),
    "overview.no_gaps": ("Alle enhetene oppfyller kravene.",
                         "Every unit meets the requirements."),
    "overview.since": ("{share} · {change} siden {date}", "{share} · {change} since {date}"),
    "overview.title": ("Prosessrådgivere og kompetanse per enhet",
                       "Process advisors and training per unit"),
    "overview.computed": ("Beregnet per {date}. Saksbehandlere telles når de har vært ansatt i "
                          "minst {days} dager.",
                          "Computed as of {date}. Case handlers count once they have been "
                          "employed for at least {days} days."),
    "overview.process_heatmap": ("Prosessrådgivere per enhet og prosess",
                                 "Process advisors per unit and process"),
    "overview.process_help": ("Tallet er antall rådgivere. Blå: kravet er oppfylt. Oransje: "
                              "mangler rådgiver for prosessen, eller færre enn {count} ulike "
                              "personer. Klikk på en rute for å åpne enheten.",
                              "The number is the count of advisors. Blue: the requirement is "
                              "met. Orange: no advisor for the process, or fewer than {count} "
                              "distinct people. Click a cell to open the unit."),
    "overview.requirement_heatmap": ("Kompetansekrav: andel som oppfyller",
                                     "Competency requirements: share who meet them"),
    "overview.too_many": ("{count} enheter er for mange til å vises én og én. Her vises "
                          "fakultetene; velg et fakultet over for å se enhetene.",
                          "{count} units are too many to show one by one. The faculties are "
                          "shown here; choose a faculty above to see its units."),
    "overview.requirement_help": ("Andel av rådgiverne (eller saksbehandlerne som er forbi "
                                  "fristen) som oppfyller kravet (kurs eller vurdering). – "
                                  "betyr at ingen i enheten er i målgruppen. Klikk på en rute "
                                  "for å åpne enheten.",
                                  "Share of the advisors (or of the case handlers past the "
                                  "grace period) who meet the requirement (course or "
                                  "assessment). – means nobody in the unit is in the target "
                                  "group. Click a cell to open the unit."),
    "overview.per_faculty": ("Per fakultet", "Per faculty"),
    "overview.units": ("Enheter", "Units"),
    "overview.compliant_units": ("Oppfyller", "Compliant"),
    "overview.staff": ("Ansatte", "Staff"),
    "overview.advisors": ("Rådgivere", "Advisors"),
    "overview.units_missing_process": ("Enheter som mangler en prosess",
                                       "Units missing a process"),
    "overview.advisors_missing_requirements": ("Rådgivere som mangler krav",
                                               "Advisors lacking a requirement"),
    "overview.compliant_share": ("Andel som oppfyller", "Share compliant"),
    # Enhet
    "unit.not_found": ("Enheten i lenken finnes ikke i dataene som vises nå.",
                       "The unit in the link is not in the data shown now."),
    "unit.all_units": (" – alle enheter", " – all units"),
    "unit.judged": (" · {count} enheter vurderes", " · {count} units assessed"),
    "unit.show_all": ("Vis hele {name}", "Show all of {name}"),
    "unit.units_all_processes": ("Enheter med alle prosesser", "Units with every process"),
    "unit.compliant": ("Oppfyller kravene", "Meets the requirements"),
    "unit.processes_covered": ("Prosesser med rådgiver", "Processes with an advisor"),
    "unit.distinct": ("Ulike rådgivere (min. {count} per enhet)",
                      "Distinct advisors (min. {count} per unit)"),
    "unit.computed": ("Beregnet per {date}. {staff} ansatte.",
                      "Computed as of {date}. {staff} staff."),
    "unit.children": ("Enhetene under", "The units below"),
    "unit.children_help": ("Velg en rad for å åpne enheten.", "Select a row to open the unit."),
    "unit.processes": ("Prosesser", "Processes"),
    "unit.no_advisor": ("✖ mangler rådgiver", "✖ no advisor"),
    "unit.status": ("Status", "Status"),
    "unit.advisors": ("Prosessrådgivere og deres opplæring",
                      "Process advisors and their training"),
    "unit.no_advisors": ("Enheten har ingen prosessrådgivere.",
                         "The unit has no process advisors."),
    "unit.legend": (ADVISOR_STATE_LEGEND,
                    "✔ completed (date) · ⚠ expires within {days} days (valid until) · "
                    "✖ expired (valid until) · ✖ missing · – does not apply"),
    "unit.case_handlers": ("Saksbehandlere: {requirement}", "Case handlers: {requirement}"),
    "unit.lacking_help": ("**{label}**: startet for minst {days} dager siden og har ikke "
                          "fullført kurset",
                          "**{label}**: started at least {days} days ago and has not "
                          "completed the course"),
    "unit.grace_help": ("**{label}**: kurset må være fullført innen datoen under {due}",
                        "**{label}**: the course must be completed by the date under {due}"),
    "unit.gaps": ("Avvik og foreslåtte tiltak", "Gaps and suggested actions"),
    "unit.no_gaps": ("Ingen avvik.", "No gaps."),
    "unit.open_gaps": ("Åpne i Avvik og tiltak", "Open in Gaps and actions"),
    # Avvik og tiltak
    "gaps.title": ("Avvik og tiltak", "Gaps and actions"),
    "gaps.kind": ("Type avvik", "Kind of gap"),
    "gaps.process_note": ("Med prosess valgt: avvik som gjelder {process}, og kursavvik hos "
                          "enhetens rådgivere for den prosessen.",
                          "With a process chosen: gaps concerning {process}, and course gaps "
                          "of the unit's advisors for that process."),
    "gaps.showing": ("Viser {shown} av {total} avvik, beregnet per {date}.",
                     "Showing {shown} of {total} gaps, computed as of {date}."),
    "gaps.per_unit": ("Per enhet", "Per unit"),
    "gaps.first_units": ("Viser de første {shown} av {total} enhetene med avvik; velg fakultet "
                         "eller enhet for resten, eller last ned listen.",
                         "Showing the first {shown} of {total} units with gaps; choose a "
                         "faculty or unit for the rest, or download the list."),
    "gaps.case_handlers": ("{count} saksbehandlere mangler {requirements}.",
                           "{count} case handlers lack {requirements}."),
    "gaps.show_people": ("Vis de {count} saksbehandlerne", "Show the {count} case handlers"),
    "gaps.the_people": ("Saksbehandlerne:", "The case handlers:"),
    "gaps.all_rows": ("Alle {count} avvik enkeltvis", "All {count} gaps one by one"),
    "gaps.download": ("Last ned listen (CSV)", "Download the list (CSV)"),
    "gaps.file": ("avvik_og_tiltak_{date}.csv", "gaps_and_actions_{date}.csv"),
    "gaps.candidates": ("Kandidater til prosessrådgiver", "Candidates for process advisor"),
    "gaps.no_shortage": ("Ingen av avvikene i listen gjelder manglende rådgivere.",
                         "None of the gaps in the list is about missing advisors."),
    # A gap's message (wording.gaps); the exports write them in bokmål
    "gap.too_few": ("{unit} har {count} prosessrådgiver(e); minst {minimum} forskjellige "
                    "personer kreves.",
                    "{unit} has {count} process advisor(s); at least {minimum} different "
                    "people are required."),
    "gap.missing_process": ("{unit} mangler prosessrådgiver for {process}.",
                            "{unit} has no process advisor for {process}."),
    "gap.advisor_missing": ("Prosessrådgiver {person} i {unit}: {requirement} {name} mangler.",
                            "Process advisor {person} in {unit}: {requirement} {name} is "
                            "missing."),
    "gap.advisor_expired": ("Prosessrådgiver {person} i {unit}: {requirement} {name} er utløpt.",
                            "Process advisor {person} in {unit}: {requirement} {name} has "
                            "expired."),
    "gap.case_handler": ("Saksbehandler {person} i {unit} mangler {requirement} {name}.",
                         "Case handler {person} in {unit} lacks {requirement} {name}."),
    "action.appoint_many": ("Oppnevn {count} {whom}; {candidates}.",
                            "Appoint {count} {whom}; {candidates}."),
    "action.new_advisor": ("ny prosessrådgiver", "new process advisor"),
    "action.new_advisors": ("nye prosessrådgivere", "new process advisors"),
    "action.appoint_for": ("Oppnevn rådgiver for {process}; {candidates}.",
                           "Appoint an advisor for {process}; {candidates}."),
    "action.no_candidates": ("ingen andre ansatte i enheten; vurder en rådgiver fra en annen "
                             "enhet",
                             "no other staff in the unit; consider an advisor from another unit"),
    "action.candidates": ("kandidater: {names}", "candidates: {names}"),
    "action.has_all": ("oppfyller alle krav", "meets every requirement"),
    "action.lacks": ("mangler {ids}", "lacks {ids}"),
    "action.retake": ("Ta {requirement} på nytt{since}: {courses}.",
                      "Retake {requirement}{since}: {courses}."),
    "action.expired_on": (" (utløpt {date})", " (expired {date})"),
    "action.complete": ("Fullfør {requirement}: {courses}.",
                        "Complete {requirement}: {courses}."),
    "action.assess": ("Få {requirement} vurdert (leder eller prosesseier registrerer "
                      "vurderingen).",
                      "Have {requirement} assessed (the leader or the process owner records "
                      "the assessment)."),
    "action.reassess": ("Få {requirement} vurdert på nytt{since}.",
                        "Have {requirement} assessed again{since}."),
    "action.or": (" eller ", " or "),
    "plan.appoint": ("Oppnevn som prosessrådgiver for {process}.",
                     "Appoint as process advisor for {process}."),
    "plan.relieve": ("Frita som prosessrådgiver for {process}.",
                     "Relieve as process advisor for {process}."),
    "plan.relieve_lacking": (
        "Frita som prosessrådgiver for {process} (mangler {lacking}); enheten har nok "
        "rådgivere for prosessen uten.",
        "Relieve as process advisor for {process} (lacks {lacking}); the unit has enough "
        "advisors for the process without."),
    "plan.replace": ("Frita som prosessrådgiver for {process}; {successor} tar over.",
                     "Relieve as process advisor for {process}; {successor} takes over."),
    "plan.enrol": ("Meld på {requirement}{note}.", "Enrol in {requirement}{note}."),
    "plan.assess": ("Avtal vurdering av {requirement}{note}.", "Arrange an assessment of "
                    "{requirement}{note}."),
    "plan.as_case_handler": (" (saksbehandler, innen fristen)",
                             " (case handler, by the deadline)"),
    "plan.as_late_case_handler": (" (saksbehandler; fristen gikk ut {date})",
                                  " (case handler; the deadline passed on {date})"),
    "plan.title": ("Tiltaksplan", "Action plan"),
    "nav.plan": ("Tiltaksplan", "Action plan"),
    "plan.intro": ("Det minste antallet tiltak som får hver enhet til å oppfylle kravene: "
                   "oppnevne rådgivere, melde på kurs og vurderinger, skifte ut en rådgiver der "
                   "det koster mindre. Hver persons manglende krav telles én gang, og hver "
                   "saksbehandler som mangler et krav er med, med frist. Planen er regnet ut "
                   "eksakt, ikke gjettet enhet for enhet.",
                   "The fewest actions that make every unit meet the requirements: appoint "
                   "advisors, enrol in courses and assessments, replace an advisor where that "
                   "costs less. Each person's missing requirements count once, and every case "
                   "handler lacking a requirement is in it, with a deadline. The plan is "
                   "computed exactly, not guessed unit by unit."),
    "plan.left_out": ("La disse enhetene være", "Leave these units out"),
    "plan.left_out_help": ("Planen foreslår ingenting for dem.",
                           "The plan proposes nothing for them."),
    "plan.locked": ("Foreslå aldri disse personene", "Never propose these people"),
    "plan.locked_help": ("Verken oppnevning eller påmelding, for eksempel ved permisjon.",
                         "Neither appointed nor enrolled, for instance while on leave."),
    "plan.prefer": ("Ved like mange tiltak, foretrekk", "Among plans of the same size, prefer"),
    "plan.prefer.none": ("Ingen av delene", "Neither"),
    "plan.prefer.appointments": ("Oppnevninger", "Appointments"),
    "plan.prefer.enrolments": ("Kurs og vurderinger", "Courses and assessments"),
    "plan.choose_units": ("Velg enheter", "Choose units"),
    "plan.choose_people": ("Velg personer", "Choose people"),
    "plan.actions": ("Tiltak i alt", "Actions in all"),
    "plan.of_them_case_handlers": ("{count} av påmeldingene er saksbehandleres, med frist.",
                                   "{count} of the enrolments are case handlers', with a "
                                   "deadline."),
    "plan.compliant_after": ("Oppfyller kravene", "Meeting the requirements"),
    "plan.compliant_after_value": ("{now} → {after} av {units}", "{now} → {after} of {units}"),
    "plan.compliant_after_help": ("Nå → når alle tiltakene er gjennomført (regnet ut med Hva "
                                  "om).", "Now → once every action is carried out (computed "
                                  "with What if)."),
    "plan.unsolvable": ("Kan ikke oppfylle kravene med dagens ansatte: {units}.",
                        "Cannot meet the requirements with today's staff: {units}."),
    "plan.unsolvable_unit": ("{unit} ({people} ansatte)", "{unit} ({people} staff)"),
    "plan.nothing": ("Alle enhetene oppfyller kravene: planen har ingen tiltak.",
                     "Every unit meets the requirements: the plan has no actions."),
    "plan.open_whatif": ("Åpne planen i Hva om", "Open the plan in What if"),
    "plan.open_whatif_help": ("Alle tiltakene blir valgt i Hva om, der du kan endre dem enhet "
                              "for enhet.", "Every action is chosen in What if, where you can "
                              "change them unit by unit."),
    "plan.download": ("Last ned tiltaksplanen (Excel)", "Download the plan (Excel)"),
    "plan.packs": ("Last ned enhetspakker (zip)", "Download unit packs (zip)"),
    "plan.packs_help": ("Én PDF per enhet med bare den enhetens navn, og en indeks med "
                        "lederens e-post.", "One PDF per unit with that unit's names only, and "
                        "an index with the leader's e-mail."),
    "plan.cost": ("Kostnad per enhet", "Cost per unit"),
    "plan.tasks": ("Tiltak", "Tasks"),
    "plan.show_unit": ("Vis tiltak for", "Show the tasks of"),
    "plan.all_units": ("Alle enheter", "All units"),
    "plan.file": ("tiltaksplan_{date}.xlsx", "action_plan_{date}.xlsx"),
    "plan.packs_file": ("enhetspakker_{date}.zip", "unit_packs_{date}.zip"),
    "plan.as_of": ("Beregnet per {date}", "Computed as of {date}"),
    "plan.sheet.tasks": ("Tiltak", "Tasks"),
    "plan.sheet.cost": ("Kostnad per enhet", "Cost per unit"),
    "plan.sheet.unsolvable": ("Kan ikke oppfylles", "Cannot comply"),
    "plan.col.unit_id": ("Enhetskode", "Unit code"),
    "plan.col.unit": ("Enhet", "Unit"),
    "plan.col.task": ("Tiltak", "Task"),
    "plan.col.person": ("Person", "Person"),
    "plan.col.employee_id": ("Ansattnr", "Employee no."),
    "plan.col.process": ("Prosess", "Process"),
    "plan.col.requirement": ("Krav", "Requirement"),
    "plan.col.deadline": ("Frist", "Deadline"),
    "plan.col.responsible": ("Ansvarlig", "Responsible"),
    "plan.col.actions": ("Tiltak i alt", "Actions in all"),
    "plan.col.people": ("Ansatte", "Staff"),
    "plan.kind.appoint": ("Oppnevninger", "Appointments"),
    "plan.kind.relieve": ("Fritak", "Reliefs"),
    "plan.kind.enrol": ("Påmeldinger", "Enrolments"),
    "pack.subtitle": ("Enhetspakke før nettverksmøtet · beregnet per {date} · inneholder "
                      "personopplysninger for denne enheten",
                      "Unit pack for the network meeting · computed as of {date} · holds "
                      "personal data of this unit"),
    "pack.status": ("Oppfyller kravene: {compliant}. Ansatte: {staff}. Ulike rådgivere: "
                    "{advisors}. Prosesser uten rådgiver: {missing}. Rådgivere som mangler "
                    "krav: {untrained}.",
                    "Meets the requirements: {compliant}. Staff: {staff}. Distinct advisors: "
                    "{advisors}. Processes without an advisor: {missing}. Advisors lacking "
                    "requirements: {untrained}."),
    "pack.advisors": ("Prosessrådgivere og opplæring", "Process advisors and training"),
    "pack.processes": ("Prosesser", "Processes"),
    "pack.case_handlers": ("Saksbehandlere: {requirement}", "Case handlers: {requirement}"),
    "pack.state": ("Status", "State"),
    "pack.gaps": ("Avvik ({count})", "Gaps ({count})"),
    "pack.plan": ("Tiltaksplan for enheten ({count} tiltak)",
                  "The unit's action plan ({count} actions)"),
    "pack.leader_email": ("Leder e-post", "Leader email"),
    "pack.file": ("Fil", "File"),
    "plan.leader": ("Enhetsleder", "Head of unit"),
    "plan.case_handler_advisor": ("Prosessrådgiver for saksbehandling",
                                  "Process advisor for case handling"),
    "gaps.missing_for": ("mangler rådgiver for {process}", "no advisor for {process}"),
    "gaps.too_few": ("for få ulike rådgivere", "too few distinct advisors"),
    "gaps.gap": ("Avvik", "Gap"),
    "gaps.ranking": ("Rangert etter hvor få rådgiverkrav personen mangler; ved likt antall "
                     "kommer saksbehandlere først, så den med lengst ansiennitet. Personer som "
                     "allerede er rådgiver for prosessen (for «for få»: for noen prosess) er "
                     "utelatt.",
                     "Ranked by how few advisor requirements the person lacks; on a tie, case "
                     "handlers come first, then the longest-serving. People who already advise "
                     "for the process (for \"too few\": for any process) are left out."),
    # Møtevisning
    "meeting.title": ("Møtevisning", "Meeting view"),
    "meeting.heatmap": ("Varmekart", "Heatmap"),
    "meeting.coverage": ("Dekning", "Coverage"),
    "meeting.training": ("Opplæring", "Training"),
    "meeting.download": ("Last ned", "Download"),
    "meeting.xlsx": ("Excel-rapport (alle tabeller)", "Excel report (all tables, Norwegian)"),
    "meeting.pptx": ("Lysbilder (PowerPoint)", "Slides (PowerPoint, Norwegian)"),
    "meeting.pdf": ("PDF for utskrift", "PDF for printing (Norwegian)"),
    "meeting.download_help": ("Lysbilder og PDF gjelder utvalget som vises, kun samletall. "
                              "Excel-rapporten har alle tabeller, også ansattnumre.",
                              "Slides and PDF cover the selection shown, aggregates only. The "
                              "Excel report has every table, employee numbers included. The "
                              "files are in Norwegian."),
    "meeting.caption": ("Per {date} · Kun samletall: grupper med færre enn {limit} personer "
                        "vises som <{limit}; totalene er regnet av alle.{marker}",
                        "As of {date} · Aggregates only: groups of fewer than {limit} people "
                        "are shown as <{limit}; the totals count everyone.{marker}"),
    "meeting.change": ("Siden øyeblikksbildet {date}: fra {before} til {now} enheter som "
                       "oppfyller kravene ({became} har kommet til, {stopped} har falt fra).",
                       "Since the snapshot of {date}: from {before} to {now} units meeting the "
                       "requirements ({became} joined, {stopped} dropped out)."),
    "meeting.rollup": ("Enheter som oppfyller regelen, per fakultet",
                       "Units meeting each rule, per faculty"),
    "meeting.training_heatmap": ("Andel som oppfyller kravet (grå: færre enn {limit} "
                                 "personer)",
                                 "Share who meet the requirement (grey: fewer than "
                                 "{limit} people)"),
    "meeting.top_gaps": ("Mest å rette opp", "Most to fix"),
    "meeting.all_units": ("Alle {count} enheter", "All {count} units"),
    "meeting.in_total": ("{count} i alt", "{count} in total"),
    # Secondary suppression: a figure held back because the ones beside it would reveal a "<5"
    "meeting.all_but": ("alle unntatt {hidden}", "all but {hidden}"),
    "meeting.withheld": ("skjult", "hidden"),
    "meeting.withheld_note": ("«skjult»: holdt tilbake fordi tallene ved siden av ellers ville "
                              "avsløre en gruppe med færre enn {limit} personer.",
                              "“hidden”: held back because the figures beside it would "
                              "otherwise reveal a group of fewer than {limit} people."),
    # Figures (charts/)
    "chart.share": ("Andel", "Share"),
    "chart.distinct": (TOTAL_ADVISORS, "Distinct people"),
    "chart.advisor_count": ("{count} rådgiver(e)", "{count} advisor(s)"),
    "chart.units": ("enheter", "units"),
    "chart.at_least": ("Minst {count} ulike rådgivere", "At least {count} distinct advisors"),
    "chart.compliant": (COMPLIANT_MEASURE, "Meets all requirements"),
    "chart.units_axis": ("Enheter", "Units"),
    "chart.completed_share": ("Andel som har fullført", "Share completed"),
    # Utvikling
    "trends.title": ("Utvikling over tid", "Trends over time"),
    "trends.snapshots": ("Dekning ved lagrede øyeblikksbilder", "Coverage at saved snapshots"),
    "trends.none": ("Ingen øyeblikksbilder er lagret ennå. Lagre ett på Data-siden før hvert "
                    "møte, så vises utviklingen her.",
                    "No snapshots are saved yet. Save one on the Data page before each "
                    "meeting, and the trend shows here."),
    "trends.none_before": ("Ingen øyeblikksbilder er eldre enn dataene per {date}; velg ett "
                           "for å sammenligne.",
                           "No snapshot is older than the data as of {date}; choose one to "
                           "compare with."),
    "trends.choose": ("Velg et øyeblikksbilde", "Choose a snapshot"),
    "trends.compare": ("Sammenlign dagens tall med", "Compare today's figures with"),
    "trends.since": ("{change} siden {label}", "{change} since {label}"),
    "trends.no_changes": ("Ingen enheter har endret status.", "No unit has changed status."),
    "trends.change": ("Endring", "Change"),
    "trends.training": ("Opplæring måned for måned", "Training month by month"),
    "trends.training_help": ("Andelen av dagens målgrupper (rådgivere, og saksbehandlere forbi "
                             "fristen) som oppfylte kravet ved utgangen av hver måned, "
                             "regnet ut fra datoene for kurs og vurderinger.",
                             "The share of today's target groups (advisors, and case handlers "
                             "past the grace period) who met the requirement by the end "
                             "of each month, computed from the dates of courses and "
                             "assessments."),
    # Data
    "data.title": ("Data", "Data"),
    "data.sample": ("Viser eksempeldata (fiktive personer). Last opp egne filer under.",
                    "Showing sample data (fictional people). Upload your own files below."),
    "data.upload": ("Last opp", "Upload"),
    "data.upload_help": ("Ansattliste og kursdata må være med; rådgiverliste, kompetansekrav og "
                         "enhetsliste er valgfrie. Excel (.xlsx, .xlsm, .xls, .ods) eller CSV. "
                         "Filtypen gjenkjennes fra kolonneoverskriftene.",
                         "The staff list and the course records are required; the advisor "
                         "list, competency requirements and unit list are optional. Excel "
                         "(.xlsx, .xlsm, .xls, .ods) or CSV. The kind of file is recognised "
                         "from its column headers."),
    "data.files": ("Filer", "Files"),
    "data.kind": ("Filtype", "Kind of file"),
    "data.choose_kind": ("Velg filtype", "Choose the kind of file"),
    "data.unrecognised": ("Kolonnen «{raw}» ble ikke gjenkjent; bruk den som",
                          "The column \"{raw}\" was not recognised; use it as"),
    "data.not_used": (COLUMN_CHOICE_NONE, "(do not use)"),
    "data.sheet": ("arket «{sheet}», ", "sheet \"{sheet}\", "),
    "data.reading": ("Leser {where}overskrift i rad {row}, {rows} datarader.",
                     "Reading {where}header in row {row}, {rows} data rows."),
    "data.raw": ("Kolonne i filen", "Column in the file"),
    "data.read_as": ("Tolket som", "Read as"),
    "data.preview": ("Forhåndsvisning (de første radene)", "Preview (the first rows)"),
    "data.use": ("Bruk disse dataene", "Use these data"),
    "data.back": ("Lukk forhåndsvisningen", "Close the preview"),
    "data.publish": ("Publiser for alle", "Publish for everyone"),
    "data.publish_help": (
        "Bare du ser disse filene nå. Når du publiserer, lagres filene og kolonnevalgene i "
        "databasen, og alle som åpner appen ser disse dataene.",
        "Only you see these files now. Publishing stores the files and column choices in the "
        "database, and everyone who opens the app sees these data."),
    "data.publish_button": ("Publiser disse dataene", "Publish these data"),
    "data.published": ("Publisert som nr. {id}. Alle som åpner appen ser nå disse dataene.",
                       "Published as no. {id}. Everyone who opens the app now sees these data."),
    "data.publications": ("Publiseringer", "Publications"),
    "data.no_publications": ("Ingenting er publisert ennå; alle ser eksempeldataene.",
                             "Nothing is published yet; everyone sees the sample data."),
    "data.publications_help": ("De {count} siste publiseringene beholdes; eldre slettes med "
                               "personopplysningene i dem.",
                               "The latest {count} publications are kept; older ones are deleted "
                               "with the personal data in them."),
    "data.pub.id": ("Nr.", "No."),
    "data.pub.at": ("Publisert", "Published"),
    "data.pub.by": ("Av", "By"),
    "data.pub.source": ("Fra", "From"),
    "data.pub.as_of": ("Data per", "Data as of"),
    "data.pub.files": ("Filer", "Files"),
    "data.pub.restored": ("Gjenoppretter nr.", "Restores no."),
    "data.pub.current": ("gjeldende", "current"),
    "data.restore_choice": ("Gjenopprett en tidligere publisering", "Restore an earlier "
                            "publication"),
    "data.restore": ("Gjenopprett", "Restore"),
    "data.restored": ("Nr. {old} er gjenopprettet som nr. {id}; alle ser nå de dataene.",
                      "No. {old} is restored as no. {id}; everyone now sees those data."),
    "data.snapshot": ("Lagre et øyeblikksbilde", "Save a snapshot"),
    "data.snapshot_help": ("Lagrer tallene per enhet (ingen navn) slik at utviklingen kan "
                           "følges over tid og sammenlignes med forrige møte.",
                           "Saves the figures per unit (no names), so the trend can be "
                           "followed over time and compared with the previous meeting."),
    "data.label": ("Merkelapp (f.eks. «Direktørmøtet november»)",
                   "Label (e.g. \"Director's meeting, November\")"),
    "data.save": ("Lagre øyeblikksbilde", "Save snapshot"),
    "data.saved": ("Lagret øyeblikksbilde per {date}.", "Saved a snapshot as of {date}."),
    "data.replaced": ("Et øyeblikksbilde per {date} med de samme tallene fantes allerede; det er "
                      "erstattet av dette, så utviklingen viser det bare én gang.",
                      "A snapshot as of {date} with the same figures was already saved; this "
                      "one replaces it, so the trends show it once."),
    "data.read_now": ("Dette er lest inn nå", "What is read in now"),
    "data.type": ("Type", "Type"),
    "data.report": ("Valideringsrapport", "Validation report"),
    "data.no_issues": ("Ingen problemer funnet i filene.", "No problems found in the files."),
    "data.all_files": ("Alle filer", "All files"),
    "data.any_severity": ("Velg alvorlighet", "Choose a severity"),
    "data.shown": ("{shown} av {total} merknader vises.", "{shown} of {total} notes shown."),
    "data.download": ("Last ned valideringsrapporten (CSV)",
                      "Download the validation report (CSV)"),
    "data.report_file": ("valideringsrapport.csv", "validation-report.csv"),
    **VALIDATION_TEXTS,
}



def resolve_lang(*candidates: object) -> str:
    """The first candidate that names a supported language, else bokmål."""
    return next((c for c in candidates if c in LANGUAGES), NB)


def t(key: str, lang: str, **values: object) -> str:
    """The text for `key` in `lang`, with `{name}` placeholders filled from `values`."""
    nb, en = TEXTS[key]
    text = en if lang == EN else nb
    return text.format(**values) if values else text


def portal_note(lang: str):
    """Words for a learning portal's own valid-until date after a matrix cell."""
    def note(until, passed: bool) -> str:
        return t("portal.passed" if passed else "portal.valid", lang, date=f"{until:%d.%m.%Y}")
    return note


def process_label(process: str, lang: str, short: bool = False) -> str:
    """A process's label; `short` for tight spaces (English keeps "Innsyn" and "SRU" there)."""
    return _process_labels(lang, short).get(process, process)


def gap_kind_label(kind: str, lang: str) -> str:
    return (_GAP_KIND_EN if lang == EN else GAP_KIND_LABELS).get(kind, kind)


def kpi_label(key: str, lang: str) -> str:
    return (_KPI_EN if lang == EN else KPI_LABELS)[key]


def kind_label(kind: str, lang: str) -> str:
    """What an input file holds: staff list, course records, …"""
    return (_KIND_EN if lang == EN else KIND_LABELS).get(kind, kind)


def table_header(table: str, column: str, lang: str) -> str:
    """The label of a result table's column, e.g. ("unit_summary", "staff") → "Ansatte"."""
    return (_HEADERS_EN if lang == EN else _HEADERS_NB)[table][column]


def audience_label(audience: str, lang: str) -> str:
    head, _, process = audience.partition(":")
    label = (_AUDIENCE_EN if lang == EN else AUDIENCE_LABELS).get(head, head)
    return f"{label}, {process_label(process, lang)}" if process else label


def label_set(name: str, lang: str) -> Mapping:
    """A whole set of labels (table headers, states, …) in `lang`: bokmål's above."""
    nb, en = _LABEL_SETS[name]
    chosen = en if lang == EN else nb
    return chosen() if callable(chosen) else chosen


def process_in_text(process: str, lang: str) -> str:
    """A process's label inside a sentence: English labels start in lower case there."""
    label = process_label(process, lang)
    return label[:1].lower() + label[1:] if lang == EN and find_process(process) else label
