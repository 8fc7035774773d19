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
    building = Builder(tmp_path / "pelicanconf.py", {"SEARCH_INDEX": False}, None)
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


def test_a_save_during_a_build_has_its_page_before_that_build_ends(tmp_path, monkeypatch):
    """The build process answers a save at once even while a build is under
    way (here held until the save's page is in)."""
    import multiprocessing
    import threading

    import site_build
    from preview.builder import serve_requests

    for name in ("content", "theme", "plugins"):
        shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pelicanconf.py", tmp_path)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(EPOCH_JUNE_2020))
    held = threading.Event()
    real_build = site_build.build_site

    def held_build(*args, **kwargs):
        held.wait(timeout=60)
        return real_build(*args, **kwargs)

    monkeypatch.setattr(site_build, "build_site", held_build)
    # In this process the build keeps the test's logging as it is.
    import editor_log

    monkeypatch.setattr(editor_log, "plain_logging", lambda translations=None: None)
    ours, theirs = multiprocessing.Pipe()
    process = threading.Thread(target=serve_requests, args=(
        theirs, tmp_path / "pelicanconf.py", {"SEARCH_INDEX": False}), daemon=True)
    process.start()
    held.set()
    ours.send({"changed": []})
    assert ours.recv()["ok"]  # the first build, which the next save's page is made from
    held.clear()
    news, page = tmp_path / NEWS, tmp_path / PAGE
    save(news, "\n\n", "\n\nEnsimmäinen tallennus.\n\n")
    ours.send({"changed": [str(news)]})
    assert ours.recv() == {"ok": True, "lines": [], "first": True}
    # That save's build is held; the next save comes while it runs.
    save(news, "Ensimmäinen tallennus.", "Toinen tallennus.")
    ours.send({"changed": [str(news)]})
    assert ours.recv() == {"ok": True, "lines": [], "first": True}
    assert "Toinen tallennus." in page.read_text(encoding="utf-8")
    held.set()
    outcomes = []
    while not outcomes or outcomes[-1].get("first"):
        outcomes.append(ours.recv())
    assert outcomes[-1]["ok"]
    assert "Toinen tallennus." in page.read_text(encoding="utf-8")
    ours.send("stop")
    process.join(timeout=60)
    assert not process.is_alive()
