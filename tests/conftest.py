"""Build real sites into temporary folders and read what they contain."""

import contextlib
import fcntl
import functools
import http.server
import logging
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import sync_playwright

from incremental_writer.writer import RenderState
from site_build import BuildFailed, build_site

ROOT = Path(__file__).resolve().parent.parent
# 2020-06-10 12:00 Europe/Helsinki: after the real news, before the autumn.
EPOCH_JUNE_2020 = 1591779600
# Debian's Chromium, driven by Playwright (browser downloads are not used):
# its headless shell, the build Playwright itself runs headless pages in,
# same engine as the browser, at half the processor time a page.
CHROMIUM = shutil.which("chromium-headless-shell") or "/usr/bin/chromium-headless-shell"


class BuiltSite:
    """A built output folder, read with an HTML parser."""

    def __init__(self, path):
        self.path = Path(path)

    def exists(self, url):
        return self.file_for(url).is_file()

    def file_for(self, url):
        url = url.split("#")[0].lstrip("/")
        target = self.path / url
        return target / "index.html" if url == "" or url.endswith("/") else target

    def html(self, url):
        return BeautifulSoup(self.file_for(url).read_text(encoding="utf-8"), "html.parser")

    def pages(self):
        """URL of every HTML page, as a reader would request it."""
        for file in sorted(self.path.rglob("*.html")):
            relative = file.relative_to(self.path).as_posix()
            yield "/" + (relative[: -len("index.html")] if file.name == "index.html" else relative)


# The modules that take longest, slowest first (measured on two cores);
# the others follow in their usual order. pytest-xdist hands out whole
# modules in this order (pyproject.toml), so that no long one starts last.
SLOWEST_FIRST = ["test_accessibility.py", "test_incremental.py", "test_editor_tasks.py",
                 "test_search.py", "test_import_minutes.py", "test_preview.py",
                 "test_untrusted_cache.py", "test_real_site.py", "test_deploy.py",
                 "test_publishing.py", "test_untrusted_text.py"]


def pytest_collection_modifyitems(items):
    rank = {name: number for number, name in enumerate(SLOWEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.path.name, len(rank)))  # stable: in-module order kept


@pytest.fixture(autouse=True)
def english_messages(monkeypatch):
    """Messages for editors follow LANG; the tests read the English ones
    unless a test asks for another language."""
    for name in ("EDITOR_LANG", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


@pytest.fixture(autouse=True)
def small_sites_on_one_core(monkeypatch):
    """A test's own builds (of a few dozen pages) run in one process: pools
    of workers would cost more than they spare, and pytest-xdist already
    keeps both cores busy. The tests that compare one worker with several
    set the BUILD_WORKERS setting, which comes first; the real site and the
    large one, built by fixtures of a module or the session, use every core."""
    monkeypatch.setenv("BUILD_WORKERS", "1")


@pytest.fixture(autouse=True, scope="session")
def templates_compiled_once():
    """Every build of the session shares the theme's compiled templates and
    what each template reads, as the rebuilds of `invoke serve` do (see
    incremental_writer): a fresh build cache would compile and parse them
    again, about a third of a small build. Both are checked against the
    templates' source (Jinja's checksum; the code and theme fingerprint),
    so an edited template or another theme is compiled and read anew."""
    compiled = {}
    latest = []
    original = RenderState.__init__

    def shared(state, *args, **kwargs):
        original(state, *args, **kwargs)
        assert isinstance(state.compiled_templates, dict) and isinstance(state.template_reads, tuple)
        state.compiled_templates = compiled
        if latest:
            state.template_reads = latest[0].template_reads
        latest[:] = [state]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(RenderState, "__init__", shared)
        yield


def write_files(folder, files):
    """Write {relative path: text or bytes} under ``folder``."""
    for relative, text in files.items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")


@pytest.fixture
def build_from(tmp_path, monkeypatch):
    """Build a site from {relative path: text} content files with our
    settings; with its search index only if ``search`` (Pagefind is most of
    a small build's time)."""

    def build(files, epoch=EPOCH_JUNE_2020, output=None, search=False):
        content = tmp_path / "content"
        write_files(content, files)
        monkeypatch.setenv("SOURCE_DATE_EPOCH", str(epoch))
        out = build_site(
            ROOT / "pelicanconf.py",
            output or tmp_path / "output",
            overrides={"PATH": str(content), "SEARCH_INDEX": search},
        )
        return BuiltSite(out)

    return build


def messages_of_failed_build(build_from, caplog, files):
    """The warnings and errors, in order, of a build of ``files`` that the
    problems in them must stop."""
    caplog.set_level(logging.WARNING)
    with pytest.raises(BuildFailed):
        build_from(files)
    return [record.getMessage() for record in caplog.records if record.levelno >= logging.WARNING]


def build_in_subprocess(output, epoch=EPOCH_JUNE_2020):
    """`invoke build` as a person runs it, on a machine with only the C locale."""
    env = dict(os.environ, LC_ALL="C", LANG="C", LANGUAGE="", SOURCE_DATE_EPOCH=str(epoch))
    result = subprocess.run(
        [sys.executable, "-m", "invoke", "build", "--output", str(output)],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return BuiltSite(output)


@pytest.fixture(scope="session")
def real_site(tmp_path_factory):
    """The real content as `invoke build` builds it, once for the run: the
    first worker of pytest-xdist that needs it builds it, the others read
    it (no test writes into it)."""
    root = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent  # the run's folder, which holds each worker's
    with open(root / "real-site.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        output = root / "real-site" / "output"
        if not output.is_dir():  # a build that fails leaves none: the next worker tries again
            build_in_subprocess(output)
    return BuiltSite(output)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serving(folder):
    """``folder`` on a loopback port: yields its base address."""
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


@pytest.fixture(scope="session")
def playwright_api():
    """Playwright's synchronous API, once for the session: it cannot be
    started again while it runs."""
    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(playwright_api):
    """One Chromium for the session (for each worker of pytest-xdist); each
    test opens pages or contexts of its own."""
    chromium = playwright_api.chromium.launch(
        executable_path=CHROMIUM,
        args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
              "--disable-component-update", "--disable-sync", "--no-first-run"],
    )
    yield chromium
    chromium.close()
