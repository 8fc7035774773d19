"""The build as it runs on Windows and macOS: workers that are spawned, not
forked, no os.sched_getaffinity, no renameat2. Its output, from scratch and
after an edit, is byte-identical to the Linux build's."""

import ctypes
import multiprocessing
import os

from conftest import EPOCH_JUNE_2020, ROOT
from content_model.workers import usable_cores
from site_build import BuildCache, build_site
from conftest import write_files
from test_incremental import EDITS, FILES, snapshot


class CLibraryWithoutRenameat2:
    """What ctypes.CDLL(None) gives where the C library has no renameat2."""

    def __init__(self, name, use_errno=False):
        assert name is None  # only the process's own C library is asked for


def test_a_build_without_linux_only_calls_equals_the_linux_build(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(EPOCH_JUNE_2020))
    content = tmp_path / "content"
    write_files(content, FILES)
    overrides = {"PATH": str(content), "BUILD_WORKERS": 2}
    linux = build_site(ROOT / "pelicanconf.py", tmp_path / "linux", overrides)

    monkeypatch.delattr(os, "sched_getaffinity")
    monkeypatch.setattr(ctypes, "CDLL", CLibraryWithoutRenameat2)
    monkeypatch.setenv("BUILD_START_METHOD", "spawn")
    methods = []
    real_get_context = multiprocessing.get_context
    monkeypatch.setattr(multiprocessing, "get_context",
                        lambda method=None: methods.append(method) or real_get_context(method))
    assert usable_cores() == os.cpu_count()

    cache, site = BuildCache(), tmp_path / "site"
    build_site(ROOT / "pelicanconf.py", site, overrides, cache=cache)
    assert methods == ["spawn"]  # the content was read by spawned workers
    assert snapshot(site) == snapshot(linux)

    # A rebuild swaps the new folder in with two renames, and equals a clean build.
    EDITS["title"](content, None)
    build_site(ROOT / "pelicanconf.py", site, overrides, cache=cache)
    monkeypatch.undo()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(EPOCH_JUNE_2020))
    clean = build_site(ROOT / "pelicanconf.py", tmp_path / "clean", overrides)
    assert snapshot(site) == snapshot(clean)
    assert cache.render.spare and os.path.isdir(cache.render.spare)  # the retired folder


def test_cores_are_counted_without_sched_getaffinity(monkeypatch):
    from content_model.workers import build_workers

    monkeypatch.delattr(os, "sched_getaffinity")
    monkeypatch.delenv("BUILD_WORKERS")
    assert build_workers({}) == (os.cpu_count() or 1)
    assert build_workers({"BUILD_WORKERS": 3}) == 3
    # the environment's, as the tests set it; the setting comes first
    monkeypatch.setenv("BUILD_WORKERS", "1")
    assert build_workers({}) == 1
    assert build_workers({"BUILD_WORKERS": 3}) == 3
