"""Tasks of the SONet BOTNIA portal: `invoke --list` shows them.

On a fresh machine, `python3 tasks.py <task>` first sets up .venv with the
pinned requirements, then runs the task with invoke inside it.
"""

import functools
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"


def venv_python(venv, windows=os.name == "nt"):
    """The Python of the virtual environment ``venv``."""
    return venv / "Scripts" / "python.exe" if windows else venv / "bin" / "python"


def bootstrap(arguments):
    """Create .venv and install requirements.txt when it changed, then hand
    over to invoke inside the environment."""
    python = venv_python(VENV)
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
    if os.name == "nt":
        # Windows has no exec: its os.execv starts another process and ends
        # this one, and the console would not wait for the task (nor pass it Ctrl+C).
        sys.exit(subprocess.call([str(python), "-m", "invoke", *arguments]))
    os.execv(python, [str(python), "-m", "invoke", *arguments])


if __name__ == "__main__":
    bootstrap(sys.argv[1:])

from invoke import task  # noqa: E402

sys.path.insert(0, str(ROOT / "plugins"))


@functools.cache
def editor_catalogue():
    from content_model.messages import editor_translations

    return editor_translations(content_settings("pelicanconf.py", None))


def say(template, **params):
    """An editor-facing line of a task, in the editor's language."""
    from content_model.messages import _

    return _(template, **params).render(editor_catalogue())


def plain_logging():
    from editor_log import plain_logging as editor_logging

    editor_logging(editor_catalogue())


def build_or_exit(settings, output=None, overrides=None, checks=()):
    """Build, and exit with the reason if it fails. A build into the
    settings' own folder (output/, public/) reuses what the last one read,
    rendered and link-checked, kept in the user's cache folder (see cache_file)."""
    from cache_file import cache_folder
    from site_build import BuildCache, BuildFailed, build_site

    plain_logging()
    kept = cache_folder(ROOT) / f"{Path(settings).stem}.pickle"
    cache = BuildCache.load(kept) if output is None else BuildCache()
    try:
        path = build_site(ROOT / settings, output, overrides, checks, cache=cache)
    except BuildFailed as failure:
        sys.exit(say("The build stopped: {reason}", reason=failure))
    if output is None:
        try:
            cache.save(kept)
        except OSError as error:  # the site is built; only the next build does more work
            print(say("The build cache was not saved ({reason}); the next build does everything",
                      reason=error.strerror or error), file=sys.stderr)
    return path


@task
def build(c, settings="pelicanconf.py", output=None):
    """Build the complete site into output/ (replaced only if the build succeeds)."""
    from link_crawl import link_problems

    # A link that leads nowhere stops the build, as in `check` and `publish`.
    path = build_or_exit(settings, output, checks=[link_problems])
    print(say("Built: {path}", path=path))


def content_settings(settings, content):
    """Pelican's settings with the content folder given on the command line."""
    from pelican.settings import read_settings

    override = {"PATH": str(Path(content).resolve())} if content else None
    return read_settings(str(ROOT / settings), override=override)


def trial_build_links(settings, pelican_settings):
    """Build into a temporary folder, which is then thrown away, and find the
    links that lead nowhere."""
    import tempfile

    from content_model.check import TrialBuildLog, failed_trial_build
    from link_crawl import link_problems
    from site_build import BuildFailed, build_site

    root = Path(pelican_settings["PATH"])
    with tempfile.TemporaryDirectory() as folder, TrialBuildLog() as log:
        try:
            # Links only: the search index would be thrown away unread.
            output = build_site(ROOT / settings, Path(folder) / "site",
                                overrides={"PATH": str(root), "SEARCH_INDEX": False})
        except BuildFailed as failure:
            return failed_trial_build(root, failure, log)
        return link_problems(output, pelican_settings)


@task(help={"content": "content folder to check (default: content/)"})
def check(c, content=None, settings="pelicanconf.py"):
    """Check all content and list every problem as path:line: message; exit 1 on errors."""
    from content_model.check import check_content, report
    from content_model.messages import editor_translations

    pelican_settings = content_settings(settings, content)
    problems = check_content(pelican_settings)
    if not any(problem.severity == "error" for problem in problems):
        problems += trial_build_links(settings, pelican_settings)
    print("\n".join(report(problems, editor_translations(pelican_settings))))
    if any(problem.severity == "error" for problem in problems):
        sys.exit(1)


@task(
    help={
        "kind": "news, event, project, meeting or page",
        "title": "the title in the item's language",
        "date": "Date, YYYY-MM-DD or YYYY-MM-DD HH:MM (news, meeting)",
        "start": "Start of an event",
        "end": "End of an event or project",
        "body": "Body key of a meeting (content/data/registry.toml)",
        "acronym": "Acronym of a project",
        "phase": "Phase of a project",
        "lang": "fi or sv: the item in that language only (default: both files)",
        "content": "content folder (default: content/)",
    }
)
def new(c, kind, title, date=None, start=None, end=None, body=None, acronym=None,
        phase=None, lang=None, content=None, settings="pelicanconf.py"):
    """Create the Finnish and Swedish files of a new item (or one, with --lang) with every key explained."""
    from content_model.clock import read_build_clock
    from content_model.content_type import content_types
    from content_model.messages import editor_language
    from content_model.registry import load_registry
    from content_model.scaffold import invalid_values, new_item

    if content:
        Path(content).mkdir(parents=True, exist_ok=True)
    pelican_settings = content_settings(settings, content)
    kinds = {declared.noun: declared for declared in content_types(pelican_settings).values()}
    if kind not in kinds:
        sys.exit(say("Unknown kind '{kind}': expected one of {kinds}", kind=kind,
                     kinds=", ".join(kinds)))
    if kinds[kind].key("Body") and not body:
        sys.exit(say("A meeting needs --body: the key of the body in content/data/registry.toml"))
    if lang not in (None, "fi", "sv"):
        sys.exit(say("--lang is fi or sv, not '{lang}'", lang=lang))
    values = {"Date": date, "Start": start, "End": end, "Body": body,
              "Acronym": acronym, "Phase": phase}
    root = pelican_settings["PATH"]
    wrong = invalid_values(kinds[kind], values, load_registry(root, pelican_settings["LANGUAGES"]))
    if wrong:
        sys.exit("\n".join(problem.render(editor_catalogue()) for problem in wrong))
    languages = (lang,) if lang else ("fi", "sv")
    try:
        paths = new_item(root, kinds[kind], title, values, read_build_clock(), languages,
                         working=editor_language(pelican_settings))
    except FileExistsError as existing:
        sys.exit(say("Not overwritten, the file already exists: {path}", path=existing))
    for path in paths:
        print(say("Created: {path}", path=path))


@task(
    help={
        "file": "the minutes as received: .docx, .txt or .md",
        "body": "Body key of the meeting (content/data/registry.toml); asked for if not given",
        "title": "the Title (default: the body's name and the day)",
        "date": "the day of the meeting, YYYY-MM-DD or YYYY-MM-DD HH:MM, if the text does not tell it",
        "content": "content folder (default: content/)",
    }
)
def import_minutes(c, file, body=None, title=None, date=None, content=None,
                   settings="pelicanconf.py"):
    """Write minutes as received (.docx, .txt, .md) as a meeting file, with a Swedish draft."""
    from content_model.check import report
    from meetings.import_minutes import ImportRefused, import_file, terminal_confirm

    try:
        paths, count, left = import_file(content_settings(settings, content), file, body, title,
                                         date, terminal_confirm(editor_catalogue()))
    except ImportRefused as refused:
        sys.exit("\n".join(message.render(editor_catalogue()) for message in refused.messages))
    except FileExistsError as existing:
        sys.exit(say("Not overwritten, the file already exists: {path}", path=existing))
    for path in paths:
        print(say("Created: {path}", path=path))
    print(say("Agenda items found: {count}", count=count))
    print("\n".join(report(left, editor_catalogue())))


@task
def serve(c, port=8000):
    """Build, serve on http://127.0.0.1:PORT, rebuild on every save and reload the open page."""
    from content_model.messages import editor_language
    from preview.session import serve_preview

    # One clock for the session, so that a rebuild remakes only what an edit
    # changed (feeds and calendars carry the build clock).
    os.environ.setdefault("SOURCE_DATE_EPOCH", str(int(time.time())))
    plain_logging()
    language = editor_language(content_settings("pelicanconf.py", None))
    try:
        serve_preview(ROOT, int(port), language, editor_catalogue())
    except KeyboardInterrupt:
        pass  # Ctrl+C: the way to stop the preview


@task(help={"sizes": "corpus sizes in source files, comma-separated",
            "runs": "runs per measurement (the median is printed)",
            "file_kb": "mean size of a source file in kB (3.7; the heavier corpus: 6.9)",
            "saves": "serve latency: seconds apart x saves, comma-separated (default 20x3,3x20; "
                     "none to skip)"})
def bench(c, sizes="1000,4000", runs=3, file_kb=3.7, saves="20x3,3x20"):
    """Measure our build against plain Pelican on a generated corpus, and the real site's page weight."""
    import tempfile

    from benchmark import bench as run_bench
    from benchmark import format_rows
    from page_weight import weight_report

    cadences = [tuple(float(n) if i == 0 else int(n) for i, n in enumerate(pair.split("x")))
                for pair in saves.split(",") if pair != "none"]
    with tempfile.TemporaryDirectory() as workdir:
        rows = run_bench([int(size) for size in sizes.split(",")], int(runs), workdir,
                         float(file_kb), cadences)
    print("\n".join(format_rows(rows)))
    with tempfile.TemporaryDirectory() as folder:
        site = build_or_exit("pelicanconf.py", Path(folder) / "site")
        print("Page weight of the real site (HTML + CSS + JS, gzip):")
        print("\n".join(weight_report(site)[0]))


@task
def weight(c, output="output"):
    """Print what each kind of page weighs (HTML + CSS + JS, gzip) against its budget."""
    from page_weight import weight_report

    lines, over = weight_report(ROOT / output)
    print("\n".join(lines))
    for url, size, budget in over:
        print(f"Over budget: {url} {size / 1000:.1f} kB > {budget / 1000:.0f} kB")
    if over:
        sys.exit(1)


@task
def clean(c):
    """Remove the built site and caches."""
    import shutil

    from cache_file import cache_folder

    # Not `rm -rf`: Windows has no rm.
    for pattern in ("output", "public", ".output.*", ".public.*", ".output-lock", ".public-lock",
                    ".cache", "__pycache__", ".pytest_cache"):
        for path in ROOT.glob(pattern):
            if path.is_dir():
                shutil.rmtree(path)
            else:
                path.unlink()
    shutil.rmtree(cache_folder(ROOT), ignore_errors=True)


# Commands the browser, validator, server and spreadsheet checks run, and their Debian packages.
SYSTEM_PACKAGES = {"chromium-headless-shell": "chromium-headless-shell", "java": "default-jre-headless",
                   "nginx": "nginx", "openssl": "openssl", "soffice": "libreoffice-calc-nogui",
                   "node": "nodejs", "npm": "npm"}
# Mozilla's ical.js (Thunderbird's calendar parser) reads the built calendars.
JS_TESTS = Path(__file__).resolve().parent / "tests" / "js"


def ensure_system_packages(c):
    """Install the Debian packages of SYSTEM_PACKAGES that are missing (as
    root, as on CI); otherwise say how to."""
    import shutil

    missing = [package for command, package in SYSTEM_PACKAGES.items() if not shutil.which(command)]
    if not missing:
        return
    # Windows has no geteuid: there, as for anyone but root, the tests say what is missing.
    if getattr(os, "geteuid", lambda: None)() == 0 and shutil.which("apt-get"):
        # CI has no terminal: a package must never stop to ask a question.
        quiet = {"DEBIAN_FRONTEND": "noninteractive"}
        c.run("apt-get update -qq", env=quiet)
        c.run("apt-get install -y -qq --no-install-recommends " + " ".join(missing), env=quiet)
    else:
        sys.exit("The tests need " + ", ".join(missing)
                 + ": install with `sudo apt-get install " + " ".join(missing) + "`")


@task
def test(c):
    """Run the whole test suite (installs Chromium, Java, nginx, LibreOffice and Node.js first if missing)."""
    ensure_system_packages(c)
    if not (JS_TESTS / "node_modules").is_dir():
        c.run(f"npm ci --prefix {JS_TESTS} --no-audit --no-fund")
    # The linter and the type checker first: they take seconds (pyproject.toml).
    c.run(f"{sys.executable} -m ruff check --quiet .")
    c.run(f"{sys.executable} -m mypy")
    c.run(f"{sys.executable} -m pytest", pty=sys.stdout.isatty())


@task
def publish(c, output=None):
    """Build with publishconf.py, check every internal link, and only then replace public/."""
    from link_crawl import link_problems

    path = build_or_exit("publishconf.py", output, checks=[link_problems])
    print(say("Published: {path}", path=path))


@task
def catalogs(c):
    """Extract UI strings and editor messages and update their fi and sv catalogues."""
    babel = f"{sys.executable} -m babel.messages.frontend"
    c.run(f"{babel} extract -F babel.cfg --no-location --omit-header "
          "-o theme/translations/messages.pot .")
    c.run(f"{babel} update --ignore-obsolete -i theme/translations/messages.pot -d theme/translations")
    editor = "plugins/content_model/translations"
    # Only the editor's messages: the kinds' labels and feed titles (N_) are the theme's.
    c.run(f"{babel} extract --no-default-keywords -k _ -k _n:1,2 -k say --no-location "
          f"--omit-header -o {editor}/messages.pot "
          "plugins/content_model plugins/news plugins/pages plugins/meetings plugins/projects plugins/events "
          "plugins/link_crawl.py plugins/site_build.py "
          "plugins/output_folder.py plugins/cache_file.py plugins/editor_log.py plugins/preview "
          "tasks.py")
    c.run(f"{babel} update --ignore-obsolete -i {editor}/messages.pot -d {editor}")
