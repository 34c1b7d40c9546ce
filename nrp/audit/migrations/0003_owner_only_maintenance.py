"""A tamper-proof trail and immutable stored rankings, enforced by PostgreSQL (issue 11).

* Maintenance mode (``SET LOCAL nrp.audit_maintenance = 'on'``, used by ``apply_retention``) lets only the
  **owner** of the table through: the application's own role can set the variable, and nothing changes for it.
* Nulling ``actor_id``, ``household_id`` or ``region_id`` (Django's SET_NULL when the referenced row is deleted)
  is allowed only when that row is really gone at commit (a deferred constraint trigger checks), so an event
  cannot be hidden from the applicant's "who accessed my file" or the officers' trail by nulling its key.
* Stored rankings (``matching_rankingrun``, ``matching_rankedentry``, ``matching_rankingexclusion``) refuse
  UPDATE and DELETE from everyone but the owner in maintenance mode; ``save()``/``delete()`` were not enough
  against a bulk ``UPDATE``.

With two database roles (``scripts/db_roles.sql``: the application role gets SELECT and INSERT only on these
tables, UPDATE only of the three keys) TRUNCATE and every other write are refused by privileges as well.
"""

from django.db import migrations

OWNER_CHECK = """
CREATE OR REPLACE FUNCTION nrp_is_table_owner(relid oid) RETURNS boolean AS $$
    SELECT pg_has_role(current_user, (SELECT relowner FROM pg_class WHERE oid = relid), 'USAGE')
$$ LANGUAGE sql STABLE;
"""

AUDIT = r"""
CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger AS $$
BEGIN
    IF current_setting('nrp.audit_maintenance', true) = 'on' AND nrp_is_table_owner(TG_RELID) THEN
        IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
        RETURN NEW;
    END IF;
    IF TG_OP = 'UPDATE'
       AND NEW.id = OLD.id AND NEW.at = OLD.at AND NEW.actor_label = OLD.actor_label
       AND NEW.action = OLD.action AND NEW.object_type = OLD.object_type AND NEW.object_id = OLD.object_id
       AND NEW.ip_address IS NOT DISTINCT FROM OLD.ip_address AND NEW.reason = OLD.reason
       AND NEW.details = OLD.details
       AND (NEW.actor_id IS NULL OR NEW.actor_id IS NOT DISTINCT FROM OLD.actor_id)
       AND (NEW.household_id IS NULL OR NEW.household_id IS NOT DISTINCT FROM OLD.household_id)
       AND (NEW.region_id IS NULL OR NEW.region_id IS NOT DISTINCT FROM OLD.region_id) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'audit trail is append-only: % refused on audit_auditevent', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION audit_event_key_nulled_check() RETURNS trigger AS $$
BEGIN
    IF current_setting('nrp.audit_maintenance', true) = 'on' AND nrp_is_table_owner(TG_RELID) THEN
        RETURN NULL;
    END IF;
    IF (OLD.actor_id IS NOT NULL AND NEW.actor_id IS NULL
            AND EXISTS (SELECT 1 FROM core_user WHERE id = OLD.actor_id))
       OR (OLD.household_id IS NOT NULL AND NEW.household_id IS NULL
            AND EXISTS (SELECT 1 FROM core_household WHERE id = OLD.household_id))
       OR (OLD.region_id IS NOT NULL AND NEW.region_id IS NULL
            AND EXISTS (SELECT 1 FROM core_region WHERE id = OLD.region_id)) THEN
        RAISE EXCEPTION 'audit trail: a key may be nulled only when its row is deleted'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

DROP TRIGGER IF EXISTS audit_event_key_nulled ON audit_auditevent;
CREATE CONSTRAINT TRIGGER audit_event_key_nulled
    AFTER UPDATE ON audit_auditevent
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION audit_event_key_nulled_check();
"""

RANKINGS = r"""
CREATE OR REPLACE FUNCTION ranking_immutable() RETURNS trigger AS $$
BEGIN
    IF current_setting('nrp.audit_maintenance', true) = 'on' AND nrp_is_table_owner(TG_RELID) THEN
        IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'stored rankings are immutable: % refused on %', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
"""

RANKING_TABLES = ("matching_rankingrun", "matching_rankedentry", "matching_rankingexclusion")


def ranking_triggers() -> str:
    return "".join(
        f"""
DROP TRIGGER IF EXISTS ranking_immutable ON {table};
CREATE TRIGGER ranking_immutable BEFORE UPDATE OR DELETE ON {table}
    FOR EACH ROW EXECUTE FUNCTION ranking_immutable();
"""
        for table in RANKING_TABLES
    )


PREVIOUS_AUDIT = r"""
DROP TRIGGER IF EXISTS audit_event_key_nulled ON audit_auditevent;
DROP FUNCTION IF EXISTS audit_event_key_nulled_check();
CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger AS $$
BEGIN
    IF current_setting('nrp.audit_maintenance', true) = 'on' THEN
        IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
        RETURN NEW;
    END IF;
    IF TG_OP = 'UPDATE'
       AND NEW.id = OLD.id AND NEW.at = OLD.at AND NEW.actor_label = OLD.actor_label
       AND NEW.action = OLD.action AND NEW.object_type = OLD.object_type AND NEW.object_id = OLD.object_id
       AND NEW.ip_address IS NOT DISTINCT FROM OLD.ip_address AND NEW.reason = OLD.reason
       AND NEW.details = OLD.details
       AND (NEW.actor_id IS NULL OR NEW.actor_id IS NOT DISTINCT FROM OLD.actor_id)
       AND (NEW.household_id IS NULL OR NEW.household_id IS NOT DISTINCT FROM OLD.household_id)
       AND (NEW.region_id IS NULL OR NEW.region_id IS NOT DISTINCT FROM OLD.region_id) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'audit trail is append-only: % refused on audit_auditevent', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
"""


def drop_ranking_triggers() -> str:
    return "".join(f"DROP TRIGGER IF EXISTS ranking_immutable ON {table};\n" for table in RANKING_TABLES) + (
        "DROP FUNCTION IF EXISTS ranking_immutable();\n"
    )


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0002_append_only"),
        ("core", "0001_initial"),
        ("matching", "0003_entry_scores"),
    ]

    operations = [
        migrations.RunSQL(OWNER_CHECK + AUDIT, PREVIOUS_AUDIT),
        migrations.RunSQL(RANKINGS + ranking_triggers(), drop_ranking_triggers()),
    ]
