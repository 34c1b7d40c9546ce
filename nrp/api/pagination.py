"""One pagination for every list: ``?page=2&page_size=50`` (at most 100)."""

from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions
from rest_framework.pagination import PageNumberPagination

MSG_PAGE_SIZE = _("page_size musí být kladné celé číslo (nejvýše 100 záznamů na stránku).")


class StandardPagination(PageNumberPagination):
    page_size = 25
    page_size_query_param = "page_size"
    max_page_size = 100
    # Lazy translations (rendered as text in the schema); DRF's stubs declare plain str.
    page_query_description = _("Číslo stránky; neexistující stránka je 404 / Page number; a missing page is 404.")  # type: ignore[assignment]
    page_size_query_description = _("Počet záznamů na stránku (nejvýše 100) / Results per page (at most 100).")  # type: ignore[assignment]

    def get_page_size(self, request):
        # DRF silently falls back to the default for "null", "abc" or "0": a wrong parameter is a 400 here.
        raw = request.query_params.get(self.page_size_query_param)
        # (a number above the maximum is still cut to 100, as documented)
        if raw is not None and not (raw.isascii() and raw.isdigit() and int(raw) >= 1):
            raise exceptions.ValidationError(
                {self.page_size_query_param: [exceptions.ErrorDetail(str(MSG_PAGE_SIZE), code="invalid")]}
            )
        return super().get_page_size(request)
