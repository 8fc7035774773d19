"""What changed under the folders the preview watches, found by looking at
the files' sizes and times a few times a second: the same on every system
and file system, and cheap for a site of a few thousand files."""

import os
import time
from pathlib import Path

# Saved by the editor and read by the build.
WATCHED = ("content", "theme", "plugins", "pelicanconf.py")
# Read once by the build process when it starts (see builder).
CODE = ("plugins", "pelicanconf.py")
INTERVAL = 0.15  # seconds between looks
SETTLE = 0.05  # seconds a change must stay as it is (an editor may save in steps)


def ignored(name):
    """Editors' and Python's own files, which no build reads."""
    return (name.startswith((".", "~")) or name.endswith(("~", ".pyc", ".swp", ".tmp"))
            or name == "__pycache__")


def snapshot(root):
    """{path relative to ``root``: (size, modification time)} of every
    watched file."""
    files = {}
    for top in WATCHED:
        path = Path(root) / top
        if path.is_file():
            files[top] = stat_of(path)
        for folder, folders, names in os.walk(path):
            folders[:] = [name for name in folders if not ignored(name)]
            for name in names:
                if not ignored(name):
                    full = os.path.join(folder, name)
                    files[os.path.relpath(full, root)] = stat_of(full)
    return files


def stat_of(path):
    try:
        status = os.stat(path)
    except FileNotFoundError:  # gone between listing and looking
        return None
    return status.st_size, status.st_mtime_ns


class Watcher:
    def __init__(self, root):
        self.root = root
        self.files = snapshot(root)

    def wait(self):
        """Wait for a change; return the paths that changed, once they have
        stayed as they are for a moment."""
        while True:
            time.sleep(INTERVAL)
            now = snapshot(self.root)
            if now != self.files:
                break
        while True:
            time.sleep(SETTLE)
            settled = snapshot(self.root)
            if settled == now:
                break
            now = settled
        changed = {path for path in now.keys() | self.files.keys()
                   if now.get(path) != self.files.get(path)}
        self.files = now
        return changed


def touches_code(changed):
    """Whether a change needs a build process with fresh code."""
    return any(Path(path).parts[0] in CODE for path in changed)
