#!/usr/bin/env bash
# Set everything up and start btdesk; the first run creates a demo portfolio.
set -euo pipefail
cd "$(dirname "$0")/.."
bash packaging/setup.sh
.venv/bin/btdesk "$@" demo --if-missing
exec .venv/bin/btdesk "$@"
