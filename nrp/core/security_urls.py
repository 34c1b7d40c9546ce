"""Routes for account security (second factor, sessions) and the personal-data export."""

from django.urls import path

from nrp.core import privacy, security, twofactor

urlpatterns = [
    path("prihlaseni/overeni/", twofactor.two_factor_verify, name="two_factor_verify"),
    path("prihlaseni/overeni/nastaveni/", twofactor.two_factor_setup, name="two_factor_setup"),
    path("ucet/zabezpeceni/", security.account_security, name="account_security"),
    path("ucet/odhlasit-vsude/", security.logout_everywhere, name="logout_everywhere"),
    path("ucet/moje-udaje/", privacy.my_data, name="my_data"),
    path("ucet/moje-udaje/export.json", privacy.my_data_json, name="my_data_json"),
    path("ucet/moje-udaje/export.pdf", privacy.my_data_pdf, name="my_data_pdf"),
]
