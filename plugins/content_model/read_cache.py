"""Reading results kept from one build to the next by a long-running
process (`invoke serve`), so that an edit re-reads only what it touched.

A file's entry is keyed by everything its reading depends on: its own bytes,
its translation's bytes (inherited keys), the registry, the set of project
names (references), and the reader's settings. Anything else changed gives
a new key; the output is byte-identical to a clean build's.
"""

import dataclasses
import hashlib
from pathlib import Path

from .registry import REGISTRY_FILE


class ReadCache:
    """Pass one to site_build.build_site(read_cache=…) for every rebuild."""

    def __init__(self):
        self.entries = {}
        self.hits = 0

    def get(self, key):
        entry = self.entries.get(key)
        if entry is None:
            return None
        self.hits += 1
        return fresh(entry)

    def put(self, key, entry):
        self.entries[key] = fresh(entry)


def fresh(entry):
    """A copy a build may change without changing the cache: the metadata
    dict and the agenda items, which plugins annotate. Dates, tags and the
    rest are not changed by anyone, and Tag objects hold the settings, which
    must not be copied."""
    warnings, content, metadata = entry
    metadata = dict(metadata)
    if "agenda" in metadata:
        metadata["agenda"] = [dataclasses.replace(item) for item in metadata["agenda"]]
    return list(warnings), content, metadata


# Where the build writes does not change what a file reads as.
NOT_READ = {"OUTPUT_PATH"}


def settings_fingerprint(settings, editor_lang):
    """The settings as plain data; objects such as the cache itself are left out."""
    plain = (str, int, float, bool, type(None), tuple, list, dict)
    kept = sorted((name, repr(value)) for name, value in settings.items()
                  if isinstance(value, plain) and name not in NOT_READ)
    return repr((kept, editor_lang)).encode()


def context_fingerprint(settings, project_names, editor_lang):
    """What every file's reading shares: registry, projects, settings."""
    registry = Path(settings["PATH"]) / REGISTRY_FILE
    digest = hashlib.sha256()
    digest.update(registry.read_bytes() if registry.exists() else b"")
    digest.update("\n".join(sorted(project_names)).encode())
    digest.update(settings_fingerprint(settings, editor_lang))
    return digest.hexdigest()


def read_key(path, languages, shared):
    """The key of one file: its bytes and its translations' bytes."""
    path = Path(path)
    digest = hashlib.sha256(shared.encode())
    name = path.name.split(".")[0]
    for candidate in [path] + [path.with_name(f"{name}.{lang}.md") for lang in languages]:
        data = candidate.read_bytes() if candidate.exists() else b""
        digest.update(str(candidate).encode() + b"\0" + str(len(data)).encode() + b"\0" + data)
    return digest.hexdigest()
