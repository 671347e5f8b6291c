"""The one exception type a user ever sees.

Its message is a single sentence a person understands; the CLI prints it and exits 1,
the window shows it in a dialog. Anything else escaping is a bug.
"""


class BtdeskError(Exception):
    """A user-facing error: str(err) is one sentence."""


class UsageError(BtdeskError):
    """Wrong use of the command line (exit 2)."""
