"""Two database roles: the owner (migrations, retention, restore) and the application (everything else).

The application role may read and write the case tables, but on the audit trail and the stored rankings it
may only SELECT and INSERT (and, on the audit trail, UPDATE the three keys that Django nulls when a user,
household or region is deleted: a trigger lets that happen only when the row is really gone). It owns
nothing, so it cannot drop or alter a trigger, and ``nrp.audit_maintenance`` does nothing for it.

``python manage.py db_grant_app_role nrp_app`` (run with the owner's DATABASE_URL after every migrate) issues
the statements of :func:`app_role_grants`; ``scripts/db_roles.sql`` creates the roles once.
"""

from __future__ import annotations

from django.db import connection

PROTECTED_TABLES = ("audit_auditevent", "matching_rankingrun", "matching_rankedentry", "matching_rankingexclusion")
AUDIT_NULLABLE_KEYS = ("actor_id", "household_id", "region_id")


def app_role_grants(role: str) -> list[str]:
    quoted = connection.ops.quote_name(role)
    schema = "public"
    statements = [
        f"GRANT USAGE ON SCHEMA {schema} TO {quoted}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {schema} TO {quoted}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {schema} TO {quoted}",
    ]
    for table in PROTECTED_TABLES:
        statements += [
            f"REVOKE ALL ON TABLE {table} FROM {quoted}",
            f"GRANT SELECT, INSERT ON TABLE {table} TO {quoted}",
        ]
    statements.append(f"GRANT UPDATE ({', '.join(AUDIT_NULLABLE_KEYS)}) ON TABLE audit_auditevent TO {quoted}")
    return statements


def grant_app_role(role: str) -> int:
    statements = app_role_grants(role)
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)
    return len(statements)
