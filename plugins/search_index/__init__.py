"""Index the built site for search with Pagefind (its binary comes with the
`pagefind[bin]` package): one index per page language.

The entry file is rewritten with sorted keys, since Pagefind lists the
languages in any order; the rest of its output is the same for the same
site. Content types are told apart by URL on the search page, not with
Pagefind filters, whose files come out different on every run.
"""

import json
import logging
import subprocess
import sys
from pathlib import Path

from pelican import signals

logger = logging.getLogger(__name__)


def index_site(pelican):
    site = Path(pelican.settings["OUTPUT_PATH"])
    result = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(site), "--quiet"],
        capture_output=True, text=True,
    )
    if result.returncode != 0:
        logger.error("search index: Pagefind failed: %s", result.stderr.strip() or result.stdout)
        return
    entry = site / "pagefind" / "pagefind-entry.json"
    entry.write_text(json.dumps(json.loads(entry.read_text(encoding="utf-8")),
                                sort_keys=True, ensure_ascii=False), encoding="utf-8")


def register():
    signals.finalized.connect(index_site)
