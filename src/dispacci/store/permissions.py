"""Why SQLite cannot open a database file: permissions, told apart from damage.

SQLite answers "unable to open database file" or "attempt to write a readonly
database" both for a damaged file and for a folder the user may not write to
(WAL mode keeps ``-wal`` and ``-shm`` files beside the database, even for
readers). Asking the operating system (``os.access``, which never opens the
file, so SQLite's locks are safe) tells the user which it is.
"""
from __future__ import annotations

import os
from pathlib import Path

__all__ = ["unwritable_reason"]


def unwritable_reason(path: Path) -> str | None:
    """What stops this process writing beside ``path``, or None when nothing does."""
    folder = path.resolve().parent
    if not os.access(folder, os.W_OK | os.X_OK):
        return f"the folder {folder} is not writable by this user"
    if path.exists() and not os.access(path, os.W_OK):
        return "the file is not writable by this user"
    wal = Path(f"{path}-wal"), Path(f"{path}-shm")
    for companion in wal:
        if companion.exists() and not os.access(companion, os.W_OK):
            return f"{companion.name} beside it is not writable by this user"
    return None
