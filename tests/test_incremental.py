"""A rebuild that reuses what it read and rendered before (as `invoke serve`
and `invoke build` do) gives output byte-identical to a clean build,
whatever the edit, and a build on two cores the same as on one."""

import os
import shutil
from pathlib import Path

import pytest

from conftest import EPOCH_JUNE_2020, ROOT, write_files
from site_build import BuildCache, BuildFailed, build_site
from test_meetings import BASE

FILES = {
    **BASE,
    "projects/monni.sv.md": "Title: MONNI-projektet\nSlug: monni\n\nBeskrivning.\n",
    "news/uutinen.fi.md": "Title: Uutinen\nDate: 2020-05-04 10:00\nProjects: monni\n\nTeksti.\n",
    "news/uutinen.sv.md": "Title: Nyhet\n\nText.\n",
    "news/toinen.fi.md": "Title: Toinen\nDate: 2020-05-05\n\nToinen teksti.\n",
    "news/kolmas-linkki.fi.md": "Title: Linkki\nDate: 2020-05-06\n\n"
                                "[Uutinen]({filename}uutinen.fi.md) ja [liite]({static}/attachments/liite.pdf)\n",
    "attachments/liite.pdf": "%PDF-1.4\n",
    "meetings/kokous.fi.md": "Title: Kokous\nDate: 2020-05-11 12:00\nBody: johtoryhma\nProjects: monni\n\n"
                             "## 1 § MONNI\n\nPäätös: Tiedoksi.\n",
    "events/koulutus.fi.md": "Title: Koulutus\nStart: 2020-09-03 09:00\nProjects: monni\n\nK.\n",
}


def snapshot(folder):
    return {p.relative_to(folder): p.read_bytes() for p in sorted(Path(folder).rglob("*")) if p.is_file()}


def rename_project(content):
    for lang in ("fi", "sv"):
        (content / f"projects/monni.{lang}.md").rename(content / f"projects/monni2.{lang}.md")
    for path in content.rglob("*.md"):
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("Projects: monni", "Projects: monni2"), encoding="utf-8")


def edit_template(content, theme):
    article = theme / "templates" / "article.html"
    article.write_text(article.read_text().replace('class="news-article"', 'class="news-article uusi"'))


EDITS = {
    "body": lambda content, theme: (content / "news/toinen.fi.md").write_text(
        "Title: Toinen\nDate: 2020-05-05\n\nMuutettu teksti.\n", encoding="utf-8"),
    "title": lambda content, theme: (content / "news/toinen.fi.md").write_text(
        "Title: Uusi otsikko\nDate: 2020-05-05\n\nToinen teksti.\n", encoding="utf-8"),
    # the Swedish file inherits the date: its reading depends on the Finnish file
    "inherited fact": lambda content, theme: (content / "news/uutinen.fi.md").write_text(
        "Title: Uutinen\nDate: 2020-05-07 10:00\nProjects: monni\n\nTeksti.\n", encoding="utf-8"),
    "add file": lambda content, theme: write_files(content, {
        "news/kolmas.fi.md": "Title: Kolmas\nDate: 2020-05-06\nProjects: monni\n\nUusi.\n"}),
    "delete file": lambda content, theme: (content / "news/toinen.fi.md").unlink(),
    "rename project key": lambda content, theme: rename_project(content),
    "registry": lambda content, theme: (content / "data/registry.toml").write_text(
        (content / "data/registry.toml").read_text().replace('fi = "Johtoryhmä"', 'fi = "Hallitus"'),
        encoding="utf-8"),
    "template": edit_template,
    # pages that name the project show its acronym
    "project acronym": lambda content, theme: (content / "projects/monni.fi.md").write_text(
        (content / "projects/monni.fi.md").read_text().replace("Acronym: MONNI", "Acronym: MONNI2"),
        encoding="utf-8"),
    # another page links to this one through {filename}: the address it shows changes
    "slug of a linked item": lambda content, theme: (content / "news/uutinen.fi.md").write_text(
        "Title: Uutinen\nSlug: uutinen-uusi\nDate: 2020-05-04 10:00\nProjects: monni\n\nTeksti.\n",
        encoding="utf-8"),
}


def files_kept(before, after):
    """Files of ``after`` that are still the very files of ``before`` (same inode)."""
    kept = set()
    for path in Path(after).rglob("*"):
        old = Path(before) / path.relative_to(after)
        if path.is_file() and old.exists() and os.path.samestat(path.stat(), old.stat()):
            kept.add(path.relative_to(after).as_posix())
    return kept


def inodes(folder):
    return {p.relative_to(folder).as_posix(): p.stat().st_ino for p in Path(folder).rglob("*") if p.is_file()}


def built_once(tmp_path, monkeypatch, search=True, own_theme=False):
    """The small site, built once with a cache: (content, theme, overrides,
    cache, site folder); with its search index only if ``search``, and with
    a copy of the theme to edit if ``own_theme`` (theme is None otherwise:
    the project's templates are compiled once for all the tests)."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(EPOCH_JUNE_2020))
    content, theme = tmp_path / "content", None
    write_files(content, FILES)
    overrides = {"PATH": str(content), "SEARCH_INDEX": search}
    if own_theme:
        theme = tmp_path / "theme"
        shutil.copytree(ROOT / "theme", theme)
        overrides["THEME"] = str(theme)
    cache, site = BuildCache(), tmp_path / "site"
    build_site(ROOT / "pelicanconf.py", site, overrides, cache=cache)
    return content, theme, overrides, cache, site


@pytest.mark.parametrize("kind", [*EDITS, "setting"])
def test_rebuild_after_an_edit_equals_a_clean_build(tmp_path, monkeypatch, kind):
    # The pages: the search index after a rebuild is compared with a clean
    # build's in test_rebuild_after_rebuild_equals_a_clean_build and test_search_refresh.
    content, theme, overrides, cache, site = built_once(tmp_path, monkeypatch, search=False,
                                                        own_theme=kind == "template")
    before, before_inodes = snapshot(site), inodes(site)
    if kind == "setting":
        overrides["HOME_NEWS_COUNT"] = 1
    else:
        EDITS[kind](content, theme)
    hits = cache.reads.hits
    build_site(ROOT / "pelicanconf.py", site, overrides, cache=cache)
    clean = build_site(ROOT / "pelicanconf.py", tmp_path / "clean", overrides)
    assert snapshot(site) == snapshot(clean)
    assert snapshot(site) != before  # the edit shows
    # the registry, the set of projects and the settings are in every file's key
    if kind not in ("registry", "rename project key", "setting"):
        assert cache.reads.hits > hits  # unchanged files were not read again
    after_inodes = inodes(site)
    kept = {name for name, inode in after_inodes.items() if before_inodes.get(name) == inode}
    if kind in ("body", "title", "add file", "delete file"):
        # pages the edit does not touch are left as they were, not written again
        assert "kokoukset/kokous/index.html" in kept
        assert "tapahtumat/koulutus/koulutus.ics" in kept
    if kind in ("body", "title"):
        assert "ajankohtaista/toinen/index.html" not in kept


@pytest.mark.parametrize("kind", ["title", "inherited fact", "add file", "delete file", "setting"])
def test_a_template_that_reads_the_shared_context_is_made_again_when_it_changes(
        tmp_path, monkeypatch, kind):
    """Every page's template may read what all pages share (Pelican's
    ``articles``, ``pages``, ``dates``): its key covers what it reads."""
    content, theme = tmp_path / "content", tmp_path / "theme"
    write_files(content, FILES)
    shutil.copytree(ROOT / "theme", theme)
    base = theme / "templates" / "base.html"
    base.write_text(base.read_text().replace(
        "</footer>", "<p>{% for a in articles[:2] %}{{ a.title }} {% endfor %}"
                     "{{ pages|length }} {{ dates|length }}</p></footer>"))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(EPOCH_JUNE_2020))
    # The pages are the point here; the search index follows them as in the tests above.
    overrides, cache = {"PATH": str(content), "THEME": str(theme), "SEARCH_INDEX": False}, BuildCache()
    build_site(ROOT / "pelicanconf.py", tmp_path / "site", overrides, cache=cache)
    if kind == "setting":
        overrides["HOME_NEWS_COUNT"] = 1
    else:
        EDITS[kind](content, theme)
    site = build_site(ROOT / "pelicanconf.py", tmp_path / "site", overrides, cache=cache)
    clean = build_site(ROOT / "pelicanconf.py", tmp_path / "clean", overrides)
    assert snapshot(site) == snapshot(clean)


def test_a_linked_file_that_goes_fails_the_rebuild_as_a_clean_build(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(EPOCH_JUNE_2020))
    content = tmp_path / "content"
    write_files(content, FILES)
    overrides, cache = {"PATH": str(content)}, BuildCache()
    build_site(ROOT / "pelicanconf.py", tmp_path / "site", overrides, cache=cache)
    (content / "attachments/liite.pdf").unlink()
    with pytest.raises(BuildFailed):
        build_site(ROOT / "pelicanconf.py", tmp_path / "site", overrides, cache=cache)
    write_files(content, {"attachments/liite.pdf": "%PDF-1.4\n"})
    build_site(ROOT / "pelicanconf.py", tmp_path / "site", overrides, cache=cache)


def test_a_folder_another_build_replaced_is_not_trusted(tmp_path, monkeypatch):
    """`invoke build` keeps its cache on disk; `invoke serve` (other
    settings) may have built into the same folder meanwhile."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(EPOCH_JUNE_2020))
    content = tmp_path / "content"
    write_files(content, FILES)
    overrides, site = {"PATH": str(content)}, tmp_path / "site"
    kept = BuildCache()
    build_site(ROOT / "pelicanconf.py", site, overrides, cache=kept)
    build_site(ROOT / "pelicanconf.py", site, {**overrides, "HOME_NEWS_COUNT": 1}, cache=BuildCache())
    build_site(ROOT / "pelicanconf.py", site, overrides, cache=kept)
    clean = build_site(ROOT / "pelicanconf.py", tmp_path / "clean", overrides)
    assert snapshot(site) == snapshot(clean)


def test_a_cache_kept_on_disk_gives_the_same_site(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(EPOCH_JUNE_2020))
    content = tmp_path / "content"
    write_files(content, FILES)
    overrides = {"PATH": str(content)}
    kept, site = tmp_path / "cache" / "build.pickle", tmp_path / "site"
    cache = BuildCache()
    build_site(ROOT / "pelicanconf.py", site, overrides, cache=cache)
    cache.save(kept)
    EDITS["body"](content, None)
    build_site(ROOT / "pelicanconf.py", site, overrides, cache=BuildCache.load(kept))
    clean = build_site(ROOT / "pelicanconf.py", tmp_path / "clean", overrides)
    assert snapshot(site) == snapshot(clean)
    # a damaged cache is ignored, not fatal
    kept.write_bytes(b"not a cache")
    assert BuildCache.load(kept).render.records == {}


def test_a_parallel_build_equals_a_serial_one(tmp_path, monkeypatch):
    import multiprocessing

    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(EPOCH_JUNE_2020))
    content = tmp_path / "content"
    write_files(content, FILES)
    forks = []
    real_get_context = multiprocessing.get_context
    monkeypatch.setattr(multiprocessing, "get_context",
                        lambda method=None: forks.append(method) or real_get_context(method))
    serial = build_site(ROOT / "pelicanconf.py", tmp_path / "serial",
                        {"PATH": str(content), "BUILD_WORKERS": 1})
    assert forks == []
    parallel = build_site(ROOT / "pelicanconf.py", tmp_path / "parallel",
                          {"PATH": str(content), "BUILD_WORKERS": 2})
    assert forks == ["fork", "fork"]  # reading and rendering both used two processes
    assert snapshot(parallel) == snapshot(serial)


def test_rebuild_after_rebuild_equals_a_clean_build(tmp_path, monkeypatch):
    """From the third build on, a build starts from the folder published
    before the last one, brought up to date with what changed since."""
    content, theme, overrides, cache, site = built_once(tmp_path, monkeypatch, own_theme=True)
    for number, kind in enumerate(["body", "add file", "title", "delete file", "template",
                                   "rename project key"]):
        EDITS[kind](content, theme)
        retired = cache.render.spare
        build_site(ROOT / "pelicanconf.py", site, overrides, cache=cache)
        clean = build_site(ROOT / "pelicanconf.py", tmp_path / f"clean-{number}", overrides)
        assert snapshot(site) == snapshot(clean), kind
        if retired:
            assert not Path(retired).exists()  # it is the site now
    # the folder retired last waits for the next build; no other is left
    assert [p.name for p in tmp_path.glob(".site.*") if p.is_dir()] == [Path(cache.render.spare).name]


def test_serve_shows_an_edit_first_and_its_search_index_after(tmp_path, monkeypatch):
    from site_build import catch_up_search_index

    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(EPOCH_JUNE_2020))
    content = tmp_path / "content"
    write_files(content, FILES)
    overrides = {"PATH": str(content), "SEARCH_INDEX_LATER": True}
    cache, site = BuildCache(), tmp_path / "site"
    build_site(ROOT / "pelicanconf.py", site, overrides, cache=cache)
    for kind in ("body", "add file", "title"):
        index_before = snapshot(site / "pagefind")
        EDITS[kind](content, None)
        build_site(ROOT / "pelicanconf.py", site, overrides, cache=cache)
        clean = build_site(ROOT / "pelicanconf.py", tmp_path / f"clean-{kind}", overrides)
        pages = {path: data for path, data in snapshot(site).items() if path.parts[0] != "pagefind"}
        assert pages == {path: data for path, data in snapshot(clean).items()
                         if path.parts[0] != "pagefind"}
        assert snapshot(site / "pagefind") == index_before  # the last index, until...
        catch_up_search_index(cache, site.resolve())
        assert snapshot(site) == snapshot(clean)  # ...it catches up


class Tags(list):
    pass


def first():
    return 1


def second():
    return 2


def test_fingerprints_tell_apart_what_a_page_could_show_differently():
    from dataclasses import dataclass
    from datetime import datetime, timezone
    from zoneinfo import ZoneInfo

    from incremental_writer.fingerprint import Fingerprints, Uncacheable

    @dataclass
    class Fact:
        value: object

    of = Fingerprints().of
    different = [
        (Fact(1), Fact(2)), (Tags([1]), Tags([2])), (first, second),
        # the same moment and offset, but a zone's name prints differently
        (datetime(2020, 1, 1, tzinfo=timezone.utc), datetime(2020, 1, 1, tzinfo=ZoneInfo("Europe/London"))),
    ]
    for one, other in different:
        assert of([one]) != of([other]), (one, other)
    assert of([Fact(Tags([1]))]) == of([Fact(Tags([1]))])
    with pytest.raises(Uncacheable):
        of([lambda: 1])  # made every time instead


def test_a_build_stopped_midway_does_not_spoil_the_next(tmp_path, monkeypatch):
    """`invoke build` stopped (Ctrl-C) after it began from the folder it
    retired last: the cache on disk still names that folder."""
    from site_build import start_folder
    from site_files import replace_file

    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(EPOCH_JUNE_2020))
    content = tmp_path / "content"
    write_files(content, FILES)
    overrides, site, kept = {"PATH": str(content)}, tmp_path / "site", tmp_path / "build.pickle"
    cache = BuildCache()
    for _ in range(2):
        build_site(ROOT / "pelicanconf.py", site, overrides, cache=cache)
    cache.save(kept)
    staging, _ = start_folder(site.resolve(), BuildCache.load(kept).render)
    replace_file(staging / "ajankohtaista/toinen/index.html", b"half made")
    build_site(ROOT / "pelicanconf.py", site, overrides, cache=BuildCache.load(kept))
    clean = build_site(ROOT / "pelicanconf.py", tmp_path / "clean", overrides)
    assert snapshot(site) == snapshot(clean)

