"""Loading while people look: readers in threads and in other processes keep asking a page's questions
while loader processes swap in new warehouses. Every answer must be a whole state, before or after a
load, never an error and never a mix; a page run asks all its questions of one snapshot."""

import datetime as dt
import multiprocessing
import shutil
import subprocess
import threading
import time
from pathlib import Path

from streamlit.testing.v1 import AppTest

from data.loader import load_files
from pages.ui import signin
from queries import Warehouse
from tests.helpers import ADMIN, REGISTRASI_HEADER, ROOT, loader_command

AS_OF = dt.date(2022, 11, 10)
LOADS = 5
READER_THREADS = 3
READER_PROCESSES = 2


def page_questions(snapshot) -> str:
    """What an overview and an officers page would ask, as one text to compare whole."""
    answers = [
        snapshot.run("capaian_wilayah", as_of=AS_OF),
        snapshot.run("petugas_kinerja", as_of=AS_OF, kab=None),
        snapshot.run("wilayah_rincian", as_of=AS_OF, kab="6472", kec=None, desa=None),
    ]
    return "\n".join(answer.to_csv(index=False) for answer in answers)


def load_file(folder: Path, number: int) -> Path:
    """Each load adds families to both SLS and re-registers one family of the load before."""
    rows = [
        f"L{number}-{family},6472010001000{sls}00,PPL-1,PINTU,,2022-10-2{number},,3"
        for family, sls in [(1, 1), (2, 2), (3, 1)]
    ]
    if number > 1:
        rows.append(f"L{number - 1}-1,6472010001000200,PPL-1,PINTU,,2022-10-20,,5")
    path = folder / f"registrasi_{number}.csv"
    path.write_text(REGISTRASI_HEADER + "\n".join(rows) + "\n")
    return path


def expected_states(start: Path, files: list[Path], folder: Path) -> list[str]:
    """The answers before any load and after each one, computed on a private copy."""
    copy = folder / "urutan.duckdb"
    shutil.copyfile(start, copy)
    states = [page_questions(Warehouse(copy).snapshot())]
    for path in files:
        load_files([path], warehouse_path=copy)
        states.append(page_questions(Warehouse(copy).snapshot()))
    assert len(set(states)) == len(states), "each load must change the answers"
    return states


def keep_reading(path: str, states: list[str], stop, seen: list, errors: list) -> None:
    """Ask the page's questions over and over; note which state each answer was, and any error."""
    store = Warehouse(Path(path))
    while not stop.is_set():
        try:
            answer = page_questions(store.snapshot())
            seen.append(states.index(answer) if answer in states else -1)
        except Exception as error:  # every error is a failure of the design under test
            errors.append(repr(error))


def read_in_process(path: str, states: list[str], stop, results) -> None:
    seen, errors = [], []
    keep_reading(path, states, stop, seen, errors)
    results.put((seen, errors))


def test_readers_see_whole_states_while_loads_swap_the_warehouse(small_warehouse, tmp_path):
    files = [load_file(tmp_path, number) for number in range(1, LOADS + 1)]
    states = expected_states(small_warehouse, files, tmp_path)

    stop_threads = threading.Event()
    thread_seen = [[] for _ in range(READER_THREADS)]
    errors: list[str] = []
    threads = [
        threading.Thread(target=keep_reading, args=(str(small_warehouse), states, stop_threads, seen, errors))
        for seen in thread_seen
    ]
    spawn = multiprocessing.get_context("spawn")
    stop_processes, results = spawn.Event(), spawn.Queue()
    processes = [
        spawn.Process(target=read_in_process, args=(str(small_warehouse), states, stop_processes, results))
        for _ in range(READER_PROCESSES)
    ]
    for reader in [*threads, *processes]:
        reader.start()
    time.sleep(2)  # the processes are reading before the first load
    for path in files:
        done = subprocess.run(loader_command(small_warehouse, path), cwd=ROOT, capture_output=True, text=True)
        assert done.returncode == 0, done.stdout + done.stderr
        time.sleep(0.3)
    time.sleep(1)
    stop_threads.set()
    stop_processes.set()
    process_seen = [results.get(timeout=60) for _ in processes]
    for reader in [*threads, *processes]:
        reader.join(timeout=60)

    all_seen = [*thread_seen, *(seen for seen, _ in process_seen)]
    errors += [error for _, process_errors in process_seen for error in process_errors]
    assert errors == []
    for seen in all_seen:
        assert -1 not in seen, "an answer matched no whole state"
        assert seen == sorted(seen), "a reader went back to an older state"
        assert seen[-1] == LOADS
    assert all(len(set(seen)) >= 3 for seen in all_seen), "readers must have seen loads happen"


def _page_run_pinned_to_one_snapshot():
    """A page run: asks, a load lands in the middle, asks again."""
    import os
    from pathlib import Path

    import streamlit as st

    from data.loader import load_files
    from pages import ui

    ui.pin_snapshot("id")
    st.write(f"sebelum {len(ui.ask('daftar_kabupaten'))}")
    before = int(ui.ask("info_data").jumlah_keluarga.iloc[0])
    if "dimuat" not in st.session_state:
        st.session_state["dimuat"] = True
        load_files([Path(os.environ["BERKAS_BARU"])], warehouse_path=ui.warehouse().path)
    after = int(ui.ask("info_data").jumlah_keluarga.iloc[0])
    st.write(f"keluarga {before} {after} menunggu {ui.newer_load_waiting()}")


def test_a_page_run_sees_one_warehouse_and_the_next_run_the_new_one(small_warehouse, tmp_path, monkeypatch):
    monkeypatch.setenv("PANTAU_WAREHOUSE", str(small_warehouse))
    monkeypatch.setenv("BERKAS_BARU", str(load_file(tmp_path, 1)))
    at = AppTest.from_function(_page_run_pinned_to_one_snapshot, default_timeout=30)
    at.session_state[signin.VIEWER] = ADMIN
    at.run()
    assert not at.exception
    counted = next(item.value for item in at.markdown if item.value.startswith("keluarga"))
    families = int(counted.split()[1])
    # The load landed in the middle of the run, which still saw the old warehouse throughout; a newer
    # one is waiting, so the app's watcher would rerun the page.
    assert counted == f"keluarga {families} {families} menunggu True"
    at.run()
    counted = next(item.value for item in at.markdown if item.value.startswith("keluarga"))
    assert counted == f"keluarga {families + 3} {families + 3} menunggu False"
