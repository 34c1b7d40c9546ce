"""One pagination for every list: ``?page=2&page_size=50`` (at most 100)."""

from django.utils.translation import gettext_lazy as _
from rest_framework.pagination import PageNumberPagination


class StandardPagination(PageNumberPagination):
    page_size = 25
    page_size_query_param = "page_size"
    max_page_size = 100
    page_query_description = _("Číslo stránky; neexistující stránka je 404 / Page number; a missing page is 404.")
    page_size_query_description = _("Počet záznamů na stránku (nejvýše 100) / Results per page (at most 100).")
