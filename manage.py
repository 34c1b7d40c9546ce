#!/usr/bin/env python
"""Django's command-line utility for NRP."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nrp.settings")
    from django.core.management import execute_from_command_line
    from django.db.utils import OperationalError

    from nrp.db import DatabaseConfigError, fail_clearly

    try:
        execute_from_command_line(sys.argv)
    except DatabaseConfigError as exc:
        fail_clearly(exc)
    except OperationalError as exc:
        fail_clearly(
            Exception(f"Databáze není dostupná ({str(exc).strip().splitlines()[0]}). Zkontrolujte DATABASE_URL.")
        )


if __name__ == "__main__":
    main()
