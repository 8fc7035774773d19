"""Files of a built site: the previous build's linked into a new one, and
replaced without touching the published file they may be linked to.

Not a Pelican plugin: site_build and the plugins that write files use it.
"""

import os
from pathlib import Path


def replace_file(path, data):
    """Write ``data`` at ``path`` as a new file. The old one may be a hard
    link to the published site's file, which must not change: it is
    unlinked, never written into."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists() or path.is_symlink():
        path.unlink()
    path.write_bytes(data)


def link_tree(source, target, skip=()):
    """Hard-link every file under ``source`` to the same place under
    ``target``, except the top-level folders named in ``skip``. Costs no
    copying and leaves the files as they are."""
    source, target = Path(source), Path(target)
    for folder, folders, files in os.walk(source):
        relative = Path(folder).relative_to(source)
        if relative == Path("."):
            folders[:] = [name for name in folders if name not in skip]
            files = [name for name in files if name not in skip]
        (target / relative).mkdir(parents=True, exist_ok=True)
        for name in files:
            os.link(Path(folder) / name, target / relative / name)


def remove_unclaimed(site, previous, claimed):
    """Remove the files of ``site`` that are still the previous build's
    (linked, same inode) and that this build did not claim; then the
    folders left empty. Returns how many pages (.html) went."""
    site, previous = Path(site), Path(previous)
    removed = 0
    for folder, _folders, files in os.walk(site, topdown=False):
        for name in files:
            path = Path(folder) / name
            relative = path.relative_to(site).as_posix()
            if relative in claimed:
                continue
            old = previous / relative
            if old.exists() and os.path.samestat(path.stat(), old.stat()):
                path.unlink()
                removed += relative.endswith(".html")
        if folder != str(site) and not os.listdir(folder):
            os.rmdir(folder)
    return removed
