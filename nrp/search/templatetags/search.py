"""``{% search_box %}``: the header's search field, for the users who may search."""

from django import template
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from nrp.search.permissions import SEARCH

register = template.Library()


@register.inclusion_tag("search/box.html", takes_context=True)
def search_box(context) -> dict:
    request = context.get("request")
    user = getattr(request, "user", None)
    return {"show": user is not None and SEARCH.allows(user), "query": request.GET.get("q", "") if request else ""}


EXPORTS = {
    # kind -> (policy, url name, label)
    "children": ("EXPORT_CHILDREN", "search:export_children", _("Děti v evidenci")),
    "applicants": ("EXPORT_APPLICANTS", "search:export_applicants", _("Schválení žadatelé")),
    "caseload": ("EXPORT_CASELOAD", "search:export_caseload", _("Případy")),
}


@register.inclusion_tag("search/export_links.html", takes_context=True)
def export_links(context, *kinds: str) -> dict:
    """Download links (CSV, XLSX) for the exports of ``kinds`` that the user may make."""
    from nrp.search import permissions

    request = context.get("request")
    user = getattr(request, "user", None)
    links = []
    for kind in kinds:
        policy_name, url_name, label = EXPORTS[kind]
        if user is not None and getattr(permissions, policy_name).allows(user):
            links.append(
                {"label": label, "csv": reverse(url_name, args=["csv"]), "xlsx": reverse(url_name, args=["xlsx"])}
            )
    return {"links": links}
