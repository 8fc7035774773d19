"""The registry of regions and bodies (content/data/registry.toml)."""

import tomllib
from dataclasses import dataclass
from pathlib import Path

REGISTRY_FILE = Path("data") / "registry.toml"


@dataclass(frozen=True)
class Named:
    """A registry entry with its name in each language."""

    key: str
    names: dict
    region: str = ""

    def name(self, lang):
        return self.names[lang]


@dataclass(frozen=True)
class Registry:
    regions: dict
    bodies: dict


def load_registry(content_root, languages):
    """Read the registry; a missing or broken file is an error the editor
    must fix, so it raises ValueError naming the file."""
    path = Path(content_root) / REGISTRY_FILE
    if not path.exists():
        return Registry({}, {})
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ValueError(f"{REGISTRY_FILE.as_posix()}: {error}") from error

    def entries(table):
        found = {}
        for key, entry in data.get(table, {}).items():
            missing = [lang for lang in languages if not entry.get(lang)]
            if missing:
                raise ValueError(
                    f"{REGISTRY_FILE.as_posix()}: [{table}.{key}] needs a name in "
                    + " and ".join(missing)
                )
            found[key] = Named(key, {lang: entry[lang] for lang in languages},
                               entry.get("region", ""))
        return found

    return Registry(entries("regions"), entries("bodies"))
