"""The process registry (every process defined once), and free-text role strings
(`saksbehandling; innsyn`, `PR SRU`, `Innsyn/SRU`) to processes."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache


@dataclass(frozen=True)
class Process:
    """A work process with its own advisors: what the rules, the loaders and the views need."""

    id: str
    name: str  # bokmål, as the screen and the reports show it
    name_en: str
    short_en: str  # English where space is tight (heatmap columns)
    words: tuple[str, ...] = ()  # single words of role texts that name it (besides the id)
    phrases: tuple[str, ...] = ()  # several-word names, recognised before the text is split
    headers: tuple[str, ...] = ()  # headers of a yes/no column "advisor for this process"

    @property
    def flag(self) -> str:
        """The canonical name of its yes/no column."""
        return f"role_{self.id}"


_BUILT_IN = (
    Process("saksbehandling", "Saksbehandling", "Case handling", "Case handling",
            words=("sak", "saksbeh", "casehandling", "case", "arkiv"),
            phrases=(r"case\s+handling",),
            headers=("saksbehandling", "pr saksbehandling", "prosessrådgiver saksbehandling",
                     "rådgiver saksbehandling", "case handling advisor")),
    Process("innsyn", "Innsyn", "Access to records (innsyn)", "Innsyn",
            words=("innsynskrav", "offentlighet", "access"),
            headers=("innsyn", "pr innsyn", "prosessrådgiver innsyn", "rådgiver innsyn",
                     "access requests advisor")),
    Process("SRU", "SRU", "Boards and committees (SRU)", "SRU",
            words=("styrer", "styre", "boards", "møtebehandling"),
            phrases=(r"styrer\s*,?\s*råd\s+og\s+utvalg",),
            headers=("sru", "pr sru", "prosessrådgiver sru", "rådgiver sru",
                     "styrer, råd og utvalg", "boards and committees advisor")),
)
_registry: list[tuple[Process, ...]] = [_BUILT_IN]


def processes() -> tuple[Process, ...]:
    """The registered processes, in the order the rules, tables and heatmaps use."""
    return _registry[-1]


def process_ids() -> tuple[str, ...]:
    return tuple(process.id for process in processes())


def find_process(process_id: str) -> Process | None:
    return next((process for process in processes() if process.id == process_id), None)


@contextmanager
def registered(*extra: Process) -> Iterator[tuple[Process, ...]]:
    """The registry with more processes while the block runs (a deployment with a fourth
    process, or a test of one)."""
    _registry.append((*processes(), *extra))
    try:
        yield processes()
    finally:
        _registry.pop()


_FILLER = {
    "pr", "prosessrådgiver", "prosessradgiver", "prosessrådgivar", "rådgiver", "for", "og",
    "and", "advisor", "process", "processes", "prosess", "prosesser", "handling", "requests",
    "råd", "utvalg", "council",
    "councils", "committees", "rådgivar", "i", "ja", "x", "nei", "ingen", "none", "no",
}
_ALL_WORDS = {"alle", "all", "samtlige"}
_SPLIT = re.compile(r"[\s;,/|+&()\-–:]+")


@cache
def _vocabulary(registry: tuple[Process, ...]
                ) -> tuple[list[tuple[re.Pattern, str]], dict[str, str]]:
    """The registry's several-word names (pattern → the process id as a word) and its single
    words → process id: built once per registry, not per role cell."""
    phrases = [(re.compile(phrase, re.I), f" {process.id.lower()} ")
               for process in registry for phrase in process.phrases]
    by_word: dict[str, str] = {}
    for process in registry:
        for word in (process.id.lower(), *process.words):
            by_word.setdefault(word, process.id)
    return phrases, by_word


def parse_processes(text: str, known: tuple[str, ...] | None = None
                    ) -> tuple[list[str], list[str]]:
    """(processes in `known` order, words not understood) for one role cell; `known`
    defaults to the registry."""
    known = process_ids() if known is None else known
    phrases, registered_words = _vocabulary(processes())
    lowered = text.lower()
    for pattern, replacement in phrases:
        lowered = pattern.sub(replacement, lowered)
    by_word = {**registered_words, **{name.lower(): name for name in known}}
    found: set[str] = set()
    unknown: list[str] = []
    for word in _SPLIT.split(lowered):
        if not word or word in _FILLER:
            continue
        if word in _ALL_WORDS:
            found.update(known)
            continue
        process = by_word.get(word)
        if process in known:
            found.add(process)
        else:
            unknown.append(word)
    return [p for p in known if p in found], unknown


def process_list(ids: tuple[str, ...] | None = None, conjunction: str = "eller") -> str:
    """`saksbehandling, innsyn eller SRU`: the processes as a role text may name them."""
    names = list(process_ids() if ids is None else ids)
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} {conjunction} {names[-1]}"
