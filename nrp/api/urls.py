"""/api/: v1 endpoints, the OpenAPI schema, Swagger UI (CSP-safe), and a problem-details 404 for the rest.

Adding an app's endpoints: write its ``apis.py`` (views based on nrp.api.views) and add its paths to
``v1_patterns`` below under a URL prefix named after the app's resource (``journeys/``, ``children/`` …).
"""

from django.urls import URLPattern, URLResolver, include, path, re_path, register_converter
from django.urls.converters import IntConverter
from django.utils.decorators import method_decorator
from django.views.decorators.csrf import ensure_csrf_cookie
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from nrp.api.apis import accounts, households, reference
from nrp.api.problems import api_not_found


class IdConverter(IntConverter):
    """A database id: at most 18 digits, so that a huge number is a 404 and never a database error."""

    regex = "[0-9]{1,18}"


register_converter(IdConverter, "id")

app_name = "api"

v1_patterns: list[URLPattern | URLResolver] = [
    path("me/", accounts.MeApi.as_view(), name="me"),
    path("tokens/", accounts.TokenListApi.as_view(), name="token-list"),
    path("tokens/<id:pk>/", accounts.TokenDetailApi.as_view(), name="token-detail"),
    path("regions/", reference.RegionListApi.as_view(), name="region-list"),
    path("regions/<id:pk>/", reference.RegionDetailApi.as_view(), name="region-detail"),
    path("orps/", reference.OrpListApi.as_view(), name="orp-list"),
    path("orps/<id:pk>/", reference.OrpDetailApi.as_view(), name="orp-detail"),
    path("households/", households.HouseholdListApi.as_view(), name="household-list"),
    path("households/<id:pk>/", households.HouseholdDetailApi.as_view(), name="household-detail"),
    path("", include("workflows.child_mediation.api_urls")),
    path("", include("matching.api_urls")),
    path("", include("workflows.applicant_journey.api_urls")),
    path("", include("nrp.notifications.api_urls")),
]


@method_decorator(ensure_csrf_cookie, name="dispatch")  # "Try it out" with the session sends X-CSRFToken
class SwaggerView(SpectacularSwaggerSplitView):
    """Swagger UI without any inline script or style: the init script is served from ``?script``."""

    template_name = "api/swagger_ui.html"
    url_name = "api:schema"


urlpatterns = [
    path("v1/", include(v1_patterns)),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SwaggerView.as_view(), name="docs"),
    re_path(r"^.*$", api_not_found, name="not-found"),
]
