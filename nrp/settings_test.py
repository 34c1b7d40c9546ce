"""Settings for the test suite: the project's settings with what only costs time in tests turned down.

Everything that a user or the law cares about stays as in ``nrp.settings`` (PostgreSQL, middleware, CSP,
2FA, throttles, validators); only the password hasher is a fast one, because the suite creates thousands
of users and PBKDF2 with a million iterations costs ~0.26 s a hash on the 2-core machine. Tests of the
production settings run ``nrp.settings`` itself in a subprocess.
"""

import os

from nrp.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Tests send no real e-mail; they read django.core.mail.outbox.
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

# Two runs against one server never share a test database: outside CI each run gets its own name unless
# NRP_TEST_DB_NAME fixes one (then `pytest --reuse-db` keeps it between runs). pytest-xdist adds _gw<N>.
if not os.environ.get("NRP_TEST_DB_NAME") and not os.environ.get("CI"):
    DATABASES["default"]["TEST"]["NAME"] += f"_{os.getpid()}"  # noqa: F405
