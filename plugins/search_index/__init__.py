"""Index the built site for search with Pagefind (its binary comes with the
`pagefind[bin]` package): one index per page language.

The entry file is rewritten with sorted keys, since Pagefind lists the
languages in any order, and the filter files (content type, year, body;
data-pagefind-filter in the templates) with their values in order, since
Pagefind 1.5.2 still writes them in a different order on every run
(stable_filters); the rest of its output is the same for the same site.

SEARCH_INDEX = False leaves the index out, for a build whose index nobody
reads (the trial build of `invoke check`, the tests that do not search).

When no page changed since the last build, the last build's index is kept.
With SEARCH_INDEX_LATER (`invoke serve`), a rebuild keeps the last index
too, so that an edit shows at once; an IndexRefresh then brings the
published folder's index up to date.
"""

import json
import logging
import os
import shutil
from pathlib import Path

from incremental_writer import pages_written

from .pagefind_run import PagefindRun

# Indexes the pages on pages_written, which incremental_writer sends.
AFTER = ("incremental_writer",)

logger = logging.getLogger(__name__)

INDEX = "pagefind"


def index_site(pelican):
    """Start Pagefind unless the last index is kept; returns the function
    that waits for it (see incremental_writer.pages_written)."""
    settings = pelican.settings
    if not settings.get("SEARCH_INDEX", True):
        return None
    site = Path(settings["OUTPUT_PATH"])
    previous = settings.get("PREVIOUS_OUTPUT")
    state = settings.get("RENDER_STATE")
    if previous and (Path(previous) / INDEX).is_dir():
        pages_same = not settings.get("PAGES_CHANGED")
        behind = state is not None and state.search_index_behind
        if (pages_same and not behind) or settings.get("SEARCH_INDEX_LATER"):
            # Moved over from the published folder as it is put in place:
            # no file of it is touched.
            settings["KEPT_FROM_PUBLISHED"].append(INDEX)
            if state is not None:
                state.search_index_behind = behind or not pages_same
            return None
    languages = [lang for lang in settings["LANGUAGES"] if lang != settings["DEFAULT_LANG"]]
    pagefind = PagefindRun(site, site / INDEX, languages, previous=previous and Path(previous) / INDEX,
                           kept=unchanged_languages(settings, languages))

    def finish():
        failure = pagefind.wait()
        if failure:
            logger.error("search index: Pagefind failed: %s", failure)
        elif state is not None:
            state.search_index_behind = False

    return finish


class IndexRefresh:
    """Pagefind indexing the published folder ``site`` anew, in the
    background: ``done()`` says whether it ended, ``finish()`` swaps the new
    index in (True) or logs why not (False), ``cancel()`` stops it. The
    caller makes sure no build replaces ``site`` meanwhile."""

    def __init__(self, site, background=True):
        self.site = Path(site)
        self.fresh = self.site / f".{INDEX}-new"
        shutil.rmtree(self.fresh, ignore_errors=True)
        # The languages the published index has, each with its own folder but one.
        entry = self.site / INDEX / "pagefind-entry.json"
        languages = json.loads(entry.read_text(encoding="utf-8"))["languages"] if entry.is_file() else {}
        self.run = PagefindRun(self.site, self.fresh, sorted(languages), background)

    def done(self):
        return self.run.poll()

    def finish(self):
        failure = self.run.wait()
        if failure:
            logger.error("search index: Pagefind failed: %s", failure)
            shutil.rmtree(self.fresh, ignore_errors=True)
            return False
        retired = self.site / f".{INDEX}-old"
        if (self.site / INDEX).exists():
            os.rename(self.site / INDEX, retired)
        os.rename(self.fresh, self.site / INDEX)
        shutil.rmtree(retired, ignore_errors=True)
        return True

    def cancel(self):
        """Stop it, for a build that must not wait: the index stays as it was."""
        self.run.kill()
        shutil.rmtree(self.fresh, ignore_errors=True)


def unchanged_languages(settings, languages):
    """The languages of ``languages`` none of whose pages (under their
    folder) changed since the published index was made: their part of it
    is kept (see pagefind_run)."""
    changed = settings.get("PAGES_CHANGED_NAMES")
    state = settings.get("RENDER_STATE")
    if changed is None or not settings.get("PREVIOUS_OUTPUT") or (state and state.search_index_behind):
        return set()
    return {lang for lang in languages if not any(name.startswith(f"{lang}/") for name in changed)}


def register():
    pages_written.connect(index_site)
