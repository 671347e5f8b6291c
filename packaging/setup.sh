#!/usr/bin/env bash
# Idempotent setup for a fresh Debian machine: the Debian packages Qt and the checks need,
# a virtual environment in .venv with btdesk and its development extras.
# A second run only compares a stamp and returns in well under a second.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PKGS=(
  # Qt's libraries, needed even offscreen, and a font with Swedish glyphs
  libgl1 libegl1 libglib2.0-0 libfontconfig1 libxkbcommon0 libdbus-1-3 fonts-dejavu-core
  # a real X11 window (and Xvfb for screenshots)
  libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0
  libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0 xvfb xauth
  # tools the tests check our files with: pdfsig/pdftotext/pdftoppm, qpdf, certutil, openssl
  poppler-utils qpdf libnss3-tools openssl
  # a software PKCS#11 token standing in for a SITHS card in the token tests
  softhsm2
  # the shared store of a BT unit is tested against a real PostgreSQL
  postgresql
)
APT_PKGS+=(${BTDESK_EXTRA_APT:-})

missing=()
for p in "${APT_PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  if [ "$(id -u)" = 0 ]; then SUDO=""; elif command -v sudo >/dev/null; then SUDO="sudo"; else
    echo "setup: please install these Debian packages as root: ${missing[*]}" >&2; exit 1; fi
  echo "setup: installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
stamp=".venv/.btdesk-setup"
want="$(sha256sum pyproject.toml | cut -d' ' -f1)"
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  echo "setup: installing btdesk and its Python packages into .venv"
  .venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip 2>/dev/null || true
  .venv/bin/python -m pip install -q --disable-pip-version-check -e '.[dev]' 2>&1 | grep -v "^WARNING: Location" || true
  .venv/bin/python -c "import btdesk, ui, PySide6, sqlalchemy" # fail loudly if the install failed
  echo "$want" > "$stamp"
fi

# the core's gettext catalogues: resources/locale/*/LC_MESSAGES/*.po (btdesk, and btdesk_cli: the Swedish --help), compiled to .mo by Babel
for po in resources/locale/*/LC_MESSAGES/*.po; do
  [ -f "$po" ] || continue
  mo="${po%.po}.mo"
  if [ ! -f "$mo" ] || [ "$po" -nt "$mo" ]; then
    .venv/bin/python -c "import sys; from pathlib import Path; from btdesk.i18n import compile_catalogue; compile_catalogue(Path(sys.argv[1]), Path(sys.argv[2]))" "$po" "$mo"
  fi
done

# Qt translations: .ts sources in resources/translations, compiled to .qm
if compgen -G "resources/translations/*.ts" >/dev/null; then
  for ts in resources/translations/*.ts; do
    qm="${ts%.ts}.qm"
    if [ ! -f "$qm" ] || [ "$ts" -nt "$qm" ]; then
      .venv/bin/pyside6-lrelease -silent "$ts" -qm "$qm"
    fi
  done
fi
