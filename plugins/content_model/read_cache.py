"""What each content file reads as, kept from one build to the next (by
`invoke serve` in memory, by `invoke build` on disk), so that an edit
re-reads only what it touched.

A file's entry is keyed by everything its reading depends on: its own bytes,
its translation's bytes (inherited keys), the registry, the set of project
names (references), the reader's settings and the code of the plugins.
Anything else changed gives a new key; the output is byte-identical to a
clean build's.
"""

import dataclasses
import hashlib
import os
from functools import cache
from pathlib import Path

from .body import link_state
from .registry import REGISTRY_FILE

PLUGINS = Path(__file__).resolve().parent.parent


class ReadCache:
    """Entries are plain data: (problems, content HTML, metadata, linked
    files and whether they existed)."""

    def __init__(self):
        self.entries = {}
        self.used = set()
        self.hits = 0
        self.keys = {}  # this build's key of each file, worked out once
        self.digests = {}  # path -> (size and times, digest of the bytes)

    def key(self, path, languages, shared):
        """The key of one file: its bytes and its translations' bytes."""
        if (path, shared) not in self.keys:
            own = os.path.abspath(path)
            folder, file_name = os.path.split(own)
            name = file_name.split(".")[0]
            translations = [os.path.join(folder, f"{name}.{lang}.md") for lang in languages]
            digest = hashlib.sha256(shared.encode())
            for candidate in [own] + [t for t in translations if t != own]:
                digest.update(f"{candidate}\0{self.file_digest(candidate)}\0".encode())
            self.keys[path, shared] = digest.hexdigest()
        return self.keys[path, shared]

    def file_digest(self, path):
        """The digest of a file's bytes, read again only when its size or
        times changed."""
        try:
            status = os.stat(path)
        except FileNotFoundError:
            return "-"
        seen = (status.st_ino, status.st_size, status.st_mtime_ns, status.st_ctime_ns)
        known = self.digests.get(path)
        if known is None or known[0] != seen:
            with open(path, "rb") as source:
                known = self.digests[path] = (seen, hashlib.sha256(source.read()).hexdigest())
        return known[1]

    def start_build(self):
        """Files may have changed since the last build: work out keys anew."""
        self.keys = {}

    def get(self, key):
        entry = self.entries.get(key)
        if entry is not None and any(link_state(path) != state for path, state in entry[3]):
            entry = None  # a file it links to came, went or became a draft: read it again
        if entry is not None:
            self.hits += 1
            self.used.add(key)
        return entry

    def put(self, key, entry):
        problems, content, metadata, linked = entry
        self.entries[key] = (tuple(problems), content, {name: frozen(value) for name, value in metadata.items()},
                             tuple(linked))
        self.used.add(key)
        return self.entries[key]

    def forget_unused(self):
        """Keep only what the last build read, so the cache does not grow
        with every edit."""
        self.entries = {key: self.entries[key] for key in self.used if key in self.entries}
        self.used = set()
        self.keys = {}


class FrozenDict(dict):
    """A dict kept in the cache: every build and plugin reads the same one,
    so none may change it."""

    def _refuse(self, *_args, **_kwargs):
        raise TypeError("a value the reader made is shared by every build: copy it to change it")

    __setitem__ = __delitem__ = clear = pop = popitem = setdefault = update = __ior__ = _refuse

    def __reduce__(self):
        return FrozenDict, (dict(self),)


def frozen(value):
    """``value`` as the cache keeps it: lists as tuples, dicts as
    FrozenDicts, sets as frozensets, all the way down. Anything else must
    be immutable already (a frozen dataclass, a string, a date)."""
    if isinstance(value, (list, tuple)):
        return tuple(frozen(part) for part in value)
    if isinstance(value, dict):
        return FrozenDict({name: frozen(part) for name, part in value.items()})
    if isinstance(value, (set, frozenset)):
        return frozenset(value)
    if dataclasses.is_dataclass(value) and not type(value).__dataclass_params__.frozen:
        raise TypeError(f"{type(value).__name__} is kept in the read cache: make it a frozen dataclass")
    return value


def fresh(entry):
    """A copy a build may change without changing the cache: the metadata
    dict. Its values are the cache's own, frozen (see ``frozen``): plugins
    add attributes to items, they cannot change these values."""
    problems, content, metadata, _linked = entry
    return list(problems), content, dict(metadata)


# Where the build writes, and the caches themselves, do not change what a
# file reads as.
NOT_READ = {"OUTPUT_PATH", "READ_CACHE", "RENDER_STATE", "SITE_MODEL", "BUILD_WORKERS", "PREVIOUS_OUTPUT",
            "KEPT_FROM_PUBLISHED", "PUBLISHED_FOLDER",
            "PAGES_CHANGED"}


def settings_fingerprint(settings, editor_lang):
    """The settings as plain data; objects are left out."""
    plain = (str, int, float, bool, type(None), tuple, list, dict)
    kept = sorted((name, repr(value)) for name, value in settings.items()
                  if isinstance(value, plain) and name not in NOT_READ)
    return repr((kept, editor_lang)).encode()


@cache
def code_fingerprint():
    """The plugins' code, their messages and the pinned libraries do not
    change within a process, but a cache kept on disk may outlive them.
    Worked out once per process: the code it describes is the code loaded
    (`invoke serve` starts its build process anew when the code changes)."""
    digest = hashlib.sha256()
    # The pinned versions of Pelican, Markdown, Jinja2 and the rest.
    requirements = PLUGINS.parent / "requirements.txt"
    digest.update(requirements.read_bytes() if requirements.exists() else b"")
    for path in sorted(PLUGINS.rglob("*.py")) + sorted(PLUGINS.rglob("*.po")):
        digest.update(str(path.relative_to(PLUGINS)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def context_fingerprint(settings, project_names, editor_lang):
    """What every file's reading shares: registry, projects, settings, code."""
    registry = Path(settings["PATH"]) / REGISTRY_FILE
    digest = hashlib.sha256(code_fingerprint().encode())
    digest.update(registry.read_bytes() if registry.exists() else b"")
    digest.update("\n".join(sorted(project_names)).encode())
    digest.update(settings_fingerprint(settings, editor_lang))
    return digest.hexdigest()
