"""Backup and restore round trip on a scratch database: back up, wipe, restore, every case intact.

Runs the documented commands (scripts/backup.sh, scripts/restore.sh) against a database of its own on the
same PostgreSQL server, never against the test database the other tests use.
"""

import os
import subprocess
import sys
import uuid

import psycopg
import pytest
from django.conf import settings

from nrp.core.backup import pg_binary, server_major

ROOT = settings.BASE_DIR
pytestmark = pytest.mark.django_db  # only for the connection settings; the scratch database is separate


def server_url(dbname: str) -> str:
    db = settings.DATABASES["default"]
    host = db["HOST"] or "localhost"
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    if host.startswith("/"):
        return f"postgresql://{db['USER']}{password}@/{dbname}?host={host}"
    return f"postgresql://{db['USER']}{password}@{host}:{db['PORT'] or 5432}/{dbname}"


def run(args, url, timeout=600):
    env = {k: v for k, v in os.environ.items() if k not in {"DJANGO_ALLOW_ASYNC_UNSAFE", "NRP_ENV", "DEBUG"}}
    env.update(DATABASE_URL=url, UV_NO_SYNC="1")
    result = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    return result.stdout


def fingerprint(url: str) -> dict[str, tuple[int, str]]:
    """Row count and a hash of every row of every table."""
    out = {}
    with psycopg.connect(url) as conn:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
            ).fetchall()
        ]
        for table in tables:
            count, digest = conn.execute(
                f"SELECT count(*), md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM \"{table}\" t"  # noqa: S608
            ).fetchone()
            out[table] = (count, digest)
    return out


@pytest.fixture
def scratch_db():
    name = f"nrp_scratch_backup_{uuid.uuid4().hex[:8]}"
    admin = server_url("postgres")
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield server_url(name)
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_backup_wipe_restore_keeps_every_case(scratch_db, tmp_path):
    run([sys.executable, "manage.py", "migrate", "--noinput"], scratch_db)
    run([sys.executable, "manage.py", "seed_demo", "--size", "small"], scratch_db)
    before = fingerprint(scratch_db)
    assert before["core_household"][0] >= 24 and before["audit_auditevent"][0] > 0

    dump = tmp_path / "new-folder" / "nrp.dump"
    run(["bash", "scripts/backup.sh", "--output", str(dump)], scratch_db)
    assert dump.stat().st_size > 0
    # the dump holds everyone's data: readable by its owner only, in a folder only its owner can list
    assert dump.stat().st_mode & 0o777 == 0o600
    assert dump.parent.stat().st_mode & 0o777 == 0o700

    with psycopg.connect(scratch_db, autocommit=True) as conn:
        conn.execute("DROP SCHEMA public CASCADE")
        conn.execute("CREATE SCHEMA public")
    assert fingerprint(scratch_db) == {}

    run(["bash", "scripts/restore.sh", "--input", str(dump), "--yes"], scratch_db)
    after = fingerprint(scratch_db)
    assert {k: v for k, v in after.items() if k != "audit_auditevent"} == {
        k: v for k, v in before.items() if k != "audit_auditevent"
    }
    # the restore records itself in the restored trail
    assert after["audit_auditevent"][0] == before["audit_auditevent"][0] + 1
    with psycopg.connect(scratch_db) as conn:
        label, details = conn.execute(
            "SELECT actor_label, details FROM audit_auditevent ORDER BY id DESC LIMIT 1"
        ).fetchone()
    assert label == "restore_db" and details["event"] == "database_restored"
    # the restored audit trail is still append-only
    with psycopg.connect(scratch_db) as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute("UPDATE audit_auditevent SET reason = 'x'")


def test_restore_refuses_without_confirmation(tmp_path):
    dump = tmp_path / "x.dump"
    dump.write_bytes(b"")
    env = {**os.environ, "UV_NO_SYNC": "1"}
    result = subprocess.run(
        ["bash", "scripts/restore.sh", "--input", str(dump)], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode != 0 and "--yes" in result.stderr


def test_pg_dump_matches_the_server_version():
    url = server_url("postgres")
    major = server_major(url)
    from nrp.core.backup import _binary_major

    assert _binary_major(pg_binary("pg_dump", major)) >= major


def test_a_backup_can_be_encrypted_to_a_gpg_public_key(scratch_db, tmp_path):
    import shutil

    if shutil.which("gpg") is None:
        pytest.skip("gpg is not installed")
    home = tmp_path / "gnupg"
    home.mkdir(mode=0o700)
    env = {**os.environ, "GNUPGHOME": str(home)}
    subprocess.run(
        ["gpg", "--batch", "--passphrase", "", "--quick-gen-key", "backup@nrp.example", "default", "default", "1d"],
        env=env,
        check=True,
        capture_output=True,
        timeout=120,
    )
    run([sys.executable, "manage.py", "migrate", "--noinput"], scratch_db)
    dump = tmp_path / "enc" / "nrp.dump"
    os.environ["GNUPGHOME"] = str(home)
    try:
        run(["bash", "scripts/backup.sh", "--output", str(dump), "--encrypt-to", "backup@nrp.example"], scratch_db)
    finally:
        os.environ.pop("GNUPGHOME")
    encrypted = dump.with_name("nrp.dump.gpg")
    assert encrypted.exists() and not dump.exists()
    assert encrypted.stat().st_mode & 0o777 == 0o600
    assert b"PGDMP" not in encrypted.read_bytes()[:64]
