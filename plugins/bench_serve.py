"""`invoke bench`: how long after a save `invoke serve` serves the new page.

Not a Pelican plugin. A real `invoke serve` process runs on a copy of the
project whose content is the bench's corpus; a file is saved at a steady
cadence, and the edited page is fetched over HTTP until it shows the save.
The latency is from the moment the file is written to the moment the new
page arrives: what an editor waits for, watcher and reload included.
"""

import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# What `invoke serve` needs of the project, besides the content.
PROJECT_FILES = ("tasks.py", "pelicanconf.py", "publishconf.py", "requirements.txt")
PROJECT_FOLDERS = ("plugins", "theme")
POLL = 0.02  # seconds between fetches of the edited page
FIRST_BUILD_TIMEOUT = 600
SAVE_TIMEOUT = 120


def copy_project(content, folder):
    """A copy of the project at ``folder`` with ``content`` as its content."""
    folder = Path(folder)
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for name in PROJECT_FILES:
        shutil.copy2(ROOT / name, folder / name)
    for name in PROJECT_FOLDERS:
        shutil.copytree(ROOT / name, folder / name,
                        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    shutil.copytree(content, folder / "content")
    return folder


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url):
    """The page's bytes, or None while it cannot be had."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read()
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for(url, marker, timeout):
    """Seconds until the page at ``url`` contains ``marker``."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        page = fetch(url)
        if page is not None and marker in page:
            return time.perf_counter() - start
        time.sleep(POLL)
    raise RuntimeError(f"{url} did not show {marker!r} within {timeout} s")


def save_latencies(project, edited, url, cadence, saves, tag):
    """Save ``edited`` ``saves`` times, ``cadence`` seconds apart; the
    seconds from each save to the new page served at ``url``."""
    latencies = []
    next_save = time.perf_counter()
    for number in range(saves):
        time.sleep(max(0.0, next_save - time.perf_counter()))
        next_save += cadence
        marker = f"Tallennus {tag}-{number}."
        text = edited.read_text(encoding="utf-8")
        edited.write_text(text.rstrip("\n") + f"\n\n{marker}\n", encoding="utf-8")
        latencies.append(wait_for(url, marker.encode(), SAVE_TIMEOUT))
    return latencies


def serve_latency(content, workdir, cadences):
    """{cadence: [latencies]} of a real `invoke serve` on a copy of the
    project with ``content``; ``cadences`` is [(seconds apart, saves)]."""
    project = copy_project(content, Path(workdir) / "serve-project")
    port = free_port()
    env = dict(os.environ, SOURCE_DATE_EPOCH="1591779600", LANG="C.UTF-8")
    log = (Path(workdir) / "serve.log").open("w")
    process = subprocess.Popen([sys.executable, "-m", "invoke", "serve", "--port", str(port)],
                               cwd=project, env=env, stdout=log, stderr=subprocess.STDOUT)
    edited = project / "content" / "news" / "uutinen-00000.fi.md"
    url = f"http://127.0.0.1:{port}/ajankohtaista/uutinen-00000/"
    try:
        wait_for(url, b"Uutinen 0", FIRST_BUILD_TIMEOUT)
        time.sleep(2)  # the first search index is made after the first build
        return {cadence: save_latencies(project, edited, url, cadence, saves, f"{cadence}s")
                for cadence, saves in cadences}
    finally:
        process.send_signal(signal.SIGINT)  # Ctrl+C, as an editor stops it
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


def latency_rows(latencies):
    """Rows for format_rows: the median and the 95th percentile per cadence."""
    rows = []
    for cadence, values in latencies.items():
        p95 = sorted(values)[max(0, round(0.95 * len(values)) - 1)]
        rows.append({"name": f"ours, serve: save → page served, {cadence:g} s apart",
                     "seconds": statistics.median(values), "peak_mib": 0.0, "child_peak_mib": 0.0,
                     "note": f"p95 {p95:.2f} s, max {max(values):.2f} s, {len(values)} saves"})
    return rows
