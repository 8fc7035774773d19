"""The tasks people run: listed with help, and `serve` really serves."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_task_is_listed_with_its_help():
    listing = subprocess.run(
        [sys.executable, "-m", "invoke", "--list"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout
    for name in ("build", "serve", "clean", "test", "publish"):
        line = next(line for line in listing.splitlines() if line.strip().startswith(name + " "))
        assert len(line.split(None, 1)[1]) > 10, line


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_serve_builds_and_serves_the_site_on_localhost():
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "invoke", "serve", "--port", str(port)],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 60
        pages = {}
        while time.monotonic() < deadline and len(pages) < 2:
            for path in ("/", "/sv/"):
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=2) as reply:
                        pages[path] = reply.read().decode("utf-8")
                except OSError:
                    time.sleep(0.5)
        assert '<html lang="fi">' in pages["/"]
        assert '<html lang="sv">' in pages["/sv/"]
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=20)
