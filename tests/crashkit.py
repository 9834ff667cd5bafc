"""Helpers of the crash and concurrency tests: real CLI processes, killed at random.

A run is the real command line in a subprocess (``nascar_kg.cli.main``, what
``python -m nascar_kg`` and ``nascar-kg`` run), started through this file as a
launcher::

    python tests/crashkit.py [--chunk-parts N] -- --db DIR load-results a.csv

The launcher changes nothing the command does. It prints a line on stderr when
the command has opened the embedded store for writing (``crashkit: opened for
writing``) and when it starts its first write to a store (``crashkit: first
write``), so a test knows the window in which a kill lands inside the writing
(start-up, spaCy and reading files come before); and ``--chunk-parts`` lowers the
size of the bulk-load chunks of ``load-results`` so a small input is written in
many chunks, as the full results are.

:class:`KillCampaign` runs the kills: each one in a fresh store directory, the
process killed with SIGKILL a delay after its first write, drawn from a seeded
generator up to the length of the writing of an uninterrupted run; while the test
checks one killed store, the next process is already running (a watcher thread
kills it on time). The tests start their runs from a :class:`Zygote`: a process
that has imported the CLI (and loaded spaCy's model) forks each run, which then
is a process of its own running the launcher; start-up is paid once per test,
not once per kill.

:class:`CrashingOxigraph` is the in-process counterpart for focused tests: the
store's pyoxigraph object, dying (raising :class:`SimulatedCrash`) at the k-th
write operation and at every one after it, so every point between two writes can
be tried in turn.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
GOLD = ROOT / "tests" / "data" / "gold"
RESULTS = SHARED / "data" / "nascar-results"
FIRST_WRITE = "crashkit: first write"
OPENED = "crashkit: opened for writing"
SEED_ENV = "NASCAR_KG_CRASH_SEED"


# ------------------------------------------------------------------------ inputs

def crash_seed() -> int:
    """The seed of the kill delays: ``$NASCAR_KG_CRASH_SEED``, else a fresh one (printed)."""
    value = os.environ.get(SEED_ENV)
    seed = int(value) if value else random.SystemRandom().randrange(1, 1_000_000)
    print(f"crash seed {seed} (set {SEED_ENV}={seed} to draw the same delays)")
    return seed


def gold_articles(dest: Path, ids: Iterable[str]) -> Path:
    """The texts of the dev-set gold files ``ids`` written as ``dest/<id>.txt``."""
    dest.mkdir(parents=True, exist_ok=True)
    for doc_id in ids:
        data = json.loads((GOLD / f"{doc_id}.gold.json").read_text(encoding="utf-8"))
        (dest / f"{doc_id}.txt").write_text(data["text"], encoding="utf-8")
    return dest


def results_subset(dest: Path, seasons: Iterable[int],
                   series: Iterable[str] = ("cup", "nxs", "truck"),
                   last_race: int | None = None) -> list[Path]:
    """The rows of ``seasons`` of the shared results files, as ``dest/<code>_series.csv``.

    With ``last_race``, only the races up to that number (an earlier snapshot of a
    season). Each keeps the file's trailing placeholder row (2026, no driver), as
    the published files have it.
    """
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.csv as pcsv

    dest.mkdir(parents=True, exist_ok=True)
    wanted = pa.array(sorted(set(seasons)), type=pa.int64())
    out = []
    for code in series:
        table = pcsv.read_csv(RESULTS / f"{code}_series.csv.gz")
        keep = pc.is_in(table["Season"], value_set=wanted)
        if last_race is not None:
            keep = pc.and_kleene(keep, pc.less_equal(table["Race"], last_race))
        keep = pc.or_kleene(keep, pc.equal(table["Season"], 2026))  # the placeholder
        path = dest / f"{code}_series.csv"
        pcsv.write_csv(table.filter(keep.fill_null(False)), path)
        out.append(path)
    return out


# ------------------------------------------------------------------------ processes

def cli_env(**extra) -> dict:
    """The environment of a CLI subprocess: ours without nascar-kg and Neo4j settings."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("NASCAR_KG_", "NEO4J_"))}
    env["NASCAR_KG_BACKEND"] = "rdf"
    env["PYTHONUNBUFFERED"] = "1"
    env.update({k: str(v) for k, v in extra.items() if v is not None})
    return env


def neo4j_env(server, **extra) -> dict:
    """:func:`cli_env` pointing at a test Bolt server (``servers.BoltServer``)."""
    return cli_env(NEO4J_URI=server.uri, NEO4J_USERNAME=server.user,
                   NEO4J_PASSWORD=server.password, NEO4J_DATABASE=server.database,
                   NASCAR_KG_NEO4J_RETRY_SECONDS=2, **extra)


def launcher(args: Iterable, chunk_parts: int | None = None) -> list[str]:
    """The argv that runs the CLI with ``args`` through this file."""
    argv = [sys.executable, str(Path(__file__).resolve())]
    if chunk_parts:
        argv += ["--chunk-parts", str(chunk_parts)]
    return argv + ["--", *(str(a) for a in args)]


class Run:
    """A CLI process; stderr is read as it comes, with the time of the first-write mark."""

    def __init__(self, args: Iterable, env: dict, chunk_parts: int | None = None,
                 cwd: Path | None = None):
        self.args = [str(a) for a in args]
        self.started = time.monotonic()
        self.proc = subprocess.Popen(
            launcher(self.args, chunk_parts), env=env, cwd=cwd, stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
        self.first_write: float | None = None
        self.opened: float | None = None
        self.killed_at: float | None = None
        self.ended: float | None = None
        self._stderr: list[str] = []
        self._stdout = b""
        self._readers = [threading.Thread(target=self._read_stderr, daemon=True),
                         threading.Thread(target=self._read_stdout, daemon=True)]
        for thread in self._readers:
            thread.start()

    def _read_stderr(self) -> None:
        for raw in self.proc.stderr:
            line = raw.decode("utf-8", "replace").rstrip("\n")
            if line.startswith(FIRST_WRITE):
                self.first_write = float(line.split()[-1]) - self.started
            elif line.startswith(OPENED):
                self.opened = float(line.split()[-1]) - self.started
            else:
                self._stderr.append(line)

    def _read_stdout(self) -> None:
        self._stdout = self.proc.stdout.read()

    def kill(self) -> bool:
        """SIGKILL the process (its own process group); False if it had already ended."""
        if self.proc.poll() is not None:
            return False
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            return False
        self.killed_at = time.monotonic() - self.started
        return True

    def seen_first_write(self) -> float | None:
        return self.first_write

    def kill_after_first_write(self, delay: float) -> threading.Thread:
        """SIGKILL ``delay`` seconds after the run's first write (if it is still running)."""
        def watch():
            while self.seen_first_write() is None:
                if self.poll() is not None:
                    return
                time.sleep(0.002)
            wake = self.started + self.first_write + delay
            while (left := wake - time.monotonic()) > 0:
                time.sleep(min(left, 0.05))
            self.kill()

        thread = threading.Thread(target=watch, daemon=True)
        thread.start()
        return thread

    def poll(self):
        return self.proc.poll()

    def wait(self, timeout: float = 300) -> int:
        try:
            code = self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.kill()
            raise
        for thread in self._readers:
            thread.join(10)
        self.ended = time.monotonic() - self.started
        return code

    def wait_opened(self, timeout: float = 120) -> bool:
        """Wait until the run has opened its store for writing; False if it ended first."""
        deadline = time.monotonic() + timeout
        while self.seen_opened() is None:
            if self.poll() is not None or time.monotonic() > deadline:
                return False
            time.sleep(0.005)
        return True

    def seen_opened(self) -> float | None:
        return self.opened

    @property
    def stderr(self) -> str:
        return "\n".join(self._stderr)

    @property
    def stdout(self) -> str:
        return self._stdout.decode("utf-8", "replace")

    @property
    def was_killed(self) -> bool:
        return self.proc.returncode == -signal.SIGKILL


class Zygote:
    """A process that has imported the CLI and loaded spaCy, and forks CLI runs on request.

    ``ingest`` spends seconds starting (imports, spaCy's model) before its first
    write; a forked child starts where the zygote is, so twenty kills cost twenty
    ingests, not twenty start-ups. Each child is a process of its own (its own
    session) that runs ``nascar_kg.cli.main`` with its arguments and environment,
    and is killed like any other; several may run at once. Runs forked from one
    zygote also share one version of the code, even while the files change.
    """

    def __init__(self, preload_nlp: bool = True):
        import queue

        argv = [sys.executable, str(Path(__file__).resolve()), "--zygote"]
        if preload_nlp:
            argv.append("--preload-nlp")
        self.proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL, env=cli_env())
        self._pids: queue.Queue = queue.Queue()
        self._ended: dict[int, int] = {}
        self._ended_at: dict[int, float] = {}
        self._events: dict[int, threading.Event] = {}
        self._lock = threading.Lock()
        self._spawn_lock = threading.Lock()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        assert self._pids.get(timeout=120) == "ready", "crashkit zygote did not start"

    def _read(self) -> None:
        for line in self.proc.stdout:
            message = json.loads(line)
            if "ready" in message:
                self._pids.put("ready")
            elif "pid" in message:
                self._pids.put(message["pid"])
            elif "exit" in message:
                with self._lock:
                    self._ended[message["exit"]] = message["status"]
                    self._ended_at[message["exit"]] = time.monotonic()
                    event = self._events.setdefault(message["exit"], threading.Event())
                event.set()
        self._pids.put(None)
        with self._lock:
            for event in self._events.values():
                event.set()

    def _event(self, pid: int) -> threading.Event:
        with self._lock:
            return self._events.setdefault(pid, threading.Event())

    def _status(self, pid: int) -> int | None:
        with self._lock:
            return self._ended.get(pid)

    def spawn(self, args: Iterable, env: dict, chunk_parts: int | None = None,
              cwd: Path | None = None) -> "ForkedRun":
        return ForkedRun(self, [str(a) for a in args], env, chunk_parts, cwd)

    def _fork(self, request: dict) -> int:
        with self._spawn_lock:
            self.proc.stdin.write((json.dumps(request) + "\n").encode())
            self.proc.stdin.flush()
            pid = self._pids.get(timeout=60)
        if pid is None:
            raise RuntimeError("crashkit zygote died")
        return pid

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.stdin.close()
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()

    def __enter__(self) -> "Zygote":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class ForkedRun(Run):
    """A CLI run forked by a :class:`Zygote`; the same interface as :class:`Run`."""

    def __init__(self, zygote: Zygote, args: list[str], env: dict, chunk_parts, cwd):
        import tempfile

        self.args = args
        self.zygote = zygote
        self.first_write = self.opened = self.killed_at = self.ended = None
        self._files = tempfile.mkdtemp(prefix="crashkit-")
        request = {"args": args, "env": env, "chunk_parts": chunk_parts,
                   "cwd": str(cwd) if cwd else None, "out": f"{self._files}/out",
                   "err": f"{self._files}/err"}
        self.started = time.monotonic()
        self.pid = zygote._fork(request)
        self.returncode: int | None = None

    def poll(self):
        if self.returncode is None:
            self.returncode = self.zygote._status(self.pid)
        return self.returncode

    def seen_first_write(self) -> float | None:
        if self.first_write is None:
            self._marks()
        return self.first_write

    def seen_opened(self) -> float | None:
        if self.opened is None:
            self._marks()
        return self.opened

    def _marks(self) -> None:
        for line in self._lines("err"):
            if line.startswith(FIRST_WRITE) and self.first_write is None:
                self.first_write = float(line.split()[-1]) - self.started
            elif line.startswith(OPENED) and self.opened is None:
                self.opened = float(line.split()[-1]) - self.started

    def kill(self) -> bool:
        if self.poll() is not None:
            return False
        try:
            os.killpg(self.pid, signal.SIGKILL)  # the child's own session: it alone
        except ProcessLookupError:
            return False
        self.killed_at = time.monotonic() - self.started
        return True

    def wait(self, timeout: float = 300) -> int:
        if self.ended is None:
            if not self.zygote._event(self.pid).wait(timeout):
                self.kill()
                raise subprocess.TimeoutExpired(self.args, timeout)
            self.returncode = self.zygote._status(self.pid)
            if self.returncode is None:
                raise RuntimeError("crashkit zygote died")
            self.ended = self.zygote._ended_at[self.pid] - self.started
            self._marks()
            self.output = (self._lines("out"), self._lines("err"))
            shutil.rmtree(self._files, ignore_errors=True)
        return self.returncode

    def _lines(self, name: str) -> list[str]:
        if getattr(self, "output", None) is not None:
            return self.output[0 if name == "out" else 1]
        try:
            with open(f"{self._files}/{name}", encoding="utf-8", errors="replace") as fh:
                return fh.read().splitlines()
        except FileNotFoundError:
            return []

    @property
    def proc(self):
        return self  # returncode and poll(), as subprocess.Popen has them

    @property
    def stderr(self) -> str:
        return "\n".join(ln for ln in self._lines("err")
                         if not ln.startswith((FIRST_WRITE, OPENED)))

    @property
    def stdout(self) -> str:
        return "\n".join(self._lines("out"))

    @property
    def was_killed(self) -> bool:
        return self.returncode == -signal.SIGKILL


def _zygote(preload_nlp: bool) -> None:
    """Serve fork requests (JSON lines on stdin); report each pid, then its exit status."""
    import select

    import nascar_kg.cli  # noqa: F401  (imported once, here: every child runs this code)
    import nascar_kg.queries  # noqa: F401
    from nascar_kg.graph import neo4j_store, rdf_store  # noqa: F401
    from nascar_kg.loaders import articles, documents, results, results_rdf  # noqa: F401

    if preload_nlp:  # spaCy's model, and every module extraction imports on first use
        from nascar_kg.loaders.extraction import Extractor

        Extractor().extract("Denny Hamlin told reporters Corey Heim drove for 23XI Racing.")
    out = sys.stdout.buffer

    def say(message: dict) -> None:
        out.write((json.dumps(message) + "\n").encode())
        out.flush()

    say({"ready": True})
    stdin = sys.stdin.buffer.raw
    pending, children, open_ = b"", set(), True
    while open_ or children:
        ready, _, _ = select.select([stdin] if open_ else [], [], [], 0.01)
        if ready:
            data = os.read(stdin.fileno(), 65536)
            if not data:
                open_ = False
            pending += data
            while b"\n" in pending:
                line, pending = pending.split(b"\n", 1)
                pid = _fork_cli(json.loads(line))
                children.add(pid)
                say({"pid": pid})
        for pid in list(children):
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                children.discard(pid)
                code = -os.WTERMSIG(status) if os.WIFSIGNALED(status) \
                    else os.WEXITSTATUS(status)
                say({"exit": pid, "status": code})


def _fork_cli(request: dict) -> int:
    pid = os.fork()
    if pid:
        return pid
    code = 70
    try:  # the child: a CLI process of its own
        os.setsid()
        if request["cwd"]:
            os.chdir(request["cwd"])
        os.dup2(os.open(os.devnull, os.O_RDONLY), 0)
        os.dup2(os.open(request["out"], os.O_WRONLY | os.O_CREAT, 0o600), 1)
        os.dup2(os.open(request["err"], os.O_WRONLY | os.O_CREAT, 0o600), 2)
        sys.stdin = open(os.devnull)
        sys.stdout = os.fdopen(1, "w", buffering=1, encoding="utf-8")
        sys.stderr = os.fdopen(2, "w", buffering=1, encoding="utf-8")
        os.environ.clear()
        os.environ.update(request["env"])
        argv = ["--chunk-parts", str(request["chunk_parts"])] if request["chunk_parts"] else []
        main([*argv, "--", *request["args"]])
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except BaseException:
        import traceback

        traceback.print_exc()
    finally:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(code)


def invoke(args: Iterable, env: dict | None = None, input: str | None = None):
    """Run the CLI in this process (click's runner): for checks and re-runs, no start-up."""
    from click.testing import CliRunner

    from nascar_kg.cli import cli

    env = {k: None for k in os.environ if k.startswith(("NASCAR_KG_", "NEO4J_"))} | (env or {})
    env = {k: (None if v is None else str(v)) for k, v in env.items()}
    return CliRunner().invoke(cli, [str(a) for a in args], env=env, input=input,
                              catch_exceptions=False)


# ------------------------------------------------------------------------ kill campaigns

@dataclass
class Kill:
    """One kill: where, when (seconds after the start), and what the check found."""

    index: int
    db: Path
    delay: float
    run: Run | None = None
    notes: list[str] = field(default_factory=list)

    def describe(self) -> str:
        at = f"killed at {self.run.killed_at:.2f} s" if self.run and self.run.killed_at \
            else "not killed"
        return f"kill {self.index}: {self.delay:.3f} s after the first write, {at}"


class KillCampaign:
    """``count`` kills of the CLI ``args_for(db)``, each checked by ``check(kill)``.

    Delays after the run's first write are drawn uniformly from ``window`` with
    ``random.Random(seed)``. A run
    that ends before its kill is not a kill: another delay is drawn for the same
    store, a little earlier in the window. While ``check`` runs for one kill, the
    next process starts (unless ``overlap`` is false: kills sharing a database).
    """

    def __init__(self, base: Path, args_for: Callable[[Path], list], env: dict,
                 window: tuple[float, float], seed: int, count: int = 20,
                 chunk_parts: int | None = None, prepare: Callable[[Path], None] | None = None,
                 spawn: Callable[..., Run] = Run, overlap: bool = True):
        self.base = base
        self.args_for = args_for
        self.env = env
        self.window = window
        self.rng = random.Random(seed)
        self.seed = seed
        self.count = count
        self.chunk_parts = chunk_parts
        self.prepare = prepare
        self.spawn = spawn
        self.overlap = overlap
        self.kills: list[Kill] = []
        self.misses = 0

    def _start(self, kill: Kill, lo: float, hi: float) -> None:
        if kill.db.exists():
            shutil.rmtree(kill.db)
        if self.prepare:
            self.prepare(kill.db)
        kill.delay = self.rng.uniform(lo, hi)
        kill.run = self.spawn(self.args_for(kill.db), self.env, chunk_parts=self.chunk_parts)
        kill.run.kill_after_first_write(kill.delay)

    def run(self, check: Callable[[Kill], None]) -> list[Kill]:
        lo, hi = self.window
        pending = Kill(0, self.base / "kill-0", 0.0)
        self._start(pending, lo, hi)
        done = 0
        while done < self.count:
            kill = pending
            kill.run.wait()
            if not kill.run.was_killed:
                # ended first: try this store again, earlier (at most a few times per kill)
                self.misses += 1
                assert self.misses <= self.count, (
                    f"seed {self.seed}: {self.misses} runs ended before their kill; "
                    f"window {self.window} is too late")
                assert kill.run.proc.returncode == 0, (
                    f"seed {self.seed}: {kill.describe()}: exit {kill.run.proc.returncode}: "
                    f"{kill.run.stderr[-2000:]}")
                if kill.run.first_write is not None:  # writing is faster than measured
                    hi = max(lo, min(hi, 0.9 * (kill.run.ended - kill.run.first_write)))
                    self.window = (lo, hi)
                self._start(kill, lo, min(hi, lo + (kill.delay - lo) * 0.8))
                pending = kill
                continue
            done += 1
            self.kills.append(kill)
            if done < self.count:
                pending = Kill(done, self.base / f"kill-{done}", 0.0)
                if self.overlap:
                    self._start(pending, lo, hi)
            check(kill)
            shutil.rmtree(kill.db, ignore_errors=True)
            if done < self.count and not self.overlap:
                self._start(pending, lo, hi)
        return self.kills

    def summary(self) -> str:
        delays = sorted(k.delay for k in self.kills)
        return (f"seed {self.seed}: {len(self.kills)} kills {delays[0]:.3f}–{delays[-1]:.3f} s "
                f"after the first write (window {self.window[0]:.3f}–{self.window[1]:.3f} s), "
                f"{self.misses} run(s) ended before their kill")


def kill_window(reference: Run, end: float = 0.95) -> tuple[float, float]:
    """Delays after the first write: up to ``end`` of the writing of an uninterrupted run."""
    assert reference.first_write is not None, "the reference run never wrote"
    return 0.0, (reference.ended - reference.first_write) * end


# ------------------------------------------------------------------------ store checks

def validation(db: Path, env: dict | None = None) -> tuple[int, list[dict], str]:
    """``nascar-kg validate --format json`` of ``db``: exit status, violations, stderr."""
    result = invoke(["--db", db, "validate", "--format", "json"], env)
    violations = json.loads(result.stdout)["violations"] if result.stdout.strip() else []
    return result.exit_code, violations, result.stderr


def violation_keys(violations: list[dict]) -> set[tuple]:
    return {(v["focus"], v["path"], v["message"]) for v in violations}


def stats(db: Path | None, env: dict | None = None, backend: str | None = None) -> dict:
    args = (["--db", db] if db is not None else []) + (["--backend", backend] if backend else [])
    result = invoke([*args, "stats", "--format", "json"], env)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def triples(db: Path) -> set[str]:
    """Every triple of an embedded store, as N-Triples lines."""
    from nascar_kg.graph.rdf_store import RDFStore

    with RDFStore(db, read_only=True) as store:
        return {f"{q.subject} {q.predicate} {q.object} ." for q in store.ox_store}


def answers(db: Path, questions: Iterable[list]) -> dict:
    """The JSON answers of read commands (career, roster...) of ``db``."""
    out = {}
    for args in questions:
        result = invoke(["--db", db, *args, "--format", "json"])
        assert result.exit_code == 0, (args, result.stderr)
        out[" ".join(map(str, args))] = json.loads(result.stdout)
    return out


def neo4j_problems(store, source, entities: bool = True) -> list[str]:
    """What is half-written in a Neo4j store that receives (part of) the batch ``source``.

    Structural checks in Cypher (every assertion with one subject, one object, its
    evidence and its direct relationship; evidence with its document; season
    records and races with their series; no IRI twice), then every relation and
    entity present compared with the source: present means whole.
    """
    from nascar_kg.graph import neo4j_schema as cy

    checks = {
        "assertions without exactly one subject and one object":
            "MATCH (a:Assertion) WHERE COUNT { (a)-[:SUBJECT]->(:Entity) } <> 1 "
            "OR COUNT { (a)-[:OBJECT]->(:Entity) } <> 1 RETURN count(a) AS n",
        "assertions without evidence":
            "MATCH (a:Assertion) WHERE NOT EXISTS { (a)-[:EVIDENCE]->(:Evidence) } "
            "RETURN count(a) AS n",
        "assertions without their relationship":
            "MATCH (s:Entity)<-[:SUBJECT]-(a:Assertion)-[:OBJECT]->(o:Entity) "
            "WHERE NOT EXISTS { MATCH (s)-[x]->(o) WHERE x.iri = a.iri } RETURN count(a) AS n",
        "relationships without their assertion":
            "MATCH (:Entity)-[x]->(:Entity) WHERE x.iri IS NOT NULL "
            "AND NOT EXISTS { MATCH (a:Assertion) WHERE a.iri = x.iri } RETURN count(x) AS n",
        "evidence without one assertion and one document":
            "MATCH (e:Evidence) WHERE COUNT { (:Assertion)-[:EVIDENCE]->(e) } <> 1 "
            "OR COUNT { (e)-[:FROM]->(:Document) } <> 1 RETURN count(e) AS n",
        "season records without one assertion and one series":
            "MATCH (x:SeasonRecord) WHERE COUNT { (:Assertion)-[:SEASON]->(x) } <> 1 "
            "OR COUNT { (x)-[:IN_SERIES]->(:Entity) } <> 1 RETURN count(x) AS n",
        "races without their series":
            "MATCH (x:Race) WHERE COUNT { (x)-[:IN_SERIES]->(:Entity) } <> 1 "
            "RETURN count(x) AS n",
        "entities without a name or with other than one class":
            "MATCH (n:Entity) RETURN n.name AS name, labels(n) AS labels",
    }
    problems = []
    for what, text in checks.items():
        rows = store.query(text)
        if "labels" in rows[0] if rows else False:
            bad = [r for r in rows if r["name"] is None or len(cy.entity_labels(r["labels"])) != 1]
            if bad:
                problems.append(f"{len(bad)} {what}: {bad[:2]}")
        elif rows and rows[0]["n"]:
            problems.append(f"{rows[0]['n']} {what}")
    for label in ("Entity", "Document", "Assertion", "Evidence", "SeasonRecord", "Race"):
        row = store.query(f"MATCH (n:{label}) RETURN count(n) AS n, count(DISTINCT n.iri) AS d")
        if row[0]["n"] != row[0]["d"]:
            problems.append(f"{label}: {row[0]['n'] - row[0]['d']} IRIs twice")

    def key(rel):
        return (sorted((e.document.iri, e.start or 0, e.text, e.confidence) for e in rel.evidence),
                sorted((s.series, s.season, s.starts, s.wins) for s in rel.seasons))

    got = store.read_all()
    want_relations = {r.iri: key(r) for r in source.relations}
    for rel in got.relations:
        if key(rel) != want_relations.get(rel.iri):
            problems.append(f"relation {rel.subject.name} {rel.predicate} {rel.object.name} "
                            "is not whole")
    want_entities = {e.iri: (e.name, e.type, sorted(e.aliases)) for e in source.entities}
    for ent in got.entities if entities else ():
        if (ent.name, ent.type, sorted(ent.aliases)) != want_entities.get(ent.iri):
            problems.append(f"entity {ent.name} differs from the source")
    want_races = {r.iri: r for r in source.races}
    for race in got.races:
        if race != want_races.get(race.iri):
            problems.append(f"race {race.name} differs from the source")
    return problems


# ------------------------------------------------------------------------ in-process crashes

class SimulatedCrash(BaseException):
    """The process 'died' here: raised by :class:`CrashingOxigraph` (not an Exception)."""


WRITES = ("add", "extend", "bulk_extend", "bulk_load", "load", "remove", "update", "clear")


class CrashingOxigraph:
    """A pyoxigraph store that performs ``alive`` write operations, then dies.

    The operation after the last allowed one, and every later one (in any thread),
    raises :class:`SimulatedCrash` without touching the store, as if the process
    had been killed between two writes. ``log`` records the operations performed.
    ``slow`` delays given operations (to widen races between writer threads).
    """

    def __init__(self, inner, alive: int | None, slow: Callable | None = None):
        self._inner = inner
        self.alive = alive
        self.log: list[list] = []
        """[name, start, end, argument] of each write performed (bulk_load: its text)."""
        self.crashed = False
        self._lock = threading.Lock()
        self._slow = slow

    def _write(self, name: str):
        method = getattr(self._inner, name)

        def call(*args, **kwargs):
            with self._lock:
                if self.crashed or (self.alive is not None and len(self.log) >= self.alive):
                    self.crashed = True
                    self._inner = _Dead()  # the traceback keeps this object; not the store
                    raise SimulatedCrash(f"crashed before write {len(self.log) + 1} ({name})")
                entry = [name, time.monotonic(), None, args[0] if args else None]
                self.log.append(entry)
            if self._slow is not None:
                self._slow(name, args)
            result = method(*args, **kwargs)
            entry[2] = time.monotonic()
            return result
        return call

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        if name in WRITES:
            return self._write(name)
        return getattr(self._inner, name)

    def __len__(self):
        return len(self._inner)

    def __iter__(self):
        return iter(self._inner)


class _Dead:
    def __getattr__(self, name):
        raise SimulatedCrash("the store of a crashed process")


def crashing_store(path: Path, alive: int | None, slow: Callable | None = None):
    """An :class:`RDFStore` at ``path`` whose Oxigraph store dies after ``alive`` writes."""
    from nascar_kg.graph.rdf_store import RDFStore

    class CrashingRDFStore(RDFStore):
        @property
        def ox_store(self):
            inner = RDFStore.ox_store.fget(self)
            if getattr(self, "_crashing", None) is None or self._crashing._inner is not inner:
                self._crashing = CrashingOxigraph(inner, alive, slow)
            return self._crashing

        def close(self) -> None:
            self._crashing = None
            super().close()

    return CrashingRDFStore(path)


# ------------------------------------------------------------------------ the launcher

def _mark_first_write() -> None:
    """Print FIRST_WRITE on stderr when the command first writes to a store."""
    from nascar_kg.graph import neo4j_store, rdf_store
    from nascar_kg.loaders import results_rdf

    done = threading.Event()

    def marked(fn):
        def wrapper(*args, **kwargs):
            if not done.is_set():
                done.set()
                print(f"{FIRST_WRITE} {time.monotonic()}", file=sys.stderr, flush=True)
            return fn(*args, **kwargs)
        return wrapper

    rdf_store.RDFStore.write = marked(rdf_store.RDFStore.write)
    results_rdf.write_results = marked(results_rdf.write_results)
    neo4j_store.Neo4jStore.write = marked(neo4j_store.Neo4jStore.write)
    opener = rdf_store.RDFStore.open

    def open_(self):
        opener(self)
        if not self.read_only:
            print(f"{OPENED} {time.monotonic()}", file=sys.stderr, flush=True)

    rdf_store.RDFStore.open = open_


def main(argv: list[str]) -> None:
    if argv and argv[0] == "--zygote":
        return _zygote("--preload-nlp" in argv)
    chunk_parts = None
    while argv and argv[0] != "--":
        option = argv.pop(0)
        if option == "--chunk-parts":
            chunk_parts = int(argv.pop(0))
        else:
            raise SystemExit(f"crashkit: unknown option {option}")
    args = argv[1:]
    if chunk_parts:
        from nascar_kg.loaders import results_rdf

        results_rdf.CHUNK_PARTS = chunk_parts
    _mark_first_write()
    from nascar_kg.cli import main as cli_main

    sys.argv = ["nascar-kg", *args]
    cli_main()


if __name__ == "__main__":
    main(sys.argv[1:])
