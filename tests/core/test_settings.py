"""Settings come from the environment; production mode passes `check --deploy`; errors are clear."""

import os
import re
import subprocess
import sys
from pathlib import Path

import yaml
from django.conf import settings

ROOT = Path(settings.BASE_DIR)


def manage(*args, env_overrides: dict, timeout=60):
    env = {
        k: v
        for k, v in os.environ.items()
        if k
        not in {
            "DEBUG",
            "NRP_ENV",
            "SECRET_KEY",
            "ALLOWED_HOSTS",
            "DJANGO_ALLOW_ASYNC_UNSAFE",
            "DJANGO_SETTINGS_MODULE",
        }
    }
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def current_database_url() -> str:
    db = settings.DATABASES["default"]
    host = db["HOST"] or "localhost"
    if host.startswith("/"):
        return f"postgresql://{db['USER']}@/{db['NAME']}?host={host}"
    return f"postgresql://{db['USER']}@{host}:{db['PORT'] or 5432}/{db['NAME']}"


PRODUCTION_ENV = {
    "NRP_ENV": "production",
    "SECRET_KEY": "x" * 20 + "production-secret-for-the-deploy-check-0123456789",
    "ALLOWED_HOSTS": "nrp.example.cz",
}


def test_production_mode_passes_the_deploy_check():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env_overrides={**PRODUCTION_ENV, "DATABASE_URL": current_database_url()},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    env = {**PRODUCTION_ENV, "DATABASE_URL": current_database_url()}
    env.pop("SECRET_KEY")
    result = manage("check", env_overrides=env)
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_without_a_database_url_stops_instead_of_starting_a_database():
    result = manage("check", env_overrides={**PRODUCTION_ENV, "DATABASE_URL": ""})
    assert result.returncode == 2
    assert "DATABASE_URL" in result.stderr
    assert "Traceback" not in result.stderr


def test_unreachable_database_gives_a_clear_message_not_a_traceback():
    result = manage("migrate", "--check", env_overrides={"DATABASE_URL": "postgresql://postgres@127.0.0.1:1/nrp"})
    assert result.returncode == 2
    assert "Databáze není dostupná" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_non_postgresql_database_url_is_refused():
    result = manage("check", env_overrides={"DATABASE_URL": "sqlite:///db.sqlite3"})
    assert result.returncode == 2
    assert "pouze PostgreSQL" in result.stderr


def settings_environment_names() -> set[str]:
    names = set()
    for path in (ROOT / "nrp" / "settings.py", ROOT / "nrp" / "db.py"):
        text = path.read_text(encoding="utf-8")
        names |= set(re.findall(r'os\.environ(?:\.get)?\(\s*"([A-Z_]+)"', text))
        names |= set(re.findall(r'env_(?:bool|list)\(\s*"([A-Z_]+)"', text))
    return names


def test_compose_passes_only_settings_the_app_reads():
    compose = yaml.safe_load((ROOT / "compose.yaml").read_text(encoding="utf-8"))
    app_env = compose["services"]["app"]["environment"]
    keys = set(app_env) if isinstance(app_env, dict) else {item.split("=", 1)[0] for item in app_env}
    assert keys <= settings_environment_names(), keys - settings_environment_names()
    assert {"DATABASE_URL", "SECRET_KEY", "ALLOWED_HOSTS", "NRP_ENV"} <= keys
    db = compose["services"]["db"]
    assert db["image"].startswith("postgres:16")
    assert any(str(v).split(":")[0] in compose["volumes"] for v in db["volumes"])
    url = app_env["DATABASE_URL"] if isinstance(app_env, dict) else ""
    assert "@db:5432/" in url


def test_tests_run_on_postgresql():
    assert settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
