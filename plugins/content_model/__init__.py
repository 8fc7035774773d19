"""Content models and validation shared by every plugin of the portal."""

import logging
import sys

from pelican import signals

from pelican_adapter import (LINK_NOT_FOUND, READ_FAILURE, SAME_LANGUAGE_TWICE, SEVERAL_ORIGINALS,
                             fix_address, is_logged_line)

from .check import content_files
from .clock import hold_scheduled_item, leaving_the_site, start_build_clock
from .content_type import content_types, derived_settings
from .files import link_problems, outside_static_paths, static_file_problems
from .generator import section_generator_context
from .messages import editor_translations
from .plugin_order import check_plugin_order
from .reader import ContentError, ContentReader, log_problems, read_ahead
from .registry import RegistryError
from .site_model import SITE_MODEL, read_site_model


def read_content(pelican):
    """Files no generator reads would vanish without a word: say so, and
    fail the build for Markdown in the wrong place. Read the others on
    every core before the generators ask for them."""
    settings = pelican.settings
    # Before anything is read: a link may lead to any file of the machine.
    problems = link_problems(settings) + static_file_problems(settings)
    log_problems(problems, editor_translations(settings))
    if any(problem.severity == "error" for problem in problems):
        raise ContentError(f"{problems[0].path}: files that cannot be published (see above)")
    try:
        # Read once for the whole build: every reader and generator uses it.
        settings[SITE_MODEL] = read_site_model(settings)
    except RegistryError as broken:
        # Every meeting and project refers to it: nothing can be read until
        # it is fixed, and its own message is the one the editor needs.
        log_problems(broken.problems, editor_translations(settings))
        raise ContentError(str(broken)) from None
    items, problems = content_files(settings["PATH"], content_types(settings))
    log_problems(problems, editor_translations(settings))
    read_ahead(settings, items)


def derive_kind_settings(pelican):
    """Pelican's URL and path settings of each kind, SECTION_URLS and the
    kinds' template folders, from their declarations, before any generator
    reads them. These are
    Pelican's own settings of this build (read_settings made them), not the
    user's module."""
    settings = pelican.settings
    settings.update(derived_settings(content_types(settings), settings))


def kinds_generators(pelican):
    """The generators of the kinds that have their own (Pelican's own read
    the articles and pages)."""
    return [kind.generator for kind in content_types(pelican.settings).values() if kind.generator]


def kinds_finalize(generators):
    for kind in content_types(generators[0].settings).values():
        if kind.all_generators_finalized:
            kind.all_generators_finalized(generators)


def keep_address(item):
    """An item's address follows from its section, slug, language and
    status, all final once the item is made. Pelican would work it out from
    the settings again on every access, thousands of times a build."""
    if hasattr(item, "source_key"):  # read by ContentReader; not a static file
        fix_address(item)


def drop_files_outside_static_paths(generator):
    log_problems(outside_static_paths(generator), editor_translations(generator.settings))


def use_content_reader(readers):
    readers.reader_classes["md"] = ContentReader


def drop_repeated_failure(record):
    """Pelican's 'Could not process <file>' for a file whose problems the
    reader has told already: once is enough for the editor (and the count)."""
    return not (is_logged_line(record, READ_FAILURE) and isinstance(sys.exc_info()[1], ContentError))


# Pelican's own English lines for what our checks tell at the file's line,
# in the editor's language: a {filename} link it cannot follow (the link
# check names the line that writes it), two files of one item and language
# (the address check names both).
TOLD_BY_OUR_CHECKS = (LINK_NOT_FOUND, SAME_LANGUAGE_TWICE, SEVERAL_ORIGINALS)


def told_by_our_checks(record):
    return not any(is_logged_line(record, line) for line in TOLD_BY_OUR_CHECKS)


def register():
    logging.getLogger(READ_FAILURE[0]).addFilter(drop_repeated_failure)
    for name in {logger for logger, _template in TOLD_BY_OUR_CHECKS}:
        logging.getLogger(name).addFilter(told_by_our_checks)
    signals.readers_init.connect(use_content_reader)
    # Before anything is read: a plugin out of order would fail later, obscurely.
    signals.initialized.connect(check_plugin_order)
    signals.initialized.connect(derive_kind_settings)
    signals.initialized.connect(read_content)
    signals.get_generators.connect(kinds_generators)
    signals.all_generators_finalized.connect(kinds_finalize)
    signals.static_generator_finalized.connect(drop_files_outside_static_paths)
    # Before keep_address fixes the address: it needs the published one.
    signals.content_object_init.connect(leaving_the_site)
    signals.content_object_init.connect(keep_address)
    signals.generator_init.connect(start_build_clock)
    signals.article_generator_context.connect(hold_scheduled_item)
    signals.page_generator_context.connect(hold_scheduled_item)
    section_generator_context.connect(hold_scheduled_item)
