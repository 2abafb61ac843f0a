"""Filters and the selected unit live in the URL: one set of parameter names, one rule for when
the URL wins over a widget's remembered value, used by every view."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from i18n import LANG_KEY

DATE_PARAM = "dato"
UNIT_PARAM = "enhet"
FACULTY_PARAM = "fakultet"
PROCESS_PARAM = "prosess"
KIND_PARAM = "avvik"
ROLE_PARAM = "rolle"
ONLY_GAPS_PARAM = "bare_avvik"
KEPT_ACROSS_PAGES = (DATE_PARAM, LANG_KEY)


PLAIN_VISIT_KEY = "url_plain_visit"


def _written_key(key: str) -> str:
    return f"{key}__in_url"


def start_run() -> None:
    """Called first in every run: is this a plain visit to a view (a nav link, no filters in the
    URL), where each filter keeps the user's last choice, or a URL with filters, which wins?"""
    ctx = get_script_run_ctx()
    history = bool(ctx and ctx.is_history_navigation)
    st.session_state[PLAIN_VISIT_KEY] = not history and not (
        set(st.query_params) - set(KEPT_ACROSS_PAGES))


def _wanted(param: str, key: str) -> str | None:
    """The value the URL asks for; on a plain visit a missing one is the last value written."""
    wanted = st.query_params.get(param)
    if wanted is None and st.session_state.get(PLAIN_VISIT_KEY):
        return st.session_state.get(_written_key(key))
    return wanted


def follow_url(param: str, key: str, parse: Callable[[str], object | None],
               default: object) -> None:
    """Before the widget `key` is drawn: take the URL's value when the URL changed since this
    widget last wrote it (a link, a bookmark, the browser's back and forward), or when the widget
    has no value (Streamlit drops a widget's value on a page switch). A missing parameter means
    `default`, except on a plain visit; a value `parse` turns into None means `default`."""
    wanted = _wanted(param, key)
    if wanted != st.session_state.get(_written_key(key)) or key not in st.session_state:
        value = None if wanted is None else parse(wanted)
        st.session_state[key] = default if value is None else value


def write_url(param: str, key: str, text: str | None) -> None:
    """After the widget: its value into the URL as `text`, or left out when `text` is None."""
    if text is None:
        st.query_params.pop(param, None)
    else:
        st.query_params[param] = text
    st.session_state[_written_key(key)] = text


def url_selectbox(label: str, options: Sequence[str], param: str, key: str,
                  format_func: Callable[[str], str], *, default: str | None = None,
                  container=None, **kwargs) -> str:
    """A selectbox whose choice lives in the URL under `param` (see `follow_url`); `default`,
    the first option unless given, is left out of the URL."""
    default = options[0] if default is None else default
    follow_url(param, key, lambda text: text if text in options else None, default)
    if st.session_state[key] not in options:  # the data changed under a remembered choice
        st.session_state[key] = default
    choice = (container or st).selectbox(label, list(options), key=key,
                                         format_func=format_func, **kwargs)
    write_url(param, key, None if choice == default else choice)
    return choice


def url_toggle(label: str, param: str, key: str, **kwargs) -> bool:
    """A toggle kept in the URL as `param=1` while it is on."""
    follow_url(param, key, lambda text: text == "1", False)
    on = st.toggle(label, key=key, **kwargs)
    write_url(param, key, "1" if on else None)
    return on


def kept_params() -> dict[str, str]:
    """The parameters a link to another view carries along: the as-of date and the language."""
    return {k: st.query_params[k] for k in KEPT_ACROSS_PAGES if k in st.query_params}


def asked_for(param: str) -> str | None:
    """What the URL itself asks for under `param` (a link, a bookmark), before any widget."""
    return st.query_params.get(param)


def open_view(page: str, **params: str) -> None:
    """Switch to another view with `params` in its URL, the date and language carried along."""
    st.switch_page(page, query_params={**kept_params(), **params})
