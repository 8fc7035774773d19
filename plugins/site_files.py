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


def remove_files(site, names):
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
