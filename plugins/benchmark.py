"""`invoke bench`: a deterministic corpus in the content contract, built by
our pipeline and by plain Pelican, measured in the same run.

Not a Pelican plugin. Every build runs in its own process, so that peak
memory is that build's alone.
"""

import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench_hugo import hugo_row
from bench_serve import latency_rows, serve_latency

ROOT = Path(__file__).resolve().parent.parent
WORDS = ("lastensuojelu sosiaalityö hanke kehittäminen palvelu kunta alue ohjausryhmä "
         "päätös esitys yhteistyö osaamiskeskus jälkihuolto työkyky rahoitus verkosto "
         "asiakas ammattilainen suunnitelma toimeenpano arviointi").split()
REGISTRY = (ROOT / "content" / "data" / "registry.toml").read_text(encoding="utf-8")
NAMED_PAGES = ("tietoa", "yhteystiedot", "saavutettavuusseloste", "tietosuojaseloste", "in-english")
BODIES = ("johtoryhma", "etela-pohjanmaan-ohjausryhma", "keski-pohjanmaan-ohjausryhma",
          "pohjanmaan-ohjausryhma")


def plain_paragraph(rng, words=60):
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def year_of(n):
    """Dates spread over twenty years, as the portal's history will be; the
    bench's build clock is in June 2020."""
    return 2000 + n % 20


# The mean size of a source file of the corpus at scale 1, in kB.
BASE_FILE_KB = 3.7


def write_corpus(folder, source_files, seed=2020, file_kb=BASE_FILE_KB):
    """About ``source_files`` Markdown files: fi/sv pairs of news (40 %),
    meetings with ten items (25 %), events (20 %), projects (10 %, one in ten
    still running), pages. Their mean size is about ``file_kb``: a heavier
    corpus has longer texts, and its projects have a table."""
    rng = random.Random(seed)
    scale = file_kb / BASE_FILE_KB

    def paragraph(rng, words=60):
        return plain_paragraph(rng, max(1, round(words * scale)))

    folder = Path(folder)
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "data").mkdir(parents=True)
    (folder / "data" / "registry.toml").write_text(REGISTRY, encoding="utf-8")
    pairs = source_files // 2
    counts = {"projects": max(pairs // 10, 1), "meetings": pairs // 4, "events": pairs // 5}
    # at least the pages the navigation and the footer name
    counts["pages"] = max(pairs // 20, 5)
    counts["news"] = pairs - sum(counts.values())
    projects = [f"hanke-{n:04}" for n in range(counts["projects"])]

    def write(section, name, fi_header, body_fi, body_sv):
        (folder / section).mkdir(exist_ok=True)
        (folder / section / f"{name}.fi.md").write_text(f"{fi_header}\n\n{body_fi}\n", encoding="utf-8")
        (folder / section / f"{name}.sv.md").write_text(
            f"Title: {name} sv\nSlug: {name}-sv\n\n{body_sv}\n", encoding="utf-8")

    for n, name in enumerate(projects):
        period = ("Phase: active\nStart: 2019-01\nEnd: 2030-12" if n % 10 == 0 else
                  f"Phase: ended\nStart: {year_of(n) - 2}-01\nEnd: {year_of(n) - 1}-12")
        table = project_table(rng, n) if scale > 1 else ""
        write("projects", name, f"Title: Hanke {n}\nAcronym: H{n:04}\n{period}\n"
              f"Budget: {10000 + n}\nRegion: pohjanmaa",
              paragraph(rng, 120) + table, paragraph(rng, 120) + table)
    for n in range(counts["news"]):
        day = 1 + n % 28
        write("news", f"uutinen-{n:05}", f"Title: Uutinen {n}\nDate: {year_of(n)}-{1 + n % 12:02}-{day:02} 10:00\n"
              f"Tags: {rng.choice(WORDS)}\nProjects: {rng.choice(projects)}",
              "\n\n".join(paragraph(rng) for _ in range(4)), "\n\n".join(paragraph(rng) for _ in range(4)))
    for n in range(counts["meetings"]):
        items = "\n\n".join(
            f"## {i} § Asia {i} H{rng.randrange(len(projects)):04}\n\n{paragraph(rng)}\n\n"
            f"Esitys: {paragraph(rng, 12)}\n\nPäätös: {paragraph(rng, 12)}" for i in range(1, 11))
        date = f"{year_of(n)}-{1 + n % 12:02}-{1 + n % 28:02} 12:00"
        write("meetings", f"kokous-{n:05}", f"Title: Kokous {n}\nDate: {date}\n"
              f"Body: {BODIES[n % len(BODIES)]}\nProjects: {rng.choice(projects)}",
              items, items.replace("Esitys:", "Förslag:").replace("Päätös:", "Beslut:"))
    for n in range(counts["events"]):
        day = f"{year_of(n) + 1}-{1 + n % 12:02}-{1 + n % 28:02}"  # the last year's are still to come
        write("events", f"tapahtuma-{n:05}", f"Title: Tapahtuma {n}\nStart: {day} 09:00\n"
              f"End: {day} 12:00\nLocation: Vaasa",
              paragraph(rng), paragraph(rng))
    for n in range(counts["pages"]):
        write("pages", NAMED_PAGES[n] if n < len(NAMED_PAGES) else f"sivu-{n}",
              f"Title: Sivu {n}", paragraph(rng, 200), paragraph(rng, 200))
    return sum(1 for _ in folder.rglob("*.md"))


def project_table(rng, n):
    """A project's budget by year, as a Markdown table."""
    rows = "\n".join(f"| {year_of(n) - 2 + k} | {rng.choice(WORDS)} | {1000 * (k + 1) + n} |"
                     for k in range(6))
    return f"\n\n| Vuosi | Kohde | Euroa |\n| --- | --- | ---: |\n{rows}\n"


# Peak memory of the build's process, and of its largest child: a build
# worker, or Pagefind (a separate program, which runs after the workers).
PEAK = """
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
      resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""
# A one-off build, as `invoke build` runs it: with the cache kept on disk, if
# any, and then its link check.
OURS = """
import resource, sys
sys.path[:0] = [{plugins!r}]
from site_build import BuildCache, build_site
kept = {kept!r}
cache = BuildCache.load(kept) if kept else None
build_site({settings!r}, {output!r}, overrides={{"PATH": {content!r}, "SEARCH_INDEX": {search!r}}},
           cache=cache)
if kept:
    # As `invoke build`: the links are checked before the cache is saved.
    from link_crawl import broken_links, records_of
    broken_links({output!r}, records=records_of(cache.render))
    cache.save(kept)
""" + PEAK
# `invoke serve`'s path: one process that keeps what it read and made; the
# search index is brought up to date after the pages are in place.
SERVE = """
import resource, statistics, sys, time
from pathlib import Path
sys.path[:0] = [{plugins!r}]
from site_build import BuildCache, build_site, catch_up_search_index
overrides = {{"PATH": {content!r}, "SEARCH_INDEX_LATER": True}}
cache = BuildCache()
build_site({settings!r}, {output!r}, overrides=overrides, cache=cache)
edited = Path({edited!r})
times, index_times = [], []
for run in range({runs}):
    edited.write_text(edited.read_text(encoding="utf-8") + f"\\n\\nMuokattu {{run}}.\\n", encoding="utf-8")
    start = time.perf_counter()
    build_site({settings!r}, {output!r}, overrides=overrides, cache=cache)
    times.append(time.perf_counter() - start)
    start = time.perf_counter()
    catch_up_search_index(cache, Path({output!r}).resolve())
    index_times.append(time.perf_counter() - start)
print(statistics.median(index_times))
print(statistics.median(times))
""" + PEAK
# Plain Pelican; with a cache folder, its own content cache is on and the
# output folder is kept, as for a rebuild after an edit.
PLAIN = """
import resource
from pelican import Pelican
from pelican.settings import read_settings
cache = {cache!r}
settings = read_settings(None, override={{
    "PATH": {content!r}, "OUTPUT_PATH": {output!r}, "PLUGINS": [], "THEME": "notmyidea",
    "DISPLAY_PAGES_ON_MENU": False, "ARTICLE_PATHS": ["news", "meetings", "events", "projects"],
    "PAGE_PATHS": ["pages"], "DEFAULT_DATE": (2020, 1, 1), "TIMEZONE": "Europe/Helsinki",
    "SITEURL": "", "IGNORE_FILES": ["*.toml"], "DELETE_OUTPUT_DIRECTORY": cache is None,
    "CACHE_CONTENT": cache is not None, "LOAD_CONTENT_CACHE": cache is not None,
    "CACHE_PATH": cache or "cache"}})
Pelican(settings).run()
""" + PEAK
# The floors under our build's time, each in a fresh process as a build is:
# starting Python and importing the build; Pagefind indexing one language's
# pages (what a one-edit build must redo) and the whole site (part after
# part, as a full build does).
IMPORTS = """
import resource, sys
sys.path[:0] = [{plugins!r}]
import site_build, pelican.generators
""" + PEAK
PAGEFIND_SITE = """
import resource, sys
sys.path[:0] = [{plugins!r}]
from search_index.pagefind_run import PagefindRun
if PagefindRun({site!r}, {bundle!r}, {languages!r}).wait():
    raise SystemExit("Pagefind failed")
""" + PEAK
# The default language's part: the site but its language folders.
PAGEFIND_LANGUAGE = """
import resource, subprocess, sys
sys.path[:0] = [{plugins!r}]
from search_index.pagefind_run import language_globs
part = [glob for lang, glob in language_globs({site!r}, {languages!r}) if lang is None][0]
subprocess.run([sys.executable, "-m", "pagefind", "--site", {site!r}, "--output-path", {bundle!r},
                "--glob", part, "--quiet"], check=True)
""" + PEAK


def run_script(script):
    env = dict(os.environ, SOURCE_DATE_EPOCH="1591779600", LANG="C.UTF-8")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env)
    if result.returncode != 0:
        raise RuntimeError(result.stderr[-2000:])
    return result.stdout.strip().splitlines()


def peaks(line):
    """(own, largest child's) peak RSS in MiB, from the script's last line."""
    own, child = line.split()
    return int(own) / 1024, int(child) / 1024


def timed_build(script):
    """(seconds, own peak RSS, largest child's peak RSS) of one build in a fresh process."""
    start = time.perf_counter()
    lines = run_script(script)
    return (time.perf_counter() - start, *peaks(lines[-1]))


def serve_rebuild(script):
    """Median seconds of the rebuilds and of the search index refreshes
    after them, peak RSS in MiB, inside one process."""
    lines = run_script(script)
    own, child = peaks(lines[-1])
    return ({"seconds": float(lines[-2]), "peak_mib": own, "child_peak_mib": child},
            {"seconds": float(lines[-3]), "peak_mib": own, "child_peak_mib": child})


def output_size(folder):
    files = [p for p in Path(folder).rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files)


def measure(name, scripts, prepare=None):
    """One run per script."""
    results = []
    for script in scripts:
        if prepare:
            prepare()
        results.append(timed_build(script))
    return {"name": name, "seconds": statistics.median(r[0] for r in results),
            "peak_mib": max(r[1] for r in results), "child_peak_mib": max(r[2] for r in results)}


def touch(path, marker):
    text = path.read_text(encoding="utf-8")
    path.write_text(text.rstrip("\n") + f"\n\n{marker}\n", encoding="utf-8")


def bench(sizes, runs, workdir, file_kb=BASE_FILE_KB, cadences=((20, 3), (3, 20))):
    """Rows per corpus size; ``cadences`` are the `serve` saves to time,
    [(seconds apart, saves)]."""
    rows = []
    for size in sizes:
        base = Path(workdir) / f"corpus-{size}"
        content = base / "content"
        files = write_corpus(content, size, file_kb=file_kb)
        mean_kb = sum(p.stat().st_size for p in content.rglob("*.md")) / files / 1000
        ours = dict(plugins=str(ROOT / "plugins"), settings=str(ROOT / "pelicanconf.py"),
                    content=str(content), search=True)
        # A full build as on a new checkout: each run into a folder of its
        # own, which does not exist yet. Nothing is deleted until the end:
        # right after many files are deleted, ext4 makes new ones slowly,
        # which would charge the next build, ours or plain Pelican's, for it.
        fresh = [base / f"ours-{run}" for run in range(runs)]
        plain = [base / f"plain-{run}" for run in range(runs)]
        full = measure("ours: full build, nothing kept",
                       [OURS.format(kept=None, output=str(folder), **ours) for folder in fresh])
        # The same without the search index: our own share of the full build.
        unindexed = measure("ours: the same, search index left out",
                            [OURS.format(kept=None, output=str(folder) + "-unindexed",
                                         **dict(ours, search=False)) for folder in fresh])
        pelican = measure("plain Pelican: full build",
                          [PLAIN.format(content=str(content), output=str(folder), cache=None)
                           for folder in plain])
        cached = OURS.format(kept=str(base / "cache.pickle"), output=str(base / "ours"), **ours)
        counter = iter(range(10**6))
        news = content / "news" / "uutinen-00000.fi.md"
        project = content / "projects" / "hanke-0000.fi.md"
        results = [full, unindexed]
        run_script(cached)  # the build before the edits, which keeps its cache
        for label, edited in (("news", news), ("project", project)):
            results.append(measure(
                f"ours, build: after editing one {label} file", [cached] * runs,
                lambda edited=edited, counter=counter: touch(edited, f"Muokattu {next(counter)}.")))
        for label, edited in (("news", news), ("project", project)):
            serve = SERVE.format(output=str(base / "serve"), edited=str(edited), runs=runs, **ours)
            pages, index = serve_rebuild(serve)
            results.append({"name": f"ours, serve: after editing one {label} file", **pages})
            results.append({"name": "  then the search index, in the background", **index})
        if cadences:
            results += latency_rows(serve_latency(content, base, cadences))
        plain_cached = PLAIN.format(content=str(content), output=str(base / "plain"),
                                    cache=str(base / "plain-cache"))
        run_script(plain_cached)  # the build before the edits, which fills its cache
        results.append(measure(
            "plain Pelican: after editing one news file", [plain_cached] * runs,
            lambda news=news, counter=counter: touch(news, f"Muokattu {next(counter)}.")))
        results += floor_rows(ours["plugins"], fresh[0], base, runs)
        hugo = hugo_row(content, base, runs)
        results += [hugo] if hugo else []
        results.append(pelican)
        ours_out, plain_out = fresh[0], plain[0]
        ours_files, ours_bytes = output_size(ours_out)
        plain_files, plain_bytes = output_size(plain_out)
        for result in results:
            result.update(size=size, files=files, ms_per_file=1000 * result["seconds"] / files)
        plain_seconds = results[-1]["seconds"]
        for result in results:
            result["ratio_to_plain"] = result["seconds"] / plain_seconds
        rows.append({"size": size, "files": files, "mean_kb": mean_kb, "results": results,
                     "output": {"ours": [ours_files, ours_bytes], "plain": [plain_files, plain_bytes]}})
    return rows


def floor_rows(plugins, site, base, runs):
    """The floors, measured on ``site`` (a full build of ours)."""
    given = dict(plugins=plugins, site=str(site), bundle=str(Path(base) / "pagefind-floor"),
                 languages=["sv"])
    return [measure("floor: start Python, import the build", [IMPORTS.format(plugins=plugins)] * runs),
            measure("floor: Pagefind, the edited language alone",
                    [PAGEFIND_LANGUAGE.format(**given)] * runs),
            measure("floor: Pagefind, the whole site", [PAGEFIND_SITE.format(**given)] * runs)]


def format_rows(rows):
    lines = []
    for row in rows:
        lines.append(f"Corpus of {row['files']} source files ({row['mean_kb']:.1f} kB each)")
        for r in row["results"]:
            detail = r.get("note") or (f"{r['ms_per_file']:6.2f} ms/file  peak {r['peak_mib']:4.0f} MiB"
                                       f" (child {r['child_peak_mib']:4.0f})")
            lines.append(f"  {r['name']:46} {r['seconds']:7.2f} s  {detail}  "
                         f"×{r['ratio_to_plain']:.2f} plain Pelican")
        (of, ob), (pf, pb) = row["output"]["ours"], row["output"]["plain"]
        lines.append(f"  output: ours {of} files {ob / 1e6:.1f} MB; plain Pelican {pf} files {pb / 1e6:.1f} MB")
    return lines


def as_json(rows):
    return json.dumps(rows, indent=2)
