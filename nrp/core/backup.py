"""Backup and restore of the database (pg_dump / pg_restore) and of the uploaded documents.

The database is the one the app uses: ``DATABASE_URL``, or the embedded server (``.pgdata/``). pg_dump
must be at least the server's major version: the binaries shipped inside the ``pgserver`` package
(pgserver/pginstall/bin) are used for the embedded server and whenever the system's are missing or older.

    python manage.py backup_db --output zaloha.dump [--media]      # scripts/backup.sh
    python manage.py restore_db --input zaloha.dump --yes [--media] # scripts/restore.sh

The dump is PostgreSQL's custom format (compressed, restorable table by table) without owners or grants,
so it restores into a database of another role. It includes the audit table's append-only trigger.

Dumps hold every person's data: they are written 0600 into a folder created 0700 (never readable by other
accounts of the machine), and ``--encrypt-to KEY`` encrypts them to a gpg public key and removes the clear
copy. A restore records itself in the (restored) audit trail.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tarfile
from pathlib import Path

from django.conf import settings

NO_BINARY = "Program {name} (PostgreSQL {major} nebo novější) nebyl nalezen; nainstalujte postgresql-client."


class BackupError(RuntimeError):
    pass


def database_url() -> str:
    url = os.environ.get("DATABASE_URL", "").strip()
    if url:
        return url
    from nrp.db import start_embedded_postgres

    return start_embedded_postgres()


def server_major(url: str) -> int:
    import psycopg

    with psycopg.connect(url, connect_timeout=5) as conn:
        row = conn.execute("SHOW server_version_num").fetchone()
        assert row is not None  # SHOW always answers one row
        return int(row[0]) // 10000


def _binary_major(path: str) -> int:
    out = subprocess.run([path, "--version"], capture_output=True, text=True, check=True).stdout  # noqa: S603
    found = re.search(r"\(PostgreSQL\)\s+(\d+)", out)
    return int(found.group(1)) if found else 0


def pgserver_bin_dir() -> Path | None:
    try:
        import pgserver
    except ImportError:  # pragma: no cover
        return None
    path = Path(pgserver.__file__).parent / "pginstall" / "bin"
    return path if path.is_dir() else None


def pg_binary(name: str, major: int) -> str:
    """The first ``name`` binary whose major version is at least ``major``: the system's, else pgserver's."""
    candidates = []
    embedded = not os.environ.get("DATABASE_URL", "").strip()
    bundled = pgserver_bin_dir()
    if bundled and (bundled / name).exists():
        candidates.append(str(bundled / name))
    system = shutil.which(name)
    if system:
        # the embedded server was built with pgserver's binaries: prefer them; otherwise the system's first
        candidates = candidates + [system] if embedded else [system, *candidates]
    for path in candidates:
        if _binary_major(path) >= major:
            return path
    raise BackupError(NO_BINARY.format(name=name, major=major))


def private_folder(folder: Path) -> None:
    """Create ``folder`` (and missing parents) 0700; an existing folder we did not create is left as it is."""
    missing = []
    current = folder
    while not current.exists():
        missing.append(current)
        current = current.parent
    for path in reversed(missing):
        path.mkdir(mode=0o700)
        os.chmod(path, 0o700)


def encrypt(path: Path, recipient: str) -> Path:
    """Encrypt ``path`` to a gpg public key (``recipient``: key id, fingerprint or e-mail), remove the clear file."""
    gpg = shutil.which("gpg")
    if gpg is None:
        raise BackupError(NO_BINARY.format(name="gpg", major="-").replace("(PostgreSQL - nebo novější) ", ""))
    target = path.with_name(path.name + ".gpg")
    result = subprocess.run(  # noqa: S603
        [gpg, "--batch", "--yes", "--trust-model", "always", "--recipient", recipient, "--output", str(target)]
        + ["--encrypt", str(path)],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        path.unlink(missing_ok=True)
        raise BackupError(f"gpg: {result.stderr.strip().splitlines()[-1] if result.stderr.strip() else 'selhal'}")
    os.chmod(target, 0o600)
    path.unlink()
    return target


def backup(*, output: Path, url: str | None = None, media: bool = False, encrypt_to: str | None = None) -> list[Path]:
    url = url or database_url()
    pg_dump = pg_binary("pg_dump", server_major(url))
    output = Path(output)
    private_folder(output.parent)
    previous = os.umask(0o077)  # every file written from here on is 0600
    try:
        subprocess.run(  # noqa: S603 - fixed program, arguments are not a shell string
            [pg_dump, "--format=custom", "--no-owner", "--no-privileges", f"--file={output}", f"--dbname={url}"],
            check=True,
            capture_output=True,
        )
        os.chmod(output, 0o600)
        written = [output]
        if media:
            archive = output.with_name(output.name + ".media.tar.gz")
            with tarfile.open(archive, "w:gz") as tar:
                root = Path(settings.MEDIA_ROOT)
                if root.exists():
                    tar.add(root, arcname="documents")
            os.chmod(archive, 0o600)
            written.append(archive)
        if encrypt_to:
            written = [encrypt(path, encrypt_to) for path in written]
    finally:
        os.umask(previous)
    return written


def restore(*, source: Path, url: str | None = None, media: bool = False) -> None:
    """Replace the database's contents with the dump (in one transaction: all or nothing)."""
    url = url or database_url()
    pg_restore = pg_binary("pg_restore", server_major(url))
    result = subprocess.run(  # noqa: S603
        [
            pg_restore,
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            "--exit-on-error",
            f"--dbname={url}",
            str(source),
        ],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise BackupError(result.stderr.strip().splitlines()[-1] if result.stderr.strip() else "pg_restore selhal")
    record_restore(url=url, source=source, media=media)
    if media:
        archive = Path(str(source) + ".media.tar.gz")
        root = Path(settings.MEDIA_ROOT)
        root.mkdir(parents=True, exist_ok=True)
        with tarfile.open(archive, "r:gz") as tar:
            members = [m for m in tar.getmembers() if m.name.startswith("documents")]
            for m in members:
                m.name = m.name.removeprefix("documents").lstrip("/")
            tar.extractall(root, members=[m for m in members if m.name], filter="data")


def record_restore(*, url: str, source: Path, media: bool) -> None:
    """Write into the restored trail that it was restored (the restore replaced the trail with the dump's)."""
    import json

    import psycopg

    details = json.dumps({"event": "database_restored", "source": source.name, "media": media})
    with psycopg.connect(url, connect_timeout=5) as conn:
        conn.execute(
            "INSERT INTO audit_auditevent (at, actor_label, action, object_type, object_id, reason, details) "
            "VALUES (now(), %s, 'update', 'core.database', '', %s, %s::jsonb)",
            ["restore_db", "Obnova databáze ze zálohy", details],
        )
