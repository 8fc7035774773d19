"""Content models and validation shared by every plugin of the portal."""

from pelican import signals

from .clock import hold_scheduled_item, start_build_clock
from .generator import section_generator_context
from .reader import ContentReader


def use_content_reader(readers):
    readers.reader_classes["md"] = ContentReader


def register():
    signals.readers_init.connect(use_content_reader)
    signals.generator_init.connect(start_build_clock)
    signals.article_generator_context.connect(hold_scheduled_item)
    signals.page_generator_context.connect(hold_scheduled_item)
    section_generator_context.connect(hold_scheduled_item)
