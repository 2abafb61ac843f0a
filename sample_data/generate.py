"""Generate the bundled sample data: a fictional but realistic NTNU as of 1 November 2026.

Run ``python sample_data/generate.py`` from any directory. It reads ``org_units_example.csv``
next to this file and writes, into the same folder:

- ``enheter.xlsx``, sheet "Enheter": every unit with its parent code; header in row 1.
- ``hr_ansatte.xlsx``: sheet "Info" describing the export, then sheet "Ansatte" with two title
  rows, a blank row and the header in row 4; one row per person (about 3,000) with the
  case-handler flag and the free-text process-advisor roles column.
- ``prosessradgivere.xlsx``, sheet "Prosessrådgivere": the process owner's list of appointed
  advisors, one row per person and process; header in row 1. ``Enhet`` is blank where the
  person's HR unit applies and names another unit for advisors lent to a sibling department.
- ``kursdata.xlsx``, sheet "Kursdeltakelse": the learning-portal export, one row per person and
  course; header in row 1 (no title rows).
- ``kompetansekrav.xlsx``, sheet "Kompetansekrav": requirements K1-K3; header in row 1.

Everything comes from ``random.Random(SEED)`` and is dated relative to ``REF``, so every run
writes the same cell contents, and thanks to fixed timestamps byte-identical files. Each evaluated
unit gets a scenario so that every gap the dashboard knows occurs: no advisor, a single advisor,
no innsyn or SRU advisor, advisors missing K1/K2/K3 or holding only an expired K2, and case
handlers past the grace period without Saksbehandlerskolen. All names and numbers are invented.

The output files are generated: never edit them by hand; change this script and run it again.
"""

import csv
import io
import math
import random
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zipfile import ZIP_DEFLATED, ZipFile, ZipInfo

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

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

SAK, INN, SRU = "Saksbehandling", "Innsyn", "SRU"
PROCESSES = (SAK, INN, SRU)

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

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}"


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
    write_table(sheet, ["Enhetskode", "Enhetsnavn", "Overordnet enhetskode"],
                [(unit.code, unit.name, unit.parent) for unit in units])
    save_reproducibly(workbook, path)


def write_staff(staff: list[Person], units: list[Unit], appointments: list[Appointment],
                path: Path) -> None:
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
        "Arket «Ansatte» har én rad per person (hovedstilling).",
        "«Saksbehandler» (Ja/Nei): personen bruker saksbehandlingssystemet.",
        "«Prosessrådgiver»: prosessene personen er oppnevnt som prosessrådgiver for.",
        "Fiktive eksempeldata laget av sample_data/generate.py; skal ikke redigeres for hånd.",
    ):
        info.append([line])
    sheet = workbook.create_sheet("Ansatte")
    sheet["A1"] = "Rapport: Ansatte per organisasjonsenhet"
    sheet["A2"] = f"Uttrekksdato: {extract_date}"
    sheet["A1"].font = Font(bold=True, size=13)
    ordered = sorted(staff, key=lambda p: (unit_order[p.unit.code], p.last_name, p.first_name,
                                           p.employee_id))
    rows = [
        (p.employee_id, p.first_name, p.last_name, p.email, p.unit.code, p.unit.name,
         unit_names[p.unit.parent], p.position.code, p.position.title, p.start,
         "Ja" if p.case_handler else "Nei", roles.get(p.employee_id, ""))
        for p in ordered
    ]
    write_table(sheet, ["Ansattnr", "Fornavn", "Etternavn", "E-post", "Org.enhet-ID",
                        "Organisasjonsenhet", "Fakultet/avdeling", "Stillingskode",
                        "Stillingsbetegnelse", "Startdato", "Saksbehandler", "Prosessrådgiver"],
                rows, first_row=4)
    save_reproducibly(workbook, path)


def write_advisors(appointments: list[Appointment], units: list[Unit], path: Path) -> None:
    unit_order = {unit.code: index for index, unit in enumerate(units)}
    rows = sorted(
        ((a.person.employee_id, a.person.name, a.unit.code if a.unit_written_in_list else "",
          process, a.appointed, unit_order[a.unit.code], PROCESSES.index(process))
         for a in appointments for process in a.listed_processes),
        key=lambda row: (row[5], row[1], row[0], row[6]),
    )
    workbook, sheet = single_sheet_workbook("Prosessrådgivere")
    write_table(sheet, ["Ansattnr", "Navn", "Enhet", "Prosess", "Oppnevnt dato"],
                [row[:5] for row in rows])
    save_reproducibly(workbook, path)


def write_courses(records: list[CourseRecord], path: Path) -> None:
    rows = [
        (r.person.employee_id, r.person.name, r.person.unit.name,
         r.course.code if r.code_exported else "", r.course.title, r.enrolled, r.status,
         r.completed or "", r.valid_until or "")
        for r in records
    ]
    workbook, sheet = single_sheet_workbook("Kursdeltakelse")
    write_table(sheet, ["Ansattnummer", "Navn", "Enhet", "Kurskode", "Kurs", "Påmeldt dato",
                        "Status", "Fullført dato", "Gyldig til"], rows)
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
    workbook, sheet = single_sheet_workbook("Kompetansekrav")
    write_table(sheet, ["ID", "Navn", "Målgruppe", "Kurs", "Gyldighet (måneder)",
                        "Frist (dager)"], rows)
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

    write_units(units, HERE / "enheter.xlsx")
    write_staff(staff, units, appointments, HERE / "hr_ansatte.xlsx")
    write_advisors(appointments, units, HERE / "prosessradgivere.xlsx")
    write_courses(records, HERE / "kursdata.xlsx")
    write_requirements(HERE / "kompetansekrav.xlsx")

    list_rows = sum(len(a.listed_processes) for a in appointments)
    print(f"Units: {len(units)} ({len(leaves)} evaluated)")
    print(f"Staff: {len(staff)} ({sum(p.case_handler for p in staff)} case handlers)")
    print(f"Advisors: {len(advisor_ids)} ({list_rows} rows in the advisors list)")
    print(f"Course rows: {len(records)}")
    print("Unit scenarios: " + ", ".join(
        f"{name} {count}" for name, count in sorted(Counter(scenarios.values()).items())))


if __name__ == "__main__":
    main()
