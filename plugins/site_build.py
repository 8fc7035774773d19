"""Build the site into a separate folder and put it in place only when the
whole build succeeded.

Not a Pelican plugin: this is the driver that tasks.py and the tests call.
An error anywhere in the build (an invalid content file, a template error)
stops it with BuildFailed, and whatever was published before stays as it
was, byte for byte.

A BuildCache carries what one build read and rendered to the next: then the
new folder starts as hard links to the published files, and only the files
whose inputs changed are written again (as new files, never into a linked
one). `invoke serve` keeps the cache in memory, `invoke build` on disk,
signed, outside the work tree (see cache_file).
"""

import gc
import logging
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any
import shutil
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path

from pelican import Pelican
from pelican.settings import read_settings

from cache_file import read_signed, write_signed
from content_model.messages import _n, editor_translations
from content_model.plugin_order import PluginOrderError
from content_model.read_cache import ReadCache, code_fingerprint
from content_model.reader import ContentError
from incremental_writer import RenderState
from search_index import INDEX, IndexRefresh
from output_folder import (FolderBusy, check_movable, publishing_lock, readable_by_everyone,
                           remove_leftovers, system_failure)
from pelican_adapter import pelican_summary_silenced
from site_files import bring_up_to_date, exchange, folder_identity, link_tree, same_tree


# A check of the finished folder: what it finds wrong (see link_crawl).
Check = Callable[[Path, dict[str, Any]], Iterable[Any]]


class BuildFailed(Exception):
    """The build logged errors; nothing was published."""


class ErrorCounter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.ERROR)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector paused while a build runs. A build makes
    millions of objects that live until it ends, and the collector would go
    through all of them again each time a quarter more have piled up: a
    sixth of a one-edit build at 4,000 files (search index aside), loading
    its cache included.
    The forked workers inherit the pause. What the build leaves in cycles
    is freed by the first collection after it."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@dataclass
class BuildCache:
    """What the last build read (by source key) and made (by output file)."""

    reads: ReadCache = field(default_factory=ReadCache)
    render: RenderState = field(default_factory=RenderState)

    @classmethod
    def load(cls, path: Path) -> "BuildCache":
        """The cache saved at ``path`` by a build on this machine with this
        code; an empty one otherwise (then the build simply does everything)."""
        with collector_paused():
            cache = read_signed(path, code_fingerprint())
        return cache if isinstance(cache, cls) else cls()

    def save(self, path: Path) -> None:
        # What is kept changes shape with the code that keeps it: the code's
        # fingerprint is the format's version.
        with collector_paused():
            write_signed(path, code_fingerprint(), self)


def build_site(settings_file: str | Path, output_path: str | Path | None = None,
               overrides: Mapping[str, Any] | None = None, checks: Iterable[Check] = (),
               cache: BuildCache | None = None) -> Path:
    """Build with ``settings_file`` and swap the result into ``output_path``
    (default: the settings' OUTPUT_PATH). Each of ``checks`` is called with
    the finished folder and the settings and returns problems; any problem
    stops the publication like a build error. A ``cache`` (BuildCache) kept
    across calls spares reading and rendering again what did not change.
    One build at a time publishes into a folder; another is refused.
    Returns the output path."""
    settings = read_settings(str(settings_file), override=dict(overrides or {}))
    final = Path(output_path or settings["OUTPUT_PATH"]).resolve()
    translations = editor_translations(settings)
    try:
        check_movable(final)
        final.parent.mkdir(parents=True, exist_ok=True)
        with publishing_lock(final), collector_paused():
            return build_locked(settings, final, checks, cache)
    except FolderBusy as busy:
        raise BuildFailed(busy.args[0].render(translations)) from None
    except OSError as error:
        raise BuildFailed(system_failure(error, final).render(translations)) from None


def build_locked(settings: dict[str, Any], final: Path, checks: Iterable[Check],
                 cache: BuildCache | None) -> Path:
    """build_site, once it holds the lock of ``final``."""
    # A caller that keeps its cache builds again: the retired folder is kept
    # for that next build (see start_folder).
    keeps_spare = cache is not None
    cache = cache or BuildCache()
    remove_leftovers(final, keep=cache.render.spare)
    settings["READ_CACHE"], settings["RENDER_STATE"] = cache.reads, cache.render
    aside: dict[str, Path] = {}
    staging, published = start_folder(final, cache.render, aside)
    settings["OUTPUT_PATH"] = str(staging)
    # What readers have now, whether or not this build starts from it.
    settings["PUBLISHED_FOLDER"] = str(final)
    if published:
        settings["PREVIOUS_OUTPUT"] = str(final)
        # Folders of the published site that go over to the new one as they
        # are (see search_index).
        settings["KEPT_FROM_PUBLISHED"] = []

    counter = ErrorCounter()
    root = logging.getLogger()
    root.addHandler(counter)
    try:
        # Pelican's own 'Done: Processed …' line is in English, and counts
        # what editors do not work with: their messages are the build's.
        with pelican_summary_silenced():
            Pelican(settings).run()
    except ContentError:
        # Its problems are logged, naming the file; a traceback would bury them.
        counter.count = max(counter.count, 1)
    except PluginOrderError as wrong:
        # pelicanconf.py, not the content: its lines say what to move where.
        logging.getLogger(__name__).error("%s", wrong)
        counter.count = max(counter.count, 1)
    except OSError as error:
        # The disk, not the content or the code: one line says which.
        logging.getLogger(__name__).error(
            "%s", system_failure(error, final).render(editor_translations(settings)))
        counter.count = max(counter.count, 1)
    except Exception:
        logging.getLogger(__name__).exception("the build stopped")
        counter.count = max(counter.count, 1)
    finally:
        root.removeHandler(counter)

    if not counter.count:
        for check in checks:
            for problem in check(staging, settings):
                # In the editor's words, and kept for `invoke check` (TrialBuildLog).
                logging.getLogger(__name__).error(
                    "%s", problem.text(editor_translations(settings)), extra={"problem": problem})
                counter.count += 1
    if counter.count:
        shutil.rmtree(staging, ignore_errors=True)
        for folder in aside.values():
            delete_in_background(folder.parent)
        raise BuildFailed(_n(
            "{count} error: nothing was published, {folder} is unchanged",
            "{count} errors: nothing was published, {folder} is unchanged",
            counter.count, folder=final).render(editor_translations(settings)))
    try:
        readable_by_everyone(staging)
        retired = swap_into_place(staging, final, settings.get("KEPT_FROM_PUBLISHED", ()), aside)
    except OSError:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        for folder in aside.values():
            delete_in_background(folder.parent)
    state = cache.render
    if retired is not None and published and keeps_spare:
        # What the retired folder holds is known: the next build starts from it.
        state.spare, state.spare_records = str(retired), state.records
        state.spare_identity = folder_identity(retired)
    elif retired is not None:
        delete_in_background(retired)
    state.records, state.pending = state.pending, {}
    state.output = str(final)
    state.identity = folder_identity(final)
    cache.reads.forget_unused()
    return final


def start_folder(final: Path, state: RenderState,
                 aside: dict[str, Path] | None = None) -> tuple[Path, bool]:
    """The folder to build into, and whether it holds the files of the
    published folder ``final`` as ``state`` describes them, so that only
    what changed is made.

    The folder published before ``final`` is the best start: its files are
    brought up to date by linking only those that changed since. Else a new
    folder gets a link to each published file. Else a new folder starts
    empty: the published one is not the one ``state`` describes (another
    build has replaced it, say).

    The search index of the folder published before is put in ``aside``
    (name -> where it is now), not deleted: if it is the very index the
    published folder has (serve keeps it over rebuilds), swap_into_place
    moves it back instead of linking its 4,000 files anew."""
    published = (state.output == str(final) and final.is_dir()
                 and state.identity == folder_identity(final))
    spare = Path(state.spare) if state.spare else None
    state.spare = None  # used up, or of no use
    usable = (published and spare is not None and spare.is_dir()
              and folder_identity(spare) == state.spare_identity)
    if spare and spare.is_dir() and not usable:
        delete_in_background(spare)
    staging = Path(tempfile.mkdtemp(prefix=f".{final.name}.new-", dir=final.parent))
    if usable and spare is not None:
        # Renamed before it is touched: a cache kept on disk that still
        # names the spare no longer finds it, should this build not finish.
        spare.rename(staging)
        if aside is not None and (staging / INDEX).is_dir():
            folder = Path(tempfile.mkdtemp(prefix=f".{final.name}.old-", dir=final.parent))
            (staging / INDEX).rename(folder / INDEX)
            aside[INDEX] = folder / INDEX
        bring_up_to_date(staging, final, state.spare_records, state.records)
    elif published:
        # Only the files the records name: Pelican copies static files into
        # place itself, and must not write into a linked file.
        link_tree(final, staging, state.records)
    return staging, published


def delete_in_background(folder: Path) -> None:
    # Not a daemon: a one-off build's process still ends with it done.
    threading.Thread(target=shutil.rmtree, args=(folder,), kwargs={"ignore_errors": True}).start()


def catch_up_search_index(cache: BuildCache, final: Path) -> None:
    """Bring the search index of the published folder ``final`` up to date
    after builds that kept the last one (SEARCH_INDEX_LATER). No build may
    run meanwhile."""
    refresh = start_search_index_catch_up(cache, final, background=False)
    if refresh is not None:
        finish_search_index_catch_up(cache, final, refresh)


def start_search_index_catch_up(cache: BuildCache, final: Path,
                                background: bool = True) -> IndexRefresh | None:
    """catch_up_search_index in two halves, for a caller that builds again
    meanwhile only after ``cancel()`` (see preview.builder): the index being
    made, or None if it is not behind."""
    if not cache.render.search_index_behind:
        return None
    return IndexRefresh(final, background)


def finish_search_index_catch_up(cache: BuildCache, final: Path, refresh: IndexRefresh) -> None:
    """Swap in the index that ``refresh`` has made."""
    if refresh.finish():
        cache.render.search_index_behind = False
        cache.render.identity = folder_identity(final)  # the index was renamed in


def swap_into_place(staging: Path, final: Path, kept: Iterable[str] = (),
                    aside: Mapping[str, Path] | None = None) -> Path | None:
    """Put ``staging`` in the place of ``final`` in one step, so that readers
    see either the old site or the new one, never half of each, nor none.
    The folders ``kept`` of the old one are linked into the new one first:
    the search index is there at the very moment the pages are; a folder
    of ``aside`` that holds the very same files is moved in instead.
    Returns the old one, now under another name, or None."""
    aside = aside or {}
    for name in kept:
        if (final / name).is_dir() and not (staging / name).exists():
            if name in aside and same_tree(aside[name], final / name):
                aside[name].rename(staging / name)
            else:
                link_tree(final / name, staging / name)
    if not final.exists():
        staging.rename(final)
        return None
    # Under a fresh name: renamed onto the empty folder made for it.
    retired = Path(tempfile.mkdtemp(prefix=f".{final.name}.old-", dir=final.parent))
    if exchange(staging, final):
        staging.rename(retired)  # the old site, now at staging's name
    else:
        # Two renames: for a moment there is no folder at ``final``.
        final.rename(retired)
        staging.rename(final)
    return retired
