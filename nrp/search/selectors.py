"""Search: journeys (by an applicant's name or the case number) and children's cases (by reference or a child's
name), only within the user's scope (the apps' selectors, which filter with ``access.scope_q``)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.db.models import Q

from nrp.search.permissions import SEARCH_CHILDREN

# Results shown per kind at most (a search is for finding one person, not for listing a region).
LIMIT = 30
MIN_LENGTH = 2


@dataclass
class SearchResults:
    query: str
    journeys: list = field(default_factory=list)
    cases: list = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.journeys) + len(self.cases)


def _number(query: str) -> int | None:
    """A case number as typed: "12", "č. 12", "#12", "případ 12"."""
    match = re.fullmatch(r"(?:případ\s*)?(?:č\.?\s*|#)?(\d{1,9})", query.strip(), re.IGNORECASE)
    return int(match.group(1)) if match else None


def _name_q(tokens: list[str], first: str, last: str) -> Q:
    q = Q()
    for token in tokens:
        q &= Q(**{f"{first}__icontains": token}) | Q(**{f"{last}__icontains": token})
    return q


def search(*, user, query: str) -> SearchResults:
    from workflows.applicant_journey.selectors import journey_list_for_user
    from workflows.child_mediation.selectors import case_list_for_reader

    query = " ".join(query.split())[:100]
    results = SearchResults(query=query)
    if len(query) < MIN_LENGTH and _number(query) is None:
        return results
    number = _number(query)
    tokens = query.split()
    journey_q = _name_q(tokens, "household__members__first_name", "household__members__last_name")
    if number is not None:
        journey_q |= Q(pk=number)
    journeys = journey_list_for_user(user=user)
    ids = journeys.filter(journey_q).values("pk")
    results.journeys = list(journeys.filter(pk__in=ids)[:LIMIT])
    if SEARCH_CHILDREN.allows(user):
        case_q = Q(reference__icontains=query) | _name_q(tokens, "children__first_name", "children__last_name")
        cases = case_list_for_reader(user=user)
        case_ids = cases.filter(case_q).values("pk")
        results.cases = list(cases.filter(pk__in=case_ids).order_by("reference")[:LIMIT])
    return results
