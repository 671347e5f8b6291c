"""A disk filled to the last byte, with the portfolio, its log and the output on it: `dossier`,
`export` and `certificate` each say one sentence (Swedish, or English with BTDESK_LANG=en),
exit 1, write no file and change nothing. Before, once the log could not be written either,
every command printed Python's "--- Logging error ---" tracebacks under its sentence."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import made_profile, run_cli
from test_failures_cli import digest, one_sentence, small_disk  # noqa: F401 (the fixture)

FULL = {"sv": "Disken är full; frigör utrymme och försök igen — ingenting ändrades.",
        "en": "The disk is full; free space and try again — nothing was changed."}


def _fill_to_the_last_byte(folder: Path) -> None:
    with open(folder / "filler", "wb", buffering=0) as f:  # unbuffered: nothing left to fail at close
        for size in (1 << 16, 1 << 12, 1 << 9, 1):
            try:
                while True:
                    f.write(b"\0" * size)
            except OSError:
                pass
        os.fsync(f.fileno())


def test_a_disk_full_to_the_last_byte_is_one_sentence_for_every_output(small_disk):  # noqa: F811
    home = small_disk / "home"
    for step in (("profile", "create", "--role", "doctor", "--name", "Amira Haddad", "--programme", "stockholm",
                  "--start", "2026-01-01"),
                 ("placement", "add", "--kind", "akut_sjukvard", "--site", "Södersjukhuset", "--start", "2026-01-01",
                  "--end", "2026-04-30")):
        r = run_cli(*step, home=home)
        assert r.returncode == 0, r.stderr
    _fill_to_the_last_byte(small_disk)
    before = digest(home)
    outputs = {"dossier": ("dossier", "--out"), "export": ("export", "--to"),
               "certificate": ("certificate", "bilaga1", "--out")}
    for lang, sentence in FULL.items():
        for name, args in outputs.items():
            out = small_disk / f"{name}-{lang}.out"
            r = run_cli(*args, str(out), home=home, env={"BTDESK_LANG": lang})
            assert "Logging error" not in r.stderr, r.stderr
            one_sentence(r, sentence)
            assert not out.exists()
    assert digest(home) == before
    # and nothing was used up: with room again, the first bundle is bundle 1
    (small_disk / "filler").unlink()
    r = run_cli("export", "--to", str(small_disk / "first.btbundle"), home=home, env={"BTDESK_LANG": "en"})
    assert r.returncode == 0 and "Wrote bundle 1 " in r.stdout, r.stderr


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_log_that_cannot_be_written_never_reaches_the_user(tmp_path, lang):
    """The log file alone unwritable (a full disk elsewhere, a quota): the command is unaffected."""
    home = tmp_path / "home"
    made_profile(home, "--role", "doctor", "--name", "Amira Haddad", "--programme", "stockholm")
    log = home / "logs" / "btdesk.log"
    log.unlink()
    os.symlink("/dev/full", log)  # every write to it fails with ENOSPC
    r = run_cli("progress", "--format", "json", home=home, env={"BTDESK_LANG": lang})
    assert r.returncode == 0 and r.stderr == "", r.stderr
    r = run_cli("leave", "add", "--type", "sjukfranvaro", "--start", "2026-02-10", "--end", "2026-02-01", home=home,
                env={"BTDESK_LANG": lang})
    assert r.returncode == 1 and r.stderr.count("\n") == 1 and "Logging error" not in r.stderr, r.stderr
