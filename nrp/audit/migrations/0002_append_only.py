"""The audit trail is append-only for the application: a trigger refuses UPDATE and DELETE.

Two narrow exceptions keep ordinary deletes working without rewriting history:
- nulling a foreign key (actor, household, region) when the referenced row is deleted (Django's SET_NULL),
  with every other column unchanged;
- the retention job (``manage.py apply_retention``), which sets ``nrp.audit_maintenance = 'on'`` for its own
  transaction (SET LOCAL) to delete events past their retention period and to anonymise actors.
A deployment that wants more runs the app as a role with only INSERT and SELECT on this table (SECURITY.md).
"""

from django.db import migrations

CREATE = r"""
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

DROP TRIGGER IF EXISTS audit_event_append_only ON audit_auditevent;
CREATE TRIGGER audit_event_append_only
    BEFORE UPDATE OR DELETE ON audit_auditevent
    FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
"""

DROP = """
DROP TRIGGER IF EXISTS audit_event_append_only ON audit_auditevent;
DROP FUNCTION IF EXISTS audit_event_append_only();
"""


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]

    operations = [migrations.RunSQL(CREATE, DROP)]
