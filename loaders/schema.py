"""Canonical column names and every header alias the loaders accept, in one place."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from loaders.processes import Process, processes

# Canonical column names (English snake_case), shared by loaders, analysis and exports.
EMPLOYEE_ID = "employee_id"
NAME = "name"
FIRST_NAME = "first_name"
LAST_NAME = "last_name"
EMAIL = "email"
LEADER_EMAIL = "leader_email"
UNIT_ID = "unit_id"
UNIT_NAME = "unit_name"
PARENT_ID = "parent_id"
POSITION = "position"
START_DATE = "start_date"
CASE_HANDLER = "case_handler"
ROLES = "roles"
PROCESS = "process"
APPOINTED_DATE = "appointed_date"
APPOINTED_UNTIL = "appointed_until"
END_DATE = "end_date"
MAIN_POSITION = "main_position"  # Hovedstilling/Bistilling, or a yes/no "Hovedstilling" column
POSITION_PERCENT = "position_percent"
VALID_UNTIL = "valid_until"  # the portal's own expiry date of a completion
ROW = "row"  # the Excel row (CSV line) a canonical row came from
COURSE_CODE = "course_code"
COURSE_TITLE = "course_title"
STATUS = "status"
STATUS_FLAG = "status_flag"  # a yes/no completion column beside a status column
COMPLETION_DATE = "completion_date"
COMPLETED = "completed"
REQUIREMENT_ID = "requirement_id"
AUDIENCE = "audience"
COURSES = "courses"
VALID_MONTHS = "valid_months"
GRACE_DAYS = "grace_days"
REQUIREMENT_KIND = "kind"  # how a requirement is met: one of REQUIREMENT_KINDS
RESULT = "result"  # an assessment's outcome: met (True) or not (False)
ASSESSED_BY = "assessed_by"
NOTE = "note"
SOURCE = "source"
IGNORED = "_ignored"  # recognised, deliberately unused columns (e.g. "Gyldig til")
ROLE_FLAGS_HERE = "_role_flags"  # where the registry's yes/no column per process goes
STAFF = "staff"
ADVISORS = "advisors"
COURSE_RECORDS = "courses"
REQUIREMENTS = "requirements"
UNITS = "units"
ASSESSMENTS = "assessments"
KINDS = (STAFF, ADVISORS, COURSE_RECORDS, REQUIREMENTS, UNITS, ASSESSMENTS)

# How a requirement is met: a completed course of the learning portal, or an assessment.
COURSE_KIND = "course"
ASSESSMENT_KIND = "assessment"
REQUIREMENT_KINDS = (COURSE_KIND, ASSESSMENT_KIND)

KIND_LABELS = {
    STAFF: "ansattliste (HR)",
    ADVISORS: "prosessrådgiverliste",
    COURSE_RECORDS: "kursdata",
    REQUIREMENTS: "kompetansekrav",
    UNITS: "enhetsliste",
    ASSESSMENTS: "vurderinger",
}

_PERSON_ALIASES = {
    EMPLOYEE_ID: [
        "ansattnr", "ansattnummer", "ansatt nr", "ansatt-id", "ansattid", "ansatt id",
        "employee id", "employee number", "employee no", "emp id", "empid", "person id",
        "personid", "personnr ansatt", "id",
    ],
    NAME: [
        "navn", "fullt navn", "ansattnavn", "ansatt", "person", "deltaker", "deltakernavn",
        "name", "full name", "employee name", "participant",
    ],
    FIRST_NAME: ["fornavn", "first name", "given name", "firstname"],
    LAST_NAME: ["etternavn", "last name", "surname", "family name", "lastname"],
    EMAIL: [
        "e-post", "epost", "e-postadresse", "epostadresse", "e post", "email", "e-mail",
        "mail", "email address", "e-mail address",
    ],
}

_UNIT_ALIASES = {
    UNIT_ID: [
        "enhetskode", "enhet kode", "enhets-id", "enhetsid", "enhet id", "enhetsnr",
        "org.enhet-id", "org enhet id", "orgenhet id", "org.enhet", "org.enhetskode",
        "organisasjonsenhet kode", "organisasjonskode", "stedkode", "sted kode",
        "unit code", "unit id", "org unit id", "org unit code", "department code",
    ],
    UNIT_NAME: [
        "enhet", "enhetsnavn", "enhet navn", "organisasjonsenhet", "org.enhet navn",
        "organisasjonsenhet navn", "institutt/seksjon", "institutt", "seksjon",
        "avdeling/seksjon", "unit", "unit name", "org unit", "organisational unit",
        "organizational unit", "department", "department name",
    ],
    PARENT_ID: [
        "overordnet enhet", "overordnet enhetskode", "overordnet", "overordnet kode",
        "overordnet enhet kode", "fakultet", "fakultet/avdeling", "fakultet/enhet",
        "parent", "parent unit", "parent id", "parent code", "parent unit code", "faculty",
    ],
}

_ALIASES: dict[str, dict[str, list[str]]] = {
    STAFF: {
        **_PERSON_ALIASES,
        **_UNIT_ALIASES,
        POSITION: [
            "stillingsbetegnelse", "stilling", "stillingstittel", "tittel", "position",
            "job title", "title", "position title",
        ],
        START_DATE: [
            "startdato", "start dato", "ansatt dato", "ansattdato", "ansettelsesdato",
            "tiltredelsesdato", "tiltredelse", "ansatt fra", "start date", "hire date",
            "employment start", "employment start date", "date of hire",
        ],
        END_DATE: [
            "sluttdato", "slutt dato", "sluttet", "fratredelsesdato", "fratrådt", "ansatt til",
            "til dato", "end date", "employment end", "employment end date", "termination date",
            "leaving date",
        ],
        MAIN_POSITION: [
            "hovedstilling", "stillingstype", "hovedarbeidsforhold", "main position",
            "position type", "primary position",
        ],
        POSITION_PERCENT: [
            "stillingsprosent", "stillingsandel", "stilling %", "stillingsprosent (%)",
            "fte", "employment percentage", "position percentage", "percent",
        ],
        CASE_HANDLER: [
            "saksbehandler", "er saksbehandler", "saksbehandler (ja/nei)",
            "saksbehandlertilgang", "case handler", "is case handler", "case handler flag",
        ],
        ROLE_FLAGS_HERE: [],
        ROLES: [
            "prosessrådgiver", "prosessradgiver", "prosessrådgiver for", "prosessrådgiverrolle",
            "roller", "rolle", "prosessrolle", "prosessroller", "roles", "role",
            "advisor roles", "advisor for", "process advisor",
        ],
        IGNORED: [
            "stillingskode", "ansettelsesform", "nærmeste leder", "brukernavn", "username",
            "position code",
        ],
    },
    ADVISORS: {
        **_PERSON_ALIASES,
        **_UNIT_ALIASES,
        ROLE_FLAGS_HERE: [],
        PROCESS: [
            "prosess", "prosesser", "prosessområde", "rolle", "roller", "prosessrådgiver for",
            "prosessrådgiver", "process", "processes", "role", "roles", "advisor for",
        ],
        APPOINTED_DATE: [
            "oppnevnt dato", "oppnevnt", "oppnevningsdato", "dato oppnevnt", "utnevnt",
            "utnevnt dato", "fra dato", "fra", "startdato", "oppnevnt fra", "gyldig fra",
            "appointed", "appointed date", "date appointed", "appointment date", "from date",
            "start date", "appointed from", "valid from",
        ],
        APPOINTED_UNTIL: [
            "til dato", "til", "sluttdato", "oppnevnt til", "gyldig til", "utløper", "opphørt",
            "to date", "end date", "appointed until", "until", "valid until", "ended",
        ],
        IGNORED: ["kommentar", "merknad", "comment", "note", "notes", "stillingsbetegnelse"],
    },
    COURSE_RECORDS: {
        **_PERSON_ALIASES,
        COURSE_CODE: [
            "kurskode", "kurs kode", "kurs-id", "kursid", "kode", "aktivitetskode",
            "course code", "course id", "code",
        ],
        COURSE_TITLE: [
            "kurs", "kursnavn", "kurstittel", "kurs navn", "aktivitet", "aktivitetsnavn",
            "opplæring", "tittel", "course", "course title", "course name", "title",
            "activity",
        ],
        STATUS: [
            "status", "fullføringsstatus", "kursstatus", "gjennomføringsstatus",
            "completion status", "course status",
        ],
        COMPLETION_DATE: [
            "fullført dato", "fullført", "fullføringsdato", "dato fullført", "gjennomført dato",
            "gjennomført", "dato gjennomført", "bestått dato", "completion date", "completed",
            "completed date", "date completed", "completed on", "completion",
            "time completed", "completion time", "tidspunkt fullført", "dato bestått",
        ],
        VALID_UNTIL: [
            "gyldig til", "utløpsdato", "utløper", "valid until", "expiry date", "expires",
            "expiration date", "valid to",
        ],
        IGNORED: [
            "enhet", "enhetskode", "påmeldt dato", "påmeldt", "enrolled", "enrolment date",
            "enrollment date", "unit", "stilling", "fakultet", "time enrolled", "time started",
        ],
    },
    REQUIREMENTS: {
        REQUIREMENT_ID: ["id", "kravid", "krav id", "krav", "kode", "requirement id",
                         "requirement"],
        NAME: ["navn", "kravnavn", "beskrivelse", "name", "description", "title"],
        AUDIENCE: ["målgruppe", "gjelder", "gjelder for", "audience", "applies to", "target"],
        COURSES: ["kurs", "godkjente kurs", "kurskoder", "courses", "course", "course codes"],
        VALID_MONTHS: [
            "valid_months", "gyldighet", "gyldighet (måneder)", "gyldighet måneder",
            "gyldig måneder", "gyldighet mnd", "gyldighet (mnd)", "valid months",
            "validity months", "validity (months)",
        ],
        GRACE_DAYS: [
            "grace_days", "frist", "frist (dager)", "frist dager", "karenstid",
            "karenstid (dager)", "grace days", "grace period", "grace period (days)",
        ],
        REQUIREMENT_KIND: ["type", "art", "kravtype", "oppfylles ved", "kind",
                           "requirement type", "met by"],
    },
    ASSESSMENTS: {
        **_PERSON_ALIASES,
        REQUIREMENT_ID: ["krav", "kravid", "krav id", "krav-id", "kompetansekrav", "kompetanse",
                         "requirement", "requirement id", "competency"],
        COMPLETION_DATE: ["dato", "vurdert dato", "vurderingsdato", "dato vurdert",
                          "godkjent dato", "date", "assessed on", "assessment date",
                          "date assessed"],
        RESULT: ["resultat", "vurdering", "godkjent", "oppfylt", "result", "outcome",
                 "approved", "met"],
        ASSESSED_BY: ["vurdert av", "godkjent av", "vurderer", "assessed by", "approved by",
                      "assessor"],
        NOTE: ["merknad", "kommentar", "notat", "note", "notes", "comment"],
        IGNORED: ["enhet", "enhetskode", "stilling", "unit", "unit code", "position"],
    },
    UNITS: {
        UNIT_ID: ["enhetskode", "kode", "code", "unit code", "unit id", "id", "stedkode",
                  "org.enhet-id", "enhet-id", "enhets-id"],
        UNIT_NAME: ["enhetsnavn", "navn", "name", "unit name", "enhet", "unit",
                    "organisasjonsenhet"],
        PARENT_ID: [
            "overordnet enhetskode", "overordnet", "overordnet enhet", "overordnet kode",
            "parent", "parent code", "parent id", "parent unit", "parent unit code",
        ],
        LEADER_EMAIL: ["leder e-post", "leders e-post", "leder epost", "e-post leder",
                       "enhetsleder e-post", "leader email", "leader e-mail", "manager email",
                       "head email"],
        IGNORED: ["type", "enhetstype", "nivå", "level", "kilde_status", "kilde", "status"],
    },
}

# The columns each kind cannot do without; any one of a group is enough.
_REQUIRED: dict[str, list[tuple[str, ...]]] = {
    STAFF: [(EMPLOYEE_ID, NAME, FIRST_NAME, LAST_NAME, EMAIL), (UNIT_ID, UNIT_NAME)],
    ADVISORS: [(EMPLOYEE_ID, EMAIL, NAME, FIRST_NAME, LAST_NAME), (PROCESS, ROLE_FLAGS_HERE)],
    COURSE_RECORDS: [(EMPLOYEE_ID, EMAIL, NAME), (COURSE_CODE, COURSE_TITLE)],
    REQUIREMENTS: [(REQUIREMENT_ID,), (AUDIENCE,), (COURSES, REQUIREMENT_KIND)],
    ASSESSMENTS: [(EMPLOYEE_ID, EMAIL, NAME), (REQUIREMENT_ID,), (RESULT,)],
    UNITS: [(UNIT_ID, UNIT_NAME)],
}

_COLUMN_LABELS = {
    EMPLOYEE_ID: "ansattnummer", NAME: "navn", FIRST_NAME: "fornavn", LAST_NAME: "etternavn",
    EMAIL: "e-post", UNIT_ID: "enhetskode", UNIT_NAME: "enhetsnavn",
    PARENT_ID: "overordnet enhet", PROCESS: "prosess", COURSE_CODE: "kurskode",
    COURSE_TITLE: "kurs", REQUIREMENT_ID: "krav-id", AUDIENCE: "målgruppe", COURSES: "kurs",
    POSITION: "stilling", START_DATE: "startdato", CASE_HANDLER: "saksbehandler (ja/nei)",
    ROLES: "prosessrådgiverroller", APPOINTED_DATE: "oppnevnt dato",
    APPOINTED_UNTIL: "oppnevnt til dato", END_DATE: "sluttdato", MAIN_POSITION: "hovedstilling",
    POSITION_PERCENT: "stillingsprosent", VALID_UNTIL: "gyldig til", STATUS: "status",
    COMPLETION_DATE: "fullført dato", VALID_MONTHS: "gyldighet (måneder)",
    GRACE_DAYS: "frist (dager)", STATUS_FLAG: "fullført (ja/nei)", REQUIREMENT_KIND: "type",
    RESULT: "resultat", ASSESSED_BY: "vurdert av", NOTE: "merknad",
    IGNORED: "(gjenkjent, brukes ikke)",
}


def role_flags() -> dict[str, str]:
    """The canonical yes/no column per registered process (some advisor lists and HR exports
    have one per process) → the process."""
    return {process.flag: process.id for process in processes()}


def _expanded(columns: list[str]) -> list[str]:
    """A list of columns with the role-flag placeholder replaced by today's flags."""
    return [flag for column in columns
            for flag in (role_flags() if column == ROLE_FLAGS_HERE else (column,))]


def aliases(kind: str) -> dict[str, list[str]]:
    """Canonical column → header aliases, for one kind of input."""
    flags = {process.flag: list(process.headers) for process in processes()}
    return {found: names for column, names in _ALIASES[kind].items()
            for found, names in (flags.items() if column == ROLE_FLAGS_HERE
                                 else ((column, names),))}


def required(kind: str) -> list[tuple[str, ...]]:
    """The columns each kind cannot do without; any one of a group is enough."""
    return [tuple(_expanded(list(group))) for group in _REQUIRED[kind]]


def column_labels() -> dict[str, str]:
    """Each canonical column as the validation report names it, in bokmål."""
    return {**_COLUMN_LABELS, **{process.flag: f"rådgiver for {process.id} (ja/nei)"
                                 for process in processes()}}


def header_key(text: object) -> str:
    """Fold a header to letters and digits only, so case, spaces and punctuation never matter."""
    return re.sub(r"[^0-9a-zæøåäöü]", "", str(text).replace("\u00a0", " ").lower())


@dataclass(frozen=True)
class AliasIndex:
    """Header key → canonical column, for one kind of input."""

    kind: str
    by_key: dict[str, str]

    def canonical(self, header: object) -> str | None:
        return self.by_key.get(header_key(header))


def alias_index(kind: str) -> AliasIndex:
    return _alias_index(kind, processes())


@cache
def _alias_index(kind: str, _registry: tuple[Process, ...]) -> AliasIndex:
    """Cached per kind and registry: the registry's processes bring their yes/no headers."""
    by_key: dict[str, str] = {}
    for column, names in aliases(kind).items():
        for alias in [column, *names]:
            by_key.setdefault(header_key(alias), column)
    return AliasIndex(kind, by_key)
