"""Every command the README and seed_demo print works as printed where uv lives in .tools/: a make target."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)


def make_targets() -> set[str]:
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"^([a-z][a-z0-9-]*):", text, flags=re.MULTILINE))


def test_every_make_command_in_the_readme_has_a_target():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    used = set(re.findall(r"\bmake ([a-z][a-z0-9-]*)", readme))
    assert used, "the README names no make command"
    assert used <= make_targets(), f"README names make targets that do not exist: {sorted(used - make_targets())}"


def test_the_readme_does_not_ask_for_manage_py_through_an_activated_virtualenv():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    offending = [
        line
        for line in readme.splitlines()
        if "manage.py" in line and "docker compose" not in line and "check --deploy" not in line
    ]
    assert offending == []


def test_seed_demo_prints_make_totp_for_the_second_factor_code():
    from nrp.core import twofactor

    source = Path(twofactor.__file__).read_text(encoding="utf-8")
    assert "make totp" in source and "python manage.py demo_totp_code" not in source
    assert "totp" in make_targets()


def test_make_totp_runs_the_demo_code_command():
    dry = subprocess.run(["make", "-n", "totp"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert "manage.py demo_totp_code" in dry and "run --frozen" in dry
