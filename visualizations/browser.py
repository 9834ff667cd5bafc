"""A small driver for headless Chromium over the DevTools protocol, for tests and screenshots.

It speaks the protocol over a pipe (``--remote-debugging-pipe``: JSON messages
separated by NUL bytes on file descriptors 3 and 4), so it needs neither a
websocket library nor a network port. It drives the system's Chromium
(Debian's ``chromium``); it never downloads a browser.

Examples
--------
::

    with Chromium() as browser:
        page = browser.open(Path("graph.html").resolve().as_uri())
        page.evaluate("kgGraph.nodes.length")
        page.screenshot("graph.png")
        page.errors()      # console errors and uncaught exceptions
        page.requests()    # every URL the page asked for
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import tempfile
import threading
import time
from pathlib import Path

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-extensions", "--disable-default-apps", "--no-default-browser-check",
         "--disable-dev-shm-usage", "--mute-audio", "--hide-scrollbars",
         "--disable-features=Translate,MediaRouter,OptimizationHints,DialMediaRouteProvider",
         "--remote-debugging-pipe")


class BrowserError(RuntimeError):
    """Chromium could not be started, or did not answer in time."""


def find_chromium() -> str | None:
    """The Chromium executable to use: ``$NASCAR_KG_CHROMIUM`` or the first on ``PATH``."""
    env = os.environ.get("NASCAR_KG_CHROMIUM")
    if env:
        return env if os.access(env, os.X_OK) else shutil.which(env)
    for name in CANDIDATES:
        path = shutil.which(name)
        if path:
            return path
    return None


def _high_pipe() -> tuple[int, int]:
    """A pipe whose ends are above fd 4, so moving them onto 3 and 4 in the child is safe."""
    import fcntl

    ends = []
    for fd in os.pipe():
        ends.append(fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10))
        os.close(fd)
    return ends[0], ends[1]


class Chromium:
    """One headless Chromium process, driven through a DevTools pipe."""

    def __init__(self, executable: str | None = None, *, timeout: float = 30.0,
                 extra_flags: tuple[str, ...] = ()):
        self.executable = executable or find_chromium()
        if not self.executable:
            raise BrowserError("no Chromium found (install Debian's chromium package)")
        self.timeout = timeout
        self.extra_flags = tuple(extra_flags)
        self._proc: subprocess.Popen | None = None
        self._profile: tempfile.TemporaryDirectory | None = None
        self._next_id = 0
        self._responses: dict[int, dict] = {}
        self._events: list[dict] = []
        self._cond = threading.Condition()
        self._reader: threading.Thread | None = None
        self._closed = False
        self._closed_pipe = False

    # -- process ---------------------------------------------------------

    def start(self) -> "Chromium":
        self._profile = tempfile.TemporaryDirectory(prefix="nascar-kg-chromium-")
        to_chrome_r, self._to_chrome = _high_pipe()
        self._from_chrome, from_chrome_w = _high_pipe()

        def child_fds():  # the protocol pipe is fds 3 (commands in) and 4 (answers out)
            os.dup2(to_chrome_r, 3)
            os.dup2(from_chrome_w, 4)

        argv = [self.executable, *FLAGS, *self.extra_flags,
                f"--user-data-dir={self._profile.name}", "about:blank"]
        self._log = open(Path(self._profile.name) / "chromium.log", "wb")
        try:
            self._proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=self._log,
                                          stderr=self._log, preexec_fn=child_fds,
                                          pass_fds=(3, 4), start_new_session=True)
        except OSError as exc:
            raise BrowserError(f"cannot start {self.executable}: {exc}") from exc
        finally:
            os.close(to_chrome_r)
            os.close(from_chrome_w)
        self._reader = threading.Thread(target=self._read_loop, daemon=True)
        self._reader.start()
        self.send("Browser.getVersion")
        return self

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        if self._proc is not None and self._proc.poll() is None:
            try:
                self._write({"id": self._new_id(), "method": "Browser.close"})
                self._proc.wait(timeout=10)
            except (OSError, subprocess.TimeoutExpired):
                self._proc.kill()
                self._proc.wait(timeout=10)
        for fd in (getattr(self, "_to_chrome", None), getattr(self, "_from_chrome", None)):
            if fd is not None:
                try:
                    os.close(fd)
                except OSError:
                    pass
        if getattr(self, "_log", None):
            self._log.close()
        if self._profile is not None:
            self._profile.cleanup()

    def __enter__(self) -> "Chromium":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.close()

    def log_tail(self, n: int = 2000) -> str:
        try:
            return (Path(self._profile.name) / "chromium.log").read_bytes()[-n:].decode(
                "utf-8", "replace")
        except (OSError, AttributeError):
            return ""

    # -- protocol --------------------------------------------------------

    def _new_id(self) -> int:
        self._next_id += 1
        return self._next_id

    def _write(self, message: dict) -> None:
        data = json.dumps(message).encode("utf-8") + b"\0"
        while data:
            n = os.write(self._to_chrome, data)
            data = data[n:]

    def _read_loop(self) -> None:
        buf = b""
        while True:
            try:
                chunk = os.read(self._from_chrome, 1 << 16)
            except OSError:
                chunk = b""
            if not chunk:
                with self._cond:
                    self._closed_pipe = True
                    self._cond.notify_all()
                return
            buf += chunk
            *messages, buf = buf.split(b"\0")
            with self._cond:
                for raw in messages:
                    msg = json.loads(raw)
                    if "id" in msg:
                        self._responses[msg["id"]] = msg
                    else:
                        self._events.append(msg)
                self._cond.notify_all()

    def send(self, method: str, params: dict | None = None, session: str | None = None,
             timeout: float | None = None) -> dict:
        """Send one command and wait for its result."""
        msg_id = self._new_id()
        message = {"id": msg_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        self._write(message)
        deadline = time.monotonic() + (timeout or self.timeout)
        with self._cond:
            while msg_id not in self._responses:
                if self._closed_pipe:
                    raise BrowserError(f"Chromium exited during {method}: {self.log_tail()}")
                left = deadline - time.monotonic()
                if left <= 0:
                    raise BrowserError(f"no answer to {method} within the timeout")
                self._cond.wait(left)
            answer = self._responses.pop(msg_id)
        if "error" in answer:
            raise BrowserError(f"{method}: {answer['error'].get('message')}")
        return answer.get("result", {})

    def events(self, method: str | None = None, session: str | None = None) -> list[dict]:
        with self._cond:
            return [e for e in self._events
                    if (method is None or e.get("method") == method)
                    and (session is None or e.get("sessionId") == session)]

    def wait_event(self, method: str, session: str | None = None,
                   timeout: float | None = None, after: int = 0) -> dict:
        deadline = time.monotonic() + (timeout or self.timeout)
        with self._cond:
            while True:
                found = [e for e in self._events[after:] if e.get("method") == method
                         and (session is None or e.get("sessionId") == session)]
                if found:
                    return found[0]
                left = deadline - time.monotonic()
                if left <= 0:
                    raise BrowserError(f"no {method} event within the timeout")
                self._cond.wait(left)

    def open(self, url: str, *, width: int = 1400, height: int = 900) -> "Page":
        """A new tab showing ``url``, loaded (its load event fired)."""
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget",
                            {"targetId": target, "flatten": True})["sessionId"]
        page = Page(self, session)
        for domain in ("Page", "Runtime", "Network", "Log"):
            self.send(f"{domain}.enable", session=session)
        self.send("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
                  session=session)
        with self._cond:
            mark = len(self._events)
        self.send("Page.navigate", {"url": url}, session=session)
        self.wait_event("Page.loadEventFired", session=session, after=mark)
        return page


class Page:
    """One tab of a :class:`Chromium`."""

    def __init__(self, browser: Chromium, session: str):
        self.browser = browser
        self.session = session

    def send(self, method: str, params: dict | None = None) -> dict:
        return self.browser.send(method, params, session=self.session)

    def evaluate(self, expression: str, *, await_promise: bool = False):
        """The value of a JavaScript expression in the page (JSON-able values only)."""
        answer = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                                "awaitPromise": await_promise})
        if "exceptionDetails" in answer:
            details = answer["exceptionDetails"]
            text = details.get("exception", {}).get("description") or details.get("text")
            raise BrowserError(f"evaluating {expression[:60]!r}: {text}")
        return answer["result"].get("value")

    def wait_for(self, expression: str, timeout: float = 20.0, interval: float = 0.1):
        """Wait until ``expression`` is truthy in the page; its value."""
        deadline = time.monotonic() + timeout
        while True:
            value = self.evaluate(expression)
            if value:
                return value
            if time.monotonic() > deadline:
                raise BrowserError(f"{expression!r} still false after {timeout}s")
            time.sleep(interval)

    def click(self, x: float, y: float) -> None:
        """A left click at viewport coordinates (CSS pixels)."""
        self.move(x, y)
        for kind in ("mousePressed", "mouseReleased"):
            self.send("Input.dispatchMouseEvent", {"type": kind, "x": x, "y": y,
                                                   "button": "left", "clickCount": 1})

    def move(self, x: float, y: float) -> None:
        self.send("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": x, "y": y})

    def screenshot(self, path: str | os.PathLike) -> Path:
        data = self.send("Page.captureScreenshot", {"format": "png"})["data"]
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(data))
        return path

    def errors(self) -> list[str]:
        """Console errors, uncaught exceptions and error log entries (CSP, failed loads)."""
        out = []
        for e in self.browser.events(session=self.session):
            method, params = e.get("method"), e.get("params", {})
            if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                out.append("console: " + " ".join(str(a.get("value", a.get("description", "")))
                                                  for a in params.get("args", [])))
            elif method == "Runtime.exceptionThrown":
                d = params.get("exceptionDetails", {})
                out.append("exception: " + str(d.get("exception", {}).get("description")
                                                or d.get("text")))
            elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
                out.append("log: " + params["entry"].get("text", ""))
        return out

    def requests(self) -> list[str]:
        """Every URL the page requested."""
        return [e["params"]["request"]["url"]
                for e in self.browser.events("Network.requestWillBeSent", session=self.session)]

    def dialogs(self) -> list[str]:
        """Messages of JavaScript dialogs (alert, confirm) the page opened."""
        return [e["params"].get("message", "")
                for e in self.browser.events("Page.javascriptDialogOpening", session=self.session)]
