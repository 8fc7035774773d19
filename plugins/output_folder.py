"""The folder a build is published into, guarded: one build at a time,
nothing left over from a build that was killed, files a web server can
read whatever the umask, and failures of the system told in one line.

Not a Pelican plugin: site_build uses it around a build.
"""

import errno
import os
import shutil
import stat
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from content_model.messages import Message, _

if sys.platform == "win32":  # pragma: no cover - exercised on the editors' Windows laptops
    import msvcrt

    def _try_lock(descriptor: int) -> None:
        msvcrt.locking(descriptor, msvcrt.LK_NBLCK, 1)
else:
    import fcntl

    def _try_lock(descriptor: int) -> None:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)


class FolderBusy(Exception):
    """Another build is publishing into the same folder."""


@contextmanager
def publishing_lock(final: Path) -> Iterator[None]:
    """Hold the lock of the folder ``final`` for one build. The system
    releases it when the process ends, however it ends: a killed build
    never leaves a lock behind."""
    path = final.parent / f".{final.name}-lock"
    descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            _try_lock(descriptor)
        except OSError as error:
            raise FolderBusy(_(
                "another build is publishing into {folder} right now; nothing was changed: "
                "run this one again when it has finished", folder=final)) from error
        yield
    finally:
        os.close(descriptor)


def remove_leftovers(final: Path, keep: str | None = None) -> None:
    """Remove the folders that builds into ``final`` left beside it when
    they were killed (``.public.new-*``, ``.public.old-*``), but ``keep``,
    the folder the next build starts from. Only called under the lock."""
    for prefix in (f".{final.name}.new-", f".{final.name}.old-"):
        for folder in final.parent.glob(prefix + "*"):
            if str(folder) != keep and folder.is_dir() and not folder.is_symlink():
                shutil.rmtree(folder, ignore_errors=True)


def readable_by_everyone(folder: str | Path) -> None:
    """Give the files of ``folder`` mode 0644 and its folders 0755: a web
    server running as another user must read them, whatever the umask of the
    build or the modes of the content files copied in. Touches only what
    differs: most files are links to files already right."""
    for parent, _folders, files in os.walk(folder):
        os.chmod(parent, 0o755)
        for name in files:
            path = os.path.join(parent, name)
            if stat.S_IMODE(os.lstat(path).st_mode) != 0o644:
                os.chmod(path, 0o644)


def check_movable(final: Path) -> None:
    """A folder that is a mount point cannot be replaced by another: say so
    before anything is built."""
    if final.is_dir() and os.path.ismount(final):
        raise OSError(errno.EBUSY, os.strerror(errno.EBUSY), str(final))


# What the system's errors mean for someone publishing, and what to do.
REASONS = {
    errno.ENOSPC: _("the disk is full"),
    errno.EROFS: _("the file system is read-only"),
    errno.EACCES: _("permission denied"),
    errno.EPERM: _("permission denied"),
    errno.EBUSY: _("the folder is a mount point or in use; publish into a folder inside the "
                   "mount (OUTPUT_PATH), so that the new site can take the old one's place"),
    errno.EXDEV: _("the folder is on another disk than its parent folder; publish into a "
                   "folder whose parent is on the same disk"),
}


def system_failure(error: OSError, final: Path) -> Message:
    """One line for an OSError met while building into ``final``."""
    reason = REASONS.get(error.errno or 0) or error.strerror or str(error)
    where = error.filename or final
    return _("{path}: {reason}; the published site is unchanged", path=where, reason=reason)
