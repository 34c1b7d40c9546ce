-- Two roles for NRP (run once as a PostgreSQL superuser; see README "Database roles" and SECURITY.md).
--   nrp_owner: owns every table; runs `migrate`, `apply_retention`, `restore_db` and `db_grant_app_role`.
--   nrp_app:   what gunicorn connects as; on the audit trail and the stored rankings only SELECT and INSERT.
-- psql -v owner_password="'…'" -v app_password="'…'" -f scripts/db_roles.sql
CREATE ROLE nrp_owner LOGIN PASSWORD :owner_password;
CREATE ROLE nrp_app LOGIN PASSWORD :app_password;
CREATE DATABASE nrp OWNER nrp_owner;
\connect nrp
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
ALTER SCHEMA public OWNER TO nrp_owner;
-- Then, after each `migrate` as nrp_owner:  DATABASE_URL=<owner url> python manage.py db_grant_app_role nrp_app
