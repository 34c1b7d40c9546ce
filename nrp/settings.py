"""NRP settings, read from environment variables.

Development defaults are safe for a laptop; production mode (``DEBUG`` unset or false together with
``NRP_ENV=production``) refuses to start without a real ``SECRET_KEY`` and turns on every hardening that
``manage.py check --deploy`` asks for.
"""

from __future__ import annotations

import json
import os
from datetime import timedelta
from pathlib import Path

from django.utils.translation import gettext_lazy as _
from whitenoise.compress import Compressor

from nrp.db import database_config

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


PRODUCTION = os.environ.get("NRP_ENV", "development").lower() == "production"
DEBUG = env_bool("DEBUG", not PRODUCTION)

_DEV_SECRET = "dev-only-insecure-key-never-use-in-production-0123456789abcdef"
SECRET_KEY = os.environ.get("SECRET_KEY", "" if PRODUCTION else _DEV_SECRET)
if PRODUCTION and (not SECRET_KEY or SECRET_KEY == _DEV_SECRET or len(SECRET_KEY) < 50):
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured("V produkci nastavte SECRET_KEY (alespoň 50 náhodných znaků).")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "" if PRODUCTION else "localhost,127.0.0.1,[::1],testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "django_filters",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "viewflow",
    "viewflow.workflow",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "nrp.core",
    "nrp.law",
    "nrp.audit",
    "nrp.api",
    "workflows.applicant_journey",
    "workflows.child_mediation",
    "matching",
    "nrp.stats",
    "nrp.notifications",
    "nrp.search",
]

MIDDLEWARE = [
    # A body larger than NRP_MAX_REQUEST_BYTES is refused (413) from its Content-Length, before it is read.
    "nrp.core.middleware.RequestSizeLimitMiddleware",
    "nrp.core.middleware.DatabaseUnavailableMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "nrp.core.sessions.SessionRefreshMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # A retried API POST with the same Idempotency-Key answers the first answer (nrp/api/idempotency.py).
    "nrp.api.idempotency.IdempotencyKeyMiddleware",
    "django_otp.middleware.OTPMiddleware",
    # Staff sessions reach nothing but the 2FA pages until the second factor is verified.
    "nrp.core.security.SecondFactorMiddleware",
    # A redirect to another site (a tampered "next") lands on the home page instead.
    "nrp.core.security.OffsiteRedirectMiddleware",
    # Who acts in this request, for the audit trail of model changes; then the administrators' audited reason.
    "nrp.audit.context.AuditContextMiddleware",
    "nrp.audit.exceptional.ExceptionalAccessMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # axes must be last: it turns a locked-out login into its lockout response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "nrp.urls"
WSGI_APPLICATION = "nrp.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "nrp.core.context_processors.navigation",
            ],
        },
    },
]

DATABASES = {"default": database_config()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "core.User"
AUTHENTICATION_BACKENDS = [
    # axes first: it refuses a locked-out login before the password is even checked.
    "axes.backends.AxesStandaloneBackend",
    # Delays (never refuses) attempts on an account that failed many times from anywhere (nrp/core/client.py).
    "nrp.core.client.AccountSlowdownBackend",
    "django.contrib.auth.backends.ModelBackend",
    # has_perm("nrp.<action>_<resource>", obj) and the apps' registered step permissions (viewflow nodes, e.g.
    # "applicant_journey.journey_ospod_step") answered from the policy table (nrp/core/access.py).
    "nrp.core.permission_backend.PolicyPermissionBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24  # one day; a used link stops working (token bound to the password)

# Login throttling (django-axes): after AXES_FAILURE_LIMIT failures for one account from one client address
# that pair is locked for AXES_COOLOFF_TIME; a stranger elsewhere cannot lock the account for its owner. The
# address comes from NRP_TRUSTED_PROXIES (behind a proxy every client would otherwise share the proxy's).
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "nrp.core.client.axes_client_ip"
# Per account, from any address: past this many failures in the window every further attempt is slowed
# (a delay before the answer), never refused, so an attacker with many addresses cannot lock the owner out.
NRP_ACCOUNT_SLOWDOWN_AFTER = int(os.environ.get("NRP_ACCOUNT_SLOWDOWN_AFTER", "20"))
NRP_ACCOUNT_SLOWDOWN_SECONDS = float(os.environ.get("NRP_ACCOUNT_SLOWDOWN_SECONDS", "2"))
AXES_USERNAME_FORM_FIELD = "username"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_VERBOSE = False

# Two-factor authentication (django-otp, TOTP) is required for every staff role: nrp/core/twofactor.py.
OTP_TOTP_ISSUER = "NRP"
# Administrators may reset (delete) a lost device, never read its secret key or QR code.
OTP_ADMIN_HIDE_SENSITIVE_DATA = True
# Error reports never carry form contents, query strings or local variables (a child's name, a diagnosis).
DEFAULT_EXCEPTION_REPORTER_FILTER = "nrp.core.security_logging.CaseDataExceptionReporterFilter"

# Caches, API throttle counters included: Redis (Django's own backend) when REDIS_URL is set, so every app server
# shares them; in-process otherwise (the embedded development setup, one process).
REDIS_URL = os.environ.get("REDIS_URL", "").strip()
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "nrp",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "nrp"}}

# Sessions expire after inactivity (staff handle special-category data).
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_IDLE_SECONDS", str(30 * 60)))
# Not saved on every request (a write per page): nrp.core.sessions.SessionRefreshMiddleware moves the idle
# expiry forward at most once a minute, so an idle session still ends after SESSION_COOKIE_AGE.
SESSION_SAVE_EVERY_REQUEST = False
SESSION_REFRESH_SECONDS = 60
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"

LANGUAGE_CODE = "cs"
LANGUAGES = [("cs", _("čeština")), ("en", _("angličtina"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Prague"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("NRP_STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        # whitenoise's compressed manifest, tolerant of viewflow's missing font references (nrp/core/staticfiles.py).
        "BACKEND": "nrp.core.staticfiles.TolerantManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
# Pre-compressed copies (gzip, brotli) of static files; source maps and fonts that browsers fetch rarely or
# that are compressed already are not worth minutes of build time.
NRP_STATIC_COMPRESS = env_bool("NRP_STATIC_COMPRESS", True)
WHITENOISE_SKIP_COMPRESS_EXTENSIONS = (*Compressor.SKIP_COMPRESS_EXTENSIONS, "ttf", "otf", "eot", "map")
# Uploaded case documents live outside the web root and are only ever served through an access-checked view.
MEDIA_ROOT = Path(os.environ.get("NRP_MEDIA_ROOT", BASE_DIR / "var" / "documents"))
# Never routed by the app (documents are served by access-checked views); Django needs a value.
MEDIA_URL = "/_documents-not-public/"
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
# Any request body, uploads included (documents are at most 10 MB): refused before it is read.
NRP_MAX_REQUEST_BYTES = int(os.environ.get("NRP_MAX_REQUEST_BYTES", str(12 * 1024 * 1024)))
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend" if PRODUCTION else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "NRP <nrp@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Web hardening. Content-Security-Policy: only our own origin, no inline scripts.
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}
if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

REST_FRAMEWORK = {
    # Programs send "Authorization: Bearer <token>" (nrp.api.models.ApiToken); the browser uses its session.
    # The bearer scheme comes first so that an unauthenticated request gets 401 with WWW-Authenticate.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "nrp.api.authentication.BearerTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["nrp.api.parsers.LimitedJSONParser"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "nrp.api.pagination.StandardPagination",
    "PAGE_SIZE": 25,
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "nrp.api.filters.OrderingFilter",
    ],
    "EXCEPTION_HANDLER": "nrp.api.problems.exception_handler",
    "DEFAULT_THROTTLE_CLASSES": ["nrp.api.throttling.AnonThrottle", "nrp.api.throttling.UserThrottle"],
    "DEFAULT_THROTTLE_RATES": {
        "anon": os.environ.get("NRP_API_RATE_ANON", "120/minute"),
        "user": os.environ.get("NRP_API_RATE_USER", "1200/minute"),
        "token_create": os.environ.get("NRP_API_RATE_TOKEN_CREATE", "20/hour"),
    },
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
}
# Request bodies above this size answer 413 with a problem body (nrp.api.parsers).
NRP_API_MAX_BODY_BYTES = int(os.environ.get("NRP_API_MAX_BODY_BYTES", str(256 * 1024)))
SPECTACULAR_SETTINGS = {
    "TITLE": "NRP API",
    "DESCRIPTION": (
        "API pro zprostředkování náhradní rodinné péče / API for foster-care and adoption mediation.\n\n"
        "Přihlášení: relace prohlížeče, nebo `Authorization: Bearer <token>` (tokeny: /api/v1/tokens/). "
        "Chyby: application/problem+json (RFC 9457) se stabilním `code`. Seznamy: `page`, `page_size`, "
        "`ordering`. Změny vyžadují If-Match s ETag (428/412). Záznamy mimo váš rozsah odpovídají 404.\n\n"
        "Authentication: browser session, or `Authorization: Bearer <token>`. Errors: application/problem+json "
        "(RFC 9457) with a stable `code`. Lists: `page`, `page_size`, `ordering`. Writes need If-Match with the "
        "ETag (428/412). Records outside your scope answer 404."
    ),
    "VERSION": "1.0.0",
    "SCHEMA_PATH_PREFIX": r"/api/v[0-9]+",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "COMPONENT_SPLIT_REQUEST": True,
    "PATH_CONVERTER_OVERRIDES": {"id": {"type": "integer", "minimum": 0, "maximum": 999999999999999999}},
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "nrp.api.schema.add_problem_responses",
    ],
    # One schema component per shared vocabulary, whichever field uses it.
    "ENUM_NAME_OVERRIDES": {
        "CareTypeEnum": "nrp.core.choices.CareType",
        "ContactLevelEnum": "nrp.core.choices.ContactLevel",
        "EthnicityEnum": "nrp.core.choices.Ethnicity",
        "HealthNeedEnum": "nrp.core.choices.HealthNeed",
        "LegalStatusEnum": "nrp.core.choices.LegalStatus",
        "SexEnum": "nrp.core.choices.Sex",
        "RegisterStatusEnum": "workflows.applicant_journey.models.RegisterStatus",
        "DocumentStatusEnum": "workflows.applicant_journey.models.DocumentStatus",
        "ChildCaseStatusEnum": "workflows.child_mediation.models.ChildCaseStatus",
        # Several resources have a field named "kind": each vocabulary keeps its own name.
        "NotificationKindEnum": "nrp.notifications.models.NotificationKind",
        "MeetingKindEnum": "workflows.child_mediation.models_notices.MeetingKind",
        "DocumentKindEnum": "workflows.applicant_journey.models.DocumentKind",
    },
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # Paths carry only ids; query strings (search terms: possibly names) are cut from every log line.
    "filters": {"redact_query": {"()": "nrp.core.security_logging.RedactQueryStringFilter"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["redact_query"]}},
    "loggers": {
        "nrp.security": {"handlers": ["console"], "level": "WARNING"},
        "django.request": {"handlers": ["console"], "level": "ERROR"},
        "django.server": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}

# Retention periods in days per rule (nrp/core/retention.py; defaults documented in SECURITY.md), e.g.
# NRP_RETENTION_DAYS='{"household_closed": 3650, "audit_event": 3650}'.
NRP_RETENTION_DAYS = json.loads(os.environ.get("NRP_RETENTION_DAYS", "{}"))
# How many reverse proxies of our own stand in front of the application (each appends to X-Forwarded-For).
# 0 (default): the header is ignored and REMOTE_ADDR is the client. Behind one TLS proxy set 1. The address is
# used by the login lock-out, the sign-up limits and the audit trail (nrp/core/client.py).
NRP_TRUSTED_PROXIES = int(os.environ.get("NRP_TRUSTED_PROXIES", "0"))
# Two database roles (SECURITY.md): DATABASE_URL is the application's role; the owner's URL is used only to
# migrate and grant at container start (scripts/docker-start.sh), never by the application's connections.
# NRP_APP_DB_ROLE is the role that `db_grant_app_role` gives its rights to when no role is named.
DATABASE_OWNER_URL_SET = bool(os.environ.get("DATABASE_OWNER_URL", ""))
NRP_APP_DB_ROLE = os.environ.get("NRP_APP_DB_ROLE", "")

# How many days without movement make a case "stuck" on a guide's caseload (configurable per deployment).
NRP_STUCK_AFTER_DAYS = int(os.environ.get("NRP_STUCK_AFTER_DAYS", "21"))
