"""REST API of the legal tasks of a case."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from nrp.api.problems import service_errors
from workflows.child_mediation.apis.legal import TAGS, CaseLegalApi, LegalTaskSerializer
from workflows.child_mediation.legal.proceedings import LegalTask
from workflows.child_mediation.services import legal_tasks


# --- tasks ----------------------------------------------------------------------------------------------------------
@extend_schema(tags=TAGS)
class TaskListApi(CaseLegalApi):
    """Úkoly k dětem: krajský úřad svého kraje, OSPOD své ORP. / Tasks of the legal steps in the user's queue."""

    @extend_schema(summary="Úkoly k dětem / Tasks", responses={200: LegalTaskSerializer(many=True)})
    def get(self, request):
        open_only = request.query_params.get("all") != "1"
        rows = legal_tasks.tasks_for_user(user=request.user, open_only=open_only)[:500]
        return Response(LegalTaskSerializer(rows, many=True).data)


@extend_schema(tags=TAGS)
class TaskDoneApi(CaseLegalApi):
    """Úkol splněn. / The task is done."""

    @extend_schema(summary="Úkol splněn / Task done", request=None, responses={200: LegalTaskSerializer})
    def post(self, request, pk):
        task = LegalTask.objects.filter(pk=pk).first()
        if task is None or not legal_tasks.may_do(request.user, task):
            raise NotFound()
        with service_errors():
            task = legal_tasks.task_done(task=task, actor=request.user)
        return Response(LegalTaskSerializer(task).data)
