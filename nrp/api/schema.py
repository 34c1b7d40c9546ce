"""OpenAPI details drf-spectacular cannot infer: the bearer scheme and the problem responses of every operation."""

from __future__ import annotations

from drf_spectacular.extensions import OpenApiAuthenticationExtension

from nrp.api.problems import TITLES

PROBLEM_SCHEMA = {
    "type": "object",
    "description": "Problem details (RFC 9457); every 4xx/5xx answer of the API has this body.",
    "properties": {
        "type": {"type": "string", "description": "urn:nrp:problem:<code>"},
        "title": {"type": "string", "description": "Krátký popis podle stavu / Short summary by status."},
        "status": {"type": "integer", "description": "Stavový kód HTTP / HTTP status code."},
        "detail": {"type": "string", "description": "Vysvětlení / Human-readable explanation."},
        "instance": {"type": "string", "description": "Cesta požadavku / Request path."},
        "code": {
            "type": "string",
            "description": "Stabilní strojový kód / Stable machine-readable code, e.g. validation_error, "
            "unknown_field, not_authenticated, token_expired, token_revoked, token_invalid, permission_denied, "
            "session_required, otp_required, not_found, parse_error, unsupported_media_type, "
            "payload_too_large, precondition_failed, precondition_required, throttled, server_error.",
        },
        "errors": {
            "type": "array",
            "description": "Chyby polí (jen u 400) / Field errors (400 only).",
            "items": {
                "type": "object",
                "properties": {
                    "field": {"type": "string"},
                    "pointer": {"type": "string"},
                    "code": {"type": "string"},
                    "detail": {"type": "string"},
                },
                "required": ["field", "pointer", "code", "detail"],
            },
        },
    },
    "required": ["type", "title", "status", "detail", "instance", "code"],
}

ENGLISH_TITLES = {
    400: "Bad request (validation, malformed JSON, unknown field, invalid filter or page)",
    401: "Not authenticated, or the token is invalid, expired or revoked",
    403: "Authenticated but not allowed (role, CSRF, token instead of session, missing 2FA)",
    404: "Not found or out of your scope (existence is not revealed)",
    406: "Unsupported Accept header (the API answers JSON)",
    412: "If-Match does not match the current ETag (stale write)",
    413: "Request body too large",
    415: "Unsupported Content-Type (send application/json)",
    428: "If-Match header missing",
    429: "Too many requests (see Retry-After)",
    500: "Unexpected server error",
    503: "Database temporarily unavailable (see Retry-After)",
}


class BearerTokenScheme(OpenApiAuthenticationExtension):
    target_class = "nrp.api.authentication.BearerTokenAuthentication"
    name = "BearerAuth"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "bearerFormat": "nrp_<prefix>_<secret>",
            "description": "Token API z /api/v1/tokens/ (vytváří se v přihlášeném prohlížeči) / "
            "API token created at /api/v1/tokens/ from a browser session.",
        }


def _problem(status: int) -> dict:
    return {
        "description": f"{TITLES[status]} / {ENGLISH_TITLES[status]}",
        "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}},
    }


# Query parameters that pick one object (a page of a list, a region's statistics, a year's figures): an unknown or
# out-of-scope value answers 404, as a path id does.
OBJECT_QUERY_PARAMETERS = {"page", "region", "year"}


def add_problem_responses(result, generator, request, public):
    """POSTPROCESSING_HOOKS: document the problem responses each operation can give."""
    result.setdefault("components", {}).setdefault("schemas", {})["Problem"] = PROBLEM_SCHEMA
    for path_item in result.get("paths", {}).values():
        for method, operation in path_item.items():
            if method not in {"get", "post", "put", "patch", "delete"}:
                continue
            params = operation.get("parameters", [])
            statuses = {403, 406, 429, 500, 503}
            if any(security != {} for security in operation.get("security", [{}])) or not operation.get("security"):
                statuses.add(401)
            if any(p.get("in") == "query" for p in params) or "requestBody" in operation:
                statuses.add(400)
            if any(p.get("in") == "path" for p in params) or any(
                p.get("name") in OBJECT_QUERY_PARAMETERS for p in params
            ):
                statuses.add(404)
            if "requestBody" in operation or method in {"post", "put", "patch"}:
                statuses |= {400, 413, 415}
            if any(p.get("in") == "header" and p.get("name") == "If-Match" for p in params):
                statuses |= {412, 428}
            responses = operation.setdefault("responses", {})
            for status in sorted(statuses):
                responses.setdefault(str(status), _problem(status))
    return result
