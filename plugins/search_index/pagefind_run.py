"""Pagefind over a site one language folder at a time, the parts then put
together in one bundle.

Pagefind holds every page it indexes in memory: 540 MiB for the 4,000
pages of the heavier bench corpus, over the 400 MiB budget. Each language
is an index of its own in Pagefind's bundle (its own metadata, chunks,
filters and fragments; the entry file lists them), so the Swedish pages
(under sv/) and the rest can be indexed one after the other, with half the
memory each, and put together. Once stable_filters has run, the bundle is
byte for byte the one a single run makes (tests/test_search_refresh.py).
A site whose parts would share a language is indexed in one run.
"""

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from .stable_filters import stabilise_filters

# Pagefind at a lower priority, for an index made while an editor waits for
# pages: its main thread is niced before the program starts its threads.
NICED = ("import os, runpy, sys; os.nice(10); sys.argv[0] = 'pagefind'; "
         "runpy.run_module('pagefind', run_name='__main__')")
# Folder names that can stand in a glob as they are.
PLAIN_NAME = re.compile(r"[A-Za-z0-9._-]+")
ENTRY = "pagefind-entry.json"


def language_globs(site, languages):
    """[(language or None, Pagefind's --glob)] for each part of ``site``: a
    folder per language of ``languages`` that has one, then the rest;
    [(None, None)] (the whole site in one run) when there is no such folder."""
    folders = sorted(entry.name for entry in os.scandir(site) if entry.is_dir())
    split = [lang for lang in languages if lang in folders]
    if not split or not all(PLAIN_NAME.fullmatch(name) for name in folders):
        return [(None, None)]
    rest = ["*.html", *(f"{name}/**/*.html" for name in folders if name not in split)]
    return [(lang, f"{lang}/**/*.html") for lang in split] + [(None, "{" + ",".join(rest) + "}")]


def language_files(bundle, lang):
    """The files of the language ``lang`` in a Pagefind bundle, and the
    files every language shares (its scripts)."""
    entry = json.loads((bundle / ENTRY).read_text(encoding="utf-8"))
    others = [other for other in entry["languages"] if other != lang]
    for path in bundle.rglob("*"):
        name = path.name
        if path.is_file() and name != ENTRY and not any(
                name.startswith((f"{other}_", f"pagefind.{other}_", f"wasm.{other}.")) for other in others):
            yield path
    yield entry


class PagefindRun:
    """Pagefind indexing ``site`` into ``bundle``, part after part (at a
    lower priority if ``background``): ``poll()`` says whether it ended,
    ``wait()`` ends it and returns None or what went wrong, ``kill()``
    stops it and leaves nothing behind. The part of a language in ``kept``
    is taken from the bundle ``previous`` instead, when it has that
    language: its pages are those that bundle was made from."""

    def __init__(self, site, bundle, languages, background=False, previous=None, kept=()):
        self.site, self.bundle, self.background = Path(site), Path(bundle), background
        self.parts = language_globs(self.site, languages)
        self.outputs = ([self.bundle] if len(self.parts) == 1 else
                        [self.bundle.with_name(f"{self.bundle.name}-{n}") for n in range(len(self.parts))])
        for output in self.outputs:
            shutil.rmtree(output, ignore_errors=True)
        self.to_run = list(range(len(self.parts)))
        for part, (lang, _glob) in enumerate(self.parts):
            if lang in kept and previous and self.link_part(part, Path(previous), lang):
                self.to_run.remove(part)
        self.done, self.failure = 0, None
        self.process = self.start(self.to_run[0])

    def link_part(self, part, previous, lang):
        """Hard links to the files of ``lang`` in ``previous`` (never written
        to: stable_filters replaces a file, Pagefind does not run here)."""
        entry_path = previous / ENTRY
        if not entry_path.is_file() or lang not in json.loads(entry_path.read_text(encoding="utf-8"))[
                "languages"]:
            return False
        output = self.outputs[part]
        *paths, entry = language_files(previous, lang)
        for path in paths:
            target = output / path.relative_to(previous)
            target.parent.mkdir(parents=True, exist_ok=True)
            os.link(path, target)
        entry["languages"] = {lang: entry["languages"][lang]}
        (output / ENTRY).write_text(json.dumps(entry), encoding="utf-8")
        return True

    def start(self, part):
        start = ["-c", NICED] if self.background and hasattr(os, "nice") else ["-m", "pagefind"]
        glob = ["--glob", self.parts[part][1]] if self.parts[part][1] else []
        return subprocess.Popen(
            [sys.executable, *start, "--site", str(self.site), "--output-path",
             str(self.outputs[part]), *glob, "--quiet"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    def poll(self):
        if self.failure is None and self.done < len(self.to_run) and self.process.poll() is not None:
            stdout, stderr = self.process.communicate()
            if self.process.returncode != 0:
                self.failure = (stderr.strip() or stdout.strip() or
                                f"it ended with exit status {self.process.returncode} and no message")
            else:
                self.done += 1
                if self.done < len(self.to_run):
                    self.process = self.start(self.to_run[self.done])
        return self.failure is not None or self.done == len(self.to_run)

    def wait(self):
        while not self.poll():
            self.process.wait()
        if self.failure is not None:
            self.remove_parts()
            return self.failure
        try:
            if len(self.outputs) > 1 and not self.put_together():
                # The parts share a language: the site is indexed in one run.
                self.remove_parts()
                self.parts, self.outputs, self.to_run, self.done = [(None, None)], [self.bundle], [0], 0
                self.process = self.start(0)
                return self.wait()
            stabilise_filters(self.bundle)
        except (OSError, ValueError) as error:  # cut short, on a full disk say
            return f"{self.bundle / ENTRY}: {error}"
        return None

    def put_together(self):
        """Move the parts into the bundle; False if two have the same language."""
        entries = [json.loads((output / ENTRY).read_text(encoding="utf-8")) for output in self.outputs]
        languages = [lang for entry in entries for lang in entry["languages"]]
        if len(languages) != len(set(languages)):
            return False
        shutil.rmtree(self.bundle, ignore_errors=True)
        os.rename(self.outputs[0], self.bundle)
        for output in self.outputs[1:]:
            for path in sorted(output.rglob("*")):
                target = self.bundle / path.relative_to(output)
                if path.is_dir():
                    target.mkdir(exist_ok=True)
                elif not target.exists():  # Pagefind's own scripts are the same in every part
                    os.rename(path, target)
            shutil.rmtree(output)
        entries[0]["languages"] = {lang: language for entry in entries
                                   for lang, language in entry["languages"].items()}
        (self.bundle / ENTRY).write_text(json.dumps(entries[0]), encoding="utf-8")
        return True

    def remove_parts(self):
        for output in self.outputs:
            shutil.rmtree(output, ignore_errors=True)

    def kill(self):
        self.process.kill()
        self.process.communicate()
        self.remove_parts()
