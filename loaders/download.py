"""Downloading the published results files (``load-results cup|nxs|truck``), with a cache.

The nascaR.data package publishes each series as ``<base>/<code>_series.parquet``
(``cup``, ``nxs``, ``truck``). The base URL is, in order: the ``base_url``
argument (``--base-url``), the environment variable ``NASCAR_KG_RESULTS_URL``,
:data:`nascar_kg.config.RESULTS_BASE_URL`.

Files are cached in ``$XDG_CACHE_HOME/nascar-kg/results`` (``~/.cache/...`` when
the variable is not set) or the folder given (``--cache-dir``); a cached file is
used without asking the network unless ``refresh`` is true. A download goes to a
temporary file beside its destination and replaces it only when complete and
recognized as Parquet, so an interrupted download never leaves a broken cache.

Every failure (HTTP error status, unreachable host, timeout, a body that is not
Parquet) raises :class:`DownloadError`, an input error (exit status 2): a
download source is not a backend of the graph, so the "backend unreachable"
status 3 does not apply.

Examples
--------
>>> results_url("truck", "https://example.org/data/")
'https://example.org/data/truck_series.parquet'
>>> default_cache_dir({"XDG_CACHE_HOME": "/var/cache"}).as_posix()
'/var/cache/nascar-kg/results'
"""

from __future__ import annotations

import http.client
import os
import tempfile
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from nascar_kg import __version__
from nascar_kg.config import RESULTS_BASE_URL
from nascar_kg.errors import InputError

SERIES_FILES = {"cup": "cup_series.parquet", "nxs": "nxs_series.parquet",
                "truck": "truck_series.parquet"}
ENV_BASE_URL = "NASCAR_KG_RESULTS_URL"
TIMEOUT = 60.0
BLOCK = 1 << 16
PARQUET_MAGIC = b"PAR1"


class DownloadError(InputError):
    """A results file that could not be downloaded; the message names the URL."""


@dataclass(frozen=True)
class Downloaded:
    """A results file available locally, and where it came from."""

    code: str
    url: str
    path: Path
    cached: bool
    """True when the cache was used without downloading."""
    size: int


def base_url(explicit: str | None = None, env: dict | None = None) -> str:
    env = os.environ if env is None else env
    return (explicit or env.get(ENV_BASE_URL) or RESULTS_BASE_URL).rstrip("/")


def results_url(code: str, base: str | None = None) -> str:
    if code not in SERIES_FILES:
        raise InputError(f"unknown series {code!r}; use {', '.join(SERIES_FILES)}")
    return f"{base_url(base)}/{SERIES_FILES[code]}"


def default_cache_dir(env: dict | None = None) -> Path:
    env = os.environ if env is None else env
    root = env.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(root) / "nascar-kg" / "results"


def fetch_results(code: str, base: str | None = None, cache_dir: str | Path | None = None,
                  refresh: bool = False, progress: bool = False,
                  timeout: float = TIMEOUT,
                  on_message: Callable[[str], None] | None = None) -> Downloaded:
    """The published Parquet file of series ``code``, from the cache or downloaded into it."""
    url = results_url(code, base)
    folder = Path(cache_dir) if cache_dir is not None else default_cache_dir()
    target = folder / SERIES_FILES[code]
    if target.is_file() and not refresh:
        return Downloaded(code, url, target, True, target.stat().st_size)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DownloadError(f"{folder}: cannot create the cache folder "
                            f"({exc.strerror or exc})") from None
    if on_message:
        on_message(f"Downloading {url}")
    size = _download(url, target, progress=progress, timeout=timeout)
    return Downloaded(code, url, target, False, size)


def _download(url: str, target: Path, progress: bool, timeout: float) -> int:
    request = urllib.request.Request(url, headers={"User-Agent": f"nascar-kg/{__version__}"})
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as out:
            try:
                response = urllib.request.urlopen(request, timeout=timeout)
            except urllib.error.HTTPError as exc:
                raise DownloadError(f"cannot download {url}: HTTP {exc.code} {exc.reason}") from None
            except urllib.error.URLError as exc:
                raise DownloadError(f"cannot reach {url}: {_reason(exc.reason)}") from None
            except (TimeoutError, OSError, ValueError, http.client.HTTPException) as exc:
                raise DownloadError(f"cannot download {url}: {_reason(exc)}") from None
            with response:
                total = response.headers.get("Content-Length")
                total = int(total) if total and total.isdigit() else None
                bar = None
                if progress:
                    from tqdm import tqdm

                    bar = tqdm(total=total, unit="B", unit_scale=True, unit_divisor=1024,
                               desc=target.name, leave=False)
                size = 0
                try:
                    while True:
                        block = response.read(BLOCK)
                        if not block:
                            break
                        out.write(block)
                        size += len(block)
                        if bar is not None:
                            bar.update(len(block))
                except http.client.IncompleteRead as exc:
                    expected = f"{total:,}" if total is not None else "?"
                    raise DownloadError(
                        f"cannot download {url}: the connection ended after "
                        f"{size + len(exc.partial):,} of {expected} bytes") from None
                except (TimeoutError, OSError, http.client.HTTPException) as exc:
                    raise DownloadError(f"cannot download {url}: {_reason(exc)}") from None
                finally:
                    if bar is not None:
                        bar.close()
            if total is not None and size != total:
                raise DownloadError(
                    f"cannot download {url}: the connection ended after {size:,} of {total:,} bytes")
            out.flush()
            os.fsync(out.fileno())
        _check_parquet(tmp, url)
        os.replace(tmp, target)
        return size
    finally:
        if tmp.exists():
            tmp.unlink()


def _check_parquet(path: Path, url: str) -> None:
    with open(path, "rb") as fh:
        head = fh.read(4)
        fh.seek(0, os.SEEK_END)
        if fh.tell() < 12:
            raise DownloadError(f"{url}: the server sent {fh.tell()} bytes, not a Parquet file")
        fh.seek(-4, os.SEEK_END)
        tail = fh.read(4)
    if head != PARQUET_MAGIC or tail != PARQUET_MAGIC:
        raise DownloadError(f"{url}: the server did not send a Parquet file")


def _reason(reason) -> str:
    text = str(getattr(reason, "strerror", None) or reason) or type(reason).__name__
    return " ".join(text.split())
