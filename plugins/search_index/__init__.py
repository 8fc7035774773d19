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


def start_pagefind(site, bundle):
    """Start indexing the pages of ``site`` into the folder ``bundle``; the
    function returned waits for the end and returns None, or what went wrong."""
    process = subprocess.Popen(
        [sys.executable, "-m", "pagefind", "--site", str(site), "--output-path", str(bundle),
         "--quiet"],
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


def refresh_index(site):
    """Index the published folder ``site`` anew and swap the new index in.
    The caller makes sure no build replaces ``site`` meanwhile."""
    site = Path(site)
    fresh, retired = site / f".{INDEX}-new", site / f".{INDEX}-old"
    shutil.rmtree(fresh, ignore_errors=True)
    failure = start_pagefind(site, fresh)()
    if failure:
        logger.error("search index: Pagefind failed: %s", failure)
        shutil.rmtree(fresh, ignore_errors=True)
        return False
    if (site / INDEX).exists():
        os.rename(site / INDEX, retired)
    os.rename(fresh, site / INDEX)
    shutil.rmtree(retired, ignore_errors=True)
    return True


def register():
    pages_written.connect(index_site)
