from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LawConfig(AppConfig):
    """The legal basis (nrp/law): rules and citations, the ``law`` template tags and the officers' page."""

    name = "nrp.law"
    label = "law"
    verbose_name = _("Právní základ")

    def ready(self) -> None:
        from nrp.core.access import Action, Resource, can
        from nrp.core.context_processors import register_nav_link

        register_nav_link("legal_basis", _("Právní základ"), lambda user: can(user, Action.READ, Resource.LEGAL_BASIS))
