"""A process writing entries is SIGKILLed at random points, 50 times: nothing committed is lost."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

from crash_trials import run_trials


def test_sigkill_while_writing_loses_no_committed_entry():
    verified, problems = run_trials(50, workers=3)
    assert problems == []
    assert verified >= 50  # every child had committed at least one entry when it was killed
