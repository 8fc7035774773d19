"""A save's own page is in place before the build that follows it: the
preview's build process renders it from the last build's site, and the
build then replaces it with the same bytes. What the last build's site
cannot make (a new address, a file with errors) waits for the build."""

import shutil

import pytest

from conftest import EPOCH_JUNE_2020, ROOT
from preview.builder import Builder

NEWS = "content/news/2020-06-02-uusi-johtoryhma.fi.md"
PAGE = "output/ajankohtaista/2020-06-02-uusi-johtoryhma/index.html"


@pytest.fixture
def builder(tmp_path, monkeypatch):
    for name in ("content", "theme", "plugins"):
        shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pelicanconf.py", tmp_path)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(EPOCH_JUNE_2020))
    building = Builder(tmp_path / "pelicanconf.py", {"SEARCH_INDEX_LATER": True}, None)
    assert building.build()["ok"]
    yield building
    building.stop()


def save(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_saved_page_is_in_place_before_the_build_and_the_same_after(builder, tmp_path):
    news, page = tmp_path / NEWS, tmp_path / PAGE
    save(news, "\n\n", "\n\nKokouksessa sovittiin myös seuraavasta tapaamisesta.\n\n")
    first = []
    outcome = builder.build([news], first=lambda outcome: first.append(page.read_text(encoding="utf-8")))
    assert outcome["ok"]
    assert len(first) == 1 and "sovittiin myös seuraavasta tapaamisesta" in first[0]
    assert first[0] == page.read_text(encoding="utf-8")


def test_what_the_last_build_cannot_make_waits_for_the_build(builder, tmp_path):
    news = tmp_path / NEWS
    first = []
    # A new address: the page moves, and the old one goes.
    save(news, "Title:", "Slug: uusi-osoite\nTitle:")
    assert builder.build([news], first=first.append)["ok"]
    assert first == []
    assert (tmp_path / "output/ajankohtaista/uusi-osoite/index.html").exists()
    assert not (tmp_path / PAGE).exists()
    # An error: the build says what it is, and nothing is rendered first.
    save(news, "Title:", "Date: 1.6.2020\nTitle:")
    outcome = builder.build([news], first=first.append)
    assert not outcome["ok"] and first == []
    assert (tmp_path / "output/ajankohtaista/uusi-osoite/index.html").exists()
