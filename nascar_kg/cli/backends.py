"""Commands that talk to a backend directly: push, query."""

from __future__ import annotations

COMMANDS: list = []
