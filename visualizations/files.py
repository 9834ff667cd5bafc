"""Writing output files atomically, and embedding data safely in HTML.

A file is written to a temporary file beside it and renamed over the target
only when complete, so a reader never sees half a file and an interrupted
write leaves the old file (or none) in place.

Examples
--------
>>> script_json({"q": "</script><img src=x onerror=alert(1)>", "s": "\\u2028"})
'{"q":"\\\\u003c/script\\\\u003e\\\\u003cimg src=x onerror=alert(1)\\\\u003e","s":"\\\\u2028"}'
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from nascar_kg.errors import UsageError

_SCRIPT_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                   "\u2028": "\\u2028", "\u2029": "\\u2029"}


def script_json(obj) -> str:
    """JSON for a ``<script>`` element: no ``<``, ``>``, ``&`` or line separators left raw.

    Whatever the strings hold, the result cannot close the script element,
    open a comment, or end a JavaScript string early, and it parses as the
    same JSON.
    """
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), default=_jsonable,
                      allow_nan=False)
    return "".join(_SCRIPT_ESCAPES.get(ch, ch) for ch in text)


def _jsonable(value):
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    return str(value)


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike, suffix: str | None = None) -> Iterator[Path]:
    """A temporary path beside ``path``; renamed onto ``path`` if the block succeeds.

    A target that cannot be written (a folder, a path through a file, a place
    without permission) raises :class:`~nascar_kg.errors.UsageError` naming it,
    before anything is written.
    """
    target = Path(path)
    if target.is_dir():
        raise UsageError(f"{target}: is a folder, not a file to write")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=suffix or ".tmp",
                                   dir=target.parent)
    except OSError as exc:
        raise UsageError(f"{target}: cannot be written ({exc.strerror or exc})") from None
    os.close(fd)
    tmp_path = Path(tmp)
    try:
        yield tmp_path
        with open(tmp_path, "rb") as fh:  # the data is on disk before the rename
            os.fsync(fh.fileno())
        os.chmod(tmp_path, 0o644 & ~_umask())
        try:
            os.replace(tmp_path, target)
        except OSError as exc:
            raise UsageError(f"{target}: cannot be written ({exc.strerror or exc})") from None
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp_path.unlink()
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_text(path: str | os.PathLike, text: str) -> Path:
    """Write ``text`` as UTF-8 to ``path`` atomically; the path written."""
    return write_bytes(path, text.encode("utf-8", errors="replace"))


def write_bytes(path: str | os.PathLike, data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically; the path written."""
    with atomic_path(path) as tmp:
        tmp.write_bytes(data)
    return Path(path)
