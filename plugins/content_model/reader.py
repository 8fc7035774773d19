"""Pelican reader for the content contract: <section>/<name>.<lang>.md."""

import logging

from markdown import Markdown
from pelican.readers import BaseReader

from .agenda import parse_agenda
from .messages import editor_translations
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


class ContentReader(BaseReader):
    """Reads our header format with line-accurate messages and converts the
    body with one reused Markdown instance."""

    enabled = True
    file_extensions = ["md"]

    def __init__(self, settings):
        super().__init__(settings)
        config = dict(settings["MARKDOWN"])
        extensions = config.pop("extensions", []) + list(config["extension_configs"])
        self._markdown = Markdown(extensions=list(dict.fromkeys(extensions)), **config)
        root = settings["PATH"]
        self.translations = editor_translations(settings)
        self.known = KnownNames(
            load_registry(root, settings["LANGUAGES"]), project_names(root)
        )

    def _convert(self, text):
        return self._markdown.reset().convert(text)

    def read(self, source_path):
        root = self.settings["PATH"]
        languages = self.settings["LANGUAGES"]
        source = read_source(source_path, root, languages)
        values = {}
        if not any(p.severity == "error" for p in source.problems):
            pair = translation_pair(source, source_path, root, languages)
            values = item_metadata(source, pair, self.settings["DEFAULT_LANG"], self.known)
            check_body(source, source_path, root)
        agenda = parse_agenda(source) if source.section == "meetings" else None
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
            elif attribute == "summary":
                value = self._convert(value)
            metadata[attribute] = value
        if agenda is not None:
            metadata["agenda"] = self._convert_agenda(agenda)
            return self._convert("\n\n".join(agenda.preamble)), metadata
        return self._convert(source.body), metadata

    def _convert_agenda(self, agenda):
        """The items with their parts as HTML, in order of number."""
        for item in agenda.items:
            item.proposal = self._convert(item.proposal) if item.proposal else ""
            item.decision = self._convert(item.decision) if item.decision else ""
            item.discussion = self._convert("\n\n".join(item.discussion))
        return sorted(agenda.items, key=lambda item: item.number)
