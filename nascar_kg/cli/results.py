"""Commands of the race results: load-results, career, roster."""

from __future__ import annotations

COMMANDS: list = []
