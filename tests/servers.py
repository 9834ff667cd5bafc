"""Real database servers for tests and benchmarks, on 127.0.0.1 only.

* ``bolt_server(tmp_dir)``: ArcadeDB's server with its Bolt plugin, from the
  ``arcadedb-embedded`` wheel (which bundles the JRE and the jars), so the
  official ``neo4j`` driver can talk to it.
* ``sparql_server(tmp_dir)``: Oxigraph's SPARQL 1.1 HTTP server, the
  ``oxigraph serve`` binary from the ``oxigraph`` wheel.

Nothing is downloaded: both come from installed PyPI packages.

Each server runs in its own process group under a small supervisor (this
file, run as a script): the supervisor starts the server, forwards SIGTERM to
it, and stops it by itself if the process that started it dies (a pytest
killed with SIGKILL leaves no JVM behind). ``stop()`` is graceful (SIGTERM,
then SIGKILL after a timeout); ``kill()`` is SIGKILL on the whole group, for
crash tests. ``start()`` again reuses the same data directory and ports.

This module imports nothing from pytest, so benchmarks can use it too::

    with bolt_server(tmp_dir) as srv:
        driver = neo4j.GraphDatabase.driver(srv.uri, auth=srv.auth)
        driver.execute_query("RETURN 1", database_=srv.database)
"""

from __future__ import annotations

import base64
import contextlib
import importlib.util
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import sysconfig
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Iterator, List, Optional, Sequence, Union

__all__ = [
    "BoltServer",
    "ServerStartError",
    "SparqlServer",
    "bolt_server",
    "free_port",
    "sparql_server",
]

HOST = "127.0.0.1"
ARCADEDB_START_TIMEOUT = 90.0
OXIGRAPH_START_TIMEOUT = 30.0
STOP_TIMEOUT = 30.0

PathLike = Union[str, "os.PathLike[str]"]


class ServerStartError(RuntimeError):
    """A server did not come up; the message ends with its log's tail."""


# --------------------------------------------------------------------------
# helpers


def free_port(host: str = HOST) -> int:
    """A TCP port on ``host`` that nothing listens on right now."""
    return free_ports(1, host)[0]


def free_ports(count: int, host: str = HOST) -> List[int]:
    """``count`` distinct free ports (all sockets held open while choosing)."""
    socks = []
    try:
        for _ in range(count):
            s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            s.bind((host, 0))
            socks.append(s)
        return [s.getsockname()[1] for s in socks]
    finally:
        for s in socks:
            s.close()


def port_answers(port: int, host: str = HOST, timeout: float = 0.5) -> bool:
    """True when a TCP connection to host:port is accepted."""
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


def bolt_handshake(port: int, host: str = HOST, timeout: float = 1.0) -> Optional[int]:
    """Bolt version (major) agreed by a Bolt server on host:port, else None."""
    try:
        with socket.create_connection((host, port), timeout=timeout) as sock:
            # magic, then 4 proposals: 5.0-5.8 (range), 4.4, none, none
            sock.sendall(
                b"\x60\x60\xb0\x17" + b"\x00\x08\x08\x05" + b"\x00\x00\x04\x04" + b"\x00" * 8
            )
            answer = b""
            while len(answer) < 4:
                chunk = sock.recv(4 - len(answer))
                if not chunk:
                    return None
                answer += chunk
    except OSError:
        return None
    if answer[:2] != b"\x00\x00" or answer[3] == 0:  # not Bolt (e.g. an HTTP reply)
        return None
    return answer[3]


def log_tail(path: Path, lines: int = 40) -> str:
    try:
        with open(path, "rb") as fh:
            fh.seek(0, os.SEEK_END)
            size = fh.tell()
            fh.seek(max(0, size - 64 * 1024))
            data = fh.read().decode("utf-8", "replace")
    except OSError as exc:
        return f"(no log: {exc})"
    return "\n".join(data.splitlines()[-lines:])


class _Supervised:
    """One server process (under the supervisor) with its log file."""

    name = "server"
    #: text that, once in the log of the current start, means it failed
    fatal_markers: Sequence[str] = ()

    def __init__(self, log_path: Path, cwd: Path) -> None:
        self.log_path = log_path
        self.cwd = cwd
        self._proc: Optional[subprocess.Popen] = None
        self._log_offset = 0

    # -- process control ---------------------------------------------------
    def _spawn(self, argv: Sequence[str], env: Optional[dict] = None) -> None:
        if self.running:
            raise RuntimeError(f"{self.name} is already running (pid {self.pid})")
        self.cwd.mkdir(parents=True, exist_ok=True)
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        with open(self.log_path, "ab") as log:
            log.write(f"\n===== starting {self.name} at {time.ctime()} =====\n".encode())
            log.flush()
            self._log_offset = log.tell()
            self._proc = subprocess.Popen(
                [sys.executable, os.path.abspath(__file__), "--supervise", "--", *argv],
                cwd=str(self.cwd),
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                env=env,
                start_new_session=True,  # own process group: stop()/kill() reach the child too
            )

    @property
    def pid(self) -> Optional[int]:
        return self._proc.pid if self._proc is not None else None

    @property
    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def _signal_group(self, sig: int) -> None:
        if self._proc is None:
            return
        try:
            os.killpg(self._proc.pid, sig)
        except ProcessLookupError:
            pass

    def stop(self, timeout: float = STOP_TIMEOUT) -> None:
        """Stop gracefully (SIGTERM); SIGKILL the group if it takes too long."""
        proc = self._proc
        if proc is None:
            return
        if proc.poll() is None:
            self._signal_group(signal.SIGTERM)
            try:
                proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                pass
        # Whatever is left in the group (the server itself, if the
        # supervisor went first) goes now.
        self._signal_group(signal.SIGKILL)
        proc.wait()
        self._proc = None

    def kill(self) -> None:
        """SIGKILL the server and its supervisor at once (crash tests)."""
        proc = self._proc
        if proc is None:
            return
        self._signal_group(signal.SIGKILL)
        proc.wait()
        self._proc = None

    def log_tail(self, lines: int = 40) -> str:
        return log_tail(self.log_path, lines)

    def _fail(self, why: str) -> "ServerStartError":
        tail = self.log_tail()
        self.kill()
        return ServerStartError(
            f"{self.name} {why}\n--- last lines of {self.log_path} ---\n{tail}"
        )

    def _fatal_in_log(self) -> Optional[str]:
        if not self.fatal_markers:
            return None
        try:
            with open(self.log_path, "rb") as fh:
                fh.seek(self._log_offset)
                text = fh.read().decode("utf-8", "replace")
        except OSError:
            return None
        return next((m for m in self.fatal_markers if m in text), None)

    def _wait_until(self, ready, timeout: float) -> float:
        """Poll ``ready()`` until true; returns the seconds it took."""
        t0 = time.monotonic()
        deadline = t0 + timeout
        while True:
            if self._proc is None or self._proc.poll() is not None:
                code = None if self._proc is None else self._proc.returncode
                raise self._fail(f"exited during start-up (exit code {code})")
            try:
                if ready():
                    return time.monotonic() - t0
            except Exception:  # not ready yet
                pass
            marker = self._fatal_in_log()
            if marker:
                raise self._fail(f"failed to start ({marker!r} in its log)")
            if time.monotonic() > deadline:
                raise self._fail(f"did not answer within {timeout:.0f}s")
            time.sleep(0.05)

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


# --------------------------------------------------------------------------
# ArcadeDB (Bolt)


def _arcadedb_home() -> Path:
    spec = importlib.util.find_spec("arcadedb_embedded")
    if spec is None or not spec.origin:
        raise ServerStartError(
            "the 'arcadedb-embedded' package is not installed (pip install arcadedb-embedded)"
        )
    return Path(spec.origin).resolve().parent


def _arcadedb_java_and_classpath() -> "tuple[Path, str]":
    home = _arcadedb_home()
    java = home / "jre" / "bin" / ("java.exe" if os.name == "nt" else "java")
    jars = home / "jars"
    if not java.exists() or not jars.is_dir():
        raise ServerStartError(f"arcadedb-embedded has no bundled JRE/jars under {home}")
    return java, str(jars / "*")


class BoltServer(_Supervised):
    """ArcadeDB with the Bolt plugin, for the ``neo4j`` driver.

    Use ``uri``, ``auth`` (== ``(user, password)``) and pass
    ``database=server.database`` to every session.
    """

    name = "ArcadeDB (Bolt)"
    # a plugin that cannot bind its port throws out of main() but leaves the
    # JVM running (non-daemon threads): fail at once instead of timing out
    fatal_markers = ('Exception in thread "main"',)

    def __init__(
        self,
        data_dir: PathLike,
        *,
        database: str = "kg",
        user: str = "root",
        password: str = "nascar-kg-test",
        heap: str = "1g",
        bolt_port: Optional[int] = None,
        http_port: Optional[int] = None,
        extra_settings: Optional[dict] = None,
    ) -> None:
        data_dir = Path(data_dir).resolve()
        super().__init__(log_path=data_dir / "server-console.log", cwd=data_dir)
        if user != "root":
            raise ValueError("ArcadeDB's server only has the 'root' user unless more are configured")
        if len(password) < 8:
            raise ValueError("ArcadeDB wants a root password of at least 8 characters")
        self.data_dir = data_dir
        self.database = database
        self.user = user
        self.password = password
        self.heap = heap
        self.host = HOST
        if bolt_port is None or http_port is None:
            p1, p2 = free_ports(2)
            bolt_port = bolt_port or p1
            http_port = http_port or p2
        self.port = bolt_port
        self.http_port = http_port
        self.extra_settings = dict(extra_settings or {})
        self.startup_seconds: Optional[float] = None

    @property
    def uri(self) -> str:
        return f"bolt://{self.host}:{self.port}"

    @property
    def auth(self) -> "tuple[str, str]":
        return (self.user, self.password)

    @property
    def http_url(self) -> str:
        return f"http://{self.host}:{self.http_port}"

    def _argv(self) -> List[str]:
        java, classpath = _arcadedb_java_and_classpath()
        settings = {
            "arcadedb.server.rootPath": str(self.data_dir),
            "arcadedb.server.rootPassword": self.password,
            "arcadedb.server.mode": "development",
            "arcadedb.server.httpIncomingHost": self.host,
            "arcadedb.server.httpIncomingPort": str(self.http_port),
            "arcadedb.server.plugins": "Bolt:com.arcadedb.bolt.BoltProtocolPlugin",
            "arcadedb.bolt.host": self.host,
            "arcadedb.bolt.port": str(self.port),
            # created at start-up if missing (opened otherwise); a session
            # without a database name (or "neo4j") lands on it too
            "arcadedb.server.defaultDatabases": f"{self.database}[{self.user}]",
            "arcadedb.bolt.defaultDatabase": self.database,
        }
        settings.update({k: str(v) for k, v in self.extra_settings.items()})
        jvm = [
            f"-Xmx{self.heap}",
            "--add-modules=jdk.incubator.vector",
            "--enable-native-access=ALL-UNNAMED",
            "-Dfile.encoding=UTF8",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
            "--add-opens=java.base/java.nio.channels.spi=ALL-UNNAMED",
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "-Dpolyglot.engine.WarnInterpreterOnly=false",
            "-XX:+UseCompactObjectHeaders",
            f"-XX:ErrorFile={self.data_dir / 'hs_err_pid%p.log'}",
            "-Djava.awt.headless=true",
        ]
        props = [f"-D{k}={v}" for k, v in settings.items()]
        return [str(java), *jvm, *props, "-cp", classpath, "com.arcadedb.server.ArcadeDBServer"]

    def _ready(self) -> bool:
        if not bolt_handshake(self.port, self.host):
            return False
        token = base64.b64encode(f"{self.user}:{self.password}".encode()).decode()
        req = urllib.request.Request(
            f"{self.http_url}/api/v1/databases",
            headers={"Authorization": f"Basic {token}"},
        )
        with urllib.request.urlopen(req, timeout=2) as resp:
            return self.database in json.load(resp).get("result", [])

    def start(self, timeout: float = ARCADEDB_START_TIMEOUT) -> "BoltServer":
        """Start (or start again, on the same data dir and ports) and wait until ready."""
        self._spawn(self._argv())
        self.startup_seconds = self._wait_until(self._ready, timeout)
        return self

    def restart(self, timeout: float = ARCADEDB_START_TIMEOUT) -> "BoltServer":
        self.stop()
        return self.start(timeout)

    # -- administration over ArcadeDB's HTTP API (no neo4j driver needed) ----
    def http(self, path: str, payload: Optional[dict] = None, timeout: float = 60) -> dict:
        """GET (or POST ``payload`` as JSON to) ArcadeDB's HTTP API as root."""
        token = base64.b64encode(f"{self.user}:{self.password}".encode()).decode()
        req = urllib.request.Request(
            f"{self.http_url}{path}",
            data=None if payload is None else json.dumps(payload).encode(),
            headers={"Authorization": f"Basic {token}", "Content-Type": "application/json"},
        )
        try:
            with urllib.request.urlopen(req, timeout=timeout) as resp:
                return json.load(resp)
        except urllib.error.HTTPError as exc:
            body = exc.read().decode("utf-8", "replace")[:500]
            raise RuntimeError(f"ArcadeDB HTTP {path} -> {exc.code}: {body}") from None

    def databases(self) -> List[str]:
        return list(self.http("/api/v1/databases")["result"])

    def create_database(self, name: str) -> None:
        self.http("/api/v1/server", {"command": f"create database {name}"})

    def drop_database(self, name: str) -> None:
        self.http("/api/v1/server", {"command": f"drop database {name}"})

    def reset(self) -> None:
        """Empty ``self.database``: drop and re-create it (data, constraints,
        indexes and labels all go; ~50 ms). Open drivers keep working."""
        if self.database in self.databases():
            self.drop_database(self.database)
        self.create_database(self.database)

    def cypher(self, query: str, params: Optional[dict] = None) -> list:
        """Run Cypher over HTTP (not Bolt): for set-up and checks only."""
        payload = {"language": "cypher", "command": query, "params": params or {}}
        return self.http(f"/api/v1/command/{self.database}", payload)["result"]

    def __repr__(self) -> str:
        state = "running" if self.running else "stopped"
        return f"<BoltServer {self.uri} db={self.database!r} {state}>"


@contextlib.contextmanager
def bolt_server(tmp_dir: PathLike, **kwargs) -> Iterator[BoltServer]:
    """Start ArcadeDB+Bolt with its data under ``tmp_dir``; always stop it.

    Keyword arguments go to :class:`BoltServer` (database, password, heap,
    bolt_port, http_port, extra_settings).
    """
    server = BoltServer(Path(tmp_dir) / "arcadedb", **kwargs)
    try:
        server.start()
        yield server
    finally:
        server.stop()


# --------------------------------------------------------------------------
# Oxigraph (SPARQL)


def _oxigraph_binary() -> str:
    name = "oxigraph.exe" if os.name == "nt" else "oxigraph"
    candidate = Path(sysconfig.get_path("scripts")) / name
    if candidate.exists():
        return str(candidate)
    found = shutil.which("oxigraph")
    if not found:
        raise ServerStartError("the 'oxigraph' CLI is not installed (pip install oxigraph)")
    return found


class SparqlServer(_Supervised):
    """Oxigraph's SPARQL 1.1 Protocol server (read-write)."""

    name = "Oxigraph (SPARQL)"

    def __init__(self, data_dir: PathLike, *, port: Optional[int] = None) -> None:
        data_dir = Path(data_dir).resolve()
        super().__init__(log_path=data_dir.parent / f"{data_dir.name}-console.log", cwd=data_dir.parent)
        self.data_dir = data_dir
        self.host = HOST
        self.port = port or free_port()
        self.startup_seconds: Optional[float] = None

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def query_url(self) -> str:
        return f"{self.url}/query"

    @property
    def update_url(self) -> str:
        return f"{self.url}/update"

    @property
    def store_url(self) -> str:
        """SPARQL 1.1 Graph Store HTTP Protocol endpoint."""
        return f"{self.url}/store"

    def _ready(self) -> bool:
        if not port_answers(self.port):
            return False
        req = urllib.request.Request(
            f"{self.query_url}?query=ASK%7B%7D",
            headers={"Accept": "application/sparql-results+json"},
        )
        with urllib.request.urlopen(req, timeout=2) as resp:
            return resp.status == 200

    def start(self, timeout: float = OXIGRAPH_START_TIMEOUT) -> "SparqlServer":
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self._spawn(
            [
                _oxigraph_binary(),
                "serve",
                "--location",
                str(self.data_dir),
                "--bind",
                f"{self.host}:{self.port}",
            ]
        )
        self.startup_seconds = self._wait_until(self._ready, timeout)
        return self

    def restart(self, timeout: float = OXIGRAPH_START_TIMEOUT) -> "SparqlServer":
        self.stop()
        return self.start(timeout)

    # -- SPARQL 1.1 Protocol over urllib ------------------------------------
    def query(self, sparql: str, accept: str = "application/sparql-results+json", timeout: float = 60):
        """POST a query; JSON results are parsed, other formats returned as text."""
        req = urllib.request.Request(
            self.query_url,
            data=sparql.encode("utf-8"),
            headers={"Content-Type": "application/sparql-query", "Accept": accept},
        )
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            body = resp.read().decode("utf-8")
        return json.loads(body) if "json" in accept else body

    def update(self, sparql_update: str, timeout: float = 60) -> None:
        req = urllib.request.Request(
            self.update_url,
            data=sparql_update.encode("utf-8"),
            headers={"Content-Type": "application/sparql-update"},
        )
        with urllib.request.urlopen(req, timeout=timeout):
            pass

    def reset(self) -> None:
        """Remove every triple and graph."""
        self.update("DROP ALL")

    def __repr__(self) -> str:
        state = "running" if self.running else "stopped"
        return f"<SparqlServer {self.url} {state}>"


@contextlib.contextmanager
def sparql_server(tmp_dir: PathLike, **kwargs) -> Iterator[SparqlServer]:
    """Start ``oxigraph serve`` with its store under ``tmp_dir``; always stop it."""
    server = SparqlServer(Path(tmp_dir) / "oxigraph", **kwargs)
    try:
        server.start()
        yield server
    finally:
        server.stop()


# --------------------------------------------------------------------------
# supervisor (this file run as a script)


def _supervise(argv: Sequence[str]) -> int:
    """Run ``argv``; forward SIGTERM/SIGINT; stop it if our parent dies."""
    parent = os.getppid()
    child = subprocess.Popen(list(argv))
    stopping = {"at": None}

    def forward(signum, _frame):
        if stopping["at"] is None:
            stopping["at"] = time.monotonic()
        try:
            child.send_signal(signal.SIGTERM)
        except ProcessLookupError:
            pass

    signal.signal(signal.SIGTERM, forward)
    signal.signal(signal.SIGINT, forward)
    while True:
        try:
            return child.wait(timeout=0.5)
        except subprocess.TimeoutExpired:
            pass
        if stopping["at"] is None and os.getppid() != parent:
            print("supervisor: parent process is gone, stopping the server", flush=True)
            forward(signal.SIGTERM, None)
        if stopping["at"] is not None and time.monotonic() - stopping["at"] > STOP_TIMEOUT:
            child.kill()


if __name__ == "__main__":
    if len(sys.argv) > 3 and sys.argv[1] == "--supervise" and sys.argv[2] == "--":
        sys.exit(_supervise(sys.argv[3:]))
    print("usage: servers.py --supervise -- COMMAND [ARGS...]", file=sys.stderr)
    sys.exit(2)
