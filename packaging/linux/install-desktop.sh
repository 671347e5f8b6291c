#!/usr/bin/env bash
# Register btdesk with the desktop (Linux, per user): the menu entry, and double-click on
# .btrequest, .btresponse and .btbundle files opening them in btdesk (`btdesk open FILE`).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
apps="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
mime="${XDG_DATA_HOME:-$HOME/.local/share}/mime"
mkdir -p "$apps" "$mime/packages"
cp "$here/btdesk.desktop" "$apps/btdesk.desktop"
cp "$here/btdesk-mime.xml" "$mime/packages/btdesk.xml"
command -v update-mime-database >/dev/null && update-mime-database "$mime" || true
command -v update-desktop-database >/dev/null && update-desktop-database "$apps" || true
if command -v xdg-mime >/dev/null; then
  for t in application/x-btdesk-request application/x-btdesk-response application/x-btdesk-bundle; do
    xdg-mime default btdesk.desktop "$t"
  done
fi
echo "btdesk is registered; double-click a .btrequest, .btresponse or .btbundle to open it."
