"""WSGI entry point (gunicorn nrp.wsgi)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nrp.settings")
application = get_wsgi_application()
