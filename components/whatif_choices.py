"""What-if's choices, kept for every unit: Streamlit forgets a widget's value once it is not
drawn (another unit chosen, another page opened), so each choice is also kept here, per data
set, and a plan opened in What-if lands here with all its units."""

import re
from collections.abc import Mapping, Sequence

import streamlit as st

import state
from analysis.whatif import APPOINT, ENROL, RELIEVE, Choice

STORE_KEY = "whatif_choices"
_WIDGET_WORD = {APPOINT: "appoint", RELIEVE: "relieve", ENROL: "complete"}
_WIDGET_KEY = re.compile(r"^whatif_.+_(appoint|relieve|complete)_")

Choices = dict[Choice, tuple[str, ...]]


def widget_key(choice: Choice) -> str:
    unit_id, kind, item = choice
    return f"whatif_{unit_id}_{_WIDGET_WORD[kind]}_{item}"


def held() -> Choices:
    """The choices of this session for the data it shows now."""
    kept = st.session_state.get(STORE_KEY)
    return dict(kept[1]) if kept and kept[0] == state.data_key() else {}


def keep(choices: Mapping[Choice, Sequence[str]]) -> None:
    st.session_state[STORE_KEY] = (state.data_key(),
                                   {c: tuple(p) for c, p in choices.items() if p})


def replace_all(choices: Mapping[Choice, Sequence[str]]) -> None:
    """Every earlier choice dropped, the widgets' too, and these kept instead."""
    for key in [k for k in st.session_state if isinstance(k, str) and _WIDGET_KEY.match(k)]:
        del st.session_state[key]
    keep(choices)


def choose(choices: Choices, choice: Choice, label: str, options: Sequence[str],
           **multiselect) -> list[str]:
    """A multiselect for one choice that starts from what is kept; `choices` follows it."""
    key = widget_key(choice)
    if key not in st.session_state:
        st.session_state[key] = [p for p in choices.get(choice, ()) if p in options]
    chosen = st.multiselect(label, options, key=key, **multiselect)
    choices[choice] = tuple(chosen)
    return chosen
