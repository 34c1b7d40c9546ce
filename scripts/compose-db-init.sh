#!/bin/sh
# PostgreSQL container's first start (/docker-entrypoint-initdb.d): the application's own login role. The
# tables belong to POSTGRES_USER (the owner, who migrates); `db_grant_app_role` gives nrp_app its rights.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v app_password="$NRP_APP_DB_PASSWORD" <<'SQL'
CREATE ROLE nrp_app LOGIN PASSWORD :'app_password';
SQL
