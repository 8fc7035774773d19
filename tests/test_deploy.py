"""The production recipe of docs/deploy.md with the real parts: Debian's
nginx serves `invoke publish`'s output with docs/deploy/nginx.conf as it is
(only the certificate, the folder and the ports swapped for the test's),
under Debian's own nginx.conf, whose workers run as www-data; Chromium
then reads the site through it."""

import gzip
import http.client
import os
import re
import shutil
import socket
import ssl
import subprocess
import sys
import tempfile
import time
import zoneinfo
from datetime import datetime, timezone
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import CHROMIUM, EPOCH_JUNE_2020, ROOT

HOST = "www.sonetbotnia.fi"
SITE_CONFIG = ROOT / "docs" / "deploy" / "nginx.conf"
DEBIAN_CONFIG = Path("/etc/nginx/nginx.conf")

UNITS = ROOT / "docs" / "deploy"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def replaced(text, old, new):
    """``text`` with ``old`` replaced; ``old`` must be there, or the test
    would quietly serve something else than the documented configuration."""
    assert old in text, old
    return text.replace(old, new)


@pytest.fixture(scope="module")
def published():
    """`invoke publish` as the daily job runs it, under a strict umask, into a
    folder that nginx's www-data workers can reach only if its modes allow."""
    folder = Path(tempfile.mkdtemp(prefix="sonetbotnia-deploy-"))
    folder.chmod(0o755)
    env = dict(os.environ, SOURCE_DATE_EPOCH=str(EPOCH_JUNE_2020))
    result = subprocess.run(
        [sys.executable, "-m", "invoke", "publish", "--output", str(folder / "public")],
        cwd=ROOT, env=env, capture_output=True, text=True, preexec_fn=lambda: os.umask(0o027))
    assert result.returncode == 0, result.stdout + result.stderr
    yield folder / "public"
    shutil.rmtree(folder)


@pytest.fixture(scope="module")
def server(published):
    """nginx serving ``published`` with the documented site configuration."""
    if not (shutil.which("nginx") and DEBIAN_CONFIG.exists() and os.geteuid() == 0):
        pytest.skip("needs Debian's nginx and root (python3 tasks.py test installs it on CI)")
    work = published.parent
    certificate, key = work / "fullchain.pem", work / "privkey.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
         "-subj", f"/CN={HOST}", "-addext", f"subjectAltName=DNS:{HOST},IP:127.0.0.1",
         "-keyout", str(key), "-out", str(certificate)],
        check=True, capture_output=True)
    http_port, https_port = free_port(), free_port()
    site = SITE_CONFIG.read_text()
    site = replaced(site, f"/etc/letsencrypt/live/{HOST}/fullchain.pem", str(certificate))
    site = replaced(site, f"/etc/letsencrypt/live/{HOST}/privkey.pem", str(key))
    site = replaced(site, "root /srv/sonetbotnia-portal/public;", f"root {published};")
    site = replaced(site, "listen 80;", f"listen 127.0.0.1:{http_port};")
    site = replaced(site, "listen 443 ssl http2;", f"listen 127.0.0.1:{https_port} ssl http2;")
    # The test machine may lack IPv6.
    site = replaced(site, "listen [::]:80;", "")
    site = replaced(site, "listen [::]:443 ssl http2;", "")
    (work / "site.conf").write_text(site)
    main = DEBIAN_CONFIG.read_text()
    main = replaced(main, "pid /run/nginx.pid;", f"pid {work}/nginx.pid;")
    main = replaced(main, "include /etc/nginx/sites-enabled/*;", f"include {work}/site.conf;")
    main = re.sub(r"(error_log|access_log) /var/log/nginx/", rf"\1 {work}/", main)
    (work / "nginx.conf").write_text(main)

    syntax = subprocess.run(["nginx", "-t", "-c", str(work / "nginx.conf")],
                            capture_output=True, text=True)
    assert syntax.returncode == 0 and "[warn]" not in syntax.stderr, syntax.stderr
    process = subprocess.Popen(["nginx", "-c", str(work / "nginx.conf"), "-g", "daemon off;"],
                               stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 10
    while True:
        try:
            socket.create_connection(("127.0.0.1", https_port), timeout=1).close()
            break
        except OSError:
            assert process.poll() is None, process.stderr.read()
            assert time.monotonic() < deadline, "nginx did not start"
            time.sleep(0.05)
    context = ssl.create_default_context(cafile=str(certificate))
    yield Server(http_port, https_port, context, published)
    process.terminate()
    process.wait(timeout=10)
    assert "[emerg]" not in (work / "error.log").read_text()


class Server:
    def __init__(self, http_port, https_port, context, folder):
        self.http_port, self.https_port, self.context, self.folder = (
            http_port, https_port, context, folder)

    def get(self, path, gzip_ok=False, tls=True):
        """status, headers (lower-case names), body (decompressed)"""
        if tls:
            connection = http.client.HTTPSConnection("127.0.0.1", self.https_port,
                                                     context=self.context, timeout=10)
        else:
            connection = http.client.HTTPConnection("127.0.0.1", self.http_port, timeout=10)
        headers = {"Host": HOST, "Accept-Encoding": "gzip" if gzip_ok else "identity"}
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        body = response.read()
        found = {name.lower(): value for name, value in response.getheaders()}
        connection.close()
        if found.get("content-encoding") == "gzip":
            body = gzip.decompress(body)
        return response.status, found, body


def first(folder, pattern):
    return "/" + next(folder.glob(pattern)).relative_to(folder).as_posix()


def test_every_file_type_has_its_type_charset_and_compression(server):
    folder = server.folder
    expected = {
        "/": "text/html",
        "/sv/": "text/html",
        first(folder, "theme/css/site.*.css"): "text/css",
        first(folder, "theme/js/search.*.js"): "application/javascript",
        "/ajankohtaista/rss.xml": "application/rss+xml",
        "/ajankohtaista/atom.xml": "application/atom+xml",
        "/tapahtumat/tapahtumat.ics": "text/calendar",
        "/hankkeet/projects.csv": "text/csv",
        "/hankkeet/projects.json": "application/json",
        "/sitemap.xml": "text/xml",
        "/robots.txt": "text/plain",
        "/pagefind/pagefind-entry.json": "application/json",
    }
    for path, media_type in expected.items():
        status, headers, body = server.get(path, gzip_ok=True)
        assert status == 200, path
        assert headers["content-type"] == f"{media_type}; charset=utf-8", path
        body.decode("utf-8")  # what the charset says
        if len(body) > 1000:
            assert headers.get("content-encoding") == "gzip", path
            assert "Accept-Encoding" in headers.get("vary", ""), path
    wasm = first(folder, "pagefind/*.pagefind")
    assert server.get(wasm)[0] == 200


def test_caching_immutable_for_fingerprinted_files_and_revalidated_for_the_rest(server):
    stylesheet = first(server.folder, "theme/css/site.*.css")
    assert server.get(stylesheet)[1]["cache-control"] == "public, max-age=31536000, immutable"
    fragment = first(server.folder, "pagefind/fragment/*")
    assert "immutable" in server.get(fragment)[1]["cache-control"]
    for path in ("/", "/sv/moten/", "/ajankohtaista/rss.xml", "/tapahtumat/tapahtumat.ics",
                 "/pagefind/pagefind.js", "/pagefind/pagefind-entry.json"):
        headers = server.get(path)[1]
        assert headers["cache-control"] == "public, max-age=300, must-revalidate", path
        assert "etag" in headers and "last-modified" in headers, path
    # The page asks for the stylesheet under the very name that is cached for a year.
    home = BeautifulSoup(server.get("/")[2], "html.parser")
    assert home.find("link", rel="stylesheet")["href"] == f"https://{HOST}{stylesheet}"


def page_policy(body):
    soup = BeautifulSoup(body, "html.parser")
    return soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]


def test_security_headers_equal_the_pages_policy(server):
    for path in ("/", "/sv/", "/haku/", "/sv/sok/", "/kokoukset/", "/ei-ole/"):
        status, headers, body = server.get(path)
        assert headers["content-security-policy"] == page_policy(body) + "; frame-ancestors 'none'"
        uses_wasm = "'wasm-unsafe-eval'" in headers["content-security-policy"]
        assert uses_wasm == (path in ("/haku/", "/sv/sok/")), path
        assert headers["strict-transport-security"] == "max-age=31536000; includeSubDomains"
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["x-frame-options"] == "DENY"
        assert headers["cross-origin-opener-policy"] == "same-origin"
        assert headers["cross-origin-resource-policy"] == "same-origin"
        assert headers["referrer-policy"] == "strict-origin-when-cross-origin"
        assert headers["server"] == "nginx"  # no version
    # Pagefind's worker, which runs the WebAssembly, is held to its script's header.
    worker = server.get("/pagefind/pagefind-worker.js")[1]["content-security-policy"]
    assert worker == page_policy(server.get("/haku/")[2]) + "; frame-ancestors 'none'"


def test_plain_http_redirects_to_https(server):
    status, headers, _body = server.get("/kokoukset/?vuosi=2020", tls=False)
    assert status == 301
    assert headers["location"] == f"https://{HOST}/kokoukset/?vuosi=2020"
    assert server.get("/haku")[1]["location"] == "/haku/"  # the folder, on the same host


def test_missing_pages_are_404_in_the_readers_language(server):
    for path, lang in (("/ei-ole/", "fi"), ("/sv/finns-inte/", "sv"), ("/kokoukset/x.ics", "fi")):
        status, headers, body = server.get(path)
        assert status == 404, path
        assert BeautifulSoup(body, "html.parser").html["lang"] == lang, path
        assert headers["content-type"] == "text/html; charset=utf-8"
    for hidden in ("/_headers", "/.pagefind-new/pagefind.js"):
        assert server.get(hidden)[0] == 404, hidden


def test_published_files_are_readable_by_the_server_whatever_the_umask(server):
    for path in server.folder.rglob("*"):
        mode = path.stat().st_mode & 0o777
        assert mode == (0o755 if path.is_dir() else 0o644), path


def test_chromium_reads_the_site_and_searches_without_a_policy_violation(server, playwright_api):
    """The pages and the search in both languages, under the headers nginx
    sends: nothing the browser's console reports."""
    browser = playwright_api.chromium.launch(executable_path=CHROMIUM, args=[
        "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        # The site's own addresses lead to this nginx, with its test certificate.
        f"--host-resolver-rules=MAP {HOST}:443 127.0.0.1:{server.https_port}",
        "--ignore-certificate-errors"])
    try:
        page = browser.new_page()
        console = []
        page.on("console", lambda message: console.append((page.url, message.type, message.text)))
        page.on("pageerror", lambda error: console.append((page.url, "pageerror", str(error))))
        base = f"https://{HOST}"
        for path in ("/", "/sv/", "/kokoukset/2020-06-01-etela-pohjanmaan-ohjausryhma/"):
            response = page.goto(base + path)
            assert response.status == 200 and "text/html" in response.headers["content-type"]
            # The stylesheet came, and the browser applied it.
            assert page.evaluate("document.styleSheets[0].cssRules.length") > 10, path
        for path, word, section in (("/haku/", "lastensuojelun", "/"),
                                    ("/sv/sok/", "barnskyddet", "/sv/")):
            page.goto(f"{base}{path}?q={word}")
            page.wait_for_selector("#search-app ol li a", timeout=15000)
            found = page.eval_on_selector_all("#search-app ol li a", "links => links.map(a => a.href)")
            assert found and all(url.startswith(base + section) for url in found), found
    finally:
        browser.close()
    assert console == []


@pytest.mark.skipif(not shutil.which("systemd-analyze"), reason="needs systemd")
def test_the_daily_publish_units_are_valid_and_run_after_midnight_in_helsinki(tmp_path):
    units = [UNITS / "sonetbotnia-publish.service", UNITS / "sonetbotnia-publish.timer"]
    result = subprocess.run(["systemd-analyze", "verify", "--man=no", *map(str, units)],
                            capture_output=True, text=True)
    assert result.returncode == 0 and result.stderr == "", result.stderr
    calendar = re.search(r"^OnCalendar=(.+)$", units[1].read_text(), re.MULTILINE)[1]
    result = subprocess.run(["systemd-analyze", "calendar", "--iterations=400", calendar],
                            capture_output=True, text=True, env=dict(os.environ, TZ="UTC"))
    assert result.returncode == 0, result.stderr
    runs = re.findall(r"(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}) UTC", result.stdout)
    helsinki = zoneinfo.ZoneInfo("Europe/Helsinki")
    local = {datetime.fromisoformat(run).replace(tzinfo=timezone.utc).astimezone(helsinki)
             .strftime("%H:%M") for run in runs}
    assert len(runs) == 400 and local == {"00:15"}  # winter and summer time alike
