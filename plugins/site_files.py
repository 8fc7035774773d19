"""Files of a built site: the previous build's linked into a new one, and
replaced without touching the published file they may be linked to.

Not a Pelican plugin: site_build and the plugins that write files use it.
"""

import ctypes
import errno
import os
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path


def replace_file(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` at ``path`` as a new file. The old one may be a hard
    link to the published site's file, which must not change: it is
    unlinked, never written into. Most files of a build are new: the
    common case costs one open, and the others are found by its error."""
    path = os.fspath(path)
    while True:
        try:
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
            break
        except FileExistsError:
            os.unlink(path)
        except FileNotFoundError:
            os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(descriptor, "wb") as file:
        file.write(data)


def link_tree(source: str | Path, target: str | Path, names: Iterable[str | Path] | None = None) -> None:
    """Hard-link the files under ``source`` to the same places under
    ``target``: those named in ``names`` (relative paths), or all. Costs no
    copying and leaves the files as they are."""
    source, target = Path(source), Path(target)
    if names is None:
        names = [(Path(folder) / name).relative_to(source)
                 for folder, _folders, files in os.walk(source) for name in files]
    made = set()
    for name in names:
        folder = (target / name).parent
        if folder not in made:
            folder.mkdir(parents=True, exist_ok=True)
            made.add(folder)
        try:
            os.link(source / name, target / name)
        except FileNotFoundError:
            pass  # gone since the last build: it is made again


def bring_up_to_date(folder: str | Path, source: str | Path, had: Mapping[str, object],
                     wanted: Mapping[str, object]) -> None:
    """Make ``folder``, which holds the files ``had`` names (a name -> how it
    was made), hold what ``source`` holds of the files ``wanted`` names:
    those made differently are linked from ``source`` anew, and every other
    file goes. Costs a walk of ``folder`` and a link per changed file."""
    folder, source = str(folder), str(source)
    start = len(folder) + 1
    for parent, _folders, files in os.walk(folder, topdown=False):
        for name in files:
            path = os.path.join(parent, name)
            # os.path.relpath took 0.8 s for the 10,000 files of a 4,000-file site.
            relative = path[start:].replace(os.sep, "/")
            if relative not in wanted or had.get(relative) != wanted[relative]:
                os.unlink(path)
        if parent != folder and not os.listdir(parent):
            os.rmdir(parent)
    changed = [name for name, made in wanted.items() if had.get(name) != made]
    link_tree(source, folder, changed)


def same_tree(first: str | Path, second: str | Path) -> bool:
    """Whether two folders hold the very same files (hard links, by inode)
    under the same names."""
    def files(top: str | Path) -> dict[str, int]:
        top = str(top)
        return {os.path.join(parent, name)[len(top):]: os.stat(os.path.join(parent, name)).st_ino
                for parent, _folders, names in os.walk(top) for name in names}
    return files(first) == files(second)


def folder_identity(folder: str | Path) -> tuple[int, int, int]:
    """What tells this very folder from another put in its place later (by
    another build, say): its inode and the time its entries last changed."""
    status = os.stat(folder)
    return status.st_dev, status.st_ino, status.st_ctime_ns


def remove_files(site: str | Path, names: Iterable[str]) -> None:
    """Remove the files ``names`` (relative) from ``site``, and the folders
    they leave empty."""
    site = Path(site)
    for name in names:
        path = site / name
        path.unlink(missing_ok=True)
        for folder in path.parents:
            if folder == site or any(folder.iterdir()):
                break
            folder.rmdir()


AT_FDCWD, RENAME_EXCHANGE = -100, 2  # from Linux's <fcntl.h> and <linux/fs.h>


def exchange(first: str | Path, second: str | Path) -> bool:
    """Put the folder ``first`` where ``second`` is and ``second`` where
    ``first`` was, in one step (Linux's renameat2 with RENAME_EXCHANGE): a
    reader of either path never finds it missing. False, with nothing
    changed, where the system or the file system cannot do it."""
    if not sys.platform.startswith("linux"):
        return False  # Windows has no C library to ask; macOS's renamex_np is not used
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if renameat2 is None:  # a C library without it (an old glibc, musl)
        return False
    if renameat2(AT_FDCWD, os.fsencode(first), AT_FDCWD, os.fsencode(second), RENAME_EXCHANGE) == 0:
        return True
    error = ctypes.get_errno()
    if error in (errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP):
        return False
    raise OSError(error, os.strerror(error), str(first), None, str(second))
