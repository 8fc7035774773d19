"""Index the built site for search with Pagefind (its binary comes with the
`pagefind[bin]` package): one index per page language.

The entry file is rewritten with sorted keys, since Pagefind lists the
languages in any order, and the filter files (content type, year, body;
data-pagefind-filter in the templates) with their values in order, since
Pagefind 1.5.2 still writes them in a different order on every run
(stable_filters); the rest of its output is the same for the same site.

When no page changed since the last build, the last build's index is kept.
With SEARCH_INDEX_LATER (`invoke serve`), a rebuild keeps the last index
too, so that an edit shows at once; refresh_index() then brings the
published folder's index up to date.
"""

import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

from incremental_writer import pages_written

from .stable_filters import stabilise_filters

logger = logging.getLogger(__name__)

INDEX = "pagefind"


# Pagefind at a lower priority, for an index made while an editor waits for
# pages: its main thread is niced before the program starts its threads.
NICED = ("import os, runpy, sys; os.nice(10); sys.argv[0] = 'pagefind'; "
         "runpy.run_module('pagefind', run_name='__main__')")


def start_pagefind(site, bundle, background=False):
    """Start indexing the pages of ``site`` into the folder ``bundle`` (at a
    lower priority if ``background``); the function returned waits for the
    end and returns None, or what went wrong. It has the process as ``process``."""
    start = ["-c", NICED] if background and hasattr(os, "nice") else ["-m", "pagefind"]
    process = subprocess.Popen(
        [sys.executable, *start, "--site", str(site), "--output-path", str(bundle), "--quiet"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )

    def finish():
        stdout, stderr = process.communicate()
        if process.returncode != 0:
            return (stderr.strip() or stdout.strip()
                    or f"it ended with exit status {process.returncode} and no message")
        try:
            stabilise_filters(bundle)
        except (OSError, ValueError) as error:  # cut short, on a full disk say
            return f"{Path(bundle) / 'pagefind-entry.json'}: {error}"
        return None

    finish.process = process
    return finish


def index_site(pelican):
    """Start Pagefind unless the last index is kept; returns the function
    that waits for it (see incremental_writer.pages_written)."""
    settings = pelican.settings
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
    pagefind = start_pagefind(site, site / INDEX)

    def finish():
        failure = pagefind()
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
        self.wait = start_pagefind(self.site, self.fresh, background)

    def done(self):
        return self.wait.process.poll() is not None

    def finish(self):
        failure = self.wait()
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
        self.wait.process.kill()
        self.wait.process.communicate()
        shutil.rmtree(self.fresh, ignore_errors=True)


def refresh_index(site):
    """Index the published folder ``site`` anew and swap the new index in.
    The caller makes sure no build replaces ``site`` meanwhile."""
    return IndexRefresh(site, background=False).finish()


def register():
    pages_written.connect(index_site)
