"""The session's current data set and its cached results: the one place pages get data from."""

from __future__ import annotations

import datetime as dt
import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd
import streamlit as st

from analysis import Results, RuleConfig, build_results
from analysis.candidates import gap_remedies
from analysis.overview import OverviewTables, overview_tables
from analysis.scope import AGGREGATES_ONLY, EVERYTHING, Scope, scoped, units_and_below
from analysis.suppression import ComplianceChange, compliance_change
from analysis.trends import monthly_training_coverage
from exports.figures import MeetingContent, meeting_content
from loaders import Dataset, InputError
from loaders.inspect import Prepared, UploadReport
from loaders.isolated import (
    classify_and_load_isolated,
    inspect_upload_isolated,
    load_dataset_isolated,
    load_prepared_isolated,
)
from loaders.issues import note
from loaders.links import MissingLink, missing_links
from loaders.schema import (
    ADVISORS,
    ASSESSMENTS,
    COURSE_RECORDS,
    REQUIREMENTS,
    STAFF,
    UNIT_ID,
    UNITS,
)
from store import SnapshotStore
from store.access import OWNER, UNIT, AccessStore, Grant
from store.publications import FROM_APP, Publication, PublicationStore
from store.publish import files_digest, manual_mappings, publish_files
from store.snapshots import PUBLISHED, SAMPLE, preview_series
from wording.actions import worded_actions

SAMPLE_DIR = Path(__file__).parent / "sample_data"
SAMPLE_FILES = {
    STAFF: "hr_ansatte.xlsx",
    COURSE_RECORDS: "kursdata.xlsx",
    ADVISORS: "prosessradgivere.xlsx",
    REQUIREMENTS: "kompetansekrav.xlsx",
    UNITS: "enheter.xlsx",
    ASSESSMENTS: "vurderinger.xlsx",
}
DATA_KEY = "data_files"  # tuple of (kind, file name, bytes): survives page switches
DIGEST_KEY = "data_digest"  # content hash of DATA_KEY's files, computed once
MAPPINGS_KEY = "data_mappings"  # tuple of (kind, raw header, canonical column) set by hand
AS_OF_KEY = "as_of"
# what the uploaders take: .xlsb and .numbers so the loaders can say they are not read, and
# .txt/.tsv (read as delimited text), since Streamlit would refuse other types in English
UPLOAD_TYPES = ["xlsx", "xlsm", "xls", "ods", "csv", "txt", "tsv", "xlsb", "numbers"]
Files = tuple[tuple[str, str, bytes], ...]
Mappings = tuple[tuple[str, str, str], ...]
OPEN = Grant("", OWNER, ())  # without sign-in the app is open: everyone sees everything
Access = tuple[str, tuple[str, ...]] | None  # a grant's role and units, as cache keys take it
GRANT_KEY = "grant_this_run"  # (e-mail, grant) as the entry page read it at this run's start


def snapshot_series() -> str:
    """Which snapshots the data shown is compared with: its own series only (a preview's,
    the sample's or the published data's), never another data set's."""
    if is_preview():
        return preview_series(st.session_state[DIGEST_KEY])
    return SAMPLE if is_sample() else PUBLISHED


def snapshot_store() -> SnapshotStore:
    """The snapshots in the app's database (DATABASE_URL, else snapshots.db beside the app)."""
    return SnapshotStore()


def publication_store() -> PublicationStore:
    return PublicationStore()


@st.cache_resource(max_entries=4, show_spinner=False)
def _published(database: str, publication_id: int) -> tuple[Publication, Files, Mappings]:
    """One publication's facts, files and mappings, read from `database` once per server
    process: the cache follows the publication id, so a new one is read on the next rerun."""
    store = PublicationStore(database)
    publication = store.get(publication_id)
    files, mappings = store.contents(publication_id)
    return publication, files, mappings


def _current_publication() -> tuple[tuple[Publication, Files, Mappings] | None,
                                   InputError | None]:
    """(the newest publication with its files and mappings, or None) and why it cannot be read,
    if it cannot, from one look-up of the newest id. It was checked when it was published, so
    only a change to the loaders since can make it unreadable; tried once per data set and
    date (cached), so a page never raises over it."""
    store = publication_store()
    publication_id = store.current_id()
    if publication_id is None:
        return None, None
    published = _published(store.url, publication_id)
    publication, files, mappings = published
    problem = _load_problem(publication.digest, mappings, as_of(), files)
    return (None, problem) if problem else (published, None)


def shown_publication() -> Publication | None:
    """The publication this session shows: the newest, unless a private preview is open."""
    published = None if is_preview() else _current_publication()[0]
    return None if published is None else published[0]


def unreadable_publication() -> InputError | None:
    return _current_publication()[1]


def _shared() -> tuple[Files, str, Mappings]:
    """What a session without a preview shows: the current publication, else (nothing
    published, or a publication the loaders can no longer read) the sample."""
    published = _current_publication()[0]
    if published is not None:
        publication, files, mappings = published
        return files, publication.digest, mappings
    files, digest = _sample()
    return files, digest, ()


@st.cache_data(max_entries=8, show_spinner=False)
def _load_problem(digest: str, mappings: Mappings, as_of: dt.date,
                  _files: Files) -> InputError | None:
    """Why these files cannot be loaded, or None: cached either way, so a broken publication
    is not read again on every call of every rerun."""
    try:
        _load_and_compute(digest, mappings, as_of, _files)
    except InputError as error:
        return error
    return None


@st.cache_resource
def _sample() -> tuple[Files, str]:
    """The bundled sample files and their digest, read once per server process."""
    files = tuple((kind, name, (SAMPLE_DIR / name).read_bytes())
                  for kind, name in SAMPLE_FILES.items())
    return files, files_digest(files)


@st.cache_data(max_entries=8, show_spinner=False)
def _parsed(digest: str, mappings: Mappings, _files: Files,
            _dataset: Dataset | None = None) -> Dataset:
    """The files read once per content hash (`digest`) and server process, whichever session,
    page or date asks, so a rerun does not hash megabytes of uploads again either.

    The files are read in a limited worker process (a hostile file ends only the worker);
    `_dataset` (not part of the cache key) hands over a data set the upload already read, and
    files the Data page has looked at are used as it read them."""
    return _dataset or _inspected_dataset(_files, mappings) or load_dataset_isolated(
        **{kind: (name, data) for kind, name, data in _files},
        manual_mappings=manual_mappings(mappings))


class InspectedFiles:
    """Files the Data page has read to show them (`inspect`), kept as prepared for their use,
    so that using them reads them no more; one is let go once its data set is made. The
    newest few only: a 20 MB national course file is a hundred megabytes of frames."""

    def __init__(self, files: int = 12, source_bytes: int = 120 * 1024 * 1024):
        self.files, self.source_bytes = files, source_bytes
        self.kept: OrderedDict[tuple, tuple[Prepared, int]] = OrderedDict()
        self.lock = threading.Lock()

    @staticmethod
    def key(data: bytes, kind: str | None, manual: Iterable[tuple[str, str]]) -> tuple:
        return hashlib.sha256(data).hexdigest(), kind, tuple(sorted(manual))

    def keep(self, key: tuple, prepared: Prepared, size: int) -> None:
        """Keep a file of `size` bytes as prepared; the oldest go beyond the limits."""
        with self.lock:
            self.kept[key] = prepared, size
            self.kept.move_to_end(key)
            while len(self.kept) > 1 and (
                    len(self.kept) > self.files
                    or sum(size for _, size in self.kept.values()) > self.source_bytes):
                self.kept.popitem(last=False)

    def take_all(self, keys: dict[str, tuple]) -> dict[str, Prepared] | None:
        """Each kind's prepared file, taken out; None (and all kept) unless every one is here."""
        with self.lock:
            if not all(key in self.kept for key in keys.values()):
                return None
            return {kind: self.kept.pop(key)[0] for kind, key in keys.items()}


@st.cache_resource
def inspected_files() -> InspectedFiles:
    return InspectedFiles()


def _inspected_dataset(files: Files, mappings: Mappings) -> Dataset | None:
    """The data set of files the Data page has read already, or None when one is not kept."""
    if not inspected_files().kept:  # nothing to look for: the files need not be hashed
        return None
    manual = manual_mappings(mappings)
    keys = {kind: InspectedFiles.key(data, kind, manual.get(kind, {}).items())
            for kind, _, data in files}
    prepared = inspected_files().take_all(keys)
    if prepared is None:
        return None
    courses = prepared.pop(COURSE_RECORDS)
    return load_prepared_isolated(prepared, courses, manual)


@st.cache_data(max_entries=8, show_spinner="Leser filene og beregner dekning …")
def _load_and_compute(digest: str, mappings: Mappings, as_of: dt.date, _files: Files,
                      _dataset: Dataset | None = None) -> tuple[Dataset, Results]:
    """The data set and its results as of a date; computed once per data set and date."""
    dataset = _parsed(digest, mappings, _files, _dataset)
    return dataset, build_results(dataset, RuleConfig(), as_of)


def is_preview() -> bool:
    """This browser session shows its own upload, not yet published: seen by nobody else."""
    return DATA_KEY in st.session_state


def is_sample() -> bool:
    return not is_preview() and _current_publication()[0] is None


def _source() -> tuple[Files, str, Mappings]:
    """This session's files, their digest and mappings, taken together: a publication landing
    between two separate look-ups could otherwise cache one data set under another's key."""
    if is_preview():
        return (st.session_state[DATA_KEY], st.session_state[DIGEST_KEY],
                st.session_state.get(MAPPINGS_KEY, ()))
    return _shared()


def current_files() -> Files:
    return _source()[0]


def as_of() -> dt.date:
    return st.session_state.get(AS_OF_KEY) or dt.date.today()


def sign_in_required() -> bool:
    """`[auth]` in the secrets: users sign in and the access list decides what they see."""
    return st.secrets.load_if_toml_exists() and "auth" in st.secrets


def refresh_grant() -> Grant | None:
    """The signed-in user's entry on the access list, read anew. The entry page does this at
    the start of every run, so an access change takes effect at the user's next click and the
    rest of the run asks the database no more."""
    email = current_user()
    given = AccessStore().grant_of(email) if email else None
    st.session_state[GRANT_KEY] = (email, given)
    return given


def grant() -> Grant | None:
    """What this session may see: everything without sign-in; else the signed-in user's entry
    on the access list; None when not signed in or not on the list (default deny)."""
    if not sign_in_required():
        return OPEN
    email, given = st.session_state.get(GRANT_KEY, (None, None))
    return given if email == current_user() else refresh_grant()


def _access() -> Access:
    given = grant()
    return None if given is None else (given.role, given.units)


def scope_of(access: Access, units: pd.DataFrame) -> Scope:
    """Whose names a grant shows: an owner every name, a unit user those of the granted units
    and the units below them, a viewer (and anyone without a grant) none."""
    if access is None:
        return AGGREGATES_ONLY
    role, granted = access
    if role == OWNER:
        return EVERYTHING
    return units_and_below(units, granted) if role == UNIT else AGGREGATES_ONLY


def session_scope(units: pd.DataFrame) -> Scope:
    """Whose names this session may see among `units` (the current results' units)."""
    return scope_of(_access(), units)


def shows_every_name() -> bool:
    return _access() == (OWNER, ())


@st.cache_data(max_entries=16, show_spinner=False)
def _data(digest: str, mappings: Mappings, as_of: dt.date, access: Access,
          _files: Files) -> tuple[Dataset, Results]:
    """The data set and results as `access` may see them: the one place the scope is applied,
    so every view, download and export made from them stays inside it."""
    dataset, results = _load_and_compute(digest, mappings, as_of, _files)
    return scoped(dataset, results, scope_of(access, results.units))


def _scoped_data(digest: str, mappings: Mappings, as_of: dt.date, access: Access,
                 files: Files) -> tuple[Dataset, Results]:
    if access == (OWNER, ()):  # nothing to hide: no second cached copy of the data
        return _load_and_compute(digest, mappings, as_of, files)
    return _data(digest, mappings, as_of, access, files)


def current() -> tuple[Dataset, Results]:
    files, digest, mappings = _source()
    return _scoped_data(digest, mappings, as_of(), _access(), files)


@st.cache_data(max_entries=8, show_spinner="Regner ut opplæring måned for måned …")
def _training_coverage(digest: str, mappings: Mappings, as_of: dt.date, access: Access,
                       _files: Files) -> pd.DataFrame:
    return monthly_training_coverage(*_scoped_data(digest, mappings, as_of, access, _files))


@st.cache_data(max_entries=32, show_spinner=False)
def _overview(digest: str, mappings: Mappings, as_of: dt.date, access: Access,
              faculty: str | None, only_gaps: bool, _files: Files) -> OverviewTables:
    return overview_tables(_scoped_data(digest, mappings, as_of, access, _files)[1], faculty,
                           only_gaps)


def overview(faculty: str | None, only_gaps: bool = False) -> OverviewTables:
    """The overview's tables for one faculty filter, cached so a rerun only redraws."""
    files, digest, mappings = _source()
    return _overview(digest, mappings, as_of(), _access(), faculty, only_gaps, files)


def change_since_previous(unit_ids: set[str]) -> tuple[str, ComplianceChange] | None:
    """The date (dd.mm.yyyy) of the latest snapshot before the as-of date and how compliance
    of these units changed since: what "since last time" means on the overview and in the
    meeting view; None without such a snapshot."""
    store = snapshot_store()
    previous = store.latest_before(as_of(), snapshot_series())
    if previous is None:
        return None
    snapshot_id, taken = previous
    _, results = current()
    change = compliance_change(store.table(snapshot_id, "unit_summary"), results.unit_summary,
                               unit_ids)
    return f"{taken:%d.%m.%Y}", change


@st.cache_data(max_entries=8, show_spinner=False)
def _meeting_content(digest: str, mappings: Mappings, as_of: dt.date, access: Access,
                     faculty_id: str | None, change: str, sample: bool,
                     _files: Files) -> MeetingContent:
    _, results = _scoped_data(digest, mappings, as_of, access, _files)
    return meeting_content(results, faculty_id, change, sample=sample)


def meeting_content_maker(faculty_id: str | None, change: str,
                          sample: bool) -> Callable[[], MeetingContent]:
    """What makes the meeting deck's and PDF's figures and heatmaps: once per data set,
    scope, faculty and change, whichever of the two is asked for first. The session is read
    now; the maker runs when a download is pressed, on a server thread without a session."""
    files, digest, mappings = _source()
    key = (digest, mappings, as_of(), _access(), faculty_id, change, sample, files)
    return lambda: _meeting_content(*key)


@st.cache_data(max_entries=16, show_spinner="Finner kandidater og tiltak …")
def _gap_remedies(digest: str, mappings: Mappings, as_of: dt.date, access: Access,
                  _files: Files) -> pd.DataFrame:
    dataset, results = _scoped_data(digest, mappings, as_of, access, _files)
    return gap_remedies(results, results.staff, dataset.courses)


@st.cache_data(max_entries=16, show_spinner=False)
def _gap_actions(digest: str, mappings: Mappings, as_of: dt.date, access: Access, lang: str,
                 _files: Files) -> pd.DataFrame:
    return worded_actions(_gap_remedies(digest, mappings, as_of, access, _files), lang)


def actions(lang: str) -> pd.DataFrame:
    """Every gap with its suggested action in `lang`; ranking candidates is the slow part,
    so it runs once per data set, whichever language asks first, not on every click."""
    files, digest, mappings = _source()
    return _gap_actions(digest, mappings, as_of(), _access(), lang, files)


@st.cache_data(max_entries=16, show_spinner="Lager tiltaksplanen …")
def _plan(digest: str, mappings: Mappings, as_of: dt.date, access: Access,
          left_out: tuple[str, ...], locked: tuple[str, ...], prefer: str, _files: Files):
    # scipy: imported only when a plan is asked for
    from analysis.plan import PlanOptions, make_plan, plan_changes
    from analysis.whatif import apply_changes

    dataset, results = _scoped_data(digest, mappings, as_of, access, _files)
    made = make_plan(results, PlanOptions(frozenset(left_out), frozenset(locked), prefer))
    appointments, completions, reliefs = plan_changes(made, results.config.requirements)
    after = build_results(apply_changes(dataset, appointments, completions, as_of, reliefs),
                          results.config, as_of)
    return made, after.unit_summary[[UNIT_ID, "compliant"]]


def plan(left_out: Iterable[str], locked: Iterable[str], prefer: str):
    """The action plan of the current data with the owner's options (analysis.plan), and
    each unit's compliance once the plan is carried out (UNIT_ID, compliant); once per data
    set, scope and options."""
    files, digest, mappings = _source()
    return _plan(digest, mappings, as_of(), _access(), tuple(sorted(set(left_out))),
                 tuple(sorted(set(locked))), prefer, files)


def data_key() -> tuple:
    """What this session's results are made from: choices kept for one data set (What-if's)
    are dropped when it changes."""
    _, digest, mappings = _source()
    return digest, mappings, as_of(), _access()


def training_coverage() -> pd.DataFrame:
    """Month-by-month training coverage of the current data, cached like the results."""
    files, digest, mappings = _source()
    return _training_coverage(digest, mappings, as_of(), _access(), files)


@dataclass(frozen=True)
class UploadOutcome:
    """What became of a set of uploaded files: which are shown now, which were left out and why,
    and which column must be chosen by hand before anything is used."""

    used: tuple[str, ...] = ()  # the files shown now; empty when the data did not switch
    refused: tuple[InputError, ...] = ()  # why a file was not used, one problem each
    links: tuple[MissingLink, ...] = ()  # columns to map on the Data page first


def try_use_uploads(uploads: list[tuple[str, bytes]],
                    on_step: Callable[[], None] = lambda: None) -> UploadOutcome:
    """Switch the session to uploaded files if they can be used; else keep the current data.

    Each upload's kind is guessed from its headers and the data set read in one worker, so an
    upload is parsed once; `on_step` is called when reading is done and computing begins."""
    found, problems, dataset, why = classify_and_load_isolated(uploads)
    on_step()
    files = tuple((kind, name, data) for kind, (name, data) in found.items())
    outcome = use_files(files, dataset=dataset, load_error=why)
    return replace(outcome, refused=(*problems, *outcome.refused))


def use_files(files: Files, mappings: Mappings = (), dataset: Dataset | None = None,
              load_error: InputError | None = None) -> UploadOutcome:
    """Make these files the session's data if they load and can be joined; else change nothing."""
    kinds = {kind for kind, _, _ in files}
    missing = tuple(k for k in (STAFF, COURSE_RECORDS) if k not in kinds)
    if missing:
        return UploadOutcome(refused=(InputError("", note("upload_also", kinds=missing)),))
    if load_error:
        return UploadOutcome(refused=(load_error,))
    digest = files_digest(files)
    try:
        loaded, _ = _load_and_compute(digest, mappings, as_of(), files, _dataset=dataset)
    except InputError as error:
        return UploadOutcome(refused=(error,))
    links = missing_links(loaded)
    if links:
        return UploadOutcome(links=tuple(links))
    st.session_state[DATA_KEY] = files
    st.session_state[DIGEST_KEY] = digest
    st.session_state[MAPPINGS_KEY] = mappings
    return UploadOutcome(used=tuple(name for _, name, _ in files))


@st.cache_data(max_entries=32, show_spinner=False)
def inspect(name: str, data: bytes, kind: str | None = None,
            manual: tuple[tuple[str, str], ...] = ()) -> UploadReport:
    """How an upload will be read (kind, sheet, header row, mapping, preview), from a worker;
    cached, so the Data page's reruns do not parse the file again. What the worker prepared
    for the file's use is kept apart (`inspected_files`): the cache here copies its values."""
    report, prepared = inspect_upload_isolated(name, data, kind, dict(manual) or None)
    if prepared is not None:
        inspected_files().keep(InspectedFiles.key(data, report.kind, manual), prepared,
                               len(data))
    return report


def close_preview() -> None:
    """Back to what everyone sees: the current publication, else the sample."""
    for key in (DATA_KEY, DIGEST_KEY, MAPPINGS_KEY):
        st.session_state.pop(key, None)


def publish_preview(by: str) -> int:
    """Publish this session's preview for everyone; the session then shows the publication.
    The files were read when they were previewed, so they are not read again."""
    files, digest, mappings = _source()
    dataset, _ = _load_and_compute(digest, mappings, as_of(), files)
    publication_id = publish_files(publication_store(), files, mappings, by=by,
                                   source=FROM_APP, as_of=as_of(), dataset=dataset)
    close_preview()
    return publication_id


def current_user() -> str:
    """Who is signed in (their e-mail), or "" when the app runs without sign-in."""
    user = st.user
    return str(user.get("email", "")) if getattr(user, "is_logged_in", False) else ""


def restore_publication(publication_id: int, by: str) -> int:
    return publication_store().restore(publication_id, by)
