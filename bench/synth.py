"""Synthetic university- and national-size inputs for the benchmark, cached under bench/.cache/.

The people, advisor teams and course records come from the sample-data generator's own helpers
(`sample_data/generate.py`), so the files look like the bundled sample: the same sheets, title
rows, header rows and headers. Only the sizes differ: the staff count is exact, and course rows
are topped up with unrelated courses to reach the exact row count. The two large files are
written with openpyxl's write-only mode; the small ones with the generator's writers. openpyxl
writes every text cell inline, while Excel (and so a real export someone saved) keeps text in a
shared-string table, which both readers parse faster; the files are rewritten that way.
"""

from __future__ import annotations

import hashlib
import io
import math
import random
import re
import shutil
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zipfile import ZIP_DEFLATED, ZipFile

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from sample_data import generate as gen

BENCH_DIR = Path(__file__).resolve().parent
CACHE_DIR = BENCH_DIR / ".cache"
SEED = 20261101
MIN_UNIT_STAFF = 10
LARGEST_TEAM = max(len(team) for teams in gen.SCENARIO_TEAMS.values() for team in teams)
SCENARIO_WEIGHTS = (
    ("no_advisor", 8), ("single_advisor", 6), ("missing_innsyn", 6), ("missing_sru", 6),
    ("training_gap", 30), ("compliant", 44),
)
TOP_UP_COURSES = (
    *(course for course, _ in gen.NOISE_COURSES),
    gen.ELEMENTS_BASICS,
    gen.Course("ARKIV-01", "Arkivering og journalføring i praksis"),
    gen.Course("KLARSPR", "Klarspråk i offentlige dokumenter"),
    gen.Course("ANSK-2", "Anskaffelser for saksbehandlere"),
    gen.Course("UU-WEB", "Universell utforming av nettinnhold"),
)
INLINE_STRING = re.compile(
    rb'<c ([^>]*?)t="inlineStr"([^>]*)><is><t(?: xml:space="preserve")?>(.*?)</t></is></c>', re.S)
SPREADSHEET_NS = b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"
SHARED_STRINGS_TYPE = (b"application/vnd.openxmlformats-officedocument.spreadsheetml."
                       b"sharedStrings+xml")
SHARED_STRINGS_REL = (b"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
                      b"sharedStrings")
FILE_NAMES = {
    "staff": "hr_ansatte.xlsx",
    "courses": "kursdata.xlsx",
    "advisors": "prosessradgivere.xlsx",
    "requirements": "kompetansekrav.xlsx",
    "units": "enheter.xlsx",
}

AGENCY_KINDS = (
    ("Universitetet i", "institutt"), ("Høgskolen i", "institutt"),
    ("Statsforvalteren i", "seksjon"), ("Skatteetaten region", "seksjon"),
    ("NAV", "seksjon"), ("Politidistrikt", "seksjon"),
)
PLACES = (
    "Agder", "Bergen", "Bodø", "Innlandet", "Molde", "Oslo", "Rogaland", "Stavanger",
    "Sør-Øst", "Tromsø", "Trøndelag", "Vestfold", "Vestland", "Volda", "Østfold", "Ålesund",
)
DEPARTMENTS = {
    "institutt": (
        "Institutt for fysikk", "Institutt for kjemi", "Institutt for matematiske fag",
        "Institutt for historie", "Institutt for psykologi", "Institutt for datateknologi",
        "Institutt for økonomi", "Institutt for pedagogikk", "Institutt for språk",
        "Institutt for biologi", "Institutt for geografi", "Institutt for sosiologi",
        "Institutt for musikk", "Institutt for helsevitenskap", "Institutt for sykepleie",
        "Institutt for bygg", "Institutt for maskinteknikk", "Institutt for elkraft",
        "Institutt for filosofi",
    ),
    "seksjon": (
        "Økonomiseksjonen", "HR-seksjonen", "Arkivseksjonen", "Juridisk seksjon",
        "IT-seksjonen", "Kommunikasjonsseksjonen", "Saksbehandlingsenheten",
        "Klageenheten", "Tilsynsseksjonen", "Innkrevingsseksjonen", "Analyseseksjonen",
        "Kundesenteret", "Seksjon for forvaltning", "Seksjon for beredskap",
        "Seksjon for tilskudd", "Seksjon for utredning", "Dokumentsenteret",
        "Seksjon for eiendom", "Ledelsens stab",
    ),
}


@dataclass(frozen=True)
class Size:
    """One benchmark size: exact staff and course-row counts; `agencies` 0 means NTNU's units."""

    name: str
    staff: int
    course_rows: int
    agencies: int = 0
    departments: int = 0

    @property
    def label(self) -> str:
        return f"{self.staff:,} staff, {self.course_rows:,} course rows"


UNIVERSITY = Size("university", staff=9_000, course_rows=60_000)
NATIONAL = Size("national", staff=50_000, course_rows=500_000, agencies=60, departments=19)
SIZES = (UNIVERSITY, NATIONAL)


def cache_key(size: Size) -> str:
    """Size plus a hash of both generators, so a change to either writes new files."""
    sources = b"".join(path.read_bytes() for path in (Path(__file__), Path(gen.__file__)))
    digest = hashlib.sha256(sources).hexdigest()[:10]
    return f"{size.name}-{size.staff}-{size.course_rows}-{digest}"


def bench_inputs(size: Size) -> dict[str, Path]:
    """Paths of the five input files of one size, generated on first use and then reused."""
    folder = CACHE_DIR / cache_key(size)
    paths = {kind: folder / name for kind, name in FILE_NAMES.items()}
    if all(path.exists() for path in paths.values()):
        return paths
    for stale in CACHE_DIR.glob(f"{size.name}-*"):
        shutil.rmtree(stale)
    partial = folder.with_name(folder.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    write_inputs(size, partial)
    partial.rename(folder)
    return paths


def national_units(size: Size) -> list[gen.Unit]:
    """A state administration: agencies under one root, each with the same number of units."""
    units = [gen.Unit("STAT", "Statsforvaltningen (syntetisk)", "", "institusjon")]
    for agency in range(size.agencies):
        prefix, unit_type = AGENCY_KINDS[agency % len(AGENCY_KINDS)]
        place = PLACES[agency // len(AGENCY_KINDS) % len(PLACES)]
        number = agency // (len(AGENCY_KINDS) * len(PLACES))
        agency_name = f"{prefix} {place}" + (f" {number + 1}" if number else "")
        agency_code = f"{agency + 1:03d}000"
        units.append(gen.Unit(agency_code, agency_name, "STAT", "etat"))
        names = DEPARTMENTS[unit_type]
        for department in range(size.departments):
            units.append(gen.Unit(f"{agency + 1:03d}{department + 1:03d}",
                                  f"{names[department % len(names)]} ({agency_name})",
                                  agency_code, unit_type))
    return units


def split_headcount(rng: random.Random, total: int, units: int) -> list[int]:
    """Skewed unit sizes (many small, a few large) that add up to exactly `total`."""
    weights = [rng.lognormvariate(0, 0.55) for _ in range(units)]
    spare = total - MIN_UNIT_STAFF * units
    shares = [spare * w / sum(weights) for w in weights]
    counts = [math.floor(share) for share in shares]
    by_remainder = sorted(range(units), key=lambda i: shares[i] - counts[i], reverse=True)
    for index in by_remainder[: spare - sum(counts)]:
        counts[index] += 1
    return [MIN_UNIT_STAFF + count for count in counts]


def unit_positions(rng: random.Random, unit: gen.Unit, count: int) -> list[gen.Position]:
    """A leader and two administrative posts, then the generator's mix for the unit type."""
    leader, mix = ((gen.KONTORSJEF, gen.ACADEMIC_UNIT_MIX) if unit.academic
                   else (gen.AVDELINGSLEDER, gen.ADMIN_UNIT_MIX))
    positions, weights = zip(*mix, strict=True)
    return [leader, gen.KONSULENT, gen.RADGIVER, *rng.choices(positions, weights, k=count - 3)]


def make_staff(rng: random.Random, leaves: list[gen.Unit], total: int,
               domain: str) -> list[gen.Person]:
    counts = split_headcount(rng, total, len(leaves))
    employee_ids = iter(rng.sample(range(1_000_000, 10_000_000), total))
    emails: Counter[str] = Counter()
    staff = []
    for unit, count in zip(leaves, counts, strict=True):
        for position in unit_positions(rng, unit, count):
            first_name, last_name = rng.choice(gen.FIRST_NAMES), rng.choice(gen.LAST_NAMES)
            local = f"{gen.ascii_fold(first_name)}.{gen.ascii_fold(last_name)}"
            emails[local] += 1
            suffix = emails[local] if emails[local] > 1 else ""
            staff.append(gen.Person(
                employee_id=next(employee_ids), first_name=first_name, last_name=last_name,
                email=f"{local}{suffix}@{domain}", unit=unit, position=position,
                start=gen.start_date(rng, position),
                case_handler=rng.random() < position.case_handler_share))
    return staff


def assign_scenarios(rng: random.Random, leaves: list[gen.Unit],
                     staff: list[gen.Person]) -> dict[str, str]:
    """Weighted unit scenarios; units with too few experienced staff for a team get none."""
    experienced = Counter(p.unit.code for p in staff if p.start <= gen.EXPERIENCED)
    names, weights = zip(*SCENARIO_WEIGHTS, strict=True)
    return {unit.code: (rng.choices(names, weights)[0]
                        if experienced[unit.code] >= LARGEST_TEAM else "no_advisor")
            for unit in leaves}


def top_up_records(rng: random.Random, staff: list[gen.Person], count: int
                   ) -> list[gen.CourseRecord]:
    """Unrelated courses for random people, mostly completed, to reach the exact row count."""
    records = []
    for person in rng.choices(staff, k=count):
        course = rng.choice(TOP_UP_COURSES)
        if rng.random() < 0.88:
            records.append(gen.completed_record(
                rng, person, course, max(person.start, gen.REF - timedelta(days=8 * 365)),
                gen.YESTERDAY))
        else:
            records.append(gen.unfinished_record(rng, person, course))
    return records


def make_records(rng: random.Random, staff: list[gen.Person],
                 appointments: list[gen.Appointment], scenarios: dict[str, str],
                 boundary: dict[int, bool], total: int) -> list[gen.CourseRecord]:
    advisor_gaps = gen.plan_advisor_gaps(rng, appointments, scenarios)
    advisor_ids = {a.person.employee_id for a in appointments}
    records = gen.course_records(rng, staff, advisor_gaps, advisor_ids, boundary)
    if len(records) > total:
        records = rng.sample(records, total)
    records += top_up_records(rng, staff, total - len(records))
    # The portal exports one block per person, as the generator sorts it.
    records.sort(key=lambda r: (r.person.last_name, r.person.first_name, r.person.employee_id,
                                r.course.code))
    return records


def write_inputs(size: Size, folder: Path) -> None:
    """Generate one size's people, advisors and courses, and write the five files."""
    rng = random.Random(SEED + size.staff)
    units = gen.read_units(gen.ORG_UNITS_CSV) if not size.agencies else national_units(size)
    leaves = gen.leaf_units(units)
    domain = "ntnu.no" if not size.agencies else "stat.no"
    staff = make_staff(rng, leaves, size.staff, domain)
    boundary = gen.pin_grace_boundary(rng, staff)
    scenarios = assign_scenarios(rng, leaves, staff)
    appointments = gen.appoint_advisors(rng, staff, leaves, scenarios)
    records = make_records(rng, staff, appointments, scenarios, boundary, size.course_rows)

    gen.write_units(units, folder / FILE_NAMES["units"])
    gen.write_advisors(appointments, units, folder / FILE_NAMES["advisors"])
    gen.write_requirements(folder / FILE_NAMES["requirements"])
    write_staff(staff, units, appointments, folder / FILE_NAMES["staff"])
    write_courses(records, folder / FILE_NAMES["courses"])
    for name in FILE_NAMES.values():
        share_strings(folder / name)


def share_strings(path: Path) -> None:
    """Move openpyxl's inline text cells into a shared-string table, as Excel saves text."""
    table: dict[bytes, int] = {}
    references = 0

    def shared(match: re.Match[bytes]) -> bytes:
        nonlocal references
        references += 1
        index = table.setdefault(match[3], len(table))
        return b'<c %st="s"%s><v>%d</v></c>' % (match[1], match[2], index)

    with ZipFile(path) as source:
        members = {info.filename: source.read(info) for info in source.infolist()}
    for name in members:
        if name.startswith("xl/worksheets/"):
            members[name] = INLINE_STRING.sub(shared, members[name])
    items = b"".join(b'<si><t xml:space="preserve">%s</t></si>' % text for text in table)
    members["xl/sharedStrings.xml"] = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="%s" count="%d" '
        b'uniqueCount="%d">%s</sst>' % (SPREADSHEET_NS, references, len(table), items))
    members["[Content_Types].xml"] = members["[Content_Types].xml"].replace(
        b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="%s"/></Types>'
        % SHARED_STRINGS_TYPE)
    members["xl/_rels/workbook.xml.rels"] = members["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>", b'<Relationship Type="%s" Target="sharedStrings.xml" '
        b'Id="rIdSharedStrings"/></Relationships>' % SHARED_STRINGS_REL)
    with ZipFile(path, "w", ZIP_DEFLATED) as target:
        for name, data in members.items():
            target.writestr(name, data)


def dated(sheet: WriteOnlyWorksheet, value: date | None) -> WriteOnlyCell | None:
    """A date cell formatted as the generator formats it (dd.mm.yyyy)."""
    if value is None:
        return None
    cell = WriteOnlyCell(sheet, datetime.combine(value, time()))
    cell.number_format = gen.DATE_FORMAT
    return cell


def write_staff(staff: list[gen.Person], units: list[gen.Unit],
                appointments: list[gen.Appointment], path: Path) -> None:
    """The HR export: an "Info" sheet, then "Ansatte" with two title rows, header in row 4."""
    unit_names = {unit.code: unit.name for unit in units}
    unit_order = {unit.code: index for index, unit in enumerate(units)}
    roles = defaultdict(str, {a.person.employee_id: a.hr_roles_text for a in appointments})
    extract_date = gen.REF.strftime("%d.%m.%Y")
    workbook = Workbook(write_only=True)
    info = workbook.create_sheet("Info")
    for line in ("Eksport fra HR-systemet: ansatte per organisasjonsenhet",
                 f"Uttrekksdato: {extract_date}",
                 "Syntetiske testdata laget av bench/synth.py."):
        info.append([line])
    sheet = workbook.create_sheet("Ansatte")
    sheet.append(["Rapport: Ansatte per organisasjonsenhet"])
    sheet.append([f"Uttrekksdato: {extract_date}"])
    sheet.append([])
    sheet.append(["Ansattnr", "Fornavn", "Etternavn", "E-post", "Org.enhet-ID",
                  "Organisasjonsenhet", "Fakultet/avdeling", "Stillingskode",
                  "Stillingsbetegnelse", "Startdato", "Saksbehandler", "Prosessrådgiver"])
    for p in sorted(staff, key=lambda p: (unit_order[p.unit.code], p.last_name, p.first_name,
                                          p.employee_id)):
        sheet.append([p.employee_id, p.first_name, p.last_name, p.email, p.unit.code,
                      p.unit.name, unit_names[p.unit.parent], p.position.code,
                      p.position.title, dated(sheet, p.start), "Ja" if p.case_handler else "Nei",
                      roles[p.employee_id] or None])
    workbook.save(path)


def write_courses(records: list[gen.CourseRecord], path: Path) -> None:
    """The learning-portal export: sheet "Kursdeltakelse", header in row 1."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Kursdeltakelse")
    sheet.append(["Ansattnummer", "Navn", "Enhet", "Kurskode", "Kurs", "Påmeldt dato", "Status",
                  "Fullført dato", "Gyldig til"])
    for r in records:
        sheet.append([r.person.employee_id, r.person.name, r.person.unit.name,
                      r.course.code if r.code_exported else None, r.course.title,
                      dated(sheet, r.enrolled), r.status, dated(sheet, r.completed),
                      dated(sheet, r.valid_until)])
    workbook.save(path)


# Many units (issue 10): unit handling must stay linear in the number of units and in the depth
# of the tree. Small files, written in memory on every run (well under a second).
MANY_UNITS = 4_000
CHAIN_LEVELS = 3_000
UNIT_STAFF_HEADER = ["Ansattnr", "Navn", "E-post", "Enhetskode", "Enhet", "Startdato",
                     "Saksbehandler", "Overordnet enhet"]
UNIT_FILE_HEADER = ["Enhetskode", "Enhetsnavn", "Overordnet enhetskode"]
COURSE_FILE_HEADER = ["Ansattnr", "Kurskode", "Kurs", "Status", "Fullført dato"]


@dataclass(frozen=True)
class UnitShape:
    """One many-units input: `units` units with one person each, flat or as one chain whose
    parents come from a units file or from the staff file's parent column."""

    name: str
    units: int
    chain: str = ""  # "", "units" or "staff"

    @property
    def label(self) -> str:
        if not self.chain:
            return f"{self.units:,} single-person units, no units file"
        source = "units file" if self.chain == "units" else "staff file's parent column"
        return f"{self.units:,}-level chain, parents in the {source}"


UNIT_SHAPES = (UnitShape("many", MANY_UNITS), UnitShape("chain-units", CHAIN_LEVELS, "units"),
               UnitShape("chain-staff", CHAIN_LEVELS, "staff"))


def _xlsx(name: str, rows: list[list[object]]) -> tuple[str, bytes]:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Ark1")
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return name, buffer.getvalue()


def unit_inputs(shape: UnitShape) -> dict[str, tuple[str, bytes]]:
    """The staff file (and units file) of one shape as uploads, with an empty course export."""
    prefix = "C" if shape.chain else "U"

    def code(i: int) -> str:
        return f"{prefix}{i:05d}"

    def parent(i: int) -> str:
        return code(i - 1) if shape.chain and i else ""

    with_parent = shape.chain == "staff"
    header = UNIT_STAFF_HEADER if with_parent else UNIT_STAFF_HEADER[:-1]
    staff = [header, *([10_000 + i, f"Person {i}", f"p{i}@x.no", code(i), f"Enhet {i}",
                        "01.01.2020", "Ja", *([parent(i)] if with_parent else [])]
                       for i in range(shape.units))]
    inputs = {"staff": _xlsx(FILE_NAMES["staff"], staff),
              "courses": _xlsx(FILE_NAMES["courses"], [COURSE_FILE_HEADER])}
    if shape.chain == "units":
        units = [UNIT_FILE_HEADER, *([code(i), f"Enhet {i}", parent(i)]
                                     for i in range(shape.units))]
        inputs["units"] = _xlsx(FILE_NAMES["units"], units)
    return inputs
