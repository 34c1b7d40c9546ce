from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from nrp.core import views as core_views
from nrp.law import views as law_views

handler404 = "nrp.core.views.page_not_found"
handler500 = "nrp.core.views.server_error"

urlpatterns = [
    path("", core_views.home, name="home"),
    path("pristupnost/", core_views.accessibility_statement, name="accessibility"),
    path("prihlaseni/", core_views.LoginView.as_view(), name="login"),
    path("odhlaseni/", auth_views.LogoutView.as_view(), name="logout"),
    path("heslo/zmena/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path("heslo/zmena/hotovo/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("heslo/obnova/", auth_views.PasswordResetView.as_view(), name="password_reset"),
    path("heslo/obnova/odeslano/", auth_views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "heslo/obnova/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("heslo/obnova/hotovo/", auth_views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
    path("", include("nrp.core.security_urls")),
    path("pravni-zaklad/", law_views.legal_basis, name="legal_basis"),
    path("zadatele/", include("workflows.applicant_journey.urls")),
    path("deti/", include("workflows.child_mediation.urls")),
    path("parovani/", include("matching.urls")),
    path("audit/", include("nrp.audit.urls")),
    path("oznameni/", include("nrp.notifications.urls")),
    path("hledat/", include("nrp.search.urls")),
    path("statistiky/", include("nrp.stats.urls")),
    path("api/v1/stats/", include("nrp.stats.api_urls")),
    path("api/", include("nrp.api.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("sprava/", admin.site.urls),
]
