"""Helpers the commands share: opening the configured store."""

from __future__ import annotations

from contextlib import contextmanager

from nascar_kg.cli.options import settings


@contextmanager
def opened_store(read_only: bool = False):
    """The store the options and environment name, opened; closed on exit.

    Read-only opening lets queries run beside a writer of the embedded store.
    """
    from nascar_kg.graph.store import open_store

    s = settings()
    store = open_store(s, read_only=read_only)
    with store:
        yield store
