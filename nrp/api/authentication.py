"""Bearer tokens for programs; the browser keeps using its session (with CSRF)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from rest_framework import authentication, exceptions

from nrp.api import problems
from nrp.api.models import ApiToken
from nrp.api.services import api_token_touch, token_hash, token_lapsed

MSG_TOKEN_INVALID = _("Neplatný token API.")
MSG_TOKEN_MALFORMED = _("Hlavička Authorization musí mít tvar „Bearer <token>“.")
MSG_TOKEN_EXPIRED = _("Platnost tokenu API vypršela.")
MSG_TOKEN_REVOKED = _("Token API byl zneplatněn.")
MSG_USER_INACTIVE = _("Účet vlastníka tokenu není aktivní.")


class BearerTokenAuthentication(authentication.BaseAuthentication):
    """``Authorization: Bearer nrp_<prefix>_<secret>``; expired or revoked tokens answer 401 with a problem body.

    A staff member's token also lapses 30 days after its creation and after 8 hours unused (services).
    """

    keyword = "Bearer"

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).split()
        if not header or header[0].lower() != self.keyword.lower().encode():
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed(MSG_TOKEN_MALFORMED, code=problems.TOKEN_INVALID)
        try:
            raw = header[1].decode("ascii")
        except UnicodeError as exc:
            raise exceptions.AuthenticationFailed(MSG_TOKEN_INVALID, code=problems.TOKEN_INVALID) from exc
        token = ApiToken.objects.select_related("user").filter(key_hash=token_hash(raw)).first()
        if token is None:
            raise exceptions.AuthenticationFailed(MSG_TOKEN_INVALID, code=problems.TOKEN_INVALID)
        if token.is_revoked:
            raise exceptions.AuthenticationFailed(MSG_TOKEN_REVOKED, code=problems.TOKEN_REVOKED)
        if token.is_expired or token_lapsed(token):
            raise exceptions.AuthenticationFailed(MSG_TOKEN_EXPIRED, code=problems.TOKEN_EXPIRED)
        if not token.user.is_active:
            raise exceptions.AuthenticationFailed(MSG_USER_INACTIVE, code=problems.TOKEN_INVALID)
        api_token_touch(token=token)
        return token.user, token

    def authenticate_header(self, request):
        # Makes DRF answer 401 (not 403) to an unauthenticated request.
        return f'{self.keyword} realm="api"'
