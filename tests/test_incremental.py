"""A rebuild that reuses what it read before (as `invoke serve` does) gives
output byte-identical to a clean build, whatever the edit."""

import shutil
from pathlib import Path

import pytest

from conftest import EPOCH_JUNE_2020, ROOT
from content_model.read_cache import ReadCache
from site_build import build_site
from test_meetings import BASE

FILES = {
    **BASE,
    "projects/monni.sv.md": "Title: MONNI-projektet\nSlug: monni\n\nBeskrivning.\n",
    "news/uutinen.fi.md": "Title: Uutinen\nDate: 2020-05-04 10:00\nProjects: monni\n\nTeksti.\n",
    "news/uutinen.sv.md": "Title: Nyhet\n\nText.\n",
    "news/toinen.fi.md": "Title: Toinen\nDate: 2020-05-05\n\nToinen teksti.\n",
    "meetings/kokous.fi.md": "Title: Kokous\nDate: 2020-05-11 12:00\nBody: johtoryhma\nProjects: monni\n\n"
                             "## 1 § MONNI\n\nPäätös: Tiedoksi.\n",
    "events/koulutus.fi.md": "Title: Koulutus\nStart: 2020-09-03 09:00\nProjects: monni\n\nK.\n",
}


def write(content, files):
    for relative, text in files.items():
        path = content / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


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
    "add file": lambda content, theme: write(content, {
        "news/kolmas.fi.md": "Title: Kolmas\nDate: 2020-05-06\nProjects: monni\n\nUusi.\n"}),
    "delete file": lambda content, theme: (content / "news/toinen.fi.md").unlink(),
    "rename project key": lambda content, theme: rename_project(content),
    "registry": lambda content, theme: (content / "data/registry.toml").write_text(
        (content / "data/registry.toml").read_text().replace('fi = "Johtoryhmä"', 'fi = "Hallitus"'),
        encoding="utf-8"),
    "template": edit_template,
}


@pytest.mark.parametrize("kind", [*EDITS, "setting"])
def test_rebuild_after_an_edit_equals_a_clean_build(tmp_path, monkeypatch, kind):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(EPOCH_JUNE_2020))
    content, theme = tmp_path / "content", tmp_path / "theme"
    write(content, FILES)
    shutil.copytree(ROOT / "theme", theme)
    overrides = {"PATH": str(content), "THEME": str(theme)}
    cache = ReadCache()
    build_site(ROOT / "pelicanconf.py", tmp_path / "before", overrides, read_cache=cache)
    if kind == "setting":
        overrides["HOME_NEWS_COUNT"] = 1
    else:
        EDITS[kind](content, theme)
    hits = cache.hits
    rebuilt = build_site(ROOT / "pelicanconf.py", tmp_path / "rebuilt", overrides, read_cache=cache)
    clean = build_site(ROOT / "pelicanconf.py", tmp_path / "clean", overrides)
    assert snapshot(rebuilt) == snapshot(clean)
    assert snapshot(rebuilt) != snapshot(tmp_path / "before")  # the edit shows
    # the registry, the set of projects and the settings are in every file's key
    if kind not in ("registry", "rename project key", "setting"):
        assert cache.hits > hits  # unchanged files were not read again
