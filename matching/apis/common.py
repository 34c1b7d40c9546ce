"""Pieces shared by matching's API views."""

from __future__ import annotations

from rest_framework.exceptions import NotFound

from matching import selectors
from nrp.api.pagination import StandardPagination

# Ranked families in one answer of a stored ranking unless ?page_size= says otherwise (the API's usual 25).
RESULTS_PAGE_SIZE = StandardPagination.page_size


def case_or_404(request, pk: int):
    child_case = selectors.case_get_for_officer(user=request.user, case_id=pk)
    if child_case is None:
        raise NotFound()
    return child_case
