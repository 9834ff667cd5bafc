"""Run the benchmarks: ``python benchmarks/run.py [NAME ...]`` (default: all).

Each benchmark is a script ``bench_NAME.py`` printing a Markdown table of its
figures and the ratio to a reference measured in the same run.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(names: list[str]) -> int:
    scripts = sorted(HERE.glob("bench_*.py"))
    if names:
        scripts = [HERE / f"bench_{n}.py" for n in names]
    status = 0
    for script in scripts:
        print(f"## {script.stem}\n\n`python benchmarks/{script.name}`\n", flush=True)
        status |= subprocess.call([sys.executable, str(script)], cwd=HERE)
        print(flush=True)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
