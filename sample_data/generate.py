"""Generate the bundled sample data: a fictional but realistic NTNU as of 1 November 2026.

Run ``python sample_data/generate.py`` from any directory. It reads ``org_units_example.csv``
next to this file and writes, into the same folder:

- ``enheter.xlsx``, sheet "Enheter": every unit with its parent code; header in row 1.
- ``hr_ansatte.xlsx``: sheet "Info" describing the export, then sheet "Ansatte" with two title
  rows, a blank row and the header in row 4; one row per position (about 3,250 rows) with
  ``Stillingsprosent``, ``Stillingstype`` (Hovedstilling/Bistilling), ``Startdato``,
  ``Sluttdato``, the case-handler flag and the free-text process-advisor roles column.
- ``prosessradgivere.xlsx``, sheet "Prosessrådgivere": the process owner's list of appointed
  advisors, one row per person and process, with ``Oppnevnt dato`` and ``Til dato``; header in
  row 1. ``Enhet`` is blank where the person's HR unit applies, and gives another unit's code or
  name for advisors lent to a sibling department (some own units are written in too).
- ``kursdata.xlsx``, sheet "Kursdeltakelse": the learning-portal (Moodle) export, one row per
  person and course; header in row 1 (no title rows). ``Ansattnummer`` is text with SAP's
  leading zeros (``00123456``), ``Fullført`` is Ja/Nei beside ``Status``.
- ``kompetansekrav.xlsx``, sheet "Kompetansekrav": requirements K1-K3 (courses) and K4-K8, the
  mandate's competencies no course proves (``Type`` = vurdering); header in row 1.
- ``vurderinger.xlsx``, sheet "Vurderinger": one row per advisor and assessment requirement.
  Advisors whose course training is complete are approved (a few within 60 days of expiry);
  some of those already lacking a course are not approved, were never assessed, or were
  assessed too long ago for K8's 36 months: so compliance is as the course data make it,
  while every assessment state shows.

Everything comes from ``random.Random(SEED)`` and is dated relative to ``REF``, so every run
writes the same cell contents, and thanks to fixed timestamps byte-identical files. Each evaluated
unit gets a scenario so that every gap the dashboard knows occurs: no advisor, a single advisor,
no innsyn or SRU advisor, advisors missing K1/K2/K3 or holding only an expired K2, and case
handlers past the grace period without Saksbehandlerskolen.

Then a second generator, ``random.Random(SEED + 1)``, adds what real exports carry (class
``RealExports``), leaving everything drawn from the first one as it was except the units and
people these situations change on purpose; ``main()`` prints the ids and unit codes involved:

- HR history: about 60 leavers (``Sluttdato`` in 2025-2026: not staff, not advisors, not due,
  some of them case handlers without Saksbehandlerskolen and with course records); a compliant
  unit whose only SRU advisor has left (it loses SRU); ``Sluttdato`` exactly REF (in force) and
  REF - 1 day (not); a few future end dates (in force).
- Several positions: three people with an 80 % Hovedstilling held for years and a new 20 %
  Bistilling in the same unit, ``Saksbehandler`` = Ja on one row only (merged: the earliest start,
  a due case handler); three with a Hovedstilling in one unit and a 20 % Bistilling in another,
  one of them an advisor listed without ``Enhet`` whose Bistilling row comes first in the file.
- Appointment periods: ended appointments (predecessors with their successors, and a compliant
  unit whose only innsyn appointment has ended); future appointments, one of which would make a
  unit compliant; ``Oppnevnt dato`` = REF and ``Til dato`` = REF (both count), the latter with a
  successor from the next day; a leaver still listed as advisor ("oppnevnt, men ikke ansatt").
- Units by name in the advisors list, one typed in lower case with extra spaces.
- Moodle's words for DFØ's courses: ``Completed (achieved pass grade)``, ``In progress``, ...,
  failed attempts ``Completed (did not achieve pass grade)`` (dated, ``Fullført`` = Nei) for
  advisors without K2, ``Utløpt`` (completed, expired, ``Gyldig til`` passed) for advisors whose
  K2 has expired, and completion times as Moodle text ``dd/mm/yy, HH:MM``.

All names and numbers are invented. The output files are generated: never edit them by hand;
change this script and run it again.
"""

import csv
import io
import math
import random
import sys
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zipfile import ZIP_DEFLATED, ZipFile, ZipInfo

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
# the product's process registry and rules: the sample names processes as the registry does,
# and who already lacks a course (so may lack an assessment) is decided as the rules decide it
from analysis import build_results  # noqa: E402
from analysis.results import ADVISOR_MISSING_REQUIREMENT, ADVISOR_REQUIREMENT_EXPIRED  # noqa: E402
from loaders import load_dataset  # noqa: E402
from loaders.processes import find_process  # noqa: E402

SEED = 20261101
REF = date(2026, 11, 1)
YESTERDAY = REF - timedelta(days=1)
GRACE_DAYS = 90
HERE = Path(__file__).resolve().parent
ORG_UNITS_CSV = HERE / "org_units_example.csv"
FIXED_TIMESTAMP = datetime(2026, 11, 1, 6, 0)
DATE_FORMAT = "dd.mm.yyyy"

NEW_HIRE_SHARE = 0.04  # started within the last 120 days: some inside, some past the grace period
EXPERIENCED = REF - timedelta(days=365)  # units appoint advisors who have been here a year
DUE_CASE_HANDLER_K3_SHARE = 0.76
NEW_CASE_HANDLER_K3_SHARE = 0.3

# K2 is valid for 36 months, so completions before 01.11.2023 have expired as of REF.
K2_EXPIRED_WINDOW = (date(2020, 3, 1), date(2023, 8, 31))
K2_EXPIRING_SOON_WINDOW = (date(2023, 11, 10), date(2023, 12, 20))  # expire within 60 days
K2_VALID_WINDOW = (date(2024, 1, 15), YESTERDAY)
K2_OLD_EXTRA_WINDOW = (date(2021, 1, 1), date(2022, 12, 31))
K1_FIRST_OFFERED = date(2024, 6, 1)  # the new case-handling solution's course for advisors
K3_FIRST_OFFERED = date(2018, 1, 15)

SAK, INN, SRU = (find_process(process).name for process in ("saksbehandling", "innsyn", "SRU"))
PROCESSES = (SAK, INN, SRU)
MAIN_POSITION, SECOND_POSITION = "Hovedstilling", "Bistilling"

# The HR roles column is free text; these are forms seen in real exports.
ROLE_TEXTS = {
    (SAK,): ("Saksbehandling", "Prosessrådgiver saksbehandling"),
    (INN,): ("innsyn",),
    (SRU,): ("SRU", "PR SRU"),
    (SAK, INN): ("saksbehandling; innsyn",),
    (INN, SRU): ("Innsyn/SRU",),
    (SAK, SRU): ("saksbehandling, SRU",),
    (SAK, INN, SRU): ("saksbehandling; innsyn; SRU",),
}

# Advisor teams: one tuple of processes per person, processes in PROCESSES order.
FULL_TEAMS = (
    ((SAK, INN), (SRU,)),
    ((SAK,), (INN, SRU)),
    ((SAK, SRU), (INN,)),
    ((SAK,), (INN,), (SRU,)),
    ((SAK, INN), (INN, SRU)),
    ((SAK,), (INN,), (SRU,), (SAK,)),
    ((SAK, INN, SRU), (SAK,)),
)
SCENARIO_TEAMS = {
    "single_advisor": (((SAK, INN, SRU),),),
    "missing_innsyn": (((SAK,), (SRU,)), ((SAK, SRU), (SAK,))),
    "missing_sru": (((SAK,), (INN,)), ((SAK, INN), (INN,))),
    "compliant": FULL_TEAMS,
    "training_gap": FULL_TEAMS,
}
# Units that have nobody of their own borrow advisors from sibling departments.
BORROWED_TEAMS = {
    "borrowed_pair": ((SAK, INN), (SRU,)),
    "borrowed_single": ((INN,),),
}
SCENARIO_COUNTS = (
    ("no_advisor", 5),
    ("single_advisor", 4),
    ("missing_innsyn", 4),
    ("missing_sru", 4),
    ("training_gap", 20),
)  # every other unit without a borrowed team is "compliant"
SCENARIOS_WITH_RANDOM_TRAINING_GAPS = ("single_advisor", "missing_innsyn", "missing_sru",
                                       "borrowed_single")
ADVISOR_GAP_ROTATION = ("missing_k1", "expired_k2", "missing_k3", "missing_k1", "expired_k2",
                        "missing_k3", "missing_k2")

COMPLETED = "Fullført"
UNFINISHED_STATUSES = ("Pågår", "Påmeldt", "Ikke startet")
IN_PROGRESS = "Pågår"
EXPIRED = "Utløpt"  # the portal's word for a completion whose validity has run out
FAILED = "Ikke bestått"
COMPLETED_STATUSES = (COMPLETED, EXPIRED)  # rows the export marks Fullført = Ja
MOODLE_STATUSES = {
    COMPLETED: "Completed (achieved pass grade)",
    FAILED: "Completed (did not achieve pass grade)",
    "Pågår": "In progress",
    "Påmeldt": "Not completed",
    "Ikke startet": "Not started",
}
DATED_IN_PROGRESS_ROWS = 10
TITLE_ONLY_SHARE = 0.04  # manual registrations in the portal carry no course code


@dataclass(frozen=True)
class Course:
    code: str
    title: str


K1_COURSE = Course("SAK-PR-01", "Kurs i ny saksbehandlingsløsning for prosessrådgivere (Elements)")
DFO_FVL = Course("DFO-FVL", "DFØ: En sak for Walter – om saksbehandling og saksbehandlerrollen")
DFO_OFFL = Course("DFO-OFFL", "DFØ: Innsyn – eit e-læringsmagasin om offentleglova")
K3_COURSE = Course("NTNU-SBS", "Saksbehandlerskolen")
REQUIREMENT_COURSES = (K1_COURSE, DFO_FVL, DFO_OFFL, K3_COURSE)
DFO_COURSES = (DFO_FVL, DFO_OFFL)
K2_VALID_MONTHS = 36
ELEMENTS_BASICS = Course("ELEM-GRK", "Elements grunnkurs for saksbehandlere")
# Unrelated courses with the share of staff who took them: realistic noise in the export.
NOISE_COURSES = (
    (Course("INFOSIK-01", "Informasjonssikkerhet for alle ansatte"), 0.75),
    (Course("HMS-100", "HMS-grunnkurs for ansatte"), 0.55),
    (Course("PVN-GDPR", "Personvern og GDPR i praksis"), 0.30),
    (Course("NYANS-01", "Introduksjonsprogram for nyansatte"), 0.20),
    (Course("EXCEL-VID", "Excel videregående"), 0.10),
    (Course("LED-NY", "Lederprogram for nye ledere"), 0.04),
)
INFOSEC_VALID_DAYS = 730


@dataclass(frozen=True)
class Position:
    code: str
    title: str
    administrative: bool
    case_handler_share: float  # share of holders who work in the case-handling system


KONSULENT = Position("1065", "Konsulent", True, 0.85)
FORSTEKONSULENT = Position("1408", "Førstekonsulent", True, 0.9)
SENIORKONSULENT = Position("1363", "Seniorkonsulent", True, 0.9)
RADGIVER = Position("1434", "Rådgiver", True, 0.85)
SENIORRADGIVER = Position("1364", "Seniorrådgiver", True, 0.8)
KONTORSJEF = Position("1054", "Kontorsjef", True, 0.9)
AVDELINGSLEDER = Position("1407", "Avdelingsleder", True, 0.7)
OVERINGENIOR = Position("1087", "Overingeniør", False, 0.2)
PROFESSOR = Position("1013", "Professor", False, 0.15)
FORSTEAMANUENSIS = Position("1011", "Førsteamanuensis", False, 0.12)
STIPENDIAT = Position("1017", "Stipendiat", False, 0.02)
POSTDOKTOR = Position("1352", "Postdoktor", False, 0.03)
FIXED_TERM_POSITIONS = (STIPENDIAT, POSTDOKTOR)

ACADEMIC_UNIT_MIX = (
    (PROFESSOR, 16), (FORSTEAMANUENSIS, 14), (STIPENDIAT, 22), (POSTDOKTOR, 9),
    (OVERINGENIOR, 7), (KONSULENT, 6), (FORSTEKONSULENT, 6), (SENIORKONSULENT, 5),
    (RADGIVER, 6), (SENIORRADGIVER, 3),
)
ADMIN_UNIT_MIX = (
    (KONSULENT, 14), (FORSTEKONSULENT, 14), (SENIORKONSULENT, 12), (RADGIVER, 20),
    (SENIORRADGIVER, 18), (OVERINGENIOR, 10),
)

FIRST_NAMES = (
    "Ola", "Kari", "Bjørn", "Åse", "Ingrid", "Lars", "Anne", "Per", "Marit", "Jon", "Hilde",
    "Knut", "Siri", "Håkon", "Solveig", "Trond", "Ragnhild", "Øystein", "Liv", "Espen", "Tone",
    "Geir", "Berit", "Torbjørn", "Kristin", "Sindre", "Ida", "Magnus", "Nora", "Emil", "Sofie",
    "Jørgen", "Ingeborg", "Eirik", "Maren", "Sigrid", "Halvor", "Astrid", "Vegard", "Synnøve",
    "Anders", "Mari", "Morten", "Camilla", "Steinar", "Linn", "Ørjan", "Guro", "Kjetil",
    "Therese", "Arne", "Hanne", "Rune", "Silje", "Terje", "Eli", "Håvard", "Gro", "Jens",
    "Mette", "Kari-Anne", "Amir", "Mei", "Tomasz",
)
LAST_NAMES = (
    "Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen", "Kristiansen",
    "Jensen", "Karlsen", "Johnsen", "Pettersen", "Eriksen", "Berg", "Haugen", "Hagen",
    "Johannessen", "Andreassen", "Jacobsen", "Dahl", "Jørgensen", "Halvorsen", "Henriksen",
    "Lund", "Sørensen", "Moen", "Gundersen", "Iversen", "Strand", "Solberg", "Svendsen", "Eide",
    "Knutsen", "Martinsen", "Bakken", "Mathisen", "Lie", "Amundsen", "Rasmussen", "Lunde",
    "Solheim", "Moe", "Bakke", "Ødegård", "Sæther", "Løvås", "Brække", "Østby", "Aasen",
    "Nygård", "Grønli", "Fjærli", "Skjærvø", "Haaland", "Vik", "Tangen", "Rønning", "Aune",
    "Nguyen", "Ali", "Kowalski", "Sandvik",
)
NORWEGIAN_LETTERS = str.maketrans({"æ": "ae", "ø": "o", "å": "a"})


@dataclass(frozen=True)
class Unit:
    code: str
    name: str
    parent: str  # blank for the root
    type: str

    @property
    def academic(self) -> bool:
        return self.type == "institutt"


@dataclass
class Person:
    employee_id: int
    first_name: str
    last_name: str
    email: str
    unit: Unit
    position: Position
    start: date
    case_handler: bool
    percent: int = 100  # Stillingsprosent
    position_type: str = MAIN_POSITION  # Stillingstype: Hovedstilling or Bistilling
    end: date | None = None  # Sluttdato: blank for employment that runs on

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    @property
    def in_force(self) -> bool:
        return self.end is None or self.end >= REF


@dataclass(frozen=True)
class Appointment:
    person: Person
    unit: Unit  # the unit advised: another unit than the HR unit when lent to a sibling
    processes: tuple[str, ...]
    appointed: date
    hr_roles_text: str  # what the HR roles column says ("" when HR does not record it)
    listed_processes: tuple[str, ...]  # rows in the process owner's list
    unit_written_in_list: bool


@dataclass
class CourseRecord:
    person: Person
    course: Course
    status: str
    enrolled: date
    completed: date | None = None
    valid_until: date | None = None
    code_exported: bool = True
    completed_time: time | None = None  # the portal's clock time, shown for DFØ (Moodle) rows


@dataclass
class ListRow:
    """One row of the process owner's advisors list."""
    employee_id: int
    name: str
    unit: Unit  # the unit advised
    unit_text: str  # what the Enhet cell says: blank, the unit's code or its name
    process: str
    appointed: date | None
    until: date | None = None


def random_date(rng: random.Random, first: date, last: date) -> date:
    """A uniform date in [first, last]; `last` wins when the window is empty."""
    first = min(first, last)
    return first + timedelta(days=rng.randint(0, (last - first).days))


def read_units(path: Path) -> list[Unit]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [
            Unit(row["kode"].strip(), row["navn"].strip(), row["overordnet"].strip(),
                 row["type"].strip())
            for row in csv.DictReader(handle, delimiter=";")
        ]


def leaf_units(units: list[Unit]) -> list[Unit]:
    """Units without child units: the ones that have staff and are judged by the rules."""
    parents = {unit.parent for unit in units}
    return [unit for unit in units if unit.code not in parents]


def ascii_fold(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text.lower().translate(NORWEGIAN_LETTERS))
    return "".join(ch for ch in folded if ch.isascii() and (ch.isalnum() or ch in ".-"))


def unique_email(first_name: str, last_name: str, taken: set[str]) -> str:
    local = f"{ascii_fold(first_name)}.{ascii_fold(last_name)}"
    candidate, number = local, 1
    while candidate in taken:
        number += 1
        candidate = f"{local}{number}"
    taken.add(candidate)
    return f"{candidate}@ntnu.no"


def unit_positions(rng: random.Random, unit: Unit) -> list[Position]:
    if unit.academic:
        median_size, leader, mix = 40, KONTORSJEF, ACADEMIC_UNIT_MIX
    else:
        median_size, leader, mix = 30, AVDELINGSLEDER, ADMIN_UNIT_MIX
    # Unit sizes are skewed: many small units, a few large ones.
    size = round(min(max(rng.lognormvariate(math.log(median_size), 0.55), 10), 150))
    positions, weights = zip(*mix, strict=True)
    # A leader and two administrative posts, so that every unit could appoint two advisors.
    return [leader, KONSULENT, RADGIVER, *rng.choices(positions, weights, k=size - 3)]


def start_date(rng: random.Random, position: Position) -> date:
    if rng.random() < NEW_HIRE_SHARE:
        return REF - timedelta(days=rng.randint(1, 120))
    if position in FIXED_TERM_POSITIONS:
        return REF - timedelta(days=rng.randint(121, 4 * 365))
    years_back = min(rng.expovariate(1 / 7), 38)
    return REF - timedelta(days=121 + int(years_back * 365))


def generate_staff(rng: random.Random, leaves: list[Unit]) -> list[Person]:
    positions_by_unit = [(unit, unit_positions(rng, unit)) for unit in leaves]
    headcount = sum(len(positions) for _, positions in positions_by_unit)
    employee_ids = iter(rng.sample(range(100_000, 1_000_000), headcount))
    taken_emails: set[str] = set()
    staff = []
    for unit, positions in positions_by_unit:
        for position in positions:
            first_name, last_name = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
            staff.append(Person(
                employee_id=next(employee_ids),
                first_name=first_name,
                last_name=last_name,
                email=unique_email(first_name, last_name, taken_emails),
                unit=unit,
                position=position,
                start=start_date(rng, position),
                case_handler=rng.random() < position.case_handler_share,
            ))
    return staff


def pin_grace_boundary(rng: random.Random, staff: list[Person]) -> dict[int, bool]:
    """Start three case handlers exactly GRACE_DAYS before REF (due: the boundary is inclusive).

    Returns whether each has completed Saksbehandlerskolen: two have not, one has.
    """
    pinned = rng.sample([p for p in staff if p.case_handler and p.unit.academic], 3)
    for person in pinned:
        person.start = REF - timedelta(days=GRACE_DAYS)
    return {person.employee_id: done for person, done in zip(pinned, (False, False, True),
                                                             strict=True)}


def assign_scenarios(rng: random.Random, leaves: list[Unit]) -> dict[str, str]:
    departments_per_parent = Counter(unit.parent for unit in leaves)
    borrower_candidates = [
        unit for unit in leaves if unit.academic and departments_per_parent[unit.parent] >= 3
    ]
    pair_borrower = rng.choice(borrower_candidates)
    single_borrower = rng.choice(
        [unit for unit in borrower_candidates if unit.parent != pair_borrower.parent])
    scenarios = {pair_borrower.code: "borrowed_pair", single_borrower.code: "borrowed_single"}
    others = [unit for unit in leaves if unit.code not in scenarios]
    labels = [scenario for scenario, count in SCENARIO_COUNTS for _ in range(count)]
    labels += ["compliant"] * (len(others) - len(labels))
    rng.shuffle(labels)
    scenarios.update((unit.code, label) for unit, label in zip(others, labels, strict=True))
    return scenarios


def pick_advisors(rng: random.Random, pool: list[Person], count: int,
                  taken: set[int]) -> list[Person]:
    """Prefer experienced administrative staff, as units do; then other experienced staff."""
    experienced = [p for p in pool if p.employee_id not in taken and p.start <= EXPERIENCED]
    administrative = [p for p in experienced if p.position.administrative]
    others = [p for p in experienced if not p.position.administrative]
    rng.shuffle(administrative)
    rng.shuffle(others)
    chosen = (administrative + others)[:count]
    taken.update(p.employee_id for p in chosen)
    return chosen


def split_between_sources(rng: random.Random, processes: tuple[str, ...],
                          lent: bool) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(processes in the HR roles column, processes in the advisors list).

    The two sources add up, so recording an appointment in one, the other, both or split
    between them must all give the same coverage.
    """
    if lent:
        return (), processes  # only the advisors list can name a unit other than the HR unit
    source = rng.choices(("hr", "list", "both", "split"), (35, 30, 25, 10))[0]
    if source == "hr":
        return processes, ()
    if source == "list":
        return (), processes
    if source == "split" and len(processes) > 1:
        return processes[:1], processes[1:]
    return processes, processes


def appoint(rng: random.Random, person: Person, unit: Unit, processes: tuple[str, ...],
            lent: bool) -> Appointment:
    hr_processes, listed_processes = split_between_sources(rng, processes, lent)
    return Appointment(
        person=person,
        unit=unit,
        processes=processes,
        appointed=random_date(rng, max(person.start, REF - timedelta(days=6 * 365)),
                              REF - timedelta(days=30)),
        hr_roles_text=rng.choice(ROLE_TEXTS[hr_processes]) if hr_processes else "",
        listed_processes=listed_processes,
        # Some list keepers fill in the unit even where it is the person's own.
        unit_written_in_list=lent or rng.random() < 0.1,
    )


def appoint_advisors(rng: random.Random, staff: list[Person], leaves: list[Unit],
                     scenarios: dict[str, str]) -> list[Appointment]:
    staff_by_unit = defaultdict(list)
    for person in staff:
        staff_by_unit[person.unit.code].append(person)
    taken: set[int] = set()
    appointments = []
    for unit in leaves:
        teams = SCENARIO_TEAMS.get(scenarios[unit.code])
        if teams:
            team = rng.choice(teams)
            members = pick_advisors(rng, staff_by_unit[unit.code], len(team), taken)
            appointments += [appoint(rng, person, unit, processes, lent=False)
                             for person, processes in zip(members, team, strict=True)]
    # Lenders are picked after every unit has its own team, so nobody advises two units.
    for unit in leaves:
        team = BORROWED_TEAMS.get(scenarios[unit.code])
        if team:
            siblings = [s for s in leaves if s.parent == unit.parent and s != unit]
            pool = [person for sibling in siblings for person in staff_by_unit[sibling.code]]
            members = pick_advisors(rng, pool, len(team), taken)
            appointments += [appoint(rng, person, unit, processes, lent=True)
                             for person, processes in zip(members, team, strict=True)]
    return appointments


def choose_gap_holder(rng: random.Random, team: list[Appointment], kind: str) -> Person:
    # An expired K2 needs someone who was already employed when the DFØ course was taken.
    if kind == "expired_k2":
        team = [a for a in team if a.person.start < K2_EXPIRED_WINDOW[1]] or team
    return rng.choice(team).person


def plan_advisor_gaps(rng: random.Random, appointments: list[Appointment],
                      scenarios: dict[str, str]) -> dict[int, set[str]]:
    """Which advisors miss which training, by employee id."""
    teams = defaultdict(list)
    for appointment in appointments:
        teams[appointment.unit.code].append(appointment)
    gaps: dict[int, set[str]] = defaultdict(set)
    training_gap_units = [code for code in teams if scenarios[code] == "training_gap"]
    for index, code in enumerate(training_gap_units):
        kinds = [ADVISOR_GAP_ROTATION[index % len(ADVISOR_GAP_ROTATION)]]
        if index % 4 == 3:  # some units have two things to fix
            kinds.append(ADVISOR_GAP_ROTATION[(index + 1) % len(ADVISOR_GAP_ROTATION)])
        for kind in kinds:
            gaps[choose_gap_holder(rng, teams[code], kind).employee_id].add(kind)
    for code, team in teams.items():
        if scenarios[code] in SCENARIOS_WITH_RANDOM_TRAINING_GAPS:
            for appointment in team:
                if rng.random() < 0.25:
                    gaps[appointment.person.employee_id].add(rng.choice(ADVISOR_GAP_ROTATION))
    # Advisors without Saksbehandlerskolen are case handlers too: they get both kinds of gap.
    for appointment in appointments:
        if "missing_k3" in gaps.get(appointment.person.employee_id, ()):
            appointment.person.case_handler = True
    return dict(gaps)


def completed_record(rng: random.Random, person: Person, course: Course, first: date,
                     last: date) -> CourseRecord:
    completed = random_date(rng, first, last)
    enrolled = max(min(person.start, completed), completed - timedelta(days=rng.randint(0, 45)))
    return CourseRecord(person, course, COMPLETED, enrolled, completed)


def unfinished_record(rng: random.Random, person: Person, course: Course) -> CourseRecord:
    enrolled = random_date(rng, max(person.start, REF - timedelta(days=300)), YESTERDAY)
    return CourseRecord(person, course, rng.choice(UNFINISHED_STATUSES), enrolled)


def maybe_unfinished(rng: random.Random, person: Person, course: Course,
                     share: float) -> list[CourseRecord]:
    """A missing course leaves either no trace or an enrolment that was never completed."""
    return [unfinished_record(rng, person, course)] if rng.random() < share else []


def advisor_training(rng: random.Random, person: Person, gaps: set[str]) -> list[CourseRecord]:
    records = []
    if "missing_k1" in gaps:
        records += maybe_unfinished(rng, person, K1_COURSE, 0.6)
    else:
        records.append(completed_record(rng, person, K1_COURSE,
                                        max(person.start, K1_FIRST_OFFERED), YESTERDAY))
    if "missing_k2" in gaps:
        records += maybe_unfinished(rng, person, rng.choice((DFO_FVL, DFO_OFFL)), 0.5)
    elif "expired_k2" in gaps:
        records.append(completed_record(rng, person, DFO_FVL, *K2_EXPIRED_WINDOW))
    else:
        records += valid_k2_records(rng, person)
    if "missing_k3" in gaps:
        records += maybe_unfinished(rng, person, K3_COURSE, 0.6)
    else:
        records.append(completed_record(rng, person, K3_COURSE,
                                        max(person.start + timedelta(days=14), K3_FIRST_OFFERED),
                                        YESTERDAY))
    return records


def valid_k2_records(rng: random.Random, person: Person) -> list[CourseRecord]:
    """A current DFØ completion; sometimes expiring soon, sometimes next to an expired one.

    An old completion of the other DFØ course beside a current one must not make K2 expired.
    """
    current, other = rng.sample((DFO_FVL, DFO_OFFL), 2)
    window = K2_VALID_WINDOW
    if person.start < K2_EXPIRING_SOON_WINDOW[0] and rng.random() < 0.15:
        window = K2_EXPIRING_SOON_WINDOW
    records = [completed_record(rng, person, current, max(person.start, window[0]), window[1])]
    if person.start < K2_OLD_EXTRA_WINDOW[0] and rng.random() < 0.2:
        records.append(completed_record(rng, person, other, *K2_OLD_EXTRA_WINDOW))
    elif rng.random() < 0.3:
        records.append(completed_record(rng, person, other, max(person.start, window[0]),
                                        YESTERDAY))
    return records


def staff_training(rng: random.Random, person: Person,
                   boundary_outcomes: dict[int, bool]) -> list[CourseRecord]:
    """Requirement courses of staff who are not advisors."""
    records = []
    due = person.start <= REF - timedelta(days=GRACE_DAYS)
    if person.case_handler:
        share = DUE_CASE_HANDLER_K3_SHARE if due else NEW_CASE_HANDLER_K3_SHARE
        if boundary_outcomes.get(person.employee_id, rng.random() < share):
            records.append(completed_record(
                rng, person, K3_COURSE,
                max(person.start + timedelta(days=7), K3_FIRST_OFFERED), YESTERDAY))
        else:
            records += maybe_unfinished(rng, person, K3_COURSE, 0.45 if due else 0.6)
    elif rng.random() < 0.05:
        records.append(completed_record(rng, person, K3_COURSE,
                                        max(person.start, K3_FIRST_OFFERED), YESTERDAY))
    dfo_shares = (0.3, 0.2) if person.case_handler else (0.05, 0.03)
    for course, share in zip((DFO_FVL, DFO_OFFL), dfo_shares, strict=True):
        if rng.random() < share:
            records.append(completed_record(rng, person, course,
                                            max(person.start, date(2019, 1, 1)), YESTERDAY))
    # Former advisors keep their K1: they are natural candidates for a vacant role.
    if person.position.administrative and rng.random() < 0.04:
        records.append(completed_record(rng, person, K1_COURSE,
                                        max(person.start, K1_FIRST_OFFERED), YESTERDAY))
    return records


def noise_training(rng: random.Random, person: Person) -> list[CourseRecord]:
    courses = [course for course, share in NOISE_COURSES if rng.random() < share]
    if person.case_handler and rng.random() < 0.6:
        courses.append(ELEMENTS_BASICS)
    records = []
    for course in courses:
        if rng.random() < 0.88:
            record = completed_record(rng, person, course,
                                      max(person.start, REF - timedelta(days=8 * 365)), YESTERDAY)
            if course.code == "INFOSIK-01":
                record.valid_until = record.completed + timedelta(days=INFOSEC_VALID_DAYS)
            records.append(record)
        else:
            records.append(unfinished_record(rng, person, course))
    return records


def date_some_unfinished_rows(rng: random.Random, records: list[CourseRecord]) -> None:
    """The portal sometimes stamps a date on rows still in progress; the status must decide."""
    in_progress = [r for r in records
                   if r.status == IN_PROGRESS and r.course in REQUIREMENT_COURSES]
    for record in rng.sample(in_progress, DATED_IN_PROGRESS_ROWS):
        record.completed = random_date(rng, record.enrolled, YESTERDAY)


def drop_some_course_codes(rng: random.Random, records: list[CourseRecord]) -> None:
    """Manual registrations carry only a title, so requirements must also match on titles."""
    for record in records:
        if record.course in REQUIREMENT_COURSES and rng.random() < TITLE_ONLY_SHARE:
            record.code_exported = False


def course_records(rng: random.Random, staff: list[Person], advisor_gaps: dict[int, set[str]],
                   advisor_ids: set[int], boundary_outcomes: dict[int, bool]) -> list[CourseRecord]:
    records = []
    for person in staff:
        if person.employee_id in advisor_ids:
            records += advisor_training(rng, person, advisor_gaps.get(person.employee_id, set()))
        else:
            records += staff_training(rng, person, boundary_outcomes)
        records += noise_training(rng, person)
    date_some_unfinished_rows(rng, records)
    drop_some_course_codes(rng, records)
    course_order = {course: index for index, course in enumerate(REQUIREMENT_COURSES)}
    records.sort(key=lambda r: (r.person.last_name, r.person.first_name, r.person.employee_id,
                                course_order.get(r.course, len(course_order)), r.course.code))
    return records


# ---------------------------------------------------------------------------------------------
# Real-export situations. Real HR exports carry history (leavers, several positions of one
# person), the advisors list carries appointment periods and unit names, and the learning
# portal speaks Moodle for DFØ's courses. These situations are drawn from their own generator
# (`random.Random(SEED + 1)`) after everything above, so the people, advisors and course
# records drawn from `rng` stay as they were; only the units named below change on purpose.

SITUATION_SEED = SEED + 1
LEAVERS = 60
FIRST_LEAVING_MONTH = date(2025, 1, 1)
LEAVING_MONTHS = 21  # January 2025 to September 2026: every leaver left well before REF
SECOND_POSITION_TITLE = Position("1113", "Prosjektleder", True, 0.5)
FUTURE_APPOINTMENT = date(2026, 12, 1)
LATER_APPOINTMENT = date(2027, 1, 1)
FUTURE_END_DATES = (date(2026, 12, 31), date(2027, 6, 30), date(2027, 8, 31), date(2028, 12, 31))
ROLE_PROCESSES = {text: processes for processes, texts in ROLE_TEXTS.items() for text in texts}


def add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last_day in (day.day, 30, 29, 28):
        try:
            return date(year, month, last_day)
        except ValueError:
            continue
    raise ValueError(day)


def month_end(year: int, month: int) -> date:
    return add_months(date(year, month, 1), 1) - timedelta(days=1)


class RealExports:
    """Adds the real-export situations to the generated people, advisors list and records."""

    def __init__(self, units: list[Unit], leaves: list[Unit], staff: list[Person],
                 scenarios: dict[str, str], appointments: list[Appointment],
                 advisor_gaps: dict[int, set[str]], records: list[CourseRecord]) -> None:
        self.rng = random.Random(SITUATION_SEED)
        self.leaves = leaves
        self.unit_order = {unit.code: index for index, unit in enumerate(units)}
        self.staff = staff
        self.scenarios = scenarios
        self.appointments = appointments
        self.gaps = advisor_gaps
        self.records = records
        self.rows = list_rows(appointments)
        self.extra_positions: list[Person] = []
        self.leavers: list[Person] = []
        self.by_id = {person.employee_id: person for person in staff}
        self.advisor_ids = {a.person.employee_id for a in appointments}
        self.staff_by_unit: dict[str, list[Person]] = defaultdict(list)
        for person in staff:
            self.staff_by_unit[person.unit.code].append(person)
        self.records_by_person: dict[int, list[CourseRecord]] = defaultdict(list)
        for record in records:
            self.records_by_person[record.person.employee_id].append(record)
        self.taken_emails = {person.email.split("@")[0] for person in staff}
        self.used_units: set[str] = set()
        self.used_people: set[int] = set()
        self.summary: list[tuple[str, int, str]] = []

    # --- what the files say as of REF ------------------------------------------------------

    def counts(self, row: ListRow) -> bool:
        person = self.by_id.get(row.employee_id)
        return (person is not None and person.in_force
                and (row.appointed is None or row.appointed <= REF)
                and (row.until is None or row.until >= REF))

    def cover(self, code: str, process: str) -> dict[int, list[object]]:
        """Who advises `code` for `process`, and from which sources (HR roles, list rows)."""
        sources: dict[int, list[object]] = defaultdict(list)
        for a in self.appointments:
            if (a.person.unit.code == code and a.person.in_force
                    and process in ROLE_PROCESSES.get(a.hr_roles_text, ())):
                sources[a.person.employee_id].append("HR")
        for row in self.rows:
            if row.unit.code == code and row.process == process and self.counts(row):
                sources[row.employee_id].append(row)
        return sources

    def advisors(self, code: str, leave_out: tuple[int, str | None] | None = None) -> set[int]:
        """The unit's distinct advisors; `leave_out` drops one person's (process's) cover."""
        found = set()
        for process in PROCESSES:
            for employee_id in self.cover(code, process):
                if leave_out and employee_id == leave_out[0] and leave_out[1] in (None, process):
                    continue
                found.add(employee_id)
        return found

    def missing(self, code: str) -> list[str]:
        return [process for process in PROCESSES if not self.cover(code, process)]

    def sole_provider(self, code: str, process: str, list_only: bool) -> tuple[int, object] | None:
        providers = self.cover(code, process)
        if len(providers) != 1:
            return None
        (employee_id, sources), = providers.items()
        if list_only and (len(sources) != 1 or sources[0] == "HR"):
            return None
        return employee_id, sources[0]

    def k3_done(self, person: Person) -> bool:
        return any(r.course == K3_COURSE and r.status == COMPLETED
                   for r in self.records_by_person[person.employee_id])

    def units_with(self, *scenarios: str) -> list[Unit]:
        units = [unit for unit in self.leaves
                 if self.scenarios[unit.code] in scenarios and unit.code not in self.used_units]
        self.rng.shuffle(units)
        return units

    def free_staff(self, pool: list[Person]) -> list[Person]:
        """In force, not an advisor, not yet part of another situation."""
        return [p for p in pool if p.in_force and p.employee_id not in self.advisor_ids
                and p.employee_id not in self.used_people and p.position_type == MAIN_POSITION]

    def due_without_k3(self, pool: list[Person]) -> list[Person]:
        return [p for p in self.free_staff(pool) if p.case_handler and not self.k3_done(p)
                and p.start <= REF - timedelta(days=GRACE_DAYS)]

    def take(self, candidates: list, what: str):
        if not candidates:
            raise RuntimeError(f"no candidate for {what}")
        return self.rng.choice(candidates)

    def use(self, *, units: tuple[str, ...] = (), people: tuple[int, ...] = ()) -> None:
        self.used_units.update(units)
        self.used_people.update(people)

    def report(self, label: str, count: int, detail: str) -> None:
        self.summary.append((label, count, detail))

    # --- the situations -----------------------------------------------------------------

    def apply(self) -> None:
        self.units_by_name()
        self.advisor_leaves()
        self.appointment_ended()
        self.appointed_on_ref()
        self.appointment_ends_on_ref()
        self.future_appointment_blocks()
        self.later_appointment()
        self.replaced_advisors()
        self.add_leavers()
        self.boundary_end_dates()
        self.future_end_dates()
        self.second_positions_same_unit()
        self.positions_in_two_units()
        self.failed_dfo_attempts()
        self.expired_in_portal()
        self.dfo_enrolments()
        self.moodle_clock_times()
        self.padded_ids()
        course_order = {course: index for index, course in enumerate(REQUIREMENT_COURSES)}
        self.records.sort(key=lambda r: (r.person.last_name, r.person.first_name,
                                         r.person.employee_id,
                                         course_order.get(r.course, len(course_order)),
                                         r.course.code))

    def units_by_name(self) -> None:
        """List keepers often write the unit's name; names match ignoring case and spaces."""
        written = [row for row in self.rows if row.unit_text]
        lent = [row for row in written if self.by_id[row.employee_id].unit != row.unit]
        pair_unit = next(code for code, scenario in self.scenarios.items()
                         if scenario == "borrowed_pair")
        named = [row for row in written if row.unit.code == pair_unit]
        named += [row for row in written if row not in named and self.rng.random() < 0.35]
        for row in named:
            row.unit_text = row.unit.name
        # Typed by hand: lower case, a doubled space and a trailing blank.
        odd = named[0]
        first_word, rest = odd.unit.name.lower().split(" ", 1)
        odd.unit_text = f"{first_word}  {rest} "
        self.report("Advisors-list rows naming the unit by name", len(named), "; ".join(
            f"{row.employee_id} {row.process} -> {row.unit.code} as {row.unit_text!r}"
            + (" (lent)" if row in lent else "") for row in named))

    def advisor_leaves(self) -> None:
        """A compliant unit's only SRU advisor has left: the unit loses its SRU cover."""
        for unit in self.units_with("compliant"):
            sole = self.sole_provider(unit.code, SRU, list_only=False)
            if not sole:
                continue
            person = self.by_id[sole[0]]
            others = [p for p in PROCESSES if p != SRU and person.employee_id in
                      self.cover(unit.code, p)]
            if others or len(self.advisors(unit.code, (person.employee_id, None))) < 2:
                continue
            person.end = date(2026, 9, 30)
            self.use(units=(unit.code,), people=(person.employee_id,))
            assert self.missing(unit.code) == [SRU], unit.code
            self.sru_lost = (unit, person)
            self.report("Unit losing SRU because its only SRU advisor left", 1,
                        f"unit {unit.code} ({unit.name}): advisor {person.employee_id} "
                        f"{person.name}, Sluttdato {person.end:%d.%m.%Y}")
            return
        raise RuntimeError("no unit to lose its SRU advisor")

    def appointment_ended(self) -> None:
        """A compliant unit's only innsyn appointment has a Til dato: the unit lacks innsyn."""
        for unit in self.units_with("compliant"):
            sole = self.sole_provider(unit.code, INN, list_only=True)
            if not sole or len(self.advisors(unit.code, (sole[0], INN))) < 2:
                continue
            row = sole[1]
            row.until = random_date(self.rng, min(row.appointed + timedelta(days=20),
                                                  REF - timedelta(days=30)),
                                    REF - timedelta(days=30))
            self.use(units=(unit.code,), people=(row.employee_id,))
            assert self.missing(unit.code) == [INN], unit.code
            self.ended_innsyn = (unit, row)
            return
        raise RuntimeError("no unit to lose its innsyn appointment")

    def boundary_appointment(self, what: str) -> tuple[Unit, ListRow]:
        """A compliant unit's only appointment for a process, listed only in the list."""
        for unit in self.units_with("compliant"):
            for process in self.rng.sample(PROCESSES, len(PROCESSES)):
                sole = self.sole_provider(unit.code, process, list_only=True)
                if sole:
                    self.use(units=(unit.code,), people=(sole[0],))
                    return unit, sole[1]
        raise RuntimeError(f"no unit for {what}")

    def appointed_on_ref(self) -> None:
        unit, row = self.boundary_appointment("Oppnevnt dato = REF")
        row.appointed = REF
        self.appointed_ref = (unit, row)

    def appointment_ends_on_ref(self) -> None:
        """The advisor steps down today (still counts); the successor starts tomorrow."""
        unit, row = self.boundary_appointment("Til dato = REF")
        row.until = REF
        successor = self.take(self.free_staff([p for p in self.staff_by_unit[unit.code]
                                               if p.start <= EXPERIENCED]), "a successor")
        self.use(people=(successor.employee_id,))
        self.rows.append(ListRow(successor.employee_id, successor.name, unit, "", row.process,
                                 REF + timedelta(days=1)))
        self.until_ref = (unit, row, successor)

    def future_appointment_blocks(self) -> None:
        """A unit missing a process has its new advisor appointed from next month: not yet."""
        for unit in self.units_with("missing_sru", "missing_innsyn"):
            team = self.advisors(unit.code)
            if len(team) < 2 or any(self.gaps.get(employee_id) for employee_id in team):
                continue
            candidates = self.free_staff([p for p in self.staff_by_unit[unit.code]
                                          if p.start <= EXPERIENCED and
                                          p.position.administrative])
            if not candidates:
                continue
            (process,) = self.missing(unit.code)
            person = self.take(candidates, "a future advisor")
            self.ensure_full_training(person)
            self.rows.append(ListRow(person.employee_id, person.name, unit, "", process,
                                     FUTURE_APPOINTMENT))
            self.use(units=(unit.code,), people=(person.employee_id,))
            self.future_blocked = (unit, person, process)
            return
        raise RuntimeError("no unit to block with a future appointment")

    def ensure_full_training(self, person: Person) -> None:
        """The incoming advisor took K1, K2 and K3 ahead of the appointment."""
        mine = self.records_by_person[person.employee_id]
        k2_since = add_months(REF, -K2_VALID_MONTHS)
        needs = []
        if not any(r.course == K1_COURSE and r.status == COMPLETED for r in mine):
            needs.append(K1_COURSE)
        if not any(r.course in DFO_COURSES and r.status == COMPLETED and r.completed
                   and r.completed >= k2_since for r in mine):
            needs.append(DFO_OFFL)
        if not self.k3_done(person):
            needs.append(K3_COURSE)
        for course in needs:
            for record in [r for r in mine if r.course == course]:
                mine.remove(record)
                self.records.remove(record)
            record = completed_record(self.rng, person, course, date(2026, 8, 15),
                                      date(2026, 10, 20))
            mine.append(record)
            self.records.append(record)

    def later_appointment(self) -> None:
        unit = self.units_with("compliant")[0]
        person = self.take(self.free_staff(self.staff_by_unit[unit.code]), "a later advisor")
        self.rows.append(ListRow(person.employee_id, person.name, unit, "", SAK,
                                 LATER_APPOINTMENT))
        self.use(units=(unit.code,), people=(person.employee_id,))
        self.later = (unit, person)

    def replaced_advisors(self) -> None:
        """Predecessors stay in the list with a Til dato the day before the successor's start."""
        self.replaced = []
        for unit in self.units_with("compliant", "training_gap"):
            rows = [r for r in self.rows if r.unit == unit and r.until is None and r.appointed
                    and r.appointed >= date(2021, 1, 1) and r.employee_id not in self.used_people]
            if not rows:
                continue
            row = self.rng.choice(rows)
            candidates = self.free_staff([p for p in self.staff_by_unit[unit.code]
                                          if p.start <= row.appointed - timedelta(days=3 * 365)])
            if not candidates:
                continue
            predecessor = self.take(candidates, "a predecessor")
            appointed = random_date(self.rng, max(predecessor.start + timedelta(days=365),
                                                  row.appointed - timedelta(days=6 * 365)),
                                    row.appointed - timedelta(days=2 * 365))
            ended = ListRow(predecessor.employee_id, predecessor.name, unit, "", row.process,
                            appointed, row.appointed - timedelta(days=1))
            self.rows.append(ended)
            self.use(units=(unit.code,), people=(predecessor.employee_id, row.employee_id))
            self.replaced.append((unit, ended, row))
            if len(self.replaced) == 2:
                return
        raise RuntimeError("too few units for replaced advisors")

    def new_person(self, unit: Unit, position: Position, start: date, end: date,
                   case_handler: bool) -> Person:
        employee_id = self.rng.randint(100_000, 999_999)
        while employee_id in self.by_id:
            employee_id = self.rng.randint(100_000, 999_999)
        first_name, last_name = self.rng.choice(FIRST_NAMES), self.rng.choice(LAST_NAMES)
        person = Person(employee_id, first_name, last_name,
                        unique_email(first_name, last_name, self.taken_emails), unit, position,
                        start, case_handler, end=end)
        self.by_id[employee_id] = person
        self.leavers.append(person)
        return person

    def add_leavers(self) -> None:
        """People who left in 2025-2026: still in the export, never staff, advisors or due."""
        innsyn_unit = next(unit for unit in self.units_with("missing_innsyn")
                           if unit.code != self.future_blocked[0].code)
        self.use(units=(innsyn_unit.code,))
        without_k3 = with_k3 = 0
        for index in range(LEAVERS):
            if index == 0:  # appointed for innsyn in the list, which nobody updated
                unit, position, case_handler = innsyn_unit, RADGIVER, True
                end = month_end(2026, 6)
            else:
                unit = self.rng.choice(self.leaves)
                mix = ACADEMIC_UNIT_MIX if unit.academic else ADMIN_UNIT_MIX
                positions, weights = zip(*mix, strict=True)
                position = self.rng.choices(positions, weights)[0]
                case_handler = self.rng.random() < position.case_handler_share
                month = add_months(FIRST_LEAVING_MONTH, self.rng.randrange(LEAVING_MONTHS))
                end = (month_end(month.year, month.month) if self.rng.random() < 0.75
                       else month.replace(day=15))
            years = min(self.rng.expovariate(1 / 6), 30)
            if position in FIXED_TERM_POSITIONS:
                years = self.rng.uniform(1, 4)
            if index == 0:
                years = max(years, 6)  # appointed in 2021-2023, so employed well before
            start = end - timedelta(days=180 + int(years * 365))
            person = self.new_person(unit, position, start, end, case_handler)
            if case_handler:
                if index == 0 or with_k3 > without_k3:
                    without_k3 += 1
                    if self.rng.random() < 0.5:
                        self.add_record(CourseRecord(
                            person, K3_COURSE, self.rng.choice(UNFINISHED_STATUSES),
                            random_date(self.rng, max(start, end - timedelta(days=400)),
                                        end - timedelta(days=1))))
                else:
                    with_k3 += 1
                    self.add_record(completed_record(
                        self.rng, person, K3_COURSE,
                        max(start + timedelta(days=7), K3_FIRST_OFFERED), end - timedelta(days=1)))
                if self.rng.random() < 0.25:
                    self.add_record(completed_record(self.rng, person, DFO_FVL,
                                                     max(start, date(2019, 1, 1)),
                                                     end - timedelta(days=1)))
            for course, share in NOISE_COURSES[:2]:
                if self.rng.random() < share * 0.8:
                    record = completed_record(self.rng, person, course,
                                              max(start, end - timedelta(days=5 * 365)),
                                              end - timedelta(days=1))
                    if course.code == "INFOSIK-01":
                        record.valid_until = record.completed + timedelta(days=INFOSEC_VALID_DAYS)
                    self.add_record(record)
            if index == 0:
                appointed = random_date(self.rng, max(start, date(2021, 1, 1)), date(2023, 12, 31))
                self.rows.append(ListRow(person.employee_id, person.name, unit, unit.code, INN,
                                         appointed))
                self.listed_leaver = (unit, person)
        self.leaver_case_handlers_without_k3 = [
            p for p in self.leavers if p.case_handler and not self.k3_done(p)]

    def add_record(self, record: CourseRecord) -> None:
        self.records.append(record)
        self.records_by_person[record.person.employee_id].append(record)

    def boundary_end_dates(self) -> None:
        """Sluttdato = REF is in force (and counts); REF - 1 day is not."""
        for unit in self.units_with("compliant"):
            providers = [self.sole_provider(unit.code, p, list_only=False) for p in PROCESSES]
            sole = [s[0] for s in providers if s and s[0] not in self.used_people]
            if sole:
                person = self.by_id[sole[0]]
                person.end = REF
                self.use(units=(unit.code,), people=(person.employee_id,))
                self.ends_on_ref = person
                break
        else:
            raise RuntimeError("no advisor for Sluttdato = REF")
        person = self.take(self.due_without_k3(self.staff), "Sluttdato = REF - 1")
        person.end = YESTERDAY
        self.use(people=(person.employee_id,))
        self.ended_yesterday = person

    def future_end_dates(self) -> None:
        """Employment ending after REF is in force: fixed terms, a retiring advisor."""
        recent = REF - timedelta(days=3 * 365)
        fixed_term = [p for p in self.free_staff(self.staff)
                      if p.position in FIXED_TERM_POSITIONS and p.start >= recent]
        chosen = self.rng.sample(fixed_term, 2)
        advisors = [self.by_id[e] for e in sorted(self.advisor_ids)
                    if e not in self.used_people and self.by_id[e].unit.code not in self.used_units
                    and self.scenarios[self.by_id[e].unit.code] == "compliant"]
        chosen.append(self.take(advisors, "an advisor with a future end date"))
        chosen.append(self.take(self.due_without_k3(self.staff), "a case handler leaving later"))
        for person, end in zip(chosen, FUTURE_END_DATES, strict=True):
            person.end = end
            self.use(people=(person.employee_id,))
        self.future_ends = chosen

    def second_positions_same_unit(self) -> None:
        """An 80 % Hovedstilling since long ago and a new 20 % Bistilling in the same unit."""
        candidates = [p for p in self.due_without_k3(self.staff)
                      if p.start <= date(2012, 12, 31) and p.position.administrative]
        chosen = self.rng.sample(candidates, 3)
        self.second_positions = []
        for index, person in enumerate(chosen):
            flag_on_main = index == 0  # the others are flagged only on the new, recent row
            second = replace(person, position=SECOND_POSITION_TITLE, percent=20,
                             position_type=SECOND_POSITION, case_handler=not flag_on_main,
                             start=REF - timedelta(days=self.rng.randint(14, 80)))
            person.percent, person.case_handler = 80, flag_on_main
            self.extra_positions.append(second)
            self.use(people=(person.employee_id,))
            self.second_positions.append((person, second))

    def positions_in_two_units(self) -> None:
        """A Hovedstilling in one unit and a 20 % Bistilling in another."""
        self.two_units = []
        # An advisor listed without a unit, whose Bistilling row comes first in the file: only
        # the Hovedstilling can tell which unit the appointment is for.
        options = []
        for a in self.appointments:
            code = a.person.unit.code
            own_rows = [r for r in self.rows if r.employee_id == a.person.employee_id]
            if (a.unit != a.person.unit or a.hr_roles_text or not own_rows
                    or any(r.unit_text or r.until or r.appointed == REF for r in own_rows)
                    or self.scenarios[code] != "compliant" or code in self.used_units
                    or a.person.employee_id in self.used_people):
                continue
            earlier = [u for u in self.leaves if self.unit_order[u.code] < self.unit_order[code]
                       and self.scenarios[u.code] == "no_advisor"
                       and u.code not in self.used_units]
            sole = any((self.sole_provider(code, p, list_only=True) or (None,))[0]
                       == a.person.employee_id for p in a.processes)
            if earlier:
                options.append((not sole, a, earlier))
        options.sort(key=lambda option: option[0])
        best = [option for option in options if option[0] == options[0][0]]
        _, appointment, earlier = self.take(best, "an advisor in two units")
        self.add_second_unit(appointment.person, self.rng.choice(earlier), case_handler=False)
        # A case handler with Saksbehandlerskolen in both units, and one in neither.
        done = [p for p in self.free_staff(self.staff) if p.case_handler and self.k3_done(p)
                and p.start <= REF - timedelta(days=2 * 365)]
        person = self.take(done, "a case handler in two units")
        other_faculty = [u for u in self.leaves if u.parent != person.unit.parent
                         and u.code not in self.used_units]
        self.add_second_unit(person, self.rng.choice(other_faculty), case_handler=True)
        neither = [p for p in self.free_staff(self.staff) if not p.case_handler
                   and p.start <= REF - timedelta(days=2 * 365)]
        person = self.take(neither, "a non-case-handler in two units")
        central = [u for u in self.leaves if u.parent == "FA" and u != person.unit
                   and u.code not in self.used_units]
        self.add_second_unit(person, self.rng.choice(central), case_handler=False)

    def add_second_unit(self, person: Person, unit: Unit, case_handler: bool) -> None:
        second = replace(person, unit=unit, position=SECOND_POSITION_TITLE, percent=20,
                         position_type=SECOND_POSITION, case_handler=case_handler,
                         start=random_date(self.rng,
                                           max(person.start, REF - timedelta(days=5 * 365)),
                                           REF - timedelta(days=365)))
        person.percent = 80
        self.extra_positions.append(second)
        self.use(units=(person.unit.code, unit.code), people=(person.employee_id,))
        self.two_units.append((person, second))

    def failed_dfo_attempts(self) -> None:
        """Moodle's `Completed (did not achieve pass grade)`: dated, Fullført = Nei, not K2."""
        candidates = [self.by_id[e] for e in sorted(self.gaps) if "missing_k2" in self.gaps[e]
                      and e not in self.used_people and self.by_id[e].in_force]
        self.failed = self.rng.sample(candidates, min(3, len(candidates)))
        for person in self.failed:
            mine = self.records_by_person[person.employee_id]
            assert not any(r.course in DFO_COURSES and r.status == COMPLETED for r in mine)
            attempt = next((r for r in mine if r.course in DFO_COURSES), None)
            if attempt is None:
                attempt = CourseRecord(person, self.rng.choice(DFO_COURSES), FAILED, REF)
                self.add_record(attempt)
            attempt.completed = random_date(self.rng, date(2025, 1, 1), YESTERDAY)
            attempt.enrolled = attempt.completed - timedelta(days=self.rng.randint(0, 30))
            attempt.status = FAILED
            self.use(people=(person.employee_id,))

    def expired_in_portal(self) -> None:
        """`Utløpt`: completed, but the portal says the completion has run out."""
        candidates = []
        for employee_id in sorted(self.gaps):
            kinds = self.gaps[employee_id]
            dfo = [r for r in self.records_by_person[employee_id] if r.course in DFO_COURSES]
            if ("expired_k2" in kinds and "missing_k2" not in kinds
                    and employee_id not in self.used_people and self.by_id[employee_id].in_force
                    and len(dfo) == 1 and dfo[0].status == COMPLETED):
                candidates.append(dfo[0])
        self.expired = self.rng.sample(candidates, min(3, len(candidates)))
        for record in self.expired:
            record.status = EXPIRED
            record.valid_until = add_months(record.completed, K2_VALID_MONTHS)
            assert record.valid_until < REF
            self.use(people=(record.person.employee_id,))

    def dfo_enrolments(self) -> None:
        """Staff enrolled in a DFØ course they have not finished: Moodle's words for that."""
        candidates = [p for p in self.free_staff(self.staff) if p.case_handler and not any(
            r.course in DFO_COURSES for r in self.records_by_person[p.employee_id])]
        self.enrolled = self.rng.sample(candidates, 6)
        for index, person in enumerate(self.enrolled):
            status = UNFINISHED_STATUSES[index % len(UNFINISHED_STATUSES)]
            self.add_record(CourseRecord(
                person, self.rng.choice(DFO_COURSES), status,
                random_date(self.rng, max(person.start, REF - timedelta(days=200)), YESTERDAY)))
            self.use(people=(person.employee_id,))

    def moodle_clock_times(self) -> None:
        """Moodle stamps a completion with its time and its own expiry (`Gyldig til`)."""
        for record in self.records:
            if record.course in DFO_COURSES and record.completed:
                record.completed_time = time(self.rng.randint(7, 22), self.rng.randint(0, 59))
                if record.status == COMPLETED and record.valid_until is None:
                    record.valid_until = add_months(record.completed, K2_VALID_MONTHS)

    def padded_ids(self) -> None:
        self.padded = len(self.records)

    # --- what the other files' readers need to know -----------------------------------

    def hr_rows(self) -> list[Person]:
        return self.staff + self.extra_positions + self.leavers

    def describe(self) -> None:
        def who(person: Person) -> str:
            return f"{person.employee_id} ({person.name}, {person.unit.code})"

        hr = self.hr_rows()
        leaver_ids = {p.employee_id for p in hr if not p.in_force}
        hr_advisors = {a.person.employee_id for a in self.appointments if a.hr_roles_text}
        listed = {r.employee_id for r in self.rows}
        leaver_advisors = sorted(leaver_ids & (hr_advisors | listed))
        sru_unit, sru_person = self.sru_lost
        self.report("Leavers (new people, Sluttdato before REF)", len(self.leavers),
                    f"{len(self.leaver_case_handlers_without_k3)} were case handlers without "
                    "Saksbehandlerskolen (no gaps): " + ", ".join(
                        str(p.employee_id) for p in self.leaver_case_handlers_without_k3))
        self.report("Leaver advisors (HR roles or advisors list, not in force)",
                    len(leaver_advisors), ", ".join(map(str, leaver_advisors)))
        unit, person = self.listed_leaver
        self.report("Leaver appointed in the advisors list (oppnevnt, men ikke ansatt)", 1,
                    f"{who(person)} listed for {INN} in {unit.code} ({unit.name}), "
                    f"Sluttdato {person.end:%d.%m.%Y}; {unit.code} still lacks {INN}")
        self.report("Boundary end dates", 2,
                    f"Sluttdato = REF: {who(self.ends_on_ref)}, advisor, counts (unit stays "
                    f"compliant); Sluttdato = REF - 1: {who(self.ended_yesterday)}, due case "
                    "handler without K3, not in force (no gap)")
        self.report("Future end dates (in force)", len(self.future_ends), "; ".join(
            f"{who(p)} {p.position.title} until {p.end:%d.%m.%Y}" for p in self.future_ends))
        self.report("Second positions in the same unit", len(self.second_positions), "; ".join(
            f"{who(main)}: 80 % Hovedstilling from {main.start:%d.%m.%Y} "
            f"(Saksbehandler {'Ja' if main.case_handler else 'Nei'}) + 20 % Bistilling from "
            f"{second.start:%d.%m.%Y} (Saksbehandler {'Ja' if second.case_handler else 'Nei'})"
            f"; merged: due case handler without K3"
            for main, second in self.second_positions))
        self.report("People with positions in two units", len(self.two_units), "; ".join(
            f"{main.employee_id} ({main.name}): Hovedstilling {main.unit.code} 80 %, "
            f"Bistilling {second.unit.code} 20 % (Saksbehandler "
            f"{'Ja' if second.case_handler else 'Nei'})"
            + (" - advisor listed without Enhet, counts for " + main.unit.code
               if main.employee_id in self.advisor_ids else "")
            for main, second in self.two_units))
        ended = [r for r in self.rows if r.until and r.until < REF]
        future = [r for r in self.rows if r.appointed and r.appointed > REF]
        unit, row = self.ended_innsyn
        self.report("Ended appointments (Til dato before REF)", len(ended), "; ".join(
            f"{r.employee_id} {r.process} in {r.unit.code} until {r.until:%d.%m.%Y}"
            for r in ended)
            + f". {unit.code} ({unit.name}) loses {INN} ({row.employee_id}'s appointment ended); "
            + "; ".join(f"{old.employee_id} replaced by {new.employee_id} in {u.code}"
                        for u, old, new in self.replaced))
        unit, person, process = self.future_blocked
        self.report("Future appointments (Oppnevnt dato after REF)", len(future), "; ".join(
            f"{r.employee_id} {r.process} in {r.unit.code} from {r.appointed:%d.%m.%Y}"
            for r in future)
            + f". {unit.code} ({unit.name}) would be compliant with {person.employee_id} as "
            f"{process} advisor, but not before {FUTURE_APPOINTMENT:%d.%m.%Y}")
        unit, row = self.appointed_ref
        until_unit, until_row, successor = self.until_ref
        self.report("Boundary appointments (both count)", 2,
                    f"Oppnevnt dato = REF: {row.employee_id} {row.process} in {unit.code} "
                    f"(only {row.process} advisor); Til dato = REF: {until_row.employee_id} "
                    f"{until_row.process} in {until_unit.code} (only {until_row.process} "
                    f"advisor; successor {successor.employee_id} from "
                    f"{REF + timedelta(days=1):%d.%m.%Y})")
        moodle = Counter(portal_status(r) for r in self.records if r.course in DFO_COURSES)
        self.report("Moodle statuses on DFØ rows", sum(moodle.values()), ", ".join(
            f"{status} {count}" for status, count in sorted(moodle.items())))
        self.report("Advisors with only a failed DFØ attempt (did not achieve pass grade)",
                    len(self.failed), ", ".join(who(p) for p in self.failed))
        self.report("Utløpt rows (advisors then have K2 expired)", len(self.expired), ", ".join(
            f"{who(r.person)} {r.course.code} {r.completed:%d.%m.%Y}, gyldig til "
            f"{r.valid_until:%d.%m.%Y}" for r in self.expired))
        self.report("Zero-padded 8-digit employee ids (text) in the course export", self.padded,
                    "every row, e.g. " + portal_id(self.records[0].person.employee_id))



def cell_value(value: object) -> object:
    """Dates become Excel datetimes; blanks stay empty cells."""
    if isinstance(value, date):
        return datetime.combine(value, time())
    return None if value == "" else value


def write_table(sheet: Worksheet, header: list[str], rows: list[tuple], first_row: int = 1) -> None:
    bold = Font(bold=True)
    for column, title in enumerate(header, start=1):
        sheet.cell(first_row, column, title).font = bold
    for row_number, values in enumerate(rows, start=first_row + 1):
        for column, value in enumerate(values, start=1):
            cell = sheet.cell(row_number, column, cell_value(value))
            if isinstance(value, date):
                cell.number_format = DATE_FORMAT
    last_column = get_column_letter(len(header))
    sheet.freeze_panes = sheet.cell(first_row + 1, 1)
    sheet.auto_filter.ref = f"A{first_row}:{last_column}{first_row + len(rows)}"
    for column, title in enumerate(header, start=1):
        longest = max([len(title)] + [len(str(row[column - 1])) for row in rows])
        sheet.column_dimensions[get_column_letter(column)].width = min(longest + 2, 60)


def save_reproducibly(workbook: Workbook, path: Path) -> None:
    """Save with fixed timestamps so that regenerating gives byte-identical files (clean diffs)."""
    workbook.properties.creator = "sample_data/generate.py"
    workbook.properties.created = workbook.properties.modified = FIXED_TIMESTAMP
    raw = io.BytesIO()
    # ExcelWriter directly: save_workbook() would stamp "modified" with the current time.
    ExcelWriter(workbook, ZipFile(raw, "w", ZIP_DEFLATED)).save()
    with ZipFile(raw) as source, ZipFile(path, "w", ZIP_DEFLATED) as target:
        for member in source.infolist():
            stamped = ZipInfo(member.filename, date_time=FIXED_TIMESTAMP.timetuple()[:6])
            target.writestr(stamped, source.read(member), compress_type=ZIP_DEFLATED)


def single_sheet_workbook(title: str) -> tuple[Workbook, Worksheet]:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title
    return workbook, sheet


def write_units(units: list[Unit], path: Path) -> None:
    workbook, sheet = single_sheet_workbook("Enheter")
    write_table(sheet, ["Enhetskode", "Enhetsnavn", "Overordnet enhetskode", "Leder e-post"],
                [(unit.code, unit.name, unit.parent, f"leder.{unit.code.lower()}@ntnu.no")
                 for unit in units])
    save_reproducibly(workbook, path)


def write_staff(staff: list[Person], units: list[Unit], appointments: list[Appointment],
                path: Path) -> None:
    """One row per position: a person with a Bistilling beside the Hovedstilling has two rows."""
    unit_names = {unit.code: unit.name for unit in units}
    unit_order = {unit.code: index for index, unit in enumerate(units)}
    roles = {a.person.employee_id: a.hr_roles_text for a in appointments}
    extract_date = REF.strftime("%d.%m.%Y")
    workbook = Workbook()
    info = workbook.active
    info.title = "Info"
    for line in (
        "Eksport fra HR-systemet: ansatte per organisasjonsenhet",
        f"Uttrekksdato: {extract_date}",
        "Arket «Ansatte» har én rad per stilling (arbeidsforhold): en person med hovedstilling "
        "og bistilling har to rader, i samme eller i en annen enhet.",
        "«Stillingstype»: Hovedstilling eller Bistilling; «Stillingsprosent»: stillingens andel "
        "av full stilling.",
        "«Sluttdato»: siste dag i stillingen; tom for løpende ansettelser. Uttrekket tar med "
        "stillinger som er avsluttet de siste to årene.",
        "«Saksbehandler» (Ja/Nei): personen bruker saksbehandlingssystemet i denne stillingen.",
        "«Prosessrådgiver»: prosessene personen er oppnevnt som prosessrådgiver for (står på "
        "hovedstillingen).",
        "Fiktive eksempeldata laget av sample_data/generate.py; skal ikke redigeres for hånd.",
    ):
        info.append([line])
    sheet = workbook.create_sheet("Ansatte")
    sheet["A1"] = "Rapport: Ansatte per organisasjonsenhet"
    sheet["A2"] = f"Uttrekksdato: {extract_date}"
    sheet["A1"].font = Font(bold=True, size=13)
    # A person's smaller position in the same unit comes first, as the HR report sorts it.
    ordered = sorted(staff, key=lambda p: (unit_order[p.unit.code], p.last_name, p.first_name,
                                           p.employee_id, p.percent))
    rows = [
        (p.employee_id, p.first_name, p.last_name, p.email, p.unit.code, p.unit.name,
         unit_names[p.unit.parent], p.position.code, p.position.title, p.percent,
         p.position_type, p.start, p.end or "", "Ja" if p.case_handler else "Nei",
         roles.get(p.employee_id, "") if p.position_type == MAIN_POSITION else "")
        for p in ordered
    ]
    write_table(sheet, ["Ansattnr", "Fornavn", "Etternavn", "E-post", "Org.enhet-ID",
                        "Organisasjonsenhet", "Fakultet/avdeling", "Stillingskode",
                        "Stillingsbetegnelse", "Stillingsprosent", "Stillingstype", "Startdato",
                        "Sluttdato", "Saksbehandler", "Prosessrådgiver"],
                rows, first_row=4)
    save_reproducibly(workbook, path)


def list_rows(appointments: list[Appointment]) -> list[ListRow]:
    """The advisors list as the appointments give it: one row per person and listed process."""
    return [
        ListRow(a.person.employee_id, a.person.name, a.unit,
                a.unit.code if a.unit_written_in_list else "", process, a.appointed)
        for a in appointments for process in a.listed_processes
    ]


def write_advisors(appointments: list[Appointment], units: list[Unit], path: Path) -> None:
    write_advisor_rows(list_rows(appointments), units, path)


def write_advisor_rows(rows: list[ListRow], units: list[Unit], path: Path) -> None:
    unit_order = {unit.code: index for index, unit in enumerate(units)}
    ordered = sorted(rows, key=lambda r: (unit_order[r.unit.code], r.name, r.employee_id,
                                          PROCESSES.index(r.process), r.appointed or date.min))
    workbook, sheet = single_sheet_workbook("Prosessrådgivere")
    write_table(sheet, ["Ansattnr", "Navn", "Enhet", "Prosess", "Oppnevnt dato", "Til dato"],
                [(r.employee_id, r.name, r.unit_text, r.process, r.appointed or "",
                  r.until or "") for r in ordered])
    save_reproducibly(workbook, path)


def portal_id(employee_id: int) -> str:
    """The learning portal stores the SAP employee number as text with leading zeros."""
    return f"{employee_id:08d}"


def portal_status(record: CourseRecord) -> str:
    """DFØ's courses come through Moodle, which reports in its own (English) words."""
    if record.course in DFO_COURSES and record.status != EXPIRED:
        return MOODLE_STATUSES[record.status]
    return record.status


def portal_completion(record: CourseRecord) -> object:
    """Moodle's completion time is text, `dd/mm/yy, HH:MM`; the institution's are Excel dates."""
    if record.completed is None:
        return ""
    if record.course in DFO_COURSES:
        clock = record.completed_time or time(12, 0)
        return f"{record.completed:%d/%m/%y}, {clock:%H:%M}"
    return record.completed


def write_courses(records: list[CourseRecord], path: Path) -> None:
    rows = [
        (portal_id(r.person.employee_id), r.person.name, r.person.unit.name,
         r.course.code if r.code_exported else "", r.course.title, r.enrolled, portal_status(r),
         "Ja" if r.status in COMPLETED_STATUSES else "Nei", portal_completion(r),
         r.valid_until or "")
        for r in records
    ]
    workbook, sheet = single_sheet_workbook("Kursdeltakelse")
    write_table(sheet, ["Ansattnummer", "Navn", "Enhet", "Kurskode", "Kurs", "Påmeldt dato",
                        "Status", "Fullført", "Fullført dato", "Gyldig til"], rows)
    save_reproducibly(workbook, path)


def write_requirements(path: Path) -> None:
    k3_courses = "NTNU-SBS; Saksbehandlerskolen"
    rows = [
        ("K1", "Kurs i ny saksbehandlingsløsning for prosessrådgiver", "advisors",
         "SAK-PR-01; saksbehandlingsløsning for prosessrådgiver", "", ""),
        ("K2", "DFØ-kurs i forvaltning og offentlighetsloven", "advisors",
         "DFO-FVL; DFO-OFFL; En sak for Walter; offentleglova", 36, ""),
        ("K3", "Saksbehandlerskolen", "advisors", k3_courses, "", ""),
        ("K3", "Saksbehandlerskolen", "case_handlers", k3_courses, "", GRACE_DAYS),
    ]
    rows = [(*row[:4], "kurs", *row[4:]) for row in rows] + [
        (requirement, name, "advisors", "", "vurdering", months, "")
        for requirement, (name, months) in ASSESSED.items()]
    workbook, sheet = single_sheet_workbook("Kompetansekrav")
    write_table(sheet, ["ID", "Navn", "Målgruppe", "Kurs", "Type", "Gyldighet (måneder)",
                        "Frist (dager)"], rows)
    save_reproducibly(workbook, path)


# The mandate's competencies no course proves: met by an assessment (name, validity in months).
ASSESSED = {
    "K4": ("Generell forvaltningskompetanse", ""),
    "K5": ("Egnethet for opplæring og veiledning", ""),
    "K6": ("Kommunikasjonsferdigheter", ""),
    "K7": ("Enhetens ekspert i bruk av verktøy", ""),
    "K8": ("Kunnskap om forvaltningsloven og offentlighetsloven", 36),
}
ASSESSMENT_SEED = SEED + 2
# approvals dated before the sample's earlier snapshot dates, so "since last time" and the
# trends move with the course data alone
ASSESSED_WINDOW = (date(2024, 1, 10), date(2026, 6, 30))
EARLIER_SNAPSHOT = date(2026, 9, 1)
ASSESSORS = ("Nærmeste leder", "Prosesseier", "Kontorsjef")


def write_assessments(path: Path) -> None:
    """Who lacks a course is read from the files just written, as the product reads them; only
    they may lack an assessment too, so the assessments change no unit's compliance."""
    rng = random.Random(ASSESSMENT_SEED)
    files = {kind: HERE / name for kind, name in (
        ("staff", "hr_ansatte.xlsx"), ("courses", "kursdata.xlsx"),
        ("advisors", "prosessradgivere.xlsx"), ("units", "enheter.xlsx"),
        ("requirements", "kompetansekrav.xlsx"))}
    dataset = load_dataset(**files)
    results = build_results(dataset, as_of=REF)
    names = dict(zip(results.staff["employee_id"], results.staff["name"], strict=False))

    earlier = build_results(dataset, as_of=EARLIER_SNAPSHOT)

    def lacking_a_course(found) -> set[str]:
        gaps = found.gaps
        return set(gaps.loc[gaps["kind"].isin([ADVISOR_MISSING_REQUIREMENT,
                                               ADVISOR_REQUIREMENT_EXPIRED])
                            & ~gaps["requirement_id"].isin(list(ASSESSED)), "employee_id"])

    # the advisors of the as-of date and of the earlier snapshot date the tests compare with;
    # only those lacking a course on both dates may lack an assessment
    lacking = lacking_a_course(results) & lacking_a_course(earlier)
    rows = []
    for person in sorted({*results.advisors["employee_id"], *earlier.advisors["employee_id"]}):
        # one of a lacking advisor's assessments is not approved, missing or (K8) expired
        unmet = rng.choice([*ASSESSED, "K8", "K8"]) if person in lacking else None
        for requirement, (_, months) in ASSESSED.items():
            day = random_date(rng, *ASSESSED_WINDOW)
            result = "Godkjent"
            if requirement == unmet:
                outcome = rng.choice(("not approved", "never", "expired"))
                if outcome == "never" or (outcome == "expired" and not months):
                    continue
                if outcome == "expired":
                    day = random_date(rng, date(2021, 1, 1), date(2023, 10, 1))
                else:
                    result = "Ikke godkjent"
            elif months and rng.random() < 0.05:  # expires within 60 days
                day = random_date(rng, date(2023, 11, 10), date(2023, 12, 20))
            rows.append((person, names.get(person, ""), requirement, day, result,
                         rng.choice(ASSESSORS), "Ny vurdering avtalt" if result != "Godkjent"
                         else ""))
    workbook, sheet = single_sheet_workbook("Vurderinger")
    write_table(sheet, ["Ansattnr", "Navn", "Krav", "Vurdert dato", "Resultat", "Vurdert av",
                        "Merknad"], rows)
    save_reproducibly(workbook, path)


def main() -> None:
    rng = random.Random(SEED)
    units = read_units(ORG_UNITS_CSV)
    leaves = leaf_units(units)
    staff = generate_staff(rng, leaves)
    boundary_outcomes = pin_grace_boundary(rng, staff)
    scenarios = assign_scenarios(rng, leaves)
    appointments = appoint_advisors(rng, staff, leaves, scenarios)
    advisor_gaps = plan_advisor_gaps(rng, appointments, scenarios)
    advisor_ids = {a.person.employee_id for a in appointments}
    records = course_records(rng, staff, advisor_gaps, advisor_ids, boundary_outcomes)
    # After everything drawn from `rng`, from a generator of its own.
    real = RealExports(units, leaves, staff, scenarios, appointments, advisor_gaps, records)
    real.apply()
    real.describe()

    write_units(units, HERE / "enheter.xlsx")
    write_staff(real.hr_rows(), units, appointments, HERE / "hr_ansatte.xlsx")
    write_advisor_rows(real.rows, units, HERE / "prosessradgivere.xlsx")
    write_courses(real.records, HERE / "kursdata.xlsx")
    write_requirements(HERE / "kompetansekrav.xlsx")
    write_assessments(HERE / "vurderinger.xlsx")

    hr_rows = real.hr_rows()
    print(f"Units: {len(units)} ({len(leaves)} evaluated)")
    print(f"Staff: {len(staff)} ({sum(p.case_handler for p in staff)} case handlers flagged on "
          f"the main row); {len(hr_rows)} HR rows, "
          f"{len({p.employee_id for p in hr_rows if p.in_force})} people in force on "
          f"{REF:%d.%m.%Y}")
    print(f"Advisors: {len(advisor_ids)} ({len(real.rows)} rows in the advisors list)")
    print(f"Course rows: {len(real.records)}")
    print("Unit scenarios: " + ", ".join(
        f"{name} {count}" for name, count in sorted(Counter(scenarios.values()).items())))
    print("Real-export situations:")
    for label, count, detail in real.summary:
        print(f"- {label}: {count}" + (f" [{detail}]" if detail else ""))


if __name__ == "__main__":
    main()
