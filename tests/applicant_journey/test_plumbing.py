"""The shared plumbing the journey screens and API use: service errors as problems and form errors."""

import pytest
from django import forms
from django.core.exceptions import ValidationError
from rest_framework import exceptions

from nrp.api.problems import Conflict, form_errors_to_api, service_error_to_api
from nrp.core.exceptions import ConflictError, ForbiddenError, ServiceError
from nrp.core.web import add_service_errors
from workflows.applicant_journey.services import StepError


class ReasonForm(forms.Form):
    reason = forms.CharField()


def test_service_errors_map_to_api_errors_by_status_with_their_codes():
    conflict = service_error_to_api(ConflictError("Hotovo jinde.", "already_done"))
    assert isinstance(conflict, Conflict) and conflict.get_codes() == "already_done"
    forbidden = service_error_to_api(ForbiddenError("Ne.", "not_yours"))
    assert isinstance(forbidden, exceptions.PermissionDenied) and forbidden.get_codes() == "not_yours"
    invalid = service_error_to_api(ServiceError("Chybí důvod.", "reason_required", field="reason"))
    assert invalid.get_codes() == {"reason": ["reason_required"]}


def test_step_errors_keep_their_codes_and_statuses():
    assert isinstance(service_error_to_api(StepError("x", "locked")), Conflict)
    forbidden = service_error_to_api(StepError("x", "forbidden"))
    assert forbidden.get_codes() == "task_not_yours"
    assert service_error_to_api(StepError("x", "appeal_period")).get_codes() == {"non_field_errors": ["appeal_period"]}


def test_django_validation_errors_keep_their_codes_field_by_field():
    exc = ValidationError({"reason": ValidationError("Chybí.", code="reason_required"), "__all__": "Celé špatně."})
    assert service_error_to_api(exc).get_codes() == {"reason": ["reason_required"], "non_field_errors": ["invalid"]}
    assert service_error_to_api(ValidationError("Ne.")).get_codes() == {"non_field_errors": ["invalid"]}


def test_form_errors_become_a_problem_and_service_errors_go_on_the_form():
    form = ReasonForm(data={})
    assert not form.is_valid()
    assert form_errors_to_api(form).get_codes() == {"reason": ["required"]}
    form = ReasonForm(data={"reason": "x"})
    assert form.is_valid()
    add_service_errors(form, ValidationError({"reason": "Krátké.", "other": "Jinde."}))
    add_service_errors(form, ServiceError("Celé.", field="nope"))
    assert form.errors["reason"] == ["Krátké."]
    assert form.non_field_errors() == ["Jinde.", "Celé."]


@pytest.mark.parametrize("code,status", [("already_done", 409), ("forbidden", 403), ("invalid", 400)])
def test_step_error_http_status(code, status):
    assert StepError("x", code).http_status == status


def test_the_pagination_bar_keeps_the_filters():
    from django.core.paginator import Paginator
    from django.template.loader import render_to_string
    from django.test import RequestFactory

    from nrp.core.web import paginate, query_without_page

    request = RequestFactory().get("/zadatele/?faze=application&strana=2")
    page = paginate(request, list(range(60)))
    html = render_to_string("includes/pagination.html", {"page": page, "query": query_without_page(request)})
    assert 'href="?faze=application&amp;strana=1"' in html and 'href="?faze=application&amp;strana=3"' in html
    single = Paginator([1], 25).get_page(1)
    assert render_to_string("includes/pagination.html", {"page": single}).strip() == ""


def test_every_human_step_of_the_flow_has_one_description():
    from viewflow.workflow import flow

    from workflows.applicant_journey import deadlines, permissions
    from workflows.applicant_journey.flows import ApplicantJourneyFlow
    from workflows.applicant_journey.steps import step_of

    views = [node for node in ApplicantJourneyFlow.instance.nodes() if isinstance(node, flow.View)]
    assert len(views) == 13
    for node in views:
        step = step_of(node)
        assert step is not None, node.name
        assert step.rule in deadlines.RULES
        assert step.permission in permissions.STEP_POLICIES
        assert node._owner_permission == permissions.perm(step.permission)
        # deadlines.NODE_RULE is the deadline module's own view of the same table: they must agree.
        assert deadlines.NODE_RULE.get(node.name, step.rule) == step.rule
