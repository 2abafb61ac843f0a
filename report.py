"""Command line: compute the coverage results from exports, as JSON and/or an Excel report."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import warnings
from pathlib import Path

from analysis import RuleConfig, build_results
from analysis.results import staffing_of
from exports.json_export import results_to_dict, table_rows
from loaders import InputError
from loaders.isolated import IsolatedLoad


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"«{text}» er ikke en dato på formen ÅÅÅÅ-MM-DD") from None


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Beregn prosessrådgiverdekning og kompetansegap fra Excel-eksporter.")
    parser.add_argument("--staff", help="ansattliste fra HR (påkrevd, unntatt med --history)")
    parser.add_argument("--courses", help="kursdata fra læringsportalen (påkrevd, unntatt med "
                                          "--history)")
    parser.add_argument("--advisors", help="liste over oppnevnte prosessrådgivere")
    parser.add_argument("--requirements", help="kompetansekrav (ellers standardkravene)")
    parser.add_argument("--units", help="enhetsliste med overordnet enhet")
    parser.add_argument("--assessments", help="vurderinger av kompetansekrav som ikke er kurs")
    parser.add_argument("--as-of", type=_date, default=None, help="beregningsdato, ÅÅÅÅ-MM-DD")
    parser.add_argument("--json", help="skriv resultatene som JSON til fil, eller - for stdout")
    parser.add_argument("--xlsx", help="skriv Excel-rapport til fil")
    parser.add_argument("--pptx", help="skriv lysbilder for møter (kun samletall) til fil")
    parser.add_argument("--pdf", help="skriv møterapport som PDF (kun samletall) til fil")
    parser.add_argument("--plan", help="skriv tiltaksplanen som Excel-oppgaveliste til fil, "
                        "eller - for JSON på stdout")
    parser.add_argument("--packs", help="skriv enhetspakker (én PDF per enhet) som zip til fil")
    parser.add_argument("--db", help="databasen: en SQLite-fil eller en URL, f.eks. "
                                     "postgresql+psycopg://bruker@vert/db")
    parser.add_argument("--save", action="store_true", help="lagre resultatene i --db")
    parser.add_argument("--label", default="", help="merkelapp for øyeblikksbildet")
    parser.add_argument("--history", action="store_true",
                        help="list lagrede øyeblikksbilder i --db med enhetsoversikt")
    parser.add_argument("--publish", action="store_true",
                        help="publiser filene i --db: alle som åpner appen ser dem")
    parser.add_argument("--by", default="", help="hvem som publiserer (f.eks. e-post)")
    parser.add_argument("--grant", nargs=2, metavar=("ROLLE", "EPOST"),
                        help="gi EPOST rollen owner, unit eller viewer i --db")
    parser.add_argument("--grant-units", default="",
                        help="enhetskoder for rollen unit, kommaseparert")
    args = parser.parse_args(argv)
    if (args.save or args.history or args.publish or args.grant) and not args.db:
        parser.error("--save, --history, --publish og --grant krever --db")
    if args.grant and args.grant[0] not in ("owner", "unit", "viewer"):
        parser.error(f"ukjent rolle «{args.grant[0]}» (bruk owner, unit eller viewer)")
    if args.grant and args.grant[0] == "unit" and not args.grant_units:
        parser.error("rollen unit krever --grant-units")
    if not (args.history or args.grant) and not (args.staff and args.courses):
        parser.error("--staff og --courses er påkrevd")
    return args


SAMPLE_DIR = Path(__file__).parent / "sample_data"


def is_sample(paths: list[str | None]) -> bool:
    """True when one of these inputs is a bundled sample file (same bytes, wherever it lies).

    Given the staff and course files: the people are who the figures are about, while a real
    data set may well reuse the sample requirements or units as a template."""
    bundled = {f.read_bytes() for f in SAMPLE_DIR.iterdir() if f.suffix in {".xlsx", ".csv"}}
    sizes = {len(data) for data in bundled}
    files = [Path(p) for p in paths if p]
    return any(f.is_file() and f.stat().st_size in sizes and f.read_bytes() in bundled
               for f in files)


def _json_text(document: object) -> str:
    """The document with each table row on a line of its own: as readable as an indented
    dump, and written by json's C encoder (an indented dump runs in pure Python: 1.2 s of a
    national-size run). One encoder for all rows: json.dumps makes a new one per call."""
    dumped = json.JSONEncoder(ensure_ascii=False).encode
    if not isinstance(document, dict):
        return dumped(document)
    fields = [f"{dumped(key)}: [\n" + ",\n".join(f"  {dumped(row)}" for row in value) + "\n ]"
              if isinstance(value, list) and value else f"{dumped(key)}: {dumped(value)}"
              for key, value in document.items()]
    return "{\n " + ",\n ".join(fields) + "\n}"


def _write_json(document: object, target: str) -> None:
    text = _json_text(document)
    if target == "-":
        sys.stdout.write(text + "\n")
    else:
        with open(target, "w", encoding="utf-8") as handle:
            handle.write(text + "\n")


OUTPUTS = ("json", "xlsx", "pptx", "pdf", "plan", "packs")
SQLITE_HEADER = b"SQLite format 3\x00"


def _output_problem(args: argparse.Namespace) -> str | None:
    """Why an output named on the command line cannot be written, before anything is read."""
    for option in OUTPUTS:
        target = getattr(args, option)
        if not target or target == "-":
            continue
        path = Path(target)
        if path.is_dir():
            return f"--{option} {target}: er en mappe; oppgi et filnavn."
        if not path.parent.is_dir():
            return f"--{option} {target}: mappen {path.parent} finnes ikke."
        if not os.access(path.parent, os.W_OK):
            return f"--{option} {target}: kan ikke skrive i mappen {path.parent}."
    return None


def _database_problem(args: argparse.Namespace) -> str | None:
    """Why a --db file cannot be the store: not a database, or (for --history, which only
    reads) not there at all, which is most often a mistyped path."""
    if not args.db or "://" in args.db:
        return None
    path = Path(args.db)
    if path.is_dir():
        return f"--db {args.db}: er en mappe, ikke en database."
    if not path.exists():
        return f"--db {args.db}: finnes ikke." if args.history else None
    with path.open("rb") as handle:
        start = handle.read(len(SQLITE_HEADER))
    if start and start != SQLITE_HEADER:
        return f"--db {args.db}: er ikke en database."
    return None


def main(argv: list[str] | None = None) -> int:
    warnings.filterwarnings("ignore")
    args = parse_args(argv)
    if problem := _output_problem(args) or _database_problem(args):
        print(f"Feil: {problem}", file=sys.stderr)
        return 2
    if not args.db:
        return _run(args)
    from sqlalchemy.exc import SQLAlchemyError

    from store.database import engine_for

    try:
        engine_for(args.db)  # reached and migrated before anything is read or written
        return _run(args)
    except SQLAlchemyError as error:  # a server that refuses, a URL that is not one
        reason = str(error.orig if getattr(error, "orig", None) else error).splitlines()[0]
        print(f"Feil: --db {args.db}: databasen kan ikke brukes ({reason}).", file=sys.stderr)
        return 2


def _run(args: argparse.Namespace) -> int:
    if args.grant:
        from store.access import AccessStore

        role, email = args.grant
        units = tuple(u.strip() for u in args.grant_units.split(",") if u.strip())
        AccessStore(args.db).grant(email, role, units, by=args.by or "kommandolinjen")
        print(f"{email} har nå rollen {role}.", file=sys.stderr)
        return 0
    if args.history:
        history = {"snapshots": _open_store(args.db).history()}
        _write_json(history, args.json or "-")
        return 0
    as_of = args.as_of or dt.date.today()
    try:
        loading = IsolatedLoad(staff=args.staff, courses=args.courses, advisors=args.advisors,
                               requirements=args.requirements, units=args.units,
                               assessments=args.assessments)
        others = loading.others()
        # computed while the course file is still being read, on the other core
        staffing = staffing_of(others.without_courses(), RuleConfig(), as_of) if others else None
        dataset = loading.dataset()
    except InputError as error:
        print(f"Feil: {error}", file=sys.stderr)
        return 2
    results = build_results(dataset, RuleConfig(), as_of, staffing)
    if args.publish:
        _publish(args, dataset, results.as_of)
    if args.json:
        _write_json(results_to_dict(results), args.json)
    if args.save:
        source = ", ".join(Path(t.file).name for t in dataset.tables)
        from store.snapshots import PUBLISHED, SAMPLE

        series = SAMPLE if is_sample([args.staff, args.courses]) else PUBLISHED
        saved = _open_store(args.db).save(results, label=args.label, source=source,
                                          series=series)
        if saved.replaced is not None:
            print(f"Merk: øyeblikksbildet per {results.as_of:%d.%m.%Y} med de samme tallene "
                  f"fantes allerede (nr. {saved.replaced}); det er erstattet av nr. {saved.id}.",
                  file=sys.stderr)
    # only the exports say so; compared only when one is written
    sample = bool(args.xlsx or args.pptx or args.pdf or args.plan or args.packs) and is_sample(
        [args.staff, args.courses])
    if args.plan or args.packs:
        _plan_outputs(args, results, sample)
    if args.xlsx:
        from exports.excel import write_excel_report

        write_excel_report(results, args.xlsx, dataset.tables, sample=sample)
    if args.pptx or args.pdf:
        from exports.figures import meeting_content
        from exports.pdf import build_pdf
        from exports.slides import build_deck

        content = meeting_content(results, sample=sample)
        if args.pptx:
            build_deck(content).save(args.pptx)
        if args.pdf:
            build_pdf(content, args.pdf)
    return 0


def _plan_outputs(args: argparse.Namespace, results, sample: bool) -> None:
    from analysis.plan import make_plan

    plan = make_plan(results)
    if args.plan == "-":
        _write_json({"as_of": results.as_of.isoformat(),
                     "actions": table_rows(plan.actions), "cost": table_rows(plan.cost()),
                     "unsolvable": table_rows(plan.unsolvable)}, "-")
    elif args.plan:
        from exports.plan_excel import write_plan

        write_plan(plan, results, args.plan, sample=sample)
    if args.packs:
        from exports.unit_packs import write_unit_packs

        write_unit_packs(results, plan, args.packs, sample=sample)


def _publish(args: argparse.Namespace, dataset, as_of: dt.date) -> None:
    """The files just read, published as they are; the current publication until the next."""
    from store.publications import FROM_COMMAND_LINE, PublicationStore
    from store.publish import publish_files

    given = {"staff": args.staff, "courses": args.courses, "advisors": args.advisors,
             "requirements": args.requirements, "units": args.units,
             "assessments": args.assessments}
    files = tuple((kind, Path(path).name, Path(path).read_bytes())
                  for kind, path in given.items() if path)
    published = publish_files(PublicationStore(args.db), files, (), by=args.by,
                              source=FROM_COMMAND_LINE, as_of=as_of, dataset=dataset)
    print(f"Publisert som nr. {published}: {', '.join(name for _, name, _ in files)}.",
          file=sys.stderr)


def _open_store(path: str):
    from store import SnapshotStore

    return SnapshotStore(path)


if __name__ == "__main__":
    sys.exit(main())
