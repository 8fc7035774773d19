"""Tasks of the SONet BOTNIA portal: `invoke --list` shows them.

On a fresh machine, `python3 tasks.py <task>` first sets up .venv with the
pinned requirements, then runs the task with invoke inside it.
"""

import logging
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"


def bootstrap(arguments):
    """Create .venv and install requirements.txt when it changed, then hand
    over to invoke inside the environment."""
    python = VENV / "bin" / "python"
    requirements = (ROOT / "requirements.txt").read_text()
    installed = VENV / "installed-requirements.txt"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    if not installed.exists() or installed.read_text() != requirements:
        subprocess.run(
            [str(python), "-m", "pip", "install", "--quiet",
             "--disable-pip-version-check", "-r", str(ROOT / "requirements.txt")],
            check=True,
        )
        installed.write_text(requirements)
    os.chdir(ROOT)
    os.execv(python, [str(python), "-m", "invoke", *arguments])


if __name__ == "__main__":
    bootstrap(sys.argv[1:])

from invoke import task  # noqa: E402

sys.path.insert(0, str(ROOT / "plugins"))


@task
def build(c, settings="pelicanconf.py", output=None):
    """Build the complete site into output/ (replaced only if the build succeeds)."""
    from pelican.log import init as init_logging

    from site_build import BuildFailed, build_site

    init_logging(level=logging.WARNING)
    try:
        path = build_site(ROOT / settings, output)
    except BuildFailed as failure:
        sys.exit(f"Build failed: {failure}")
    print(f"Built {path}")


@task
def serve(c, port=8000):
    """Build, serve on http://127.0.0.1:PORT and rebuild when a file changes."""
    build(c)
    c.run(
        f"{sys.executable} -m pelican --autoreload --listen --bind 127.0.0.1 --port {port} "
        "--settings pelicanconf.py",
        pty=sys.stdout.isatty(),
    )


@task
def clean(c):
    """Remove the built site and caches."""
    c.run("rm -rf output public .output.* .public.* __pycache__ .pytest_cache")


@task
def test(c):
    """Run the whole test suite."""
    c.run(f"{sys.executable} -m pytest", pty=sys.stdout.isatty())


@task
def publish(c):
    """Build with production settings (publishconf.py) and replace public/ only after a complete build."""
    build(c, settings="publishconf.py")


@task
def catalogs(c):
    """Extract the theme's UI strings and update the fi and sv catalogues."""
    c.run(
        f"{sys.executable} -m babel.messages.frontend extract -F babel.cfg --no-location --omit-header "
        "-o theme/translations/messages.pot ."
    )
    c.run(
        f"{sys.executable} -m babel.messages.frontend update -i theme/translations/messages.pot "
        "-d theme/translations"
    )
