"""The link check with the records of the last check (as `invoke build` and
`invoke publish` run it) finds exactly the broken links a check from
scratch finds, after every kind of edit, and parses only what changed."""

import os
import shutil

import pytest

from conftest import ROOT
from link_crawl import LinkRecords, broken_links, link_problems, records_of
from site_build import BuildCache, BuildFailed, build_site
from conftest import write_files
from test_incremental import FILES, built_once

PAGE = '<!doctype html><html><head><link href="/style.css"></head><body>{}</body></html>'
SITE = {
    "index.html": PAGE.format('<a href="/a/">A</a> <a href="/b/#kohta">B</a> <a href="/b">B</a>'),
    "a/index.html": PAGE.format('<h2 id="alku">A</h2> <a href="../b/">B</a> <img src="/kuva.png">'),
    "b/index.html": PAGE.format('<h2 id="kohta">B</h2> <a href="/a/#alku">A</a> <a href="/c/">C</a>'),
    "style.css": "body {}",
    "kuva.png": "png",
}


def write_site(folder, files):
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.unlink(missing_ok=True)  # a new file, as the build writes one
        path.write_text(text, encoding="utf-8")


def rendered(found):
    return [(page, link, str(reason)) for page, link, reason in found]


EDITS = {
    "a page gains a broken link": lambda site: write_site(site, {
        "a/index.html": PAGE.format('<h2 id="alku">A</h2> <a href="/ei-ole/">X</a>')}),
    "a linked page goes": lambda site: (site / "a" / "index.html").unlink(),
    "a missing page appears": lambda site: write_site(site, {"c/index.html": PAGE.format("C")}),
    "an id goes": lambda site: write_site(site, {"b/index.html": PAGE.format('<h2 id="muu">B</h2>')}),
    "an id appears": lambda site: write_site(site, {
        "b/index.html": PAGE.format('<h2 id="kohta">B</h2>'),
        "a/index.html": PAGE.format('<a href="/b/#uusi">B</a>')}) or write_site(site, {
        "b/index.html": PAGE.format('<h2 id="kohta">B</h2><p id="uusi">')}),
    "a file goes": lambda site: (site / "kuva.png").unlink(),
    "a file appears": lambda site: (site / "style.css").unlink() or write_site(
        site, {"style.css": "body {}"}),
    "nothing": lambda site: None,
}


@pytest.mark.parametrize("edit", EDITS)
def test_a_check_with_records_finds_what_a_check_from_scratch_finds(tmp_path, edit):
    site = tmp_path / "site"
    write_site(site, SITE)
    records = LinkRecords()
    assert rendered(broken_links(site, records=records)) == rendered(broken_links(site))
    EDITS[edit](site)
    assert rendered(broken_links(site, records=records)) == rendered(broken_links(site))
    # and once more, from the records the second check left
    write_site(site, SITE)
    assert rendered(broken_links(site, records=records)) == rendered(broken_links(site))


def test_only_the_pages_that_changed_are_read_again(tmp_path, monkeypatch):
    import link_crawl

    site = tmp_path / "site"
    write_site(site, SITE)
    records = LinkRecords()
    broken_links(site, records=records)
    read = []
    original = link_crawl.read_record
    monkeypatch.setattr(link_crawl, "read_record", lambda output, name, *rest: read.append(name)
                        or original(output, name, *rest))
    write_site(site, {"a/index.html": SITE["a/index.html"]})
    broken_links(site, records=records)
    assert read == ["a/index.html"]


def test_records_of_another_siteurl_are_not_used(tmp_path):
    site = tmp_path / "site"
    write_site(site, {"index.html": PAGE.format('<a href="https://example.org/a/">A</a>'),
                      "style.css": ""})
    records = LinkRecords()
    assert broken_links(site, "https://example.org", records) == broken_links(site, "https://example.org")
    assert broken_links(site, "", records) == broken_links(site, "") == []
    assert len(broken_links(site, "https://example.org", records)) == 1


def test_a_rebuilt_folder_of_hard_links_is_checked_by_what_changed(tmp_path):
    """As site_build makes it: a new folder of links to the old files, with
    the changed ones written anew."""
    site, rebuilt = tmp_path / "site", tmp_path / "rebuilt"
    write_site(site, SITE)
    records = LinkRecords()
    broken_links(site, records=records)
    shutil.copytree(site, rebuilt, copy_function=os.link)
    write_site(rebuilt, {"b/index.html": PAGE.format('<a href="/a/#ei">A</a>')})
    assert rendered(broken_links(rebuilt, records=records)) == rendered(broken_links(rebuilt))


BROKEN_NEWS = "Title: Rikki\nDate: 2020-05-07\n\n[Ei ole](/kokoukset/ei-ole/)\n"


@pytest.mark.parametrize("edit", ["body", "delete file", "slug of a linked item", "broken link",
                                  "broken link fixed", "attachment goes"])
def test_after_a_rebuild_the_check_finds_what_a_check_from_scratch_finds(tmp_path, monkeypatch, edit):
    from test_incremental import EDITS as BUILD_EDITS

    content, theme, overrides, cache, site = built_once(tmp_path, monkeypatch, search=False)
    records = records_of(cache.render)
    assert broken_links(site, records=records) == []
    if edit == "broken link fixed":
        write_files(content, {"news/rikki.fi.md": BROKEN_NEWS})
        build_site(ROOT / "pelicanconf.py", site, overrides, cache=cache)
        assert rendered(broken_links(site, records=records)) == rendered(broken_links(site)) != []
        (content / "news/rikki.fi.md").unlink()
    elif edit == "broken link":
        write_files(content, {"news/rikki.fi.md": BROKEN_NEWS})
    elif edit == "attachment goes":
        # the page that links to it fails to build: the check sees the old site
        (content / "attachments/liite.pdf").unlink()
    else:
        BUILD_EDITS[edit](content, theme)
    if edit == "attachment goes":
        # the page that links to it fails to build: the old site stays, and is checked
        with pytest.raises(BuildFailed):
            build_site(ROOT / "pelicanconf.py", site, overrides, cache=cache)
    else:
        build_site(ROOT / "pelicanconf.py", site, overrides, cache=cache)
    assert rendered(broken_links(site, records=records)) == rendered(broken_links(site))


def test_publish_keeps_the_records_in_its_cache(tmp_path, monkeypatch):
    content = tmp_path / "content"
    write_files(content, FILES)
    cache = BuildCache()
    build_site(ROOT / "publishconf.py", tmp_path / "public", {"PATH": str(content)},
               checks=[link_problems], cache=cache)
    assert len(cache.render.link_records.pages) > 10
    assert cache.render.link_records.siteurl.startswith("https://")
