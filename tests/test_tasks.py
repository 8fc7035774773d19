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
        expected = {"/": '<html lang="fi">', "/sv/": '<html lang="sv">'}
        served = {}
        deadline = time.monotonic() + 60
        # Until the first build is in place the server answers with errors
        # or an empty listing; wait for the real pages, within a limit.
        while time.monotonic() < deadline and served.keys() != expected.keys():
            for path, marker in expected.items():
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=2) as reply:
                        if marker in reply.read().decode("utf-8"):
                            served[path] = True
                except OSError:
                    pass
            time.sleep(0.3)
        assert served.keys() == expected.keys()
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=20)


def test_the_environment_python_is_found_on_windows_and_elsewhere():
    from tasks import venv_python

    venv = Path("project") / ".venv"
    assert venv_python(venv, windows=True) == venv / "Scripts" / "python.exe"
    assert venv_python(venv, windows=False) == venv / "bin" / "python"


def test_clean_removes_the_built_site_and_caches_without_rm(tmp_path):
    import shutil

    shutil.copy(ROOT / "tasks.py", tmp_path / "tasks.py")
    shutil.copytree(ROOT / "plugins", tmp_path / "plugins")
    for folder in ("output/sv", ".output.old-x", ".cache", "content/news"):
        (tmp_path / folder).mkdir(parents=True)
    (tmp_path / ".output-lock").write_text("")
    (tmp_path / "output/sv/index.html").write_text("x")
    env = dict(os.environ, PATH="")  # no rm to call
    subprocess.run([sys.executable, "-m", "invoke", "clean"], cwd=tmp_path, env=env, check=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "plugins", "tasks.py"]
