"""The registry of regions and bodies (content/data/registry.toml)."""

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from .messages import _
from .schema import SLUG
from .source import Problem

REGISTRY_FILE = Path("data") / "registry.toml"


@dataclass(frozen=True)
class Named:
    """A registry entry with its name in each language."""

    key: str
    names: dict
    region: str = ""
    slugs: tuple = ()  # (lang, the last part of its address in that language), if not the key

    def name(self, lang):
        return self.names[lang]

    def slug(self, lang):
        """The last part of the entry's pages' addresses in ``lang``: the
        Swedish pages of a region are at a Swedish address."""
        return dict(self.slugs).get(lang, self.key)


@dataclass(frozen=True)
class Registry:
    regions: dict
    bodies: dict


class RegistryError(Exception):
    """The registry cannot be used; ``problems`` say where and what to do."""

    def __init__(self, problems):
        super().__init__(f"{REGISTRY_FILE.as_posix()}: {len(problems)} problem(s)")
        self.problems = problems


def load_registry(content_root, languages):
    """Read the registry; a broken file is an error the editor must fix, so
    it raises RegistryError with every problem found in it."""
    path = Path(content_root) / REGISTRY_FILE
    if not path.exists():
        return Registry({}, {})
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise RegistryError([problem(raw[: error.start].count(b"\n") + 1, _(
            "the file is not UTF-8 text; save it again as UTF-8 (Save as, encoding "
            "UTF-8: 'Encoding' in Notepad on Windows, 'Plain Text Encoding' in TextEdit on a Mac)"))]) from error
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise RegistryError([unreadable_line(text, str(error))]) from error

    problems = []

    def entries(table):
        found = {}
        for key, entry in data.get(table, {}).items():
            entry = entry if isinstance(entry, dict) else {}
            missing = [lang for lang in languages if not entry.get(lang)]
            for lang in missing:
                problems.append(problem(entry_line(text, table, key), _(
                    "[{entry}] has no name in '{lang}': add a line {example} under it",
                    entry=f"{table}.{key}", lang=lang, example=f'{lang} = "..."')))
            slugs = tuple((lang, entry[f"slug_{lang}"]) for lang in languages
                          if f"slug_{lang}" in entry)
            for lang, slug in slugs:
                if not isinstance(slug, str) or not SLUG.match(slug):
                    problems.append(problem(entry_line(text, table, key), _(
                        "slug_{lang} of [{entry}]: expected lower-case letters a-z, digits and "
                        "single hyphens (for example {example}), found '{found}'", lang=lang,
                        entry=f"{table}.{key}", example="sodra-osterbotten", found=slug)))
            if not missing:
                found[key] = Named(key, {lang: entry[lang] for lang in languages},
                                   entry.get("region", ""), slugs)
        return found

    registry = Registry(entries("regions"), entries("bodies"))
    if problems:
        raise RegistryError(problems)
    return registry


def problem(line, message):
    return Problem(REGISTRY_FILE.as_posix(), line, message)


def unreadable_line(text, error):
    """What is wrong on the line tomllib stopped at. Its own message is
    English and speaks of TOML: the editor is told what to write instead."""
    at = re.search(r"at line (\d+)", error)
    number = int(at[1]) if at else 0
    line = text.split("\n")[number - 1].strip() if number else ""
    if line.count('"') % 2:
        return problem(number, _(
            "a quotation mark is missing: write the name between two quotation marks, "
            "for example {example}", example='fi = "Uusi ryhmä"'))
    if error.startswith(("Cannot declare", "Cannot overwrite")):
        return problem(number, _(
            "'{found}' is already written above: each heading, and each name under it, is "
            "written once; rename or remove this one", found=line[:60]))
    return problem(number, _(
        "the line cannot be read: write a heading such as {heading} and under it names "
        "such as {example}, as in the entries above; found '{found}'",
        heading="[bodies.uusi-ryhma]", example='fi = "Uusi ryhmä"', found=line[:60]))


def entry_line(text, table, key):
    """The line of the entry's heading [table.key], or 0 if it has none."""
    heading = re.compile(rf"^\s*\[\s*{re.escape(table)}\s*\.\s*{re.escape(key)}\s*\]")
    for number, line in enumerate(text.split("\n"), start=1):
        if heading.match(line):
            return number
    return 0
