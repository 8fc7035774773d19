"""Build the site into a fresh folder and put it in place only when the
whole build succeeded.

Not a Pelican plugin: this is the driver that tasks.py and the tests call.
An error anywhere in the build (an invalid content file, a template error)
stops it with BuildFailed, and whatever was published before stays as it
was, byte for byte.
"""

import logging
import shutil
import tempfile
from pathlib import Path

from pelican import Pelican
from pelican.settings import read_settings


class BuildFailed(Exception):
    """The build logged errors; nothing was published."""


class ErrorCounter(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.ERROR)
        self.count = 0

    def emit(self, record):
        self.count += 1


def build_site(settings_file, output_path=None, overrides=None, checks=(), read_cache=None):
    """Build with ``settings_file`` and swap the result into ``output_path``
    (default: the settings' OUTPUT_PATH). Each of ``checks`` is called with
    the finished folder and the settings and returns problems; any problem
    stops the publication like a build error. A ``read_cache`` (a
    content_model ReadCache) kept across calls spares re-reading unchanged
    files. Returns the output path."""
    settings = read_settings(str(settings_file), override=dict(overrides or {}))
    settings["READ_CACHE"] = read_cache
    final = Path(output_path or settings["OUTPUT_PATH"]).resolve()
    final.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{final.name}.new-", dir=final.parent))
    settings["OUTPUT_PATH"] = str(staging)

    counter = ErrorCounter()
    root = logging.getLogger()
    root.addHandler(counter)
    try:
        Pelican(settings).run()
    except Exception:
        logging.getLogger(__name__).exception("the build stopped")
        counter.count = max(counter.count, 1)
    finally:
        root.removeHandler(counter)

    if not counter.count:
        for check in checks:
            for problem in check(staging, settings):
                logging.getLogger(__name__).error("%s", problem)
                counter.count += 1
    if counter.count:
        shutil.rmtree(staging, ignore_errors=True)
        raise BuildFailed(
            f"{counter.count} error(s): nothing was published, {final} is unchanged"
        )
    swap_into_place(staging, final)
    return final


def swap_into_place(staging, final):
    """Replace ``final`` by ``staging`` with two renames, so that readers see
    either the old site or the new one, never half of each."""
    staging.chmod(0o755)  # mkdtemp made it private; the server must read it
    retired = None
    if final.exists():
        retired = final.with_name(f".{final.name}.old-{staging.name.rsplit('-', 1)[-1]}")
        final.rename(retired)
    staging.rename(final)
    if retired is not None:
        shutil.rmtree(retired, ignore_errors=True)
