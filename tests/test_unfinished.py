"""Nothing unfinished is published: the example text of `invoke new`, a
translation still in the other language, a link to the editor's own
computer, a link that leads nowhere. Each stops the build at its line."""

import logging

import pytest

from conftest import ROOT, messages_of_failed_build, write_files
from link_crawl import link_problems
from site_build import BuildFailed, build_site
from test_meetings import BASE

MEETING = "Title: Kokous\nDate: 2020-06-01 12:00\nBody: johtoryhma\n\n## 1 § Avaus\n\n"


def errors(caplog):
    return [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]


@pytest.mark.parametrize(("files", "expected"), [
    ({"meetings/k.fi.md": MEETING + "Päätös: Päätös tähän.\n"},
     "meetings/k.fi.md:7: 'Päätös: Päätös tähän.' is the example text of invoke new: write the "
     "item's own text"),
    ({"news/u.fi.md": "Title: Uutinen\nDate: 2020-06-01\n\nOma teksti.\n",
      "news/u.sv.md": "# Översätt rubriken till svenska.\nTitle: Nyhet\n\nSkriv texten här.\n"},
     "news/u.sv.md:4: 'Skriv texten här.' is the example text of invoke new: write the item's own text"),
    ({"news/u.fi.md": "Title: Uutinen\nDate: 2020-06-01\n\nOma teksti.\n",
      "news/u.sv.md": "# Översätt rubriken till svenska.\nTitle: Uutinen\n\nEgen text.\n"},
     "news/u.sv.md:2: the Title is the same as in news/u.fi.md: translate it, or add 'Status: draft' "
     "until the file is translated"),
    ({"news/u.fi.md": "Title: Uutinen\nDate: 2020-06-01\n\nOma teksti.\n",
      "news/u.sv.md": "Title: Nyhet\n\nOma teksti.\n"},
     "news/u.sv.md:3: the text is the same as in news/u.fi.md: translate it, or add 'Status: draft' "
     "until the file is translated"),
    ({"news/u.fi.md": "Title: U\nDate: 2020-06-01\n\nKatso [tietoa](http://127.0.0.1:8000/tietoa/#yhteys).\n"},
     "news/u.fi.md:4: the link http://127.0.0.1:8000/tietoa/#yhteys leads to your own computer (the "
     "preview), not to the site: write '/tietoa/#yhteys' instead"),
    ({"news/u.fi.md": "Title: U\nDate: 2020-06-01\n\n<a href=\"http://localhost:8000/\">Etusivu</a>\n"},
     "news/u.fi.md:4: the link http://localhost:8000/ leads to your own computer (the preview), not to "
     "the site: write '/' instead"),
    ({"news/u.fi.md": "Title: U\nDate: 2020-06-01\n\n[Liite](file:///C:/Users/toimittaja/liite.pdf)\n"},
     "news/u.fi.md:4: the link file:///C:/Users/toimittaja/liite.pdf leads to your own computer (the "
     "preview), not to the site: write '{static}/attachments/liite.pdf' instead"),
    # not an address at all: the published page would drop it without a word
    ({"news/u.fi.md": "Title: U\nDate: 2020-06-01\n\n[x](http://[::1/a/)\n"},
     "news/u.fi.md:4: the link http://[::1/a/ is not a web address: correct it, for example "
     "https://www.example.fi/"),
])
def test_unfinished_text_stops_the_build_at_its_line(build_from, caplog, files, expected):
    assert messages_of_failed_build(build_from, caplog, {**BASE, **files}) == [expected]


def test_a_draft_translation_may_be_unfinished(build_from, caplog):
    caplog.set_level(logging.WARNING)
    site = build_from({**BASE, "news/u.fi.md": "Title: Uutinen\nDate: 2020-06-01\n\nOma teksti.\n",
                       "news/u.sv.md": "Title: Uutinen\nStatus: draft\n\nSkriv texten här.\n"})
    assert site.exists("/ajankohtaista/u/")
    assert not [page for page in site.pages() if "Skriv texten här" in site.html(page).get_text()]
    assert [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING
            and r.getMessage().startswith("news/")] == [
        "news/u.sv.md:4: 'Skriv texten här.' is the example text of invoke new: write the item's own text"]


@pytest.mark.parametrize("settings", ["pelicanconf.py", "publishconf.py"])
def test_a_broken_link_stops_build_and_publish_at_its_line_in_the_editors_language(
        tmp_path, monkeypatch, caplog, settings):
    monkeypatch.setenv("LANG", "fi_FI.UTF-8")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1591779600")
    caplog.set_level(logging.WARNING)
    content = tmp_path / "content"
    files = {**BASE, "news/u.fi.md": "Title: U\nDate: 2020-06-01\n\nKatso\n[kokous](/kokoukset/ei-ole/).\n"}
    write_files(content, files)
    with pytest.raises(BuildFailed) as failure:
        build_site(ROOT / settings, tmp_path / "out", overrides={"PATH": str(content)},
                   checks=[link_problems])
    assert errors(caplog) == [
        "news/u.fi.md:5: linkki /kokoukset/ei-ole/ ei johda mihinkään (sivua tai tiedostoa ei ole)"]
    assert str(failure.value).startswith("1 virhe:")
    assert not (tmp_path / "out").exists()


def test_invoke_build_checks_links(monkeypatch, tmp_path):
    """`invoke build` stops at a broken link, as `publish` does."""
    from invoke import MockContext

    import tasks

    given = {}

    def build_or_exit(settings, output=None, overrides=None, checks=()):
        given.update(settings=settings, checks=checks)
        return tmp_path

    monkeypatch.setattr(tasks, "build_or_exit", build_or_exit)
    tasks.build(MockContext())
    assert given == {"settings": "pelicanconf.py", "checks": [link_problems]}


def test_a_broken_link_stops_the_preview_at_its_line(tmp_path, monkeypatch):
    """The preview's build process answers a save with the link's line."""
    import threading
    from multiprocessing import Pipe

    from preview.builder import serve_requests

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1591779600")
    content = tmp_path / "content"
    files = {**BASE, "news/u.fi.md": "Title: U\nDate: 2020-06-01\n\n[kokous](/kokoukset/ei-ole/)\n"}
    write_files(content, files)
    ours, theirs = Pipe()
    overrides = {"PATH": str(content), "OUTPUT_PATH": str(tmp_path / "output")}
    worker = threading.Thread(target=serve_requests, args=(theirs, ROOT / "pelicanconf.py", overrides))
    worker.start()
    try:
        ours.send("build")
        outcome = ours.recv()
    finally:
        ours.close()
        worker.join(timeout=60)
    assert outcome["ok"] is False
    assert ("Error: news/u.fi.md:4: the link /kokoukset/ei-ole/ leads nowhere (no such page or file)"
            in outcome["lines"])
