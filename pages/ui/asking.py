"""Asking the warehouse's questions from a page: one snapshot per page run, answers cached per warehouse
version, and sections drawn once per version and replayed (`per_version`).
"""

import functools
from collections.abc import Callable
from typing import TypeVar

import pandas as pd
import streamlit as st

from data.warehouse import default_path
from pages.ui.signin import viewer
from pages.ui.state import language
from pages.ui.words import say
from queries import Snapshot, Warehouse, WarehouseMissing, access
from queries.access import Viewer

T = TypeVar("T")


def warehouse() -> Warehouse:
    return _warehouse_at(str(default_path()))


@st.cache_resource
def _warehouse_at(path: str) -> Warehouse:
    return Warehouse(path)


@st.cache_data(ttl=3600, max_entries=512, show_spinner=False)
def _answer(
    path: str,
    version: tuple[int, int],
    scope: tuple,
    name: str,
    params: tuple,
    _snapshot: Snapshot,
    _viewer: Viewer,
) -> pd.DataFrame:
    """Kept per viewer's scope (role and regency), never shared across scopes."""
    return _snapshot.ask(name, viewer=_viewer, **dict(params))


def pin_snapshot(lang: str) -> Snapshot:
    """Take the warehouse as it is now for this whole run (raises WarehouseMissing): every question
    of the run sees the same load. Says so when a load has come in since the session's last run."""
    previous = st.session_state.get("_snapshot")
    current = warehouse().snapshot()
    st.session_state["_snapshot"] = current
    if previous is not None and previous.version != current.version:
        st.toast(say("frame.data_baru", lang), icon=":material/sync:")
    return current


def newer_load_waiting() -> bool:
    """Whether a load has swapped in a new warehouse since this run took its snapshot."""
    pinned = st.session_state.get("_snapshot")
    try:
        return pinned is not None and warehouse().version() != pinned.version
    except WarehouseMissing:
        return False


def _pinned() -> Snapshot:
    return st.session_state.get("_snapshot") or pin_snapshot(language())


def ask(name: str, **params) -> pd.DataFrame:
    """A question's answer from this run's snapshot as the signed-in viewer may see it (Refused when
    not), cached per warehouse version and viewer's scope."""
    snapshot, who = _pinned(), viewer()
    path = str(warehouse().path)
    items = tuple(sorted(params.items()))
    return _answer(path, snapshot.version, who.scope, name, items, _snapshot=snapshot, _viewer=who)


def may_ask(name: str) -> bool:
    """Whether the signed-in viewer may ask question `name`: for choosing what to draw; the question
    itself refuses whoever may not."""
    return access.may_ask(viewer(), name)


def ask_uncached(name: str, **params) -> pd.DataFrame:
    """A question's answer from this run's snapshot, not kept: for a large answer that its caller keeps
    in a shape of its own (a second, pickled copy in the data cache would double its memory)."""
    return _pinned().ask(name, viewer=viewer(), **params)


def per_version(make: Callable[..., T]) -> Callable[..., T]:
    """Run `make` once per warehouse version, viewer's scope and arguments: later calls, in any session
    of the same scope, get a copy of its result back and replay the elements it drew (Streamlit's data
    cache keeps both), so figures, tables and formatted rows are not built again on every rerun. For
    functions without widgets whose work depends only on their arguments and the warehouse's answers."""
    return _versioned(make, shared=False)


def shared_per_version(make: Callable[..., T]) -> Callable[..., T]:
    """Like per_version, for a result too costly to copy (a figure, a table, the officers' lists): every
    caller gets the same object, which nobody may change. Fewer are kept (64)."""
    return _versioned(make, shared=True)


def _versioned(make: Callable[..., T], *, shared: bool) -> Callable[..., T]:
    name = qualified_name(make)

    @functools.wraps(make)
    def cached(*args, **kwargs) -> T:
        return kept_per_version(name, make, *args, shared=shared, **kwargs)

    return cached


def qualified_name(function: Callable) -> str:
    """A function's name with its file's: page scripts all run as __main__, and each run defines their
    functions anew, so this name, not the function, is what a cache knows them by."""
    return f"{function.__code__.co_filename}:{function.__qualname__}"


def kept_per_version(name: str, make: Callable[..., T], *args, shared: bool = False, **kwargs) -> T:
    """make(*args, **kwargs) run once per warehouse version, viewer's scope, `name` and arguments (small
    values: each call hashes them), as per_version (its drawn elements replayed) or, `shared`,
    shared_per_version."""
    store = _kept_shared if shared else _kept_copy
    return store(name, str(warehouse().path), _pinned().version, viewer().scope, args, kwargs, _make=make)


@st.cache_data(ttl=3600, max_entries=512, show_spinner=False)
def _kept_copy(
    name: str, path: str, version: tuple[int, int], scope: tuple, args: tuple, kwargs: dict, _make: Callable
):
    return _make(*args, **kwargs)


@st.cache_resource(ttl=3600, max_entries=64, show_spinner=False)
def _kept_shared(
    name: str, path: str, version: tuple[int, int], scope: tuple, args: tuple, kwargs: dict, _make: Callable
):
    return _make(*args, **kwargs)
