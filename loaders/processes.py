"""Free-text role strings (`saksbehandling; innsyn`, `PR SRU`, `Innsyn/SRU`) to processes."""

from __future__ import annotations

import re

SAKSBEHANDLING = "saksbehandling"
INNSYN = "innsyn"
SRU = "SRU"
PROCESSES = (SAKSBEHANDLING, INNSYN, SRU)

_PROCESS_WORDS = {
    "saksbehandling": SAKSBEHANDLING, "sak": SAKSBEHANDLING, "saksbeh": SAKSBEHANDLING,
    "casehandling": SAKSBEHANDLING, "case": SAKSBEHANDLING, "arkiv": SAKSBEHANDLING,
    "innsyn": INNSYN, "innsynskrav": INNSYN, "offentlighet": INNSYN, "access": INNSYN,
    "sru": SRU, "styrer": SRU, "styre": SRU, "boards": SRU, "møtebehandling": SRU,
}
_FILLER = {
    "pr", "prosessrådgiver", "prosessradgiver", "prosessrådgivar", "rådgiver", "for", "og",
    "and", "advisor", "process", "processes", "prosess", "prosesser", "handling", "requests",
    "råd", "utvalg", "council",
    "councils", "committees", "rådgivar", "i", "ja", "x", "nei", "ingen", "none", "no",
}
_PHRASES = (
    (re.compile(r"styrer\s*,?\s*råd\s+og\s+utvalg", re.I), " sru "),
    (re.compile(r"case\s+handling", re.I), " casehandling "),
)
_ALL_WORDS = {"alle", "all", "samtlige"}
_SPLIT = re.compile(r"[\s;,/|+&()\-–:]+")


def parse_processes(text: str, known: tuple[str, ...] = PROCESSES) -> tuple[list[str], list[str]]:
    """(processes in `known` order, words not understood) for one role cell."""
    lowered = text.lower()
    for pattern, replacement in _PHRASES:
        lowered = pattern.sub(replacement, lowered)
    by_name = {name.lower(): name for name in known}
    found: set[str] = set()
    unknown: list[str] = []
    for word in _SPLIT.split(lowered):
        if not word or word in _FILLER:
            continue
        if word in _ALL_WORDS:
            found.update(known)
            continue
        process = by_name.get(word) or _PROCESS_WORDS.get(word)
        if process in known:
            found.add(process)
        else:
            unknown.append(word)
    return [p for p in known if p in found], unknown
