"""The one exception type a user ever sees.

Its message is a single sentence a person understands; the CLI prints it and exits 1,
the window shows it in a dialog. Anything else escaping is a bug.
"""


class BtdeskError(Exception):
    """A user-facing error: str(err) is one sentence."""


class UsageError(BtdeskError):
    """Wrong use of the command line (exit 2)."""


class Cancelled(Exception):
    """The person stopped long work. A service's progress or check callback raises it between
    two units of work; it is not a BtdeskError, so a loop that refuses bad files one by one
    never mistakes a stop for a refusal. What had not committed when it was raised is unchanged."""
