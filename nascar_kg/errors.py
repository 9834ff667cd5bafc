"""Errors of nascar-kg. Every error the tool raises on purpose derives from NascarKGError.

Each class carries the process exit status the CLI uses for it (see the
command-line contract): 1 a check found what it looks for, 2 bad usage or
bad input, 3 a backend could not be reached.
"""


class NascarKGError(Exception):
    """Base of every error of nascar-kg; its message is one line meant for the user."""

    exit_code = 2


class InputError(NascarKGError):
    """Input that cannot be read or parsed; the message names the input."""

    exit_code = 2


class DocumentError(InputError):
    """An article that cannot be read (missing, binary, empty, undecodable)."""


class ResultsError(InputError):
    """A race-results file that cannot be read (wrong columns, truncated)."""


MAX_SHOWN = 80
"""A name longer than this is cut in messages."""


def quoted_name(name: str) -> str:
    """``name`` quoted for a message, cut when very long.

    >>> quoted_name("Corey Heim"), len(quoted_name("x" * 1000))
    ("'Corey Heim'", 82)
    """
    return repr(name if len(name) <= MAX_SHOWN else name[:MAX_SHOWN - 1] + "…")


class NameResolutionError(InputError):
    """A name given by the user matches no entity, or several."""

    def __init__(self, message: str, candidates: list[str] | None = None):
        super().__init__(message)
        self.candidates = candidates or []


class UsageError(NascarKGError):
    """Options that do not fit together or a value out of range."""

    exit_code = 2


class StoreError(NascarKGError):
    """A store that is there but cannot be used as asked (locked, corrupt, read-only)."""

    exit_code = 2


class StoreLockedError(StoreError):
    """Another process has the embedded store open."""


class BackendUnavailableError(NascarKGError):
    """A backend that could not be reached (server down, bad credentials, unknown database)."""

    exit_code = 3


class QueryError(NascarKGError):
    """A raw query the backend rejected, or a write attempted in read-only mode."""

    exit_code = 2


class ValidationFailed(NascarKGError):
    """The store breaks the ontology's shapes; the message names the first violation."""

    exit_code = 1
