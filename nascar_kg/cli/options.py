"""Option decorators shared by the commands, as sqlite-utils does it.

``store_options`` gives every command the global options (``--db``, ``--backend``,
``--neo4j-*``) so they work before or after the command name; ``output_options``
gives listing commands ``--format table|json|csv``.
"""

from __future__ import annotations

import sys

import click

from nascar_kg.config import Settings

_SETTINGS_KEY = "nascar_kg.settings"

_STORE_OPTIONS = [
    ("--db", "db", "Embedded store directory [env NASCAR_KG_DB; default ./nascar-kg-data]."),
    ("--backend", "backend", "Store backend: rdf (embedded, default) or neo4j [env NASCAR_KG_BACKEND]."),
    ("--neo4j-uri", "neo4j_uri", "Bolt URI of Neo4j [env NEO4J_URI; default bolt://localhost:7687]."),
    ("--neo4j-user", "neo4j_user", "Neo4j user [env NEO4J_USERNAME; default neo4j]."),
    ("--neo4j-password", "neo4j_password", "Neo4j password [env NEO4J_PASSWORD]."),
    ("--neo4j-database", "neo4j_database", "Neo4j database [env NEO4J_DATABASE; default neo4j]."),
]


def settings(ctx: click.Context | None = None) -> Settings:
    """The settings of this invocation: environment, then options (later ones win)."""
    ctx = ctx or click.get_current_context()
    root = ctx.find_root()
    if _SETTINGS_KEY not in root.meta:
        root.meta[_SETTINGS_KEY] = Settings.from_env()
    return root.meta[_SETTINGS_KEY]


def _setter(attribute: str):
    def callback(ctx: click.Context, param: click.Parameter, value):
        if value is not None:
            setattr(settings(ctx), attribute, value)
        return value
    return callback


def store_options(fn):
    """Add the global store options to a command (or to the group)."""
    for flag, attribute, help_text in reversed(_STORE_OPTIONS):
        kwargs = {"type": click.Choice(["rdf", "neo4j"])} if attribute == "backend" else {}
        fn = click.option(flag, attribute, default=None, expose_value=False, is_eager=True,
                          callback=_setter(attribute), help=help_text, **kwargs)(fn)
    return fn


def output_options(fn):
    """Add ``--format table|json|csv`` (table on a terminal, json otherwise)."""
    return click.option(
        "--format", "fmt", type=click.Choice(["table", "json", "csv"]), default=None,
        help="Output format [default: table on a terminal, json otherwise].")(fn)


def resolve_format(fmt: str | None) -> str:
    if fmt:
        return fmt
    return "table" if sys.stdout.isatty() else "json"
