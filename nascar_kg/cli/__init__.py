"""The ``nascar-kg`` command line: a thin click layer over the library.

Each command parses its arguments and calls a plain function; data goes to
stdout, messages to stderr. Errors of the library become a one-line message
and the exit status of the command-line contract.
"""

from __future__ import annotations

import os

import click

from nascar_kg import __version__
from nascar_kg.cli.options import store_options
from nascar_kg.errors import NascarKGError

INTERNAL_ERROR = 70


class CommandError(click.ClickException):
    """A library error shown as ``Error: <message>`` with its own exit status.

    The message is one line, with control characters and the like escaped
    (:func:`~nascar_kg.cli.output.terminal_safe`): it often quotes a file name or
    a name from the data.
    """

    def __init__(self, message: str, exit_code: int):
        from nascar_kg.cli.output import terminal_safe

        super().__init__(terminal_safe(message))
        self.exit_code = exit_code


class NascarGroup(click.Group):
    """Keeps commands in the order they were added and turns errors into messages."""

    def list_commands(self, ctx):
        return list(self.commands)

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except NascarKGError as exc:
            raise CommandError(str(exc), exc.exit_code) from None
        except (click.exceptions.ClickException, click.exceptions.Exit,
                click.exceptions.Abort, KeyboardInterrupt):
            raise
        except BrokenPipeError:
            raise click.exceptions.Exit(0) from None
        except Exception as exc:  # a bug: say so in one line, keep the traceback for debugging
            if os.environ.get("NASCAR_KG_DEBUG"):
                raise
            raise CommandError(
                f"unexpected {type(exc).__name__}: {exc} (set NASCAR_KG_DEBUG=1 for details)",
                INTERNAL_ERROR) from None


@click.group(cls=NascarGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="nascar-kg")
@store_options
def cli():
    """Build, question and share a knowledge graph of NASCAR people, teams and relationships.

    Start with `nascar-kg demo`. Names are matched through aliases,
    case-insensitively ("heim", "23XI"). Exit status: 0 success, 1 a check
    found problems, 2 bad usage or input, 3 a backend could not be reached.
    """


from nascar_kg.cli import articles, backends, questions, results, visual  # noqa: E402

for module in (articles, results, questions, visual, backends):  # the order of --help
    for command in module.COMMANDS:
        cli.add_command(command)


def main() -> None:
    cli(prog_name="nascar-kg")
