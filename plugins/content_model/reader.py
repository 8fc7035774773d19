"""Pelican reader for the content contract: <section>/<name>.<lang>.md."""

import logging

from pelican.readers import BaseReader

from .agenda import parse_agenda
from .convert import Converter
from .messages import editor_language, editor_translations
from .read_cache import context_fingerprint, read_key
from .model import KnownNames, check_body, item_metadata, project_names, translation_pair
from .registry import load_registry
from .source import read_source

logger = logging.getLogger(__name__)


class ContentError(Exception):
    """A content file cannot be published; its problems are already logged."""


def log_problems(problems, translations=None):
    for problem in problems:
        log = logger.error if problem.severity == "error" else logger.warning
        log("%s", problem.text(translations))


def validated_source(path, settings, known):
    """The source file, its values and its agenda, with every problem found
    in it collected on the source."""
    root, languages = settings["PATH"], settings["LANGUAGES"]
    source = read_source(path, root, languages)
    values, agenda = {}, None
    if not any(p.severity == "error" for p in source.problems):
        pair = translation_pair(source, path, root, languages)
        values = item_metadata(source, pair, settings["DEFAULT_LANG"], known)
        check_body(source, path, root)
        if source.section == "meetings":
            agenda = parse_agenda(source)
    return source, values, agenda


class ContentReader(BaseReader):
    """Reads our header format with line-accurate messages and converts the
    body to safe HTML."""

    enabled = True
    file_extensions = ["md"]

    def __init__(self, settings):
        super().__init__(settings)
        self.converter = Converter(settings["MARKDOWN"])
        self.translations = editor_translations(settings)
        root = settings["PATH"]
        self.known = KnownNames(
            load_registry(root, settings["LANGUAGES"]), project_names(root)
        )
        self.cache = settings.get("READ_CACHE")
        if self.cache is not None:
            self.shared_key = context_fingerprint(
                settings, self.known.projects, editor_language(settings))

    def read(self, source_path):
        if self.cache is None:
            return self.read_file(source_path)
        key = read_key(source_path, self.settings["LANGUAGES"], self.shared_key)
        cached = self.cache.get(key)
        if cached is not None:
            warnings, content, metadata = cached
            log_problems(warnings, self.translations)
            return content, metadata
        content, metadata, warnings = self.read_file(source_path, keep_warnings=True)
        self.cache.put(key, (warnings, content, metadata))
        return content, metadata

    def read_file(self, source_path, keep_warnings=False):
        """(content, metadata) of one file, or also its warnings; raises
        ContentError after logging the problems of a file with errors."""
        source, values, agenda = validated_source(source_path, self.settings, self.known)
        if not any(p.severity == "error" for p in source.problems):
            content, summary, agenda_items = self.converter.item(source, values, agenda)
        log_problems(source.problems, self.translations)
        errors = [p for p in source.problems if p.severity == "error"]
        if errors:
            raise ContentError(
                f"{source.path}: {len(errors)} error(s), not published (see above)"
            )

        metadata = {
            "lang": source.lang,
            "item_name": source.name,
            "section": source.section,
            "slug": source.name,
            # Pelican expects every article to have a category.
            "category": self.process_metadata("category", source.section),
        }
        for attribute, value in values.items():
            if attribute == "tags":
                value = self.process_metadata("tags", ", ".join(value))
            metadata[attribute] = value
        if summary is not None:
            metadata["summary"] = summary
        if agenda_items is not None:
            metadata["agenda"] = agenda_items
        if keep_warnings:
            return content, metadata, source.problems
        return content, metadata
