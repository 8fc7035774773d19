"""Render and write only the output files whose inputs changed, and render
pages on every core. See writer.py; site_build links the previous output
into the new build's folder, which this writer then completes."""

from blinker import signal
from pelican import signals

from .templates import use_compiled_templates
from .writer import IncrementalWriter, RenderState  # noqa: F401

# Sent with the Pelican object once every page is written: for the steps
# that read the built pages (sitemap, search index). pages_written comes
# first, for a step that runs in another process: its receiver starts the
# process and returns a function that waits for it, which is called after
# the receivers of output_written have run, so that the two overlap.
pages_written = signal("pages_written")
output_written = signal("output_written")

# Where the build's writer is, for finish_output: Pelican makes it from the
# class make_writer returns and keeps it to itself. In the build's
# settings, which Pelican makes anew for each build.
BUILD_WRITER = "BUILD_WRITER"


def make_writer(pelican):
    return TrackedWriter


class TrackedWriter(IncrementalWriter):
    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings=settings)
        settings[BUILD_WRITER] = self


def finish_output(pelican):
    writer = pelican.settings.pop(BUILD_WRITER, None)
    # How many pages changed: the search index is rebuilt only if any did.
    changed = (writer.render_pending() + writer.remove_stale()) if writer else 1
    pelican.settings["PAGES_CHANGED"] = changed
    pelican.settings["PAGES_CHANGED_NAMES"] = writer.changed_pages if writer else None
    waits = [wait for _receiver, wait in pages_written.send(pelican) if wait is not None]
    try:
        output_written.send(pelican)
    finally:
        for wait in waits:
            wait()


def register():
    signals.get_writer.connect(make_writer)
    signals.finalized.connect(finish_output)
    signals.generator_init.connect(use_compiled_templates)
