"""What every reader and generator of one build knows of the site before
any item is read: the registry of regions and bodies, the names of the
projects, and what every file's reading depends on besides the file.

Read once when the build starts (content_model's ``initialized`` receiver)
and kept in the build's settings, which Pelican makes anew for each build
and copies into the generators' context: the reader finds it in its
settings, a generator in its context. Nothing of one build is left for the
next, so a rebuild of `invoke serve` sees a renamed body or a removed
project at once. The items themselves, paired and linked (``items_by_key``,
translations, backlinks), are in the context the generators fill.

Outside a Pelican build (`invoke check`, `invoke new`, a reader made in a
test) there is no build to keep it: site_model() reads it there and then.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .messages import editor_language
from .model import KnownNames, project_names
from .read_cache import context_fingerprint
from .registry import Registry, load_registry

SITE_MODEL = "SITE_MODEL"


@dataclass(frozen=True)
class SiteModel:
    registry: Registry
    known: KnownNames  # what references in content may point to
    read_key: str  # what every file's reading shares (read_cache.context_fingerprint)


def read_site_model(settings: Mapping[str, Any]) -> SiteModel:
    """The SiteModel of the content at settings["PATH"]; a broken registry
    raises RegistryError with every problem found in it."""
    root = settings["PATH"]
    registry = load_registry(root, settings["LANGUAGES"])
    projects = project_names(root)
    return SiteModel(registry, KnownNames(registry, projects),
                     context_fingerprint(settings, projects, editor_language(settings)))


def site_model(settings: Mapping[str, Any]) -> SiteModel:
    """The build's SiteModel from its settings or context, or one read now
    when there is no build."""
    model = settings.get(SITE_MODEL)
    return model if model is not None else read_site_model(settings)
