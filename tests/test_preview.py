"""`invoke serve` as an editor uses it, in a copy of the project: a real
preview server process read by Debian's Chromium. A save shows in the open
page by itself, a broken save shows its errors there until it is fixed, a
missing page is the site's own 404 page, and an edit of the plugins or the
theme is built with the new code."""

import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from conftest import EPOCH_JUNE_2020, ROOT
from test_accessibility import AXE, WCAG_21_AA
from test_tasks import free_port

NEWS = "content/news/2020-06-02-uusi-johtoryhma.fi.md"
NEWS_URL = "/ajankohtaista/2020-06-02-uusi-johtoryhma/"
PATIENCE = 10  # seconds: "at once" for a person; the measured time is printed


class Preview:
    """The project copy at ``root``, served on ``base``."""

    def __init__(self, root, base):
        self.root, self.base = root, base

    def get(self, path):
        """(status, text) of ``path``."""
        try:
            with urllib.request.urlopen(self.base + path, timeout=5) as reply:
                return reply.status, reply.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8")

    def edit(self, relative, old, new):
        path = self.root / relative
        text = path.read_text(encoding="utf-8")
        assert old in text, relative
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    def wait_for(self, path, marker):
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if marker in self.get(path)[1]:
                    return
            except OSError:
                pass  # not listening yet
            time.sleep(0.2)
        raise AssertionError(f"{path} never showed {marker!r}")


@pytest.fixture(scope="module")
def preview(tmp_path_factory):
    root = tmp_path_factory.mktemp("project")
    for name in ("content", "theme", "plugins"):
        shutil.copytree(ROOT / name, root / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pelicanconf.py", "tasks.py"):
        shutil.copy(ROOT / name, root / name)
    port = free_port()
    # The editor reads Finnish; the build clock is fixed, as in the other tests.
    env = dict(os.environ, EDITOR_LANG="fi", SOURCE_DATE_EPOCH=str(EPOCH_JUNE_2020))
    log = open(root / "serve.log", "w")
    server = subprocess.Popen([sys.executable, "-m", "invoke", "serve", "--port", str(port)],
                              cwd=root, env=env, stdout=log, stderr=subprocess.STDOUT,
                              start_new_session=True)
    try:
        site = Preview(root, f"http://127.0.0.1:{port}")
        site.server = server
        site.wait_for(NEWS_URL, "uusi-johtoryhma")
        yield site
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGKILL)
        server.wait(timeout=30)
        log.close()


@pytest.fixture(scope="module")
def page(browser):
    page = browser.new_page()
    page.console = []
    page.on("console", lambda message: page.console.append(message.text))
    yield page
    page.close()


def seconds_until(page, text):
    """Seconds until the open page shows ``text``, the test touching nothing."""
    start = time.monotonic()
    page.get_by_text(text).first.wait_for(timeout=PATIENCE * 1000)
    return time.monotonic() - start


def test_a_save_shows_in_the_open_page_by_itself(preview, page):
    page.goto(preview.base + NEWS_URL)
    page.wait_for_load_state("load")
    preview.edit(NEWS, "\n\n", "\n\nTallennettu juuri nyt.\n\n")
    latency = seconds_until(page, "Tallennettu juuri nyt.")
    print(f"save to page: {latency:.2f} s")
    assert not [text for text in page.console if "Content Security Policy" in text], page.console
    # The reload script is the preview's, never in the built files.
    built = (preview.root / "output" / NEWS_URL.strip("/") / "index.html").read_text()
    assert "Tallennettu juuri nyt." in built and "__preview__" not in built


def axe_violations(browser, url):
    """What axe-core finds against WCAG 2.1 AA at ``url``."""
    context = browser.new_context(bypass_csp=True)  # axe is a script the policy would refuse
    checked = context.new_page()
    checked.goto(url)
    checked.add_script_tag(path=str(AXE))
    result = checked.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_21_AA)
    context.close()
    return [violation["id"] for violation in result["violations"]]


def test_a_broken_save_shows_its_errors_in_the_page_until_it_is_fixed(preview, page, browser):
    page.goto(preview.base + NEWS_URL)
    page.wait_for_load_state("load")
    preview.edit(NEWS, "Date: 2020-06-02", "Date: 2.6.2020")
    try:
        seconds_until(page, "Rakennus pysähtyi")
        alert = page.get_by_role("alert")
        assert ("news/2020-06-02-uusi-johtoryhma.fi.md:2: Date: kirjoita päivämäärä muodossa"
                in alert.inner_text())
        terminal = (preview.root / "serve.log").read_text(encoding="utf-8")
        shown = alert.locator("pre").inner_text().splitlines()
        assert shown and all(line in terminal for line in shown), (shown, terminal)
        assert page.locator("html").get_attribute("lang") == "fi"
        assert axe_violations(browser, preview.base + NEWS_URL) == []
    finally:
        preview.edit(NEWS, "Date: 2.6.2020", "Date: 2020-06-02")
    page.locator("h1", has_text="johtoryhmä").wait_for(timeout=PATIENCE * 1000)
    assert page.get_by_role("alert").count() == 0
    assert not [text for text in page.console if "Content Security Policy" in text], page.console


def test_a_missing_page_is_the_sites_404_page_in_its_language(preview):
    for path, lang in (("/ei-ole-olemassa/", "fi"), ("/sv/finns-inte/", "sv"),
                       ("/ajankohtaista/puuttuu.html", "fi")):
        status, text = preview.get(path)
        assert status == 404, path
        assert f'<html lang="{lang}"' in text, path
        built = (preview.root / "output" / ("sv/404.html" if lang == "sv" else "404.html"))
        assert text.replace(text[text.index('<script src="/__preview__/'):text.index("</head>")], "") \
            == built.read_text(encoding="utf-8"), path


def test_an_edit_of_a_plugin_or_a_template_is_built_with_the_new_code(preview):
    preview.edit("plugins/sitemap_xml/__init__.py", "Allow: /\\n", "Allow: /\\nDisallow: /luonnokset/\\n")
    preview.wait_for("/robots.txt", "Disallow: /luonnokset/")
    preview.edit("theme/templates/base.html", "</footer>", "<p>Uusi alatunniste</p></footer>")
    preview.wait_for("/", "Uusi alatunniste")
    # A plugin that no longer imports: its error is in the page, then the site again.
    preview.edit("plugins/sitemap_xml/__init__.py", "Disallow: /luonnokset/\\n", "\\n\" +")
    preview.wait_for("/", "SyntaxError")
    preview.edit("plugins/sitemap_xml/__init__.py", "\\n\" +", "")
    preview.wait_for("/", "Uusi alatunniste")
    assert "Disallow" not in preview.get("/robots.txt")[1]


def group_alive(group, patience=20):
    """Whether a process of ``group`` is still there after ``patience`` seconds."""
    deadline = time.monotonic() + patience
    while time.monotonic() < deadline:
        try:
            os.killpg(group, 0)
        except ProcessLookupError:
            return False
        time.sleep(0.2)
    return True


def test_ctrl_c_stops_the_preview_and_its_build_process_quietly(preview):
    """Run last: it stops the preview of this module."""
    log = preview.root / "serve.log"
    before = log.read_text(encoding="utf-8")
    os.killpg(preview.server.pid, signal.SIGINT)  # as Ctrl+C in a terminal does
    assert preview.server.wait(timeout=60) == 0
    assert not group_alive(preview.server.pid)  # the build process ended too
    assert log.read_text(encoding="utf-8") == before  # no traceback, nothing at all
