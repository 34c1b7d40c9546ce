"""Base classes for every API view (``apis.py`` of each app).

- ``ApiBaseMixin``: throttling before permissions (so refused and badly authenticated requests count too) and
  atomic writes (an unsafe request runs in one transaction, rolled back on any error response).
- ``ApiView``: a thin APIView (one operation, nested InputSerializer / OutputSerializer).
- ``ScopedListApi``: a paginated, filterable, orderable list whose ``get_queryset`` calls a selector.
- ``ScopedObjectMixin`` / ``ScopedDetailApi``: one object through a ``*_get_for_user`` selector; out of scope
  answers 404, never 403, so that existence does not leak.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import transaction
from rest_framework import exceptions, generics
from rest_framework.exceptions import NotFound
from rest_framework.permissions import SAFE_METHODS
from rest_framework.views import APIView

if TYPE_CHECKING:  # the mixins below are only ever mixed into DRF views
    _ApiViewBase = APIView
    _GenericBase = generics.GenericAPIView
else:
    _ApiViewBase = _GenericBase = object


class AtomicWritesMixin(_ApiViewBase):
    def dispatch(self, request, *args, **kwargs):
        if request.method in SAFE_METHODS:
            return super().dispatch(request, *args, **kwargs)
        with transaction.atomic():
            response = super().dispatch(request, *args, **kwargs)
            if response.status_code >= 400:
                transaction.set_rollback(True)
            return response


class ThrottleFirstMixin(_ApiViewBase):
    """DRF checks throttles after permissions, so a client refused with 401/403 (guessing tokens, probing ids
    it may not see) would never be throttled. Here throttles run right after authentication, and a failed
    authentication is counted against the client's address before the 401."""

    def perform_authentication(self, request):
        try:
            request.user  # noqa: B018 - triggers authentication
        except exceptions.AuthenticationFailed:
            self.check_throttles(request)
            raise

    def check_permissions(self, request):
        self.check_throttles(request)
        super().check_permissions(request)

    def check_throttles(self, request):
        if getattr(request, "_nrp_throttled_checked", False):
            return
        request._nrp_throttled_checked = True
        super().check_throttles(request)


class ApiBaseMixin(ThrottleFirstMixin, AtomicWritesMixin):
    """Every NRP API view has these."""


class ApiView(ApiBaseMixin, APIView):
    """Thin view: validate an InputSerializer, call one service or selector, serialize an OutputSerializer."""


class ScopedObjectMixin(_GenericBase):
    """``get_scoped_object()`` calls ``self.select_object(user=..., pk=...)``; None becomes 404."""

    lookup_url_kwarg: str | None = "pk"

    def select_object(self, *, user: Any, pk: int) -> Any:
        raise NotImplementedError

    def get_scoped_object(self, *, for_update: bool = False):
        """The object if the user may see it, else 404. ``for_update`` locks its row (inside the atomic write)
        after the scope check, so a concurrent write waits and then sees the new ETag."""
        obj = self.select_object(user=self.request.user, pk=int(self.kwargs[self.lookup_url_kwarg or "pk"]))
        if obj is None:
            raise NotFound()
        if for_update:
            # Re-read by pk: selectors may use DISTINCT, which PostgreSQL refuses with FOR UPDATE.
            obj = type(obj)._default_manager.select_for_update().get(pk=obj.pk)
        return obj


class _OutputSerializerMixin(_GenericBase):
    OutputSerializer: Any

    def get_serializer_class(self) -> Any:
        return self.OutputSerializer


class ScopedListApi(ApiBaseMixin, _OutputSerializerMixin, generics.ListAPIView):
    """A list: define ``OutputSerializer``, ``get_queryset()`` (a selector), ``filterset_class``,
    ``ordering_fields`` and ``ordering``. Pagination and the filter backends come from settings."""


class ScopedDetailApi(ApiBaseMixin, ScopedObjectMixin, _OutputSerializerMixin, generics.RetrieveAPIView):
    """One object: define ``OutputSerializer`` and ``select_object()`` (a ``*_get_for_user`` selector)."""

    def get_object(self):
        return self.get_scoped_object()
