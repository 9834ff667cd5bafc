"""Downloading the published results files, against a local HTTP server on 127.0.0.1.

The server serves a Parquet file made at test time from the truck fixture, and
misbehaves on purpose under other paths (404, an HTML page, a body cut short).
No test reaches the internet.
"""

from __future__ import annotations

import http.server
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from nascar_kg.cli import cli
from nascar_kg.errors import InputError
from nascar_kg.graph.rdf_store import RDFStore
from nascar_kg.loaders.download import (
    DownloadError, base_url, default_cache_dir, fetch_results, results_url,
)
from nascar_kg.queries import career
from servers import free_port

DATA = Path(__file__).resolve().parent / "data" / "results"


def _parquet_bytes() -> bytes:
    import pyarrow as pa
    import pyarrow.csv as pacsv
    import pyarrow.parquet as pq

    table = pacsv.read_csv(DATA / "truck_series.csv", convert_options=pacsv.ConvertOptions(
        column_types={"Car": pa.string()}))
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink)
    return sink.getvalue().to_pybytes()


class _Handler(http.server.BaseHTTPRequestHandler):
    body = b""
    requests: list[str] = []

    def log_message(self, *args):  # keep test output clean
        pass

    def do_GET(self):  # noqa: N802 (the http.server API)
        type(self).requests.append(self.path)
        if self.path == "/data/truck_series.parquet":
            self._send(200, self.body, "application/octet-stream")
        elif self.path.startswith("/html/"):
            self._send(200, b"<html><body>Not here</body></html>", "text/html")
        elif self.path.startswith("/short/"):
            self.send_response(200)
            self.send_header("Content-Length", str(len(self.body)))
            self.end_headers()
            self.wfile.write(self.body[: len(self.body) // 2])
            self.wfile.flush()
            self.close_connection = True
        else:
            self._send(404, b"not found", "text/plain")

    def _send(self, status, body, content_type):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def server():
    _Handler.body = _parquet_bytes()
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(autouse=True)
def no_ambient_settings(monkeypatch, tmp_path):
    monkeypatch.delenv("NASCAR_KG_RESULTS_URL", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    _Handler.requests = []


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def test_download_then_cache_then_refresh(server, tmp_path):
    cache = tmp_path / "cache"
    got = fetch_results("truck", base=server + "/data", cache_dir=cache)
    assert not got.cached and got.url == server + "/data/truck_series.parquet"
    assert got.path == cache / "truck_series.parquet"
    assert got.path.read_bytes() == _Handler.body and got.size == len(_Handler.body)
    again = fetch_results("truck", base=server + "/data", cache_dir=cache)
    assert again.cached and len(_Handler.requests) == 1
    fetch_results("truck", base=server + "/data", cache_dir=cache, refresh=True)
    assert len(_Handler.requests) == 2
    assert _leftovers(cache) == ["truck_series.parquet"]


def test_http_error_names_the_url(server, tmp_path):
    cache = tmp_path / "cache"
    with pytest.raises(DownloadError) as info:
        fetch_results("cup", base=server + "/data", cache_dir=cache)
    assert str(info.value) == (f"cannot download {server}/data/cup_series.parquet: "
                               "HTTP 404 Not Found")
    assert info.value.exit_code == 2
    assert _leftovers(cache) == []


def test_a_page_that_is_not_parquet_is_refused(server, tmp_path):
    cache = tmp_path / "cache"
    with pytest.raises(DownloadError, match="did not send a Parquet file"):
        fetch_results("truck", base=server + "/html", cache_dir=cache)
    assert _leftovers(cache) == []


def test_a_cut_download_leaves_no_file(server, tmp_path):
    cache = tmp_path / "cache"
    with pytest.raises(DownloadError, match="connection ended after"):
        fetch_results("truck", base=server + "/short", cache_dir=cache)
    assert _leftovers(cache) == []


def test_a_failed_refresh_keeps_the_cached_file(server, tmp_path):
    cache = tmp_path / "cache"
    fetch_results("truck", base=server + "/data", cache_dir=cache)
    with pytest.raises(DownloadError):
        fetch_results("truck", base=server + "/short", cache_dir=cache, refresh=True)
    assert (cache / "truck_series.parquet").read_bytes() == _Handler.body


def test_unreachable_server(tmp_path):
    url = f"http://127.0.0.1:{free_port()}"
    with pytest.raises(DownloadError, match=f"cannot reach {url}/nxs_series.parquet: "):
        fetch_results("nxs", base=url, cache_dir=tmp_path / "cache", timeout=5)


def test_base_url_and_cache_settings(monkeypatch):
    assert base_url(None, {}) == "https://nascar.kylegrealis.com"
    assert base_url(None, {"NASCAR_KG_RESULTS_URL": "http://mirror/x/"}) == "http://mirror/x"
    assert base_url("http://given", {"NASCAR_KG_RESULTS_URL": "http://mirror"}) == "http://given"
    assert results_url("cup", "http://m") == "http://m/cup_series.parquet"
    with pytest.raises(InputError):
        results_url("arca")
    assert default_cache_dir({"XDG_CACHE_HOME": "/c"}) == Path("/c/nascar-kg/results")
    home = default_cache_dir({})
    assert home.parts[-3:] == (".cache", "nascar-kg", "results")


def run(*args, env=None):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False, env=env)


def test_cli_load_results_downloads_and_loads(server, tmp_path):
    db = tmp_path / "db"
    url = server + "/data/truck_series.parquet"
    result = run("--db", db, "load-results", "truck", "--cache-dir", tmp_path / "cache",
                 env={"NASCAR_KG_RESULTS_URL": server + "/data"})
    assert result.exit_code == 0, result.stderr
    lines = result.stderr.splitlines()
    assert lines[0] == f"Downloading {url}"
    assert lines[1].startswith(f"{url}: NASCAR Craftsman Truck Series 2023–2025, 20 rows: "
                               "19 loaded, 1 skipped")
    with RDFStore(db) as store:
        docs = store.read_all().documents
        assert [(d.source, d.url, d.kind) for d in docs] == [(url, url, "results")]
        assert career(store, "Corey Heim")["seasons"][-1]["wins"] == 2
    again = run("--db", db, "load-results", "truck", "--cache-dir", tmp_path / "cache",
                "--base-url", server + "/data")
    assert again.exit_code == 0 and "Using the cached truck_series.parquet" in again.stderr
    assert len(_Handler.requests) == 1


def test_cli_default_cache_is_under_xdg_cache_home(server, tmp_path):
    result = run("--db", tmp_path / "db", "load-results", "truck", "--base-url",
                 server + "/data")
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "xdg" / "nascar-kg" / "results" / "truck_series.parquet").is_file()


def test_cli_download_errors_exit_2(server, tmp_path):
    result = run("--db", tmp_path / "db", "load-results", "cup", "--base-url",
                 server + "/data", "--cache-dir", tmp_path / "cache")
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines()[-1] == (
        f"Error: cannot download {server}/data/cup_series.parquet: HTTP 404 Not Found")
    closed = f"http://127.0.0.1:{free_port()}"
    result = run("--db", tmp_path / "db", "load-results", "nxs", "--base-url", closed,
                 "--cache-dir", tmp_path / "cache")
    assert result.exit_code == 2 and f"cannot reach {closed}/nxs_series.parquet" in result.stderr


def test_cli_download_keeps_its_series_whatever_series_says(server, tmp_path):
    result = run("--db", tmp_path / "db", "load-results", "truck", "--series", "cup",
                 "--base-url", server + "/data", "--cache-dir", tmp_path / "cache")
    assert result.exit_code == 0, result.stderr
    assert "NASCAR Craftsman Truck Series 2023–2025" in result.stderr
