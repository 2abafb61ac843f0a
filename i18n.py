"""The views' texts in Norwegian (bokmål, the default) and English: `t(key, lang, **values)`.

Pure: the page passes the language (from `st.session_state["lang"]` or `?lang=`); Norwegian
domain labels come from labels.py, so each Norwegian text still lives in one place."""

from __future__ import annotations

import re

import labels
from loaders.schema import KIND_LABELS

NB = "nb"
EN = "en"
LANGUAGES = (NB, EN)
LANGUAGE_NAMES = {NB: "Norsk", EN: "English"}
LANG_KEY = "lang"  # the session-state key and the URL parameter

_PROCESS_EN = {"saksbehandling": "Case handling", "innsyn": "Access to records (innsyn)",
               "SRU": "Boards and committees (SRU)"}
_AUDIENCE_EN = {"advisors": "advisors", "case_handlers": "case handlers"}
_GAP_KIND_EN = {
    "missing_process_advisor": "Missing process advisor",
    "too_few_advisors": "Too few process advisors",
    "advisor_missing_requirement": "Advisor lacks a course",
    "advisor_requirement_expired": "Advisor's course expired",
    "case_handler_missing_requirement": "Case handler lacks a course",
}
_KIND_EN = {"staff": "staff list (HR)", "advisors": "process advisor list",
            "courses": "course records", "requirements": "competency requirements",
            "units": "unit list"}
_KPI_EN = {
    "units": "Units assessed",
    "compliant_units": "Units meeting the requirements",
    "advisors": "Process advisors",
    "advisors_fully_trained": "Advisors with all training",
    "case_handlers_trained": "Case handlers with training",
}
_HEADERS_NB = {"unit_process": labels.UNIT_PROCESS_HEADERS,
               "unit_summary": labels.SUMMARY_HEADERS,
               "unit_requirement": labels.UNIT_REQUIREMENT_HEADERS}
_HEADERS_EN = {
    "unit_process": {"advisors": "Process advisors", "ok": "Met"},
    "unit_summary": {"staff": "Staff", "advisors": "Distinct process advisors",
                     "missing_processes": "Processes without an advisor",
                     "advisors_missing_requirements": "Advisors lacking a course",
                     "compliant": "Meets the requirements"},
    "unit_requirement": {"target": "People in the target group", "met": "Have met it",
                         "share": "Share"},
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
    "about.req_courses": ("Godkjente kurs", "Accepted courses"),
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
    "about.us.staff": ("alle personer i enheten i ansattlisten.",
                       "everyone in the unit in the staff file."),
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
}

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def resolve_lang(*candidates: object) -> str:
    """The first candidate that names a supported language, else bokmål."""
    return next((c for c in candidates if c in LANGUAGES), NB)


def t(key: str, lang: str, **values: object) -> str:
    """The text for `key` in `lang`, with `{name}` placeholders filled from `values`."""
    nb, en = TEXTS[key]
    text = en if lang == EN else nb
    return text.format(**values) if values else text


def plain(text: str) -> str:
    """Text from a file, escaped so st.markdown shows it literally."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def process_label(process: str, lang: str) -> str:
    table = _PROCESS_EN if lang == EN else labels.PROCESS_LABELS
    return table.get(process, process)


def gap_kind_label(kind: str, lang: str) -> str:
    return (_GAP_KIND_EN if lang == EN else labels.GAP_KIND_LABELS).get(kind, kind)


def kpi_label(key: str, lang: str) -> str:
    return (_KPI_EN if lang == EN else labels.KPI_LABELS)[key]


def kind_label(kind: str, lang: str) -> str:
    """What an input file holds: staff list, course records, …"""
    return (_KIND_EN if lang == EN else KIND_LABELS).get(kind, kind)


def table_header(table: str, column: str, lang: str) -> str:
    """The label of a result table's column, e.g. ("unit_summary", "staff") → "Ansatte"."""
    return (_HEADERS_EN if lang == EN else _HEADERS_NB)[table][column]


def audience_label(audience: str, lang: str) -> str:
    if lang != EN:
        return labels.audience_label(audience)
    head, _, process = audience.partition(":")
    label = _AUDIENCE_EN.get(head, head)
    return f"{label}, {process_label(process, lang)}" if process else label
