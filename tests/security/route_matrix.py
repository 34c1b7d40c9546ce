"""The authorization matrix of every route: what each persona gets, for objects in and out of their scope.

``tests/security/test_route_matrix.py`` walks every URL pattern of ``nrp.urls`` (pages, the API under
/api/, the admin under /sprava/) and fails when a route has no entry here, so nothing new ships
unprotected. To add a route::

    ROUTES["child_mediation:detail"] = [
        Case("own", kw(pk="child_case"), expect(officer=OK, ospod=OK, administrator=DENIED)),
        Case("other", kw(pk="other_child_case"), expect(other_officer=OK)),
    ]

``expect(...)``: anonymous users default to LOGIN and everyone else to DENIED (403 or 404); name only
the personas that differ. ``kw(name="sample")`` builds the URL kwargs from samples of the ``World``
(``SAMPLES`` below: an object in the home region/caseload and its counterpart out of scope). Outcomes
are compared on the response of a GET (or the ``method`` of the case) by a logged-in persona whose session
passed the second factor.

Personas (tests/conftest.py): the home region is Jihomoravský kraj (ORP Brno); ``applicant`` lives in the
household guided by ``guide``; ``other_officer`` works in Moravskoslezský kraj and must see nothing of home.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Callable
from dataclasses import dataclass

PERSONAS = ("anonymous", "applicant", "guide", "ospod", "officer", "other_officer", "assessor", "administrator")
STAFF = ("guide", "ospod", "officer", "other_officer", "assessor", "administrator")
SIGNED_IN = ("applicant", *STAFF)

# Outcomes.
OK = "ok"  # 2xx, or a redirect that is not to the login, second-factor or reason page
LOGIN = "login"  # redirect to the login page (or the admin's login page)
FORBIDDEN = "403"
NOT_FOUND = "404"
DENIED = "denied"  # 403 or 404: refused without saying more
REASON = "reason"  # redirect to the administrator's audited-reason form
UNAUTHORIZED = "401"  # API without credentials
METHOD = "405"
TWO_FACTOR = "2fa"  # redirect to the second-factor pages
OUTCOMES = {OK, LOGIN, FORBIDDEN, NOT_FOUND, DENIED, REASON, UNAUTHORIZED, METHOD, TWO_FACTOR}


def expect(*, anonymous: str = LOGIN, default: str = DENIED, **personas: str) -> dict[str, str]:
    unknown = set(personas) - set(PERSONAS)
    assert not unknown, f"unknown personas {unknown}"
    table = dict.fromkeys(PERSONAS, default)
    table["anonymous"] = anonymous
    table.update(personas)
    return table


def everyone(outcome: str = OK) -> dict[str, str]:
    return dict.fromkeys(PERSONAS, outcome)


def signed_in(outcome: str = OK, **personas: str) -> dict[str, str]:
    return expect(**{**dict.fromkeys(SIGNED_IN, outcome), **personas})


@dataclass(frozen=True)
class Case:
    label: str
    kwargs: Callable[[World], dict] | None
    expect: dict[str, str]
    method: str = "get"
    # Optional POST body builder (world -> dict).
    data: Callable[[World], dict] | None = None


def kw(**names: str) -> Callable[[World], dict]:
    """URL kwargs from world samples: ``kw(pk="child_case")`` -> ``{"pk": world.sample("child_case")}``.

    A sample that is a model instance gives its pk; a literal value is written ``kw(token="=abc")``.
    """

    def build(world: World) -> dict:
        out = {}
        for key, name in names.items():
            if name.startswith("="):
                out[key] = name[1:]
                continue
            value = world.sample(name)
            out[key] = getattr(value, "pk", value)
        return out

    return build


def one(expectation: dict[str, str], kwargs=None, method: str = "get") -> list[Case]:
    return [Case("-", kwargs, expectation, method)]


class World:
    """The personas plus lazily built sample objects (``SAMPLES``), one set per test."""

    def __init__(self, personas: dict):
        self.personas = personas
        self._cache: dict[str, object] = {}

    def __getattr__(self, name):
        personas = self.__dict__.get("personas", {})
        if name in personas:
            return personas[name]
        raise AttributeError(name)

    def sample(self, name: str):
        if name not in self._cache:
            builder = SAMPLES.get(name)
            assert builder is not None, f"no sample named {name!r} in tests/security/route_matrix.py SAMPLES"
            self._cache[name] = builder(self)
        return self._cache[name]


# --- samples ----------------------------------------------------------------------------------------------
MISSING_ID = 987654321  # a tampered id: no such object

SAMPLES: dict[str, Callable[[World], object]] = {
    "household": lambda w: w.household,
    "other_household": lambda w: w.other_household,
    "missing": lambda w: MISSING_ID,
}


def sample(name: str):
    """Decorator: register a sample builder ``fn(world)``."""

    def register(fn):
        SAMPLES[name] = fn
        return fn

    return register


# Applicant journey (workflows/applicant_journey): the household's journey and the other region's.
@sample("journey")
def _journey(w):
    from workflows.applicant_journey.services.lifecycle import journey_open

    return journey_open(household=w.household, actor=w.guide)


@sample("other_journey")
def _other_journey(w):
    from workflows.applicant_journey.services.lifecycle import journey_open

    return journey_open(household=w.other_household, actor=w.other_household.guide)


@sample("journey_task")
def _journey_task(w):
    from viewflow.workflow.models import Task

    return Task.objects.filter(process=w.sample("journey")).order_by("pk").last()


@sample("other_journey_task")
def _other_journey_task(w):
    from viewflow.workflow.models import Task

    return Task.objects.filter(process=w.sample("other_journey")).order_by("pk").last()


@sample("journey_document")
def _journey_document(w):
    from workflows.applicant_journey.models import JourneyDocument

    journey = w.sample("journey")
    return JourneyDocument.objects.filter(journey=journey).first() or JourneyDocument.objects.create(
        journey=journey, kind="criminal"
    )


# Children register (workflows/child_mediation): a registered child of Brno (JMK) and one of Ostrava (MSK).
def _child_case_in(w, orp_name: str, officer, first_name: str = "Zdeňka"):
    from django.utils import timezone

    from nrp.core.choices import Role
    from tests.child_mediation.conftest import child_data
    from tests.factories import orp, user_with_role
    from workflows.child_mediation import services

    place = orp(orp_name)
    ospod = w.ospod if orp_name == "Brno" else user_with_role(Role.OSPOD, orp=place)
    case = services.case_propose(
        proposed_by=ospod,
        orp=place,
        care_types_sought=["ADOPTION", "FOSTER"],
        children=[child_data(first_name=first_name, last_name="Tajná-Identita")],
        wishes="Chci mít pejska.",
        wishes_how_heard="Rozhovor s pracovnicí OSPOD.",
    )
    return services.case_register(case=case, officer=officer, registered_on=timezone.localdate())


@sample("child_case")
def _child_case(w):
    return _child_case_in(w, "Brno", w.officer)


@sample("other_child_case")
def _other_child_case(w):
    return _child_case_in(w, "Ostrava", w.other_officer)


@sample("conference")
def _conference(w):
    from tests.child_mediation.conftest import held_conference, make_entry

    return held_conference(w.sample("child_case"), w.officer, [make_entry()])


@sample("minutes")
def _minutes(w):
    return w.sample("conference").minutes.order_by("pk").last()


@sample("approach")
def _approach(w):
    from workflows.child_mediation.services import approach_start_next

    w.sample("conference")
    return approach_start_next(case=w.sample("child_case"), officer=w.officer)


@sample("family_approach")
def _family_approach(w):
    """The applicant persona's household approached for a home child, its notice handed over in person today."""
    from tests.child_mediation.notice_helpers import approach_of, entry_for

    # Another child than the "child_case" sample: the same child twice would be a duplicate proposal.
    case = _child_case_in(w, "Brno", w.officer, first_name="Božena")
    return approach_of(case, w.officer, [entry_for(w.household)], draft=False)


# Matching: a stored ranking of the home child.
@sample("ranking")
def _ranking(w):
    from matching.services import ranking_run
    from tests.child_mediation.conftest import make_ready

    return ranking_run(child_case=make_ready(w.sample("child_case"), w.officer), actor=w.officer)


@sample("other_ranking")
def _other_ranking(w):
    from matching.services import ranking_run
    from tests.child_mediation.conftest import make_ready

    return ranking_run(child_case=make_ready(w.sample("other_child_case"), w.other_officer), actor=w.other_officer)


# API: reference data and tokens.
@sample("region")
def _region(w):
    return w.household.residence_orp.region


@sample("orp")
def _orp(w):
    return w.household.residence_orp


# --- the routes -------------------------------------------------------------------------------------------
ROUTES: dict[str, list[Case]] = {
    # core pages
    # anonymous visitors get the public front door, everyone else "Můj den"
    "home": one(everyone(OK)),
    "accessibility": one(everyone(OK)),
    "login": one(everyone(OK)),
    "logout": one(everyone(LOGIN), method="post"),
    "password_change": one(signed_in()),
    "password_change_done": one(signed_in()),
    "password_reset": one(everyone(OK)),
    "password_reset_done": one(everyone(OK)),
    "password_reset_confirm": one(everyone(OK), kw(uidb64="=MQ", token="=tampered-token")),
    "password_reset_complete": one(everyone(OK)),
    "set_language": one(everyone(OK), method="post"),
    # second factor, sessions, personal data (nrp/core/security_urls.py)
    # a verified staff session is sent on; an applicant without a device is offered the (optional) set-up
    "two_factor_verify": one(signed_in(applicant=TWO_FACTOR)),
    "two_factor_setup": one(signed_in(TWO_FACTOR, applicant=OK)),
    "logout_everywhere": one(signed_in(LOGIN), method="post"),
    "account_security": one(signed_in()),
    "my_data": one(expect(applicant=OK)),
    "my_data_json": one(expect(applicant=OK)),
    "my_data_pdf": one(expect(applicant=OK)),
    # audit trail (nrp/audit/urls.py)
    "audit:my_file_access": one(expect(applicant=OK)),
    # administrators see a case's trail (it names applicants) only under a stated reason (nrp/audit/exceptional.py)
    "audit:household_trail": [
        Case("own", kw(household_id="household"), expect(ospod=OK, officer=OK, administrator=REASON)),
        Case("other", kw(household_id="other_household"), expect(other_officer=OK, administrator=REASON)),
        Case("missing", kw(household_id="missing"), expect(administrator=REASON)),
    ],
    "audit:object_trail": [
        Case("own", kw(object_type="=core.household", object_id="household"), expect(officer=OK, administrator=REASON)),
        Case(
            "other",
            kw(object_type="=core.household", object_id="other_household"),
            expect(other_officer=OK, administrator=REASON),
        ),
    ],
    "audit:exceptional_access": one(expect(administrator=OK, applicant=FORBIDDEN)),
}

# The legal basis (/pravni-zaklad/, nrp/law): every staff role reads it, an applicant gets 403.
ROUTES.update({"legal_basis": one(signed_in(applicant=FORBIDDEN))})


# --- applicant journey (/zadatele/, workflows/applicant_journey) --------------------------------------------
# Outside their scope people get 404 (existence is not disclosed); inside it, 403 for a role that may not act.
NOT_IN_HOME = {"other_officer": NOT_FOUND, "assessor": NOT_FOUND, "administrator": NOT_FOUND}
ROUTES.update(
    {
        "applicant_journey:list": one(signed_in(applicant=FORBIDDEN, administrator=FORBIDDEN)),
        "applicant_journey:tasks": one(signed_in(administrator=FORBIDDEN)),
        "applicant_journey:portal": one(expect(default=FORBIDDEN, applicant=OK)),
        "applicant_journey:caseload": one(expect(default=FORBIDDEN, guide=OK)),
        "applicant_journey:guide_open_case": one(expect(default=FORBIDDEN, guide=OK)),
        "applicant_journey:signup": one(everyone(OK)),
        "applicant_journey:signup_sent": one(everyone(OK)),
        # a forged or replayed sign-up token shows an explanation, confirms nothing
        "applicant_journey:signup_confirm": one(everyone(OK), kw(token="=tampered")),
        "applicant_journey:invitation": one(everyone(NOT_FOUND), kw(token="=tampered")),
        "applicant_journey:detail": [
            Case("own", kw(journey_id="journey"), expect(default=OK, **NOT_IN_HOME)),
            Case("other", kw(journey_id="other_journey"), expect(default=NOT_FOUND, other_officer=OK)),
            Case("missing", kw(journey_id="missing"), expect(default=NOT_FOUND)),
        ],
        "applicant_journey:action": [
            # WITHDRAWAL: the applicant, or the ORP / region recording a written withdrawal; never the guide.
            Case(
                "own", kw(journey_id="journey", action="=withdraw"), expect(default=OK, guide=FORBIDDEN, **NOT_IN_HOME)
            ),
            Case(
                "other", kw(journey_id="other_journey", action="=withdraw"), expect(default=NOT_FOUND, other_officer=OK)
            ),
            Case("missing", kw(journey_id="missing", action="=withdraw"), expect(default=NOT_FOUND)),
            Case(
                "other",
                kw(journey_id="other_journey", action="=withdraw"),
                expect(default=NOT_FOUND, other_officer=OK),
                "post",
            ),
        ],
        "applicant_journey:attendance": [
            Case("own", kw(journey_id="journey"), expect(default=FORBIDDEN, officer=OK, **NOT_IN_HOME)),
            Case("other", kw(journey_id="other_journey"), expect(default=NOT_FOUND, other_officer=OK)),
            Case("missing", kw(journey_id="missing"), expect(default=NOT_FOUND)),
        ],
        "applicant_journey:invite_partner": [
            Case("own", kw(journey_id="journey"), expect(default=NOT_FOUND, applicant=OK, guide=OK)),
            Case("other", kw(journey_id="other_journey"), expect(default=NOT_FOUND)),
            Case("missing", kw(journey_id="missing"), expect(default=NOT_FOUND)),
        ],
        "applicant_journey:message": [
            Case("own", kw(journey_id="journey"), expect(default=METHOD)),
            Case("other", kw(journey_id="other_journey"), expect(default=NOT_FOUND, other_officer=OK), "post"),
            Case("missing", kw(journey_id="missing"), expect(default=NOT_FOUND), "post"),
        ],
        "applicant_journey:foreign_record": [
            Case("own", kw(journey_id="journey"), expect(default=METHOD)),
            Case("other", kw(journey_id="other_journey"), expect(default=NOT_FOUND, other_officer=OK), "post"),
            Case("missing", kw(journey_id="missing"), expect(default=NOT_FOUND), "post"),
        ],
        "applicant_journey:note": [
            Case("own", kw(journey_id="journey"), expect(default=METHOD)),
            Case("other", kw(journey_id="other_journey"), expect(default=NOT_FOUND, other_officer=FORBIDDEN), "post"),
            Case("missing", kw(journey_id="missing"), expect(default=NOT_FOUND), "post"),
        ],
        "applicant_journey:task": [
            Case(
                "own",
                kw(journey_id="journey", task_id="journey_task"),
                expect(default=FORBIDDEN, guide=OK, **NOT_IN_HOME),
            ),
            # a task id of one journey under another journey's URL (tampered ids)
            Case("other", kw(journey_id="other_journey", task_id="journey_task"), expect(default=NOT_FOUND)),
            Case("missing", kw(journey_id="missing", task_id="journey_task"), expect(default=NOT_FOUND)),
        ],
        "applicant_journey:task_take_over": [
            Case("own", kw(journey_id="journey", task_id="journey_task"), expect(default=METHOD)),
            Case("other", kw(journey_id="other_journey", task_id="journey_task"), expect(default=NOT_FOUND), "post"),
            Case("missing", kw(journey_id="missing", task_id="journey_task"), expect(default=NOT_FOUND), "post"),
        ],
        "applicant_journey:document_upload": [
            Case("own", kw(journey_id="journey", document_id="journey_document"), expect(default=OK, **NOT_IN_HOME)),
            Case("other", kw(journey_id="other_journey", document_id="journey_document"), expect(default=NOT_FOUND)),
            Case("missing", kw(journey_id="missing", document_id="journey_document"), expect(default=NOT_FOUND)),
        ],
        "applicant_journey:document_review": [
            Case(
                "own",
                kw(journey_id="journey", document_id="journey_document"),
                # AUTHORITY_ACTS: reviewing a document is the OSPOD's or the region's act, never the guide's.
                expect(default=OK, applicant=FORBIDDEN, guide=FORBIDDEN, **NOT_IN_HOME),
            ),
            Case("other", kw(journey_id="other_journey", document_id="journey_document"), expect(default=NOT_FOUND)),
            Case("missing", kw(journey_id="missing", document_id="journey_document"), expect(default=NOT_FOUND)),
        ],
        # The §23a application: read by everyone of the journey, the check by the offices.
        "applicant_journey:application": [
            Case("own", kw(journey_id="journey"), expect(default=OK, **NOT_IN_HOME)),
            Case("other", kw(journey_id="other_journey"), expect(default=NOT_FOUND, other_officer=OK)),
            Case("missing", kw(journey_id="missing"), expect(default=NOT_FOUND)),
        ],
        # Preparation for other regions: the officers of the performing region.
        "applicant_journey:elsewhere_list": one(expect(default=FORBIDDEN, officer=OK, other_officer=OK)),
        "applicant_journey:elsewhere_detail": [
            Case(
                "missing",
                kw(arrangement_id="missing"),
                expect(default=FORBIDDEN, officer=NOT_FOUND, other_officer=NOT_FOUND),
            ),
        ],
        # A decision of the journey (tests/law/test_decisions.py walks real ones); a missing one is 404 to all.
        "applicant_journey:decision": [
            Case("missing", kw(journey_id="journey", decision_id="missing"), expect()),
            Case("other", kw(journey_id="other_journey", decision_id="missing"), expect()),
        ],
        "applicant_journey:decision_pdf": [
            Case("missing", kw(journey_id="journey", decision_id="missing"), expect()),
        ],
        "applicant_journey:decision_action": [
            Case("missing", kw(journey_id="journey", decision_id="missing", action="=waive"), expect()),
            Case("post", kw(journey_id="journey", decision_id="missing", action="=waive"), expect(), "post"),
        ],
        "applicant_journey:document_download": [
            Case("missing", kw(journey_id="journey", version_id="missing"), expect(default=NOT_FOUND)),
            Case("other", kw(journey_id="other_journey", version_id="missing"), expect(default=NOT_FOUND)),
        ],
    }
)

# --- children register (/deti/, workflows/child_mediation): OSPOD proposes, the region's officers decide ----
# Guides, applicants, assessors and administrators never see a child's file (§19a).
CHILD_OFFICER = {"officer": OK, "other_officer": NOT_FOUND}
CHILD_OTHER = {"officer": NOT_FOUND, "other_officer": OK}
CHILD_MISSING = {"officer": NOT_FOUND, "other_officer": NOT_FOUND}


def child_routes(kind: str = "child_case", ospod_reads: bool = False) -> list[Case]:
    own = dict(CHILD_OFFICER, **({"ospod": OK} if ospod_reads else {}))
    other = dict(CHILD_OTHER, **({"ospod": NOT_FOUND} if ospod_reads else {}))
    missing = dict(CHILD_MISSING, **({"ospod": NOT_FOUND} if ospod_reads else {}))
    cases = [
        Case("own", kw(pk=kind), expect(default=FORBIDDEN, **own)),
        Case("missing", kw(pk="missing"), expect(default=FORBIDDEN, **missing)),
    ]
    if kind == "child_case":
        cases.insert(1, Case("other", kw(pk="other_child_case"), expect(default=FORBIDDEN, **other)))
    return cases


def child_post_routes(kind: str = "child_case") -> list[Case]:
    """POST-only actions: GET is refused; a POST on another region's (or a missing) record is 404."""
    cases = [
        Case("own", kw(pk=kind), expect(default=FORBIDDEN, officer=METHOD, other_officer=METHOD)),
        Case("missing", kw(pk="missing"), expect(default=FORBIDDEN, **CHILD_MISSING), "post"),
    ]
    if kind == "child_case":
        cases.insert(1, Case("other", kw(pk="other_child_case"), expect(default=FORBIDDEN, **CHILD_OTHER), "post"))
    return cases


ROUTES.update(
    {
        "child_mediation:list": one(expect(default=FORBIDDEN, ospod=OK, officer=OK, other_officer=OK)),
        "child_mediation:national": one(expect(default=FORBIDDEN, officer=OK, other_officer=OK)),
        "child_mediation:propose": one(expect(default=FORBIDDEN, ospod=OK)),
        "child_mediation:detail": child_routes(ospod_reads=True),
        "child_mediation:close": child_routes(),
        "child_mediation:conference_prepare": child_routes(),
        "child_mediation:court_decision": child_routes(),
        "child_mediation:register": child_post_routes(),
        "child_mediation:ranking": child_post_routes(),
        "child_mediation:escalate": child_post_routes(),
        "child_mediation:approach_start": child_post_routes(),
        "child_mediation:conference": child_routes("conference"),
        "child_mediation:conference_pdf": child_routes("conference"),
        "child_mediation:minutes": child_routes("conference"),
        "child_mediation:minutes_sign": child_post_routes("minutes"),
        "child_mediation:minutes_correct": child_post_routes("minutes"),
        "child_mediation:approach_answer": child_routes("approach"),
        "child_mediation:approach_extend": child_routes("approach"),
        # a foster agreement exists only after a court decision: the form refuses a case without one (403)
        "child_mediation:agreement": [
            Case("own", kw(pk="child_case"), expect(default=FORBIDDEN, other_officer=NOT_FOUND)),
            Case("other", kw(pk="other_child_case"), expect(default=FORBIDDEN, officer=NOT_FOUND)),
            Case("missing", kw(pk="missing"), expect(default=FORBIDDEN, **CHILD_MISSING)),
        ],
    }
)

# --- matching (/parovani/): officers of the child's region only -------------------------------------------
ROUTES.update(
    {
        "matching:index": one(expect(default=FORBIDDEN, officer=OK, other_officer=OK)),
        "matching:statistics": one(expect(default=FORBIDDEN, officer=OK, other_officer=OK)),
        "matching:weights": one(expect(default=FORBIDDEN, officer=OK, other_officer=OK)),
        "matching:case_rankings": [
            Case("own", kw(case_id="child_case"), expect(default=FORBIDDEN, **CHILD_OFFICER)),
            Case("other", kw(case_id="other_child_case"), expect(default=FORBIDDEN, **CHILD_OTHER)),
            Case("missing", kw(case_id="missing"), expect(default=FORBIDDEN, **CHILD_MISSING)),
        ],
        "matching:ranking_detail": [
            Case("own", kw(ranking_id="ranking"), expect(default=FORBIDDEN, **CHILD_OFFICER)),
            Case("other", kw(ranking_id="other_ranking"), expect(default=FORBIDDEN, **CHILD_OTHER)),
            Case("missing", kw(ranking_id="missing"), expect(default=FORBIDDEN, **CHILD_MISSING)),
        ],
        "matching:ranking_run": [
            Case("own", kw(case_id="child_case"), expect(default=FORBIDDEN, officer=METHOD, other_officer=METHOD)),
            Case("other", kw(case_id="other_child_case"), expect(default=FORBIDDEN, **CHILD_OTHER), "post"),
            Case("missing", kw(case_id="missing"), expect(default=FORBIDDEN, **CHILD_MISSING), "post"),
        ],
        "matching:case_wishes": [
            Case("own", kw(case_id="child_case"), expect(default=FORBIDDEN, officer=METHOD, other_officer=METHOD)),
            Case("other", kw(case_id="other_child_case"), expect(default=FORBIDDEN, **CHILD_OTHER), "post"),
            Case("missing", kw(case_id="missing"), expect(default=FORBIDDEN, **CHILD_MISSING), "post"),
        ],
    }
)

# --- REST API (/api/, nrp/api): anonymous programs get 401; records outside the scope are 404 --------------
# Browser sessions of staff are verified (second factor) here; an unverified one gets 403 (test_two_factor).
API = {"anonymous": UNAUTHORIZED}
ROUTES.update(
    {
        "api:schema": one(everyone(OK)),
        "api:docs": one(everyone(OK)),
        "api:not-found": one(everyone(NOT_FOUND)),
        "api:me": one(expect(**API, default=OK)),
        "api:token-list": one(expect(**API, default=OK)),
        "api:token-detail": one(expect(**API, default=NOT_FOUND), kw(pk="missing")),
        "api:region-list": one(expect(**API, default=OK)),
        "api:region-detail": one(expect(**API, default=OK), kw(pk="region")),
        "api:orp-list": one(expect(**API, default=OK)),
        "api:orp-detail": one(expect(**API, default=OK), kw(pk="orp")),
        "api:household-list": one(expect(**API, default=OK)),
        "api:household-detail": [
            Case("own", kw(pk="household"), expect(**API, default=OK, **NOT_IN_HOME)),
            Case("other", kw(pk="other_household"), expect(**API, default=NOT_FOUND, other_officer=OK)),
            Case("missing", kw(pk="missing"), expect(**API, default=NOT_FOUND)),
        ],
    }
)

# --- REST API of the children register and matching (workflows/child_mediation/apis.py, matching/apis/) ------
# Officers of the child's region and (reading only) the child's OSPOD; §19a: everyone else 403; scope 404.
# POST-only actions: a GET passes the role gate and is 405; a POST on a missing record is 404.
API_CHILD_OWN = expect(**API, default=FORBIDDEN, officer=OK, other_officer=NOT_FOUND)
API_CHILD_OTHER = expect(**API, default=FORBIDDEN, officer=NOT_FOUND, other_officer=OK)
API_CHILD_MISSING = expect(**API, default=FORBIDDEN, officer=NOT_FOUND, other_officer=NOT_FOUND)
API_CHILD_ACTION = expect(**API, default=FORBIDDEN, officer=METHOD, other_officer=METHOD)


def api_child_routes(kind: str, other: str | None = None) -> list[Case]:
    cases = [
        Case("own", kw(pk=kind), API_CHILD_OWN),
        Case("missing", kw(pk="missing"), API_CHILD_MISSING),
    ]
    if other:
        cases.insert(1, Case("other", kw(pk=other), API_CHILD_OTHER))
    return cases


def api_child_actions(kind: str) -> list[Case]:
    return [
        Case("own", kw(pk=kind), API_CHILD_ACTION),
        Case("missing", kw(pk="missing"), API_CHILD_MISSING, "post"),
    ]


ROUTES.update(
    {
        "api:child-list": one(expect(**API, default=FORBIDDEN, ospod=OK, officer=OK, other_officer=OK)),
        "api:child-detail": [
            Case(
                "own",
                kw(pk="child_case"),
                expect(**API, default=FORBIDDEN, officer=OK, ospod=OK, other_officer=NOT_FOUND),
            ),
            Case(
                "other",
                kw(pk="other_child_case"),
                expect(**API, default=FORBIDDEN, officer=NOT_FOUND, ospod=NOT_FOUND, other_officer=OK),
            ),
            Case(
                "missing",
                kw(pk="missing"),
                expect(**API, default=FORBIDDEN, officer=NOT_FOUND, ospod=NOT_FOUND, other_officer=NOT_FOUND),
            ),
        ],
        "api:child-register": api_child_actions("child_case"),
        "api:child-close": api_child_actions("child_case"),
        "api:child-conference-list": api_child_routes("child_case", "other_child_case"),
        "api:child-approach-list": api_child_routes("child_case", "other_child_case"),
        "api:child-ranking-list": api_child_routes("child_case", "other_child_case"),
        "api:conference-detail": api_child_routes("conference"),
        "api:conference-minutes": api_child_routes("conference"),
        "api:minutes-detail": api_child_routes("minutes"),
        "api:minutes-sign-off": api_child_actions("minutes"),
        "api:minutes-correction": api_child_actions("minutes"),
        "api:approach-detail": api_child_routes("approach"),
        "api:approach-answer": api_child_actions("approach"),
        "api:approach-extension": api_child_actions("approach"),
        "api:ranking-detail": api_child_routes("ranking", "other_ranking"),
        "api:ranking-excluded-families": api_child_routes("ranking", "other_ranking"),
        "api:region-matching-weights": api_child_routes("region"),
        "api:region-waiting-statistics": api_child_routes("region"),
        "api:child-wish-signals": api_child_routes("child_case", "other_child_case"),
        "api:child-escalate": api_child_actions("child_case"),
    }
)


# --- REST API of the applicant journey (workflows/applicant_journey/apis.py) -----------------------------------------
# The roles of the journey pass the role gate (administrators 403); the scope is the screens' (404 outside it).
# Documents and messages: not assessors (403). POST-only actions: a GET past the role gate is 405.
API_JOURNEY_READERS = ("applicant", "guide", "ospod", "officer")
API_JOURNEY_OWN = expect(**API, default=NOT_FOUND, administrator=FORBIDDEN, **dict.fromkeys(API_JOURNEY_READERS, OK))
API_JOURNEY_OTHER = expect(**API, default=NOT_FOUND, administrator=FORBIDDEN, other_officer=OK)
API_JOURNEY_MISSING = expect(**API, default=NOT_FOUND, administrator=FORBIDDEN)
API_JOURNEY_NO_ASSESSOR = {"assessor": FORBIDDEN}
API_JOURNEY_ACTION = expect(**API, default=METHOD, administrator=FORBIDDEN)


def api_journey_routes(own: str, other: str | None, *, assessor_role: bool = True) -> list[Case]:
    extra = {} if assessor_role else API_JOURNEY_NO_ASSESSOR
    cases = [
        Case("own", kw(pk=own), {**API_JOURNEY_OWN, **extra}),
        Case("missing", kw(pk="missing"), {**API_JOURNEY_MISSING, **extra}),
    ]
    if other:
        cases.insert(1, Case("other", kw(pk=other), {**API_JOURNEY_OTHER, **extra}))
    return cases


def api_journey_action(*roles: str) -> list[Case]:
    """A POST-only action on a journey for ``roles``: others are refused by role (403), a GET is 405 for them, and
    a POST on a missing journey 404."""
    return [
        Case("own", kw(pk="journey"), expect(**API, default=FORBIDDEN, **dict.fromkeys(roles, METHOD))),
        Case("missing", kw(pk="missing"), expect(**API, default=FORBIDDEN, **dict.fromkeys(roles, NOT_FOUND)), "post"),
    ]


def _with_journey(w) -> dict:
    w.sample("journey")  # the applicant's household has a journey
    return {}


ROUTES.update(
    {
        "api:journey-list": one(expect(**API, default=OK, administrator=FORBIDDEN)),
        "api:journey-mine": [Case("own", _with_journey, expect(**API, default=FORBIDDEN, applicant=OK))],
        "api:journey-detail": api_journey_routes("journey", "other_journey"),
        "api:journey-document-list": api_journey_routes("journey", "other_journey", assessor_role=False),
        "api:journey-message-list": api_journey_routes("journey", "other_journey", assessor_role=False),
        "api:caseload": one(expect(**API, default=FORBIDDEN, guide=OK)),
        "api:task-list": one(expect(**API, default=OK, administrator=FORBIDDEN)),
        "api:task-detail": api_journey_routes("journey_task", "other_journey_task"),
        "api:task-claim": [
            Case("own", kw(pk="journey_task"), API_JOURNEY_ACTION),
            Case("missing", kw(pk="missing"), API_JOURNEY_MISSING, "post"),
        ],
        "api:task-complete": [
            Case("own", kw(pk="journey_task"), API_JOURNEY_ACTION),
            Case("missing", kw(pk="missing"), API_JOURNEY_MISSING, "post"),
        ],
        "api:document-detail": api_journey_routes("journey_document", None, assessor_role=False),
        "api:document-review": [
            Case(
                "own",
                kw(pk="journey_document"),
                expect(**API, default=FORBIDDEN, ospod=METHOD, officer=METHOD, other_officer=METHOD),
            ),
            Case(
                "missing",
                kw(pk="missing"),
                expect(
                    **API,
                    default=FORBIDDEN,
                    ospod=NOT_FOUND,
                    officer=NOT_FOUND,
                    other_officer=NOT_FOUND,
                ),
                "post",
            ),
        ],
        "api:document-version-file": [
            Case("missing", kw(pk="missing"), {**API_JOURNEY_MISSING, **API_JOURNEY_NO_ASSESSOR}),
        ],
        "api:register-list": one(expect(**API, default=FORBIDDEN, officer=OK, other_officer=OK)),
        "api:journey-application": api_journey_routes("journey", "other_journey"),
        "api:journey-forward": api_journey_action("ospod"),
        "api:journey-receipt": api_journey_action("officer", "other_officer"),
        "api:journey-withdraw": api_journey_action("applicant", "ospod", "officer", "other_officer"),
        "api:journey-attendance": api_journey_action("officer", "other_officer"),
        "api:register-detail": [Case("missing", kw(pk="missing"), API_CHILD_MISSING)],
        # Decisions: read by whoever reads the journey; acts only by the issuing authority (tests/law/test_decisions).
        "api:journey-decision-list": api_journey_routes("journey", "other_journey"),
        "api:decision-detail": [Case("missing", kw(pk="missing"), API_JOURNEY_MISSING)],
        "api:decision-pdf": [Case("missing", kw(pk="missing"), API_JOURNEY_MISSING)],
        "api:decision-action": [
            Case("missing", kw(pk="missing", action="=waive"), API_JOURNEY_MISSING, "post"),
        ],
        "api:journey-action": [
            Case("own", kw(pk="journey", action="=complex"), API_JOURNEY_ACTION),
            Case("missing", kw(pk="missing", action="=complex"), API_JOURNEY_MISSING, "post"),
        ],
    }
)
AUDITED_READS_JOURNEY_API = [("api:journey-detail", "officer"), ("api:journey-detail", "guide")]

# --- statistics (/statistiky/, /api/v1/stats/, nrp/stats): officers (their region) and the ministry role ----------
# The ministry persona is not in the matrix's world; its access is tested in tests/stats/test_dashboard.py.
STATS_PAGE = expect(default=FORBIDDEN, officer=OK, other_officer=OK)
ROUTES.update(
    {
        "stats:dashboard": one(STATS_PAGE),
        "stats:export": one(STATS_PAGE, kw(chart="=fairness", fmt="=csv")),
        "stats:yearly": one(STATS_PAGE),
        "stats:yearly_export": one(STATS_PAGE, kw(fmt="=csv")),
        "stats_api:dashboard": one(expect(**API, default=FORBIDDEN, officer=OK, other_officer=OK)),
        "stats_api:yearly": one(expect(**API, default=FORBIDDEN, officer=OK, other_officer=OK)),
    }
)

# --- the admin site (/sprava/): rules by route name -------------------------------------------------------
# Case-content models need the administrator's audited reason; everyone else is sent to the admin login.
ADMIN_CASE_CONTENT = expect(anonymous=LOGIN, default=LOGIN, administrator=REASON)
ADMIN_MANAGEMENT = expect(anonymous=LOGIN, default=LOGIN, administrator=OK)
ADMIN_RULES: list[tuple[str, dict[str, str]]] = [
    ("admin:core_household_*", ADMIN_CASE_CONTENT),
    ("admin:core_householdmember_*", ADMIN_CASE_CONTENT),
    ("admin:applicant_journey_*", ADMIN_CASE_CONTENT),
    ("admin:child_mediation_*", ADMIN_CASE_CONTENT),
    ("admin:matching_*", ADMIN_CASE_CONTENT),
    ("admin:viewflow_*", ADMIN_CASE_CONTENT),
    ("admin:workflow_*", ADMIN_CASE_CONTENT),
    ("admin:login", everyone(OK)),
    ("admin:logout", expect(anonymous=OK, default=OK, administrator=LOGIN)),
    ("admin:view_on_site", expect(anonymous=LOGIN, default=LOGIN, administrator=DENIED)),
    # a tampered (missing) user id
    ("admin:auth_user_password_change", expect(anonymous=LOGIN, default=LOGIN, administrator=DENIED)),
    # needs its query parameters
    ("admin:autocomplete", expect(anonymous=LOGIN, default=LOGIN, administrator=FORBIDDEN)),
    # the login records of django-axes are read-only
    ("admin:axes_*_add", expect(anonymous=LOGIN, default=LOGIN, administrator=FORBIDDEN)),
    # API tokens are created by their owners at /api/v1/tokens/ (the secret is shown once); the admin only revokes
    ("admin:api_apitoken_add", expect(anonymous=LOGIN, default=LOGIN, administrator=FORBIDDEN)),
    # roles are given on the person's page (pending case roles confirmed here by a second administrator)
    ("admin:core_roleassignment_add", expect(anonymous=LOGIN, default=LOGIN, administrator=FORBIDDEN)),
    # OTP_ADMIN_HIDE_SENSITIVE_DATA: nobody reads another person's TOTP secret, not even an administrator
    ("admin:otp_totp_totpdevice_config", expect(anonymous=LOGIN, default=LOGIN, administrator=FORBIDDEN)),
    ("admin:otp_totp_totpdevice_qrcode", expect(anonymous=LOGIN, default=LOGIN, administrator=FORBIDDEN)),
    ("admin:*", ADMIN_MANAGEMENT),
]


def admin_kwargs(route_name: str, pattern_kwargs: set[str]) -> dict:
    # A missing object id: the admin answers with a redirect to its index (administrator) or its login.
    values = {
        "object_id": str(MISSING_ID),
        "id": str(MISSING_ID),
        "pk": str(MISSING_ID),
        "content_type_id": "1",
        "app_label": "core",
    }
    return {k: values[k] for k in pattern_kwargs if k in values}


def admin_cases(route_name: str, pattern_kwargs: set[str]) -> list[Case] | None:
    for pattern, table in ADMIN_RULES:
        if fnmatch.fnmatch(route_name, pattern):
            kwargs = admin_kwargs(route_name, pattern_kwargs)
            method = "post" if route_name == "admin:logout" else "get"
            return [Case("admin", (lambda w, kwargs=kwargs: kwargs), table, method)]
    return None


# Unnamed admin patterns: "/sprava/<app>/<model>/<path:object_id>/" (redirect to the change page) and the
# final catch-all. Matched by their pattern text.
ADMIN_UNNAMED_RULES: list[tuple[str, dict[str, str]]] = [
    ("/sprava/core/household/*", ADMIN_CASE_CONTENT),
    ("/sprava/core/householdmember/*", ADMIN_CASE_CONTENT),
    *[(f"/sprava/{app}/*", ADMIN_CASE_CONTENT) for app in ("applicant_journey", "child_mediation", "matching")],
    ("/sprava/viewflow/*", ADMIN_CASE_CONTENT),
    ("/sprava/workflow/*", ADMIN_CASE_CONTENT),
    # the admin's catch-all answers 404 to its own users and sends everyone else to its login
    ("/sprava/(?P<url>.*)$", expect(anonymous=LOGIN, default=LOGIN, administrator=NOT_FOUND)),
    ("/sprava/*", ADMIN_MANAGEMENT),
]


def cases_for(route_name: str, pattern_kwargs: set[str]) -> list[Case] | None:
    if route_name in ROUTES:
        return ROUTES[route_name]
    if route_name.startswith("admin:"):
        return admin_cases(route_name, pattern_kwargs)
    if route_name.startswith("/sprava/"):
        for pattern, table in ADMIN_UNNAMED_RULES:
            if fnmatch.fnmatch(route_name, pattern):
                return [Case("admin", None, table)]
    return None


def materialize(pattern: str) -> str:
    """A concrete URL for an unnamed pattern (ids become a missing id, free paths a missing page)."""
    import re

    url = re.sub(r"\(\?P<\w+>[^)]*\)", "neexistuje/", pattern)
    url = re.sub(r"<(?:\w+:)?(\w+)>", str(MISSING_ID), url)
    return url.replace("^", "").replace("$", "").replace("\\Z", "")


def case_url(world: World, name: str, case: Case) -> str:
    """The URL a case of route ``name`` requests (a named route with the case's kwargs, or an unnamed pattern)."""
    if name.startswith("/"):
        return materialize(name)
    from django.urls import reverse

    return reverse(name, kwargs=case.kwargs(world) if case.kwargs else {})


# --- the legal steps on the child's side (workflows/child_mediation/views/legal*.py, apis/legal*.py) -----------------
# Reading and the child's view / court proceedings: the region's officers and the child's OSPOD; the other records
# and decisions: the region's officers (the OSPOD 403). Everyone else 403; another region's case 404.
@sample("child_case_child")
def _child_case_child(w):
    return w.sample("child_case").children.get()


@sample("other_child_case_child")
def _other_child_case_child(w):
    return w.sample("other_child_case").children.get()


@sample("legal_evidence")
def _legal_evidence(w):
    from django.utils import timezone

    from workflows.child_mediation.services.child_records import legal_evidence_record

    return legal_evidence_record(
        child=w.sample("child_case_child"),
        actor=w.officer,
        kind="death",
        parent="father",
        act_date=timezone.localdate(),
        document="Úmrtní list 1/2026",
    )


@sample("proceeding")
def _proceeding(w):
    from django.utils import timezone

    from workflows.child_mediation.services.court import court_proceeding_record

    return court_proceeding_record(
        actor=w.ospod, kind="interim", filed_on=timezone.localdate(), court="OS Brno", case=w.sample("child_case")
    )


@sample("skip_entry")
def _skip_entry(w):
    return w.sample("conference").shortlist_entry_ids[0]


LEGAL_READERS = {"officer": OK, "ospod": OK}


def legal_routes(readers: dict[str, str], *, child: bool = False) -> list[Case]:
    """GET pages on a case (and one of its children): own, another region's, missing."""

    def names(case: str, kid: str) -> dict[str, str]:
        return {"pk": case, "child_id": kid} if child else {"pk": case}

    other = {"officer": NOT_FOUND, "other_officer": OK, **({"ospod": NOT_FOUND} if "ospod" in readers else {})}
    missing = {"officer": NOT_FOUND, "other_officer": NOT_FOUND, **({"ospod": NOT_FOUND} if "ospod" in readers else {})}
    return [
        Case(
            "own",
            kw(**names("child_case", "child_case_child")),
            expect(default=FORBIDDEN, other_officer=NOT_FOUND, **readers),
        ),
        Case("other", kw(**names("other_child_case", "other_child_case_child")), expect(default=FORBIDDEN, **other)),
        Case("missing", kw(**names("missing", "missing")), expect(default=FORBIDDEN, **missing)),
    ]


def legal_post_routes(readers: tuple[str, ...], kwargs: dict[str, str]) -> list[Case]:
    """POST-only actions: a GET past the role gate is 405; a POST on a missing record 404."""
    return [
        Case("own", kw(**kwargs), expect(default=FORBIDDEN, **dict.fromkeys(readers, METHOD))),
        Case(
            "missing",
            kw(**dict.fromkeys(kwargs, "missing")),
            expect(default=FORBIDDEN, **dict.fromkeys(readers, NOT_FOUND)),
            "post",
        ),
    ]


NO_PLACEMENT = [
    # The after-court screens need a court decision: a case without one is refused (403), out of scope 404.
    Case("own", kw(pk="child_case"), expect(default=FORBIDDEN, other_officer=NOT_FOUND)),
    Case("other", kw(pk="other_child_case"), expect(default=FORBIDDEN, officer=NOT_FOUND)),
    Case("missing", kw(pk="missing"), expect(default=FORBIDDEN, **CHILD_MISSING)),
]
OFFICERS = ("officer", "other_officer")
LEGAL_ROLES = ("officer", "other_officer", "ospod")

ROUTES.update(
    {
        "child_mediation:legal": legal_routes(LEGAL_READERS),
        "child_mediation:child_view": legal_routes(LEGAL_READERS, child=True),
        "child_mediation:assessment_indication": legal_routes(LEGAL_READERS, child=True),
        "child_mediation:child_assessment": legal_routes({"officer": OK}, child=True),
        "child_mediation:adoption_consent": legal_routes({"officer": OK}, child=True),
        "child_mediation:readiness_waiver": legal_routes({"officer": OK}, child=True),
        "child_mediation:legal_evidence": legal_routes({"officer": OK}, child=True),
        "child_mediation:legal_status_not_free": legal_post_routes(
            OFFICERS, {"pk": "child_case", "child_id": "child_case_child"}
        ),
        "child_mediation:legal_evidence_withdraw": [
            Case("own", kw(pk="legal_evidence"), expect(default=FORBIDDEN, officer=OK, other_officer=NOT_FOUND)),
            Case("missing", kw(pk="missing"), expect(default=FORBIDDEN, **CHILD_MISSING)),
        ],
        "child_mediation:approach_skip": [
            Case(
                "own",
                kw(pk="child_case", entry_id="skip_entry"),
                expect(default=FORBIDDEN, officer=OK, other_officer=NOT_FOUND),
            ),
            Case("other", kw(pk="other_child_case", entry_id="skip_entry"), expect(default=FORBIDDEN, **CHILD_MISSING)),
            Case("missing", kw(pk="missing", entry_id="missing"), expect(default=FORBIDDEN, **CHILD_MISSING)),
        ],
        "child_mediation:proceedings": one(expect(default=FORBIDDEN, **dict.fromkeys(LEGAL_ROLES, OK))),
        "child_mediation:proceeding_file_sent": [
            Case("own", kw(pk="proceeding"), expect(default=FORBIDDEN, other_officer=NOT_FOUND, **LEGAL_READERS)),
            Case("missing", kw(pk="missing"), expect(default=FORBIDDEN, **dict.fromkeys(LEGAL_ROLES, NOT_FOUND))),
        ],
        "child_mediation:adoption_petition": NO_PLACEMENT,
        "child_mediation:adoption_decision": NO_PLACEMENT,
        "child_mediation:foster_agreement_legal": NO_PLACEMENT,
        "child_mediation:placement_breakdown": NO_PLACEMENT,
        "child_mediation:legal_tasks": one(expect(default=FORBIDDEN, **dict.fromkeys(LEGAL_ROLES, OK))),
        "child_mediation:legal_task_done": [
            Case("get", kw(pk="missing"), expect(default=FORBIDDEN, **dict.fromkeys(LEGAL_ROLES, METHOD))),
            Case(
                "missing", kw(pk="missing"), expect(default=FORBIDDEN, **dict.fromkeys(LEGAL_ROLES, NOT_FOUND)), "post"
            ),
        ],
    }
)


def api_legal_actions(roles: tuple[str, ...], kwargs: dict[str, str]) -> list[Case]:
    return [
        Case("own", kw(**kwargs), expect(**API, default=FORBIDDEN, **dict.fromkeys(roles, METHOD))),
        Case(
            "missing",
            kw(**dict.fromkeys(kwargs, "missing")),
            expect(**API, default=FORBIDDEN, **dict.fromkeys(roles, NOT_FOUND)),
            "post",
        ),
    ]


CHILD_KW = {"pk": "child_case", "child_id": "child_case_child"}
ROUTES.update(
    {
        "api:child-legal": [
            Case(
                "own",
                kw(pk="child_case"),
                expect(**API, default=FORBIDDEN, officer=OK, ospod=OK, other_officer=NOT_FOUND),
            ),
            Case(
                "other",
                kw(pk="other_child_case"),
                expect(**API, default=FORBIDDEN, officer=NOT_FOUND, ospod=NOT_FOUND, other_officer=OK),
            ),
            Case(
                "missing", kw(pk="missing"), expect(**API, default=FORBIDDEN, **dict.fromkeys(LEGAL_ROLES, NOT_FOUND))
            ),
        ],
        "api:child-view-create": api_legal_actions(LEGAL_ROLES, CHILD_KW),
        "api:child-assessment-indication-create": api_legal_actions(LEGAL_ROLES, CHILD_KW),
        "api:child-assessment-create": api_legal_actions(OFFICERS, CHILD_KW),
        "api:child-consent-create": api_legal_actions(OFFICERS, CHILD_KW),
        "api:child-waiver-create": api_legal_actions(OFFICERS, CHILD_KW),
        "api:child-evidence-create": api_legal_actions(OFFICERS, CHILD_KW),
        "api:child-not-free": api_legal_actions(OFFICERS, CHILD_KW),
        "api:legal-evidence-withdrawal": api_legal_actions(OFFICERS, {"pk": "legal_evidence"}),
        "api:child-approach-skip": api_legal_actions(OFFICERS, {"pk": "child_case"}),
        "api:child-adoption-petition": api_legal_actions(OFFICERS, {"pk": "child_case"}),
        "api:child-adoption-decision": api_legal_actions(OFFICERS, {"pk": "child_case"}),
        "api:child-foster-agreement": api_legal_actions(OFFICERS, {"pk": "child_case"}),
        "api:child-breakdown": api_legal_actions(OFFICERS, {"pk": "child_case"}),
        "api:court-proceeding-list": one(expect(**API, default=FORBIDDEN, **dict.fromkeys(LEGAL_ROLES, OK))),
        "api:court-proceeding-file-sent": api_legal_actions(LEGAL_ROLES, {"pk": "proceeding"}),
        "api:legal-task-list": one(expect(**API, default=FORBIDDEN, **dict.fromkeys(LEGAL_ROLES, OK))),
        "api:legal-task-done": api_legal_actions(LEGAL_ROLES, {"pk": "missing"}),
    }
)


# --- notifications (/oznameni/, /api/v1/notifications/, nrp/notifications): every role, only their own ----------
# The sample is the applicant's; anyone else gets 404 (it is not theirs), as does a missing one.
@sample("notification")
def _notification(w):
    from nrp.notifications.services import notify

    (notification,) = notify(recipients=[w.applicant], kind="message", key="matrix:1", title="Nová zpráva", url="/")
    return notification


OWN_NOTIFICATION = expect(default=NOT_FOUND, applicant=OK)
ROUTES.update(
    {
        "applicant_journey:my_documents": one(expect(default=FORBIDDEN, applicant=OK)),
        "notifications:list": one(signed_in()),
        "notifications:settings": one(signed_in()),
        "notifications:read_all": one(signed_in(), method="post"),
        "notifications:open": [
            Case("own", kw(notification_id="notification"), OWN_NOTIFICATION),
            Case("missing", kw(notification_id="missing"), expect(default=NOT_FOUND)),
        ],
        "notifications:read": [
            Case("own", kw(notification_id="notification"), OWN_NOTIFICATION, "post"),
            Case("missing", kw(notification_id="missing"), expect(default=NOT_FOUND), "post"),
        ],
        "api:notification-list": one(expect(**API, default=OK)),
        "api:notification-read-all": one(expect(**API, default=OK), method="post"),
        # Staff search within their scope (nrp/search); exports of the registers (officers) and caseloads.
        "search:search": one(signed_in(applicant=FORBIDDEN, administrator=FORBIDDEN)),
        "search:export_children": one(expect(default=FORBIDDEN, officer=OK, other_officer=OK), kw(fmt="=csv")),
        "search:export_applicants": one(expect(default=FORBIDDEN, officer=OK, other_officer=OK), kw(fmt="=xlsx")),
        "search:export_caseload": one(
            expect(default=FORBIDDEN, guide=OK, officer=OK, other_officer=OK), kw(fmt="=csv")
        ),
        "api:notification-read": [
            Case("own", kw(pk="notification"), expect(**API, default=NOT_FOUND, applicant=OK), "post"),
            Case("missing", kw(pk="missing"), expect(**API, default=NOT_FOUND), "post"),
        ],
    }
)


# The §24 written notice (officers of the child's region) and the approached family's portal (its members only).
FAMILY_OWN = expect(default=FORBIDDEN, applicant=OK)
FAMILY_OTHER = expect(default=FORBIDDEN, applicant=NOT_FOUND)
API_FAMILY_OWN = expect(**API, default=FORBIDDEN, applicant=OK)
API_FAMILY_OTHER = expect(**API, default=FORBIDDEN, applicant=NOT_FOUND)
ROUTES.update(
    {
        "child_mediation:notices": one(expect(default=FORBIDDEN, officer=OK, other_officer=OK)),
        "child_mediation:notice": child_routes("approach"),
        "child_mediation:notice_pdf": child_routes("approach"),
        "child_mediation:notice_send": child_post_routes("approach"),
        "child_mediation:notice_delivery": child_post_routes("approach"),
        "child_mediation:meeting_add": child_post_routes("approach"),
        "child_mediation:family_approaches": one(FAMILY_OWN),
        "child_mediation:family_approach": [
            Case("own", kw(pk="family_approach"), FAMILY_OWN),
            Case("other", kw(pk="approach"), FAMILY_OTHER),
            Case("missing", kw(pk="missing"), FAMILY_OTHER),
        ],
        "api:approach-notice": api_child_routes("approach"),
        "api:approach-notice-letter": api_child_routes("approach"),
        "api:approach-notice-sending": api_child_actions("approach"),
        "api:approach-notice-delivery": api_child_actions("approach"),
        "api:approach-meetings": api_child_routes("approach"),
        "api:my-approach-list": one(API_FAMILY_OWN),
        "api:my-approach-detail": [
            Case("own", kw(pk="family_approach"), API_FAMILY_OWN),
            Case("other", kw(pk="approach"), API_FAMILY_OTHER),
            Case("missing", kw(pk="missing"), API_FAMILY_OTHER),
        ],
        "api:my-approach-answer": [
            Case("own", kw(pk="family_approach"), expect(**API, default=FORBIDDEN, applicant=METHOD)),
            Case("missing", kw(pk="missing"), API_FAMILY_OTHER, "post"),
        ],
    }
)


# --- sensitive reads: a successful GET by this persona must leave a READ (or EXPORT) in the audit trail ----
AUDITED_READS: list[tuple[str, str]] = [
    ("child_mediation:detail", "officer"),
    ("child_mediation:detail", "ospod"),
    ("child_mediation:conference", "officer"),
    ("child_mediation:conference_pdf", "officer"),
    ("matching:ranking_detail", "officer"),
    ("applicant_journey:detail", "officer"),
    ("applicant_journey:detail", "guide"),
    ("audit:household_trail", "officer"),
    ("my_data_json", "applicant"),
    ("my_data_pdf", "applicant"),
    ("api:household-detail", "officer"),
    ("api:child-detail", "officer"),
    ("api:child-detail", "ospod"),
    ("api:conference-detail", "officer"),
    ("api:conference-minutes", "officer"),
    ("api:minutes-detail", "officer"),
    ("api:ranking-detail", "officer"),
    ("api:ranking-excluded-families", "officer"),
    *AUDITED_READS_JOURNEY_API,
    ("stats:export", "officer"),
    ("stats:yearly_export", "officer"),
    ("search:export_children", "officer"),
    ("search:export_applicants", "officer"),
    ("search:export_caseload", "guide"),
    ("search:export_caseload", "officer"),
]
# The §24 notice letter, and the approach as the family reads it (screen and API).
AUDITED_READS += [
    ("child_mediation:notice_pdf", "officer"),
    ("child_mediation:family_approach", "applicant"),
    ("api:my-approach-detail", "applicant"),
]
# The legal steps' summary of a case (screen and API).
AUDITED_READS += [
    ("child_mediation:legal", "officer"),
    ("child_mediation:legal", "ospod"),
    ("api:child-legal", "officer"),
    ("api:child-legal", "ospod"),
]
