#!/usr/bin/env bash
# Back up NRP: the database (pg_dump, custom format) and, with --media, the uploaded documents.
#   scripts/backup.sh [--output backups/nrp.dump] [--media]
# Uses DATABASE_URL when set, otherwise the embedded PostgreSQL in .pgdata/. See README "Zálohy".
set -euo pipefail
cd "$(dirname "$0")/.."
UV=$(command -v uv || echo .tools/bin/uv)
exec "$UV" run --frozen python manage.py backup_db "$@"
