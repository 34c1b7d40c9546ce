#!/bin/sh
# Container start: migrations as the database OWNER, then gunicorn as the APPLICATION role (SECURITY.md,
# "Two database roles"). With DATABASE_OWNER_URL unset (one role) the app migrates with its own DATABASE_URL.
set -eu
if [ -n "${DATABASE_OWNER_URL:-}" ]; then
  DATABASE_URL="$DATABASE_OWNER_URL" python manage.py migrate --noinput
  if [ -n "${NRP_APP_DB_ROLE:-}" ]; then
    DATABASE_URL="$DATABASE_OWNER_URL" python manage.py db_grant_app_role "$NRP_APP_DB_ROLE"
  fi
  # gunicorn never sees the owner's credentials
  unset DATABASE_OWNER_URL
else
  python manage.py migrate --noinput
fi
exec gunicorn nrp.wsgi --bind 0.0.0.0:8000 --workers "${GUNICORN_WORKERS:-3}"
