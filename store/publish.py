"""Publishing a set of input files: checked to load first, so a publication whose files fail
is refused before anything is written; then stored as the organisation's current data."""

from __future__ import annotations

import datetime as dt
import hashlib

from loaders import Dataset, InputError
from loaders.isolated import load_dataset_isolated
from loaders.issues import note
from loaders.schema import COURSE_RECORDS, STAFF
from store.publications import Files, Mappings, PublicationStore


def files_digest(files: Files) -> str:
    """The content hash that keys every cache: two data sets never meet in one entry. The
    files' order does not matter (a publication gives them back by kind)."""
    digest = hashlib.sha256()
    for kind, name, data in sorted(files):
        digest.update(f"{kind}\0{name}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()


def manual_mappings(mappings: Mappings) -> dict[str, dict[str, str]]:
    """Hand-made column mappings as the loaders take them: kind → raw header → column."""
    manual: dict[str, dict[str, str]] = {}
    for kind, raw, canonical in mappings:
        manual.setdefault(kind, {})[raw] = canonical
    return manual


def publish_files(store: PublicationStore, files: Files, mappings: Mappings, *, by: str,
                  source: str, as_of: dt.date, dataset: Dataset | None = None) -> int:
    """Publish `files` (read already as `dataset`, or read here); InputError, and nothing
    written, when they cannot be used."""
    missing = tuple(kind for kind in (STAFF, COURSE_RECORDS)
                    if kind not in {kind for kind, _, _ in files})
    if missing:
        raise InputError("", note("upload_also", kinds=missing))
    if dataset is None:
        load_dataset_isolated(**{kind: (name, data) for kind, name, data in files},
                              manual_mappings=manual_mappings(mappings))
    return store.publish(files, mappings, by=by, source=source, as_of=as_of,
                         digest=files_digest(files))
