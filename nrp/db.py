"""Database configuration: PostgreSQL only.

``DATABASE_URL`` wins when set. Otherwise the project starts (once) an embedded PostgreSQL server from the
``pgserver`` package, with its data in a git-ignored folder of the project (``.pgdata/`` by default,
``NRP_PGDATA`` to move it). The server is left running so that the demo server, management commands and
the test suite share it; ``make db-stop`` stops it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent


class DatabaseConfigError(RuntimeError):
    """The configured database cannot be used; the message says what to do."""


def embedded_data_dir() -> Path:
    return Path(os.environ.get("NRP_PGDATA", BASE_DIR / ".pgdata")).resolve()


def start_embedded_postgres() -> str:
    """Start (or reuse) the embedded server and return a connection URL for it."""
    import warnings

    warnings.filterwarnings("ignore", module="platformdirs")
    try:
        import pgserver
    except ImportError as exc:  # pragma: no cover - dependency is locked
        raise DatabaseConfigError(
            "Balíček pgserver chybí. Spusťte `make demo` nebo `uv sync`, nebo nastavte DATABASE_URL."
        ) from exc
    data_dir = embedded_data_dir()
    data_dir.mkdir(parents=True, exist_ok=True)
    try:
        # cleanup_mode=None: keep the server running after this process exits, so the next command reuses it.
        server = pgserver.get_server(data_dir, cleanup_mode=None)
    except Exception as exc:  # noqa: BLE001 - any start failure becomes one clear message
        raise DatabaseConfigError(
            f"Vestavěný PostgreSQL se nepodařilo spustit v {data_dir}: {exc}. "
            "Nastavte DATABASE_URL na běžící server PostgreSQL."
        ) from exc
    return server.get_uri()


def database_config() -> dict:
    url = os.environ.get("DATABASE_URL", "").strip()
    if not url:
        if os.environ.get("NRP_ENV", "development").lower() == "production":
            # Production never starts a private database: pgserver is a development dependency only.
            raise DatabaseConfigError(
                "V produkci nastavte DATABASE_URL na server PostgreSQL (vestavěný server slouží jen k vývoji)."
            )
        url = start_embedded_postgres()
    if not url.startswith(("postgres://", "postgresql://", "pgsql://")):
        raise DatabaseConfigError(
            "NRP podporuje pouze PostgreSQL: DATABASE_URL musí začínat postgresql:// "
            f"(zadáno: {url.split(':', 1)[0]}://…)."
        )
    # Connections are kept for a minute between requests; each is checked before a request reuses it, so after a
    # database restart the next request opens a new connection instead of failing on the dead one.
    config = dj_database_url.parse(
        url, conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")), conn_health_checks=True
    )
    config.setdefault("OPTIONS", {})["connect_timeout"] = 5
    config["ENGINE"] = "django.db.backends.postgresql"
    # The test database is named after the configured one (test_<name>), so two projects or two runs against
    # different databases of one server do not collide; pytest-xdist adds a suffix per worker.
    config["TEST"] = {"NAME": os.environ.get("NRP_TEST_DB_NAME") or f"test_{config['NAME']}"}
    return dict(config)


def fail_clearly(exc: Exception) -> None:
    sys.stderr.write(f"\nNRP: {exc}\n\n")
    raise SystemExit(2)
