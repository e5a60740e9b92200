"""A throwaway PostgreSQL server for tests, started from the Debian package's
binaries (``apt-get install postgresql``) in a temporary folder."""
from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

__all__ = ["TemporaryPostgres", "find_binaries"]


def find_binaries() -> Path | None:
    """The newest folder holding initdb and pg_ctl, or None."""
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name)
                        if Path(p).parent.name.isdigit() else 0)
    for folder in reversed(candidates):
        if (Path(folder) / "initdb").exists() and (Path(folder) / "pg_ctl").exists():
            return Path(folder)
    found = shutil.which("initdb")
    return Path(found).resolve().parent if found and shutil.which("pg_ctl") else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class TemporaryPostgres:
    """``with TemporaryPostgres() as url:`` — raises RuntimeError saying why it cannot start."""

    def __init__(self):
        self.folder: Path | None = None
        self.bin = find_binaries()
        self.prefix: list[str] = []

    def __enter__(self) -> str:
        if self.bin is None:
            raise RuntimeError("no initdb/pg_ctl found under /usr/lib/postgresql/*/bin (apt-get install postgresql)")
        self.folder = Path(tempfile.mkdtemp(prefix="dispacci-pg-"))
        if os.geteuid() == 0:  # PostgreSQL refuses to run as root: use the package's system user
            try:
                user = pwd.getpwnam("postgres")
            except KeyError:
                raise RuntimeError("running as root and there is no 'postgres' user to run the server") from None
            os.chown(self.folder, user.pw_uid, user.pw_gid)
            self.prefix = ["runuser", "-u", "postgres", "--"]
        data, port = self.folder / "data", _free_port()
        self.data = data
        self._run([str(self.bin / "initdb"), "-D", str(data), "-A", "trust", "-U", "dispacci", "-E", "UTF8",
                   "--no-sync", "--locale=C"])
        self._run([str(self.bin / "pg_ctl"), "-D", str(data), "-l", str(self.folder / "log"), "-w", "-t", "60",
                   "-o", f"-p {port} -h 127.0.0.1 -k {self.folder} -F -c fsync=off -c full_page_writes=off",
                   "start"])
        return f"postgresql://dispacci@127.0.0.1:{port}/postgres"

    def _run(self, command: list[str]) -> None:
        result = subprocess.run(self.prefix + command, capture_output=True, text=True, timeout=120)
        if result.returncode != 0:
            log = (self.folder / "log").read_text() if (self.folder / "log").exists() else ""
            raise RuntimeError(f"{Path(command[0]).name} failed: {result.stderr.strip()[-500:]} {log[-500:]}")

    def __exit__(self, *exc) -> None:
        try:
            subprocess.run(self.prefix + [str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop"],
                           capture_output=True, timeout=60)
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)
