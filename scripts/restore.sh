#!/usr/bin/env bash
# Restore NRP from a backup made by scripts/backup.sh. Replaces all current data (in one transaction).
#   scripts/restore.sh --input backups/nrp.dump --yes [--media]
set -euo pipefail
cd "$(dirname "$0")/.."
UV=$(command -v uv || echo .tools/bin/uv)
exec "$UV" run --frozen python manage.py restore_db "$@"
