"""Pelican reader for the content contract: <section>/<name>.<lang>.md."""

import logging

from pelican.readers import BaseReader

from .convert import Converter
from .messages import editor_translations
from .read_cache import ReadCache, fresh
from .body import check_body, check_translation, link_state
from .content_type import content_types
from .model import item_metadata, translation_pair
from .site_model import site_model
from .source import read_source
from .workers import build_workers, worker_pool

logger = logging.getLogger(__name__)


class ContentError(Exception):
    """A content file cannot be published; its problems are already logged."""


def log_problems(problems, translations=None):
    for problem in problems:
        log = logger.error if problem.severity == "error" else logger.warning
        # The problem goes along, for `invoke check` to list it (TrialBuildLog).
        log("%s", problem.text(translations), extra={"problem": problem})


def validated_source(path, settings, known):
    """The source file, its values and the structure its kind reads from
    the body (a meeting's agenda), with every problem found in it collected
    on the source."""
    root, languages = settings["PATH"], settings["LANGUAGES"]
    source = read_source(path, root, languages, settings.get("TEXT_LIMITS"))
    values, structure = {}, None
    if not any(p.severity == "error" for p in source.problems):
        types = content_types(settings)
        kind = types.get(source.section)
        pair = translation_pair(source, path, root, languages)
        values = item_metadata(source, pair, settings["DEFAULT_LANG"], known, types)
        source.linked_files = check_body(source, path, root, settings["STATIC_PATHS"], kind)
        check_translation(source, pair, settings["DEFAULT_LANG"])
        if kind and kind.body:
            structure = kind.body.parse(source)
    return source, values, structure


class ContentReader(BaseReader):
    """Reads our header format with line-accurate messages and converts the
    body to safe HTML. What a file reads as is kept in the build's ReadCache
    (settings["READ_CACHE"]), so that no file is read twice. Pelican makes
    one per generator: what they share is the build's SiteModel."""

    enabled = True
    file_extensions = ["md"]

    def __init__(self, settings):
        super().__init__(settings)
        self.converter = None  # made when a file is read: most readers read none
        self.translations = editor_translations(settings)
        model = site_model(settings)
        self.known, self.shared_key = model.known, model.read_key
        self.cache = settings.get("READ_CACHE")
        if self.cache is None:
            self.cache = settings["READ_CACHE"] = ReadCache()
        self.named_objects = {}

    def key(self, source_path):
        return self.cache.key(str(source_path), self.settings["LANGUAGES"], self.shared_key)

    def read(self, source_path):
        key = self.key(source_path)
        entry = self.cache.get(key)
        if entry is None:
            entry = self.cache.put(key, self.read_plain(source_path))
        problems, content, metadata = fresh(entry)
        # What the files said, to tell whether a page showing this item changed.
        metadata["source_key"] = key
        log_problems(problems, self.translations)
        errors = [p for p in problems if p.severity == "error"]
        if errors:
            raise ContentError(f"{problems[0].path}: {len(errors)} error(s), not published (see above)")
        if metadata.get("status") == "skip":
            return content, metadata  # held back by read_plain: Pelican skips it
        # Pelican's own objects are made here, not kept: they hold the settings.
        metadata["category"] = self.named("category", metadata["section"])
        if "tags" in metadata:
            metadata["tags"] = [self.named("tags", [tag])[0] for tag in dict.fromkeys(metadata["tags"])]
        if self.settings.get("AUTHOR"):
            metadata["author"] = self.named("author", self.settings["AUTHOR"])
        return content, metadata

    def named(self, kind, value):
        """Pelican's category, tags or author for ``value``: one object for
        all items of a build, whose address Pelican then works out once
        instead of once per item."""
        key = (kind, repr(value))
        if key not in self.named_objects:
            self.named_objects[key] = self.process_metadata(kind, value)
        return self.named_objects[key]

    def read_plain(self, source_path):
        """(problems, content HTML, metadata, linked files) of one file as
        plain data, which can be kept between builds and sent between
        processes. The linked files are those its links lead to, with
        whether each exists: the result holds while that stays so."""
        source, values, structure = validated_source(source_path, self.settings, self.known)
        linked = tuple((path, link_state(path)) for path in source.linked_files)
        if any(p.severity == "error" for p in source.problems):
            return source.problems, None, {}, linked
        if source.unreadable_facts:
            # Published without them it would be wrong, and the translation's
            # error stops the build anyway: Pelican passes it by quietly.
            return source.problems, None, {"status": "skip"}, linked
        if self.converter is None:
            self.converter = Converter(self.settings["MARKDOWN"])
        content, summary, parts = self.converter.item(source, values, structure)
        metadata = {
            "lang": source.lang,
            "item_name": source.name,
            "section": source.section,
            "slug": source.name,
            **values,
        }
        if summary is not None:
            metadata["summary"] = summary
        if parts is not None:
            metadata[structure.attribute] = parts
        return source.problems, content, metadata, linked


class PlainReading:
    """read_plain in a worker process of read_ahead. It goes to the workers
    with each share of files, pickled, whichever way they start (forked or
    spawned): the settings without the build's caches, and the reader is
    made again once per share."""

    def __init__(self, settings):
        self.settings = {name: value for name, value in settings.items()
                         if name not in ("READ_CACHE", "RENDER_STATE")}
        self.reader = None

    def __getstate__(self):
        return {"settings": self.settings, "reader": None}

    def __call__(self, path):
        if self.reader is None:
            self.reader = ContentReader(self.settings)
        try:
            return self.reader.read_plain(path)
        except Exception:  # noqa: BLE001 - the build reads it again and shows the error
            return None


def read_ahead(settings, paths):
    """Read the files the cache does not have yet on every core, before
    Pelican's generators ask for them one by one. Each file's result is the
    same whichever process reads it, so the site is the same as a serial
    build's."""
    reader = ContentReader(settings)
    reader.cache.start_build()
    missing = {}
    for path in paths:
        key = reader.key(path)
        if reader.cache.get(key) is None:
            missing[key] = str(path)
    workers = min(build_workers(settings), len(missing) // 2)
    if workers < 2:
        return
    with worker_pool(settings, workers) as pool:
        chunk = max(1, len(missing) // (workers * 8))
        results = pool.map(PlainReading(settings), list(missing.values()), chunksize=chunk)
    for key, entry in zip(missing, results):
        if entry is not None:
            reader.cache.put(key, entry)
