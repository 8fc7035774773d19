"""What a kind of content is, declared once in the kind's own package
(news, pages, meetings, projects, events), and the registry of kinds: the
CONTENT_TYPES setting, which names those packages.

The generic parts (reading, pairing translations, writing, feeds) ask a
ContentType; none of them names a kind."""

import difflib
import importlib
import importlib.machinery
import importlib.util
import os
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib.abc import Loader
from types import ModuleType
from typing import Any, Callable, cast

from .schema import Key


def N_(message: str) -> str:
    """Marks a message for the theme's catalogue (babel.cfg): a kind's label
    and feed titles, translated where they are shown, in that page's or
    feed's language."""
    return message


@dataclass(frozen=True)
class BodyStructure:
    """Parts a kind reads from the body besides its text (a meeting's agenda
    items): ``parse(source)`` returns them, with problems added to the
    source, as an object with ``converted(html)`` -> (the rest of the body
    as HTML, the parts as the item keeps them) and ``attribute``, the
    item's attribute for the parts. ``owns_line(line)`` tells the lines
    that are its to check, not the generic body check's; the body's own
    headings start at ``lowest_heading``."""

    parse: Callable
    owns_line: Callable
    lowest_heading: int = 2


# The body `invoke new` writes for a kind that has no example of its own.
PLAIN_BODIES = ("Kirjoita teksti tähän.\n", "Skriv texten här.\n")


@dataclass(frozen=True)
class Scaffold:
    """What `invoke new` writes for a kind: the keys it fills in when the
    command line does not (key -> function of the build date), the file name
    made of the values, key help where the kind means something of its own,
    and the body in each language."""

    name: Callable | None = None  # (slugified title, values) -> <name>; None: the title's
    defaults: dict = field(default_factory=dict)  # key -> (build date) -> value
    examples: Callable | None = None  # (values given) -> {key: example agreeing with them}
    bodies: tuple = PLAIN_BODIES  # Finnish, Swedish
    # Example lines an earlier `invoke new` wrote, which no real text says.
    earlier_lines: frozenset = frozenset()

    @property
    def placeholder_lines(self) -> frozenset[str]:
        """Every line of the example bodies, which an editor is to replace:
        left in, it is an error (body.check_body)."""
        return self.earlier_lines | {
            line for body in (*self.bodies, *PLAIN_BODIES) for line in body.split("\n") if line}


# What `invoke new` writes for a kind that says nothing of its own.
PLAIN_SCAFFOLD = Scaffold()


@dataclass(frozen=True)
class SectionFeed:
    """A kind's own feed in each language, at its section's address: its
    title and description (English, marked with N_ for the theme's
    catalogue and translated per feed language), the items it shows in
    order, ``items(context)``, and ``since_items(context)``, those whose
    newest date dates the feed while it is empty (by default the same)."""

    title: str
    description: str
    items: Callable
    since_items: Callable | None = None


@dataclass(frozen=True)
class ContentType:
    """One kind of content.

    ``folder`` is its folder under content/, and its name wherever the site
    keys things by kind (items_by_key, SECTION_URLS, the generator context);
    ``noun`` is the word `invoke new` takes for it.
    ``urls`` are where its items live, per language; an item is at
    ``<url><slug>/``. ``content_class`` is Pelican's content class; its
    ``default_template`` is the item's template. ``pelican_generator`` names
    Pelican's own generator that reads it ("ARTICLE" or "PAGE"); otherwise
    ``generator`` is ours. ``checks`` run across the keys of each file.
    ``section_feed`` is its own feed; ``feeds(generator, lang)`` gives the
    other feeds it adds to a language (one per body, per project), and
    ``feed_entry(generator, item, lang, agenda_numbers)`` what an entry of
    it shows where it differs from the title, summary and the template
    ``feeds/<template>_entry.html`` (a dict of FeedEntry fields, and
    ``id_suffix`` for an entry that must be new to subscribers).
    ``all_generators_finalized(generators)`` runs once every item is read."""

    folder: str
    noun: str  # what `invoke new` calls it: invoke new meeting …
    label: str  # its name in the menu and the search filters (N_, English)
    keys: tuple
    content_class: type
    urls: dict
    checks: tuple = ()
    body: BodyStructure | None = None
    pelican_generator: str = ""
    generator: type | None = None
    all_generators_finalized: Callable | None = None
    section_feed: SectionFeed | None = None
    feeds: Callable | None = None
    feed_entry: Callable | None = None
    scaffold: Scaffold = PLAIN_SCAFFOLD
    # A folder of templates the kind brings with it (its item's template,
    # its feed entry's), searched before the theme's; None: the theme has them.
    templates: str | None = None
    # Checks of a file that depend on the day of the build, (source, values,
    # today) -> Problem or None: apart from reading, whose result is kept.
    dated_checks: tuple = ()

    def key(self, name: str) -> Key | None:
        for key in self.keys:
            if key.name.lower() == name.lower():
                return key
        return None

    def closest_keys(self, name: str) -> list[str]:
        lowered = {key.name.lower(): key.name for key in self.keys}
        matches = difflib.get_close_matches(name.lower(), lowered, n=2, cutoff=0.6)
        return [lowered[m] for m in matches]


def content_types(settings: Mapping[str, Any]) -> dict[str, ContentType]:
    """{folder: ContentType} of every package CONTENT_TYPES names, in its
    order. Each package declares its kind as ``CONTENT_TYPE``; Python keeps
    an imported package, so asking again costs a lookup."""
    types: dict[str, ContentType] = {}
    for package in settings["CONTENT_TYPES"]:
        declared = import_package(package, settings.get("PLUGIN_PATHS", ())).CONTENT_TYPE
        types[declared.folder] = declared
    return types


def import_package(name: str, plugin_paths: Iterable[str | os.PathLike[str]]) -> ModuleType:
    """The package ``name`` of the plugin folders, imported as Pelican
    imports a plugin there (and under the same name, so that a package that
    is also a plugin is one module)."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.machinery.PathFinder.find_spec(name, [str(path) for path in plugin_paths])
    if spec is None:
        return importlib.import_module(name)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        # A namespace package (a folder without __init__.py) has no loader,
        # and fails here with AttributeError, as it always has.
        cast(Loader, spec.loader).exec_module(module)
    except BaseException:
        del sys.modules[name]
        raise
    return module


def derived_settings(types: Mapping[str, ContentType], settings: Mapping[str, Any]) -> dict[str, Any]:
    """Pelican's URL settings of each kind's content class (MEETING_URL,
    MEETING_SAVE_AS, MEETING_LANG_URL…), its paths for Pelican's own
    generators, and SECTION_URLS for the templates: all follow from ``urls``;
    and the kinds' own template folders. Pelican has one LANG_URL for every
    other language; the site has one."""
    default_lang = settings["DEFAULT_LANG"]
    other = next(lang for lang in settings["LANGUAGES"] if lang != default_lang)
    derived: dict[str, Any] = {"SECTION_URLS": {},
                               "THEME_TEMPLATES_OVERRIDES": list(settings.get("THEME_TEMPLATES_OVERRIDES", []))}
    for kind in types.values():
        name = kind.pelican_generator or kind.content_class.__name__.upper()
        derived["SECTION_URLS"][kind.folder] = dict(kind.urls)
        for prefix, url in ((f"{name}_", kind.urls[default_lang]), (f"{name}_LANG_", kind.urls[other])):
            derived[prefix + "URL"] = url + "{slug}/"
            derived[prefix + "SAVE_AS"] = url + "{slug}/index.html"
        if kind.pelican_generator:
            derived[f"{kind.pelican_generator}_PATHS"] = [kind.folder]
        if kind.templates and kind.templates not in derived["THEME_TEMPLATES_OVERRIDES"]:
            derived["THEME_TEMPLATES_OVERRIDES"].append(kind.templates)
    return derived
