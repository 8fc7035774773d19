"""`invoke bench`: the same corpus built by Hugo, when `hugo` is installed,
for a row beside plain Pelican's.

Not a Pelican plugin. Hugo reads front matter between `---` lines, not
Pelican's `Key: value` header, so each file is written again with its
header as YAML (title, date, slug); the Markdown body is the same. A
minimal theme (a page, a list) makes one HTML file per item and per
section, as plain Pelican with its default theme roughly does.
"""

import json
import shutil
import subprocess
import time
from pathlib import Path

LAYOUT = """<!doctype html><html lang="{{ .Lang }}"><head><meta charset="utf-8">
<title>{{ .Title }}</title></head><body><main>{{ block "main" . }}{{ end }}</main></body></html>
"""
SINGLE = '{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ end }}'
LIST = ('{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Paginator.Pages }}'
        '<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Summary }}</li>{{ end }}</ul>{{ end }}')
CONFIG = {"baseURL": "/", "defaultContentLanguage": "fi", "paginate": 10,
          "disableKinds": ["taxonomy", "term", "RSS", "sitemap", "robotsTXT"],
          "languages": {"fi": {"weight": 1}, "sv": {"weight": 2}},
          "markup": {"goldmark": {"renderer": {"unsafe": False}}}}


def hugo_site(content, folder):
    """A Hugo site at ``folder`` with the corpus ``content``."""
    folder = Path(folder)
    shutil.rmtree(folder, ignore_errors=True)
    for name, text in (("_default/baseof.html", LAYOUT), ("_default/single.html", SINGLE),
                       ("_default/list.html", LIST)):
        (folder / "layouts" / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / "layouts" / name).write_text(text, encoding="utf-8")
    (folder / "config.json").write_text(json.dumps(CONFIG), encoding="utf-8")
    for source in Path(content).rglob("*.md"):
        header, _, body = source.read_text(encoding="utf-8").partition("\n\n")
        meta = dict(line.split(": ", 1) for line in header.splitlines() if ": " in line)
        front = {"title": meta.get("Title", source.stem)}
        if "Date" in meta:
            front["date"] = meta["Date"].replace(" ", "T") + (":00" if " " in meta["Date"] else "")
        if "Slug" in meta:
            front["slug"] = meta["Slug"]
        target = folder / "content" / source.relative_to(content)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("---\n" + json.dumps(front, ensure_ascii=False) + "\n---\n\n" + body,
                          encoding="utf-8")
    return folder


def hugo_build(site, output):
    """Seconds of one `hugo` build of ``site`` into ``output`` (a new folder)."""
    start = time.perf_counter()
    subprocess.run(["hugo", "--quiet", "--source", str(site), "--destination", str(output)],
                   check=True, capture_output=True)
    return time.perf_counter() - start


def hugo_row(content, base, runs):
    """The row of Hugo's full build, or None when Hugo is not installed."""
    if shutil.which("hugo") is None:
        return None
    site = hugo_site(content, Path(base) / "hugo-site")
    seconds = sorted(hugo_build(site, Path(base) / f"hugo-{run}") for run in range(runs))
    return {"name": "Hugo: full build", "seconds": seconds[len(seconds) // 2],
            "peak_mib": 0.0, "child_peak_mib": 0.0, "note": "(minimal theme; not our site)"}
