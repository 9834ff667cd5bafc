"""The embedded store on disk: persistence, locking, read-only readers."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import sample_graph
from nascar_kg.errors import StoreError, StoreLockedError
from nascar_kg.graph.rdf_store import RDFStore
from nascar_kg.queries import stats


def test_persists_across_open(tmp_path):
    with RDFStore(tmp_path / "db") as store:
        store.write(sample_graph())
        before = stats(store)
    with RDFStore(tmp_path / "db", read_only=True) as store:
        assert stats(store) == before


def test_second_writer_in_another_process_gets_a_clear_error(tmp_path):
    code = (
        "import sys\n"
        "from nascar_kg.graph.rdf_store import RDFStore\n"
        "from nascar_kg.errors import StoreLockedError\n"
        "try:\n"
        f"    RDFStore({str(tmp_path / 'db')!r}).open()\n"
        "except StoreLockedError as e:\n"
        "    print(e); sys.exit(7)\n"
    )
    with RDFStore(tmp_path / "db") as store:
        store.write(sample_graph())
        proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                              timeout=60)
    assert proc.returncode == 7, proc.stderr
    assert "open for writing in another process" in proc.stdout
    assert str(tmp_path / "db") in proc.stdout


def test_reader_beside_a_writer(tmp_path):
    with RDFStore(tmp_path / "db") as writer:
        writer.write(sample_graph())
        writer.ox_store.flush()
        with RDFStore(tmp_path / "db", read_only=True) as reader:
            assert stats(reader)["relations"]["endorses"] == 3


def test_read_only_open_of_missing_store(tmp_path):
    with pytest.raises(StoreError, match="no store here yet"):
        RDFStore(tmp_path / "nothing", read_only=True).open()


def test_db_path_that_is_a_file(tmp_path):
    (tmp_path / "file").write_text("x")
    with pytest.raises(StoreError, match="not a directory"):
        RDFStore(tmp_path / "file").open()


def test_read_only_store_refuses_writes(tmp_path):
    with RDFStore(tmp_path / "db") as store:
        store.write(sample_graph())
    with RDFStore(tmp_path / "db", read_only=True) as store:
        with pytest.raises(StoreError, match="read-only"):
            store.write(sample_graph())


def test_lock_error_type_in_same_process(tmp_path):
    with RDFStore(tmp_path / "db"):
        with pytest.raises(StoreLockedError):
            RDFStore(tmp_path / "db").open()
