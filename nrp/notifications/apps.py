from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "nrp.notifications"
    label = "notifications"
    verbose_name = _("Oznámení")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from nrp.core.access import ObjectScope, register_object_scope
        from nrp.notifications.models import Notification

        # A notification belongs to its recipient alone (Scope.OWN).
        register_object_scope(Notification, lambda n: ObjectScope(owner_ids=frozenset({n.recipient_id})))
