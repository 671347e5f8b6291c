"""Output files are never truncated in place: a failed or killed rewrite leaves the previous file
byte-identical, and what a killed writer left beside it is gone after the next write there."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from btdesk.fileutil import atomic_file, atomic_folder, atomic_path, atomic_write
from conftest import ROOT, run_cli


def test_a_failed_rewrite_leaves_the_old_bytes_and_no_temporary(tmp_path):
    f = tmp_path / "underlag.pdf"
    atomic_write(f, b"%PDF good")
    for writer in (atomic_file, atomic_path):
        with pytest.raises(OSError), writer(f) as out:
            if isinstance(out, Path):
                out.write_bytes(b"half")
            else:
                out.write(b"half")
            raise OSError(28, "No space left on device")
        assert f.read_bytes() == b"%PDF good" and sorted(os.listdir(tmp_path)) == ["underlag.pdf"]
    with pytest.raises(OSError), atomic_folder(tmp_path / "arkiv") as d:
        (d / "dossier.pdf").write_bytes(b"x")
        raise OSError(28, "No space left on device")
    assert sorted(os.listdir(tmp_path)) == ["underlag.pdf"]


KILLED_EXPORT = """
import os, signal, sys, zipfile
from btdesk.cli import main
real = zipfile.ZipFile.writestr
def die(self, *a, **k):  # half way through writing the bundle
    os.kill(os.getpid(), signal.SIGKILL)
zipfile.ZipFile.writestr = die
sys.exit(main(sys.argv[1:]))
"""


def test_a_killed_export_leaves_the_previous_bundle_and_its_litter_is_cleared(doctor, tmp_path):
    home = doctor.home
    doctor.close()
    out = tmp_path / "out"
    first = out / "till-enheten.btbundle"
    r = run_cli("export", "--to", str(first), "--all", home=home)
    assert r.returncode == 0, r.stderr
    good = first.read_bytes()
    r = subprocess.run([sys.executable, "-c", KILLED_EXPORT, "--home", str(home), "export", "--to", str(first),
                        "--all"], env=dict(os.environ, PYTHONPATH=str(ROOT)), capture_output=True, timeout=120,
                       check=False)
    assert r.returncode == -signal.SIGKILL
    assert first.read_bytes() == good  # never truncated in place
    litter = [p.name for p in out.iterdir() if p.name.endswith(".tmp")]
    assert litter, "the kill came after the temporary file was made"
    r = run_cli("export", "--to", str(out / "next.btbundle"), "--all", home=home)
    assert r.returncode == 0, r.stderr
    assert sorted(p.name for p in out.iterdir()) == ["next.btbundle", "till-enheten.btbundle"]


KILLED_WHILE_WRITING = """
import os, signal, sys
from btdesk import fileutil
def die(fd):  # the new bytes are written, not yet synced nor renamed
    os.kill(os.getpid(), signal.SIGKILL)
fileutil.os.fsync = die
from btdesk.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_a_dossier_rewrite_killed_while_writing_leaves_the_previous_pdf(doctor, tmp_path):
    home = doctor.home
    doctor.close()
    pdf = tmp_path / "out" / "underlag.pdf"
    pdf.parent.mkdir()
    assert run_cli("dossier", "--out", str(pdf), home=home).returncode == 0
    good = pdf.read_bytes()
    r = subprocess.run([sys.executable, "-c", KILLED_WHILE_WRITING, "--home", str(home), "dossier", "--out",
                        str(pdf)], env=dict(os.environ, PYTHONPATH=str(ROOT)), capture_output=True, timeout=120,
                       check=False)
    assert r.returncode == -signal.SIGKILL
    assert pdf.read_bytes() == good
    assert run_cli("dossier", "--out", str(pdf), home=home).returncode == 0
    assert sorted(os.listdir(pdf.parent)) == ["underlag.pdf"]  # the killed try's temporary file is gone
