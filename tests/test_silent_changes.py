"""What an editor's slip would change on the site without a word is named:
an item leaving the site for a date typed wrong, a note in the header, a
news item in pages/, a list indented into code, Pelican's English lines."""

import logging

import pytest

from conftest import messages_of_failed_build, write_files
from site_build import BuildFailed
from test_meetings import BASE

NEWS = "Title: Uutinen\nDate: {date}\n\nTeksti.\n"
SV = "Title: Nyhet\n\nText.\n"


def test_a_published_item_dated_later_by_mistake_is_named_as_it_leaves(build_from, caplog, tmp_path):
    output = tmp_path / "site"
    site = build_from({**BASE, "news/u.fi.md": NEWS.format(date="2020-06-01"), "news/u.sv.md": SV},
                      output=output)
    assert site.exists("/ajankohtaista/u/")
    caplog.set_level(logging.WARNING)
    site = build_from({"news/u.fi.md": NEWS.format(date="2021-06-01")}, output=output)
    assert not site.exists("/ajankohtaista/u/")
    assert [r.getMessage() for r in caplog.records if r.getMessage().startswith("news/")] == [
        "news/u.fi.md:2: the item is now dated 2021-06-01 and leaves the site until then (it is "
        "published at /ajankohtaista/u/ now); if the date is a typo, correct it"]


def test_an_item_scheduled_from_the_start_is_not_a_warning(build_from, caplog, tmp_path):
    output = tmp_path / "site"
    build_from({**BASE}, output=output)
    caplog.set_level(logging.WARNING)
    build_from({"news/u.fi.md": NEWS.format(date="2021-06-01"), "news/u.sv.md": SV}, output=output)
    assert not [r for r in caplog.records if r.getMessage().startswith("news/")]


@pytest.mark.parametrize(("files", "expected"), [
    ({"news/u.fi.md": "Huom: tilaisuus on siirretty\nTitle: Uutinen\nDate: 2020-06-01\n\nTeksti.\n"},
     "news/u.fi.md:1: 'Huom:' is not a header key, and the line would not be published: if it is "
     "text, move it below the header, after a blank line (keys: Title, Date, Modified, Slug, Summary, "
     "Tags, Status, Projects)"),
    ({"pages/uutinen.fi.md": "Title: Uutinen\nDate: 2020-06-01\n\nTeksti.\n"},
     "pages/uutinen.fi.md:2: content/pages files have no Date: is the file in the wrong folder? Move "
     "it to one of: events, meetings, news, projects, or remove the line"),
    ({"news/u.fi.md": "Title: Uutinen\nDate: 2020-06-01\n\nLista:\n\n\t- yksi\n\t- kaksi\n"},
     "news/u.fi.md:6: '- yksi' is indented after a blank line, so it would be shown as code, not "
     "as a list: remove the tab or spaces before it"),
])
def test_a_slip_that_would_change_the_page_stops_the_build(build_from, caplog, files, expected):
    assert messages_of_failed_build(build_from, caplog, {**BASE, **files}) == [expected]


def test_a_nested_list_may_be_indented(build_from):
    site = build_from({**BASE, "news/u.fi.md": "Title: U\nDate: 2020-06-01\n\n- yksi\n\n\t- alakohta\n"})
    assert site.html("/ajankohtaista/u/").select_one(".prose li li").get_text() == "alakohta"


def test_pelicans_own_english_lines_are_kept_out_of_the_editors_view(build_from, capsys):
    build_from({**BASE})
    shown = capsys.readouterr()
    assert "Done: Processed" not in shown.out + shown.err


@pytest.mark.parametrize(("files", "expected"), [
    ({"pages/luonnos.fi.md": "Title: Luonnos\nStatus: draft\n\nK.\n",
      "news/u.fi.md": "Title: U\nDate: 2020-06-01\n\nKatso [luonnos]({filename}../pages/luonnos.fi.md).\n"},
     "news/u.fi.md:4: the link {filename}../pages/luonnos.fi.md leads to a draft, which is not "
     "published: remove 'Status: draft' from that file, or the link"),
    ({"news/u.fi.md": "Title: U\nDate: 2020-06-01\n\nT.\n",
      "news/vanhat/u.fi.md": "Title: U\nDate: 2020-06-01\n\nKopio.\n"},
     "news/vanhat/u.fi.md:1: the address /ajankohtaista/u/ is already used by news/u.fi.md; "
     "rename one of the files or give one of them another Slug"),
])
def test_pelicans_english_warnings_give_way_to_the_editors_messages(
        tmp_path, caplog, monkeypatch, files, expected):
    """A {filename} link to a draft, two files of one item: told once, at
    the line, not again in Pelican's English."""
    from conftest import ROOT
    from link_crawl import link_problems
    from site_build import build_site

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1591779600")
    content = tmp_path / "content"
    write_files(content, {**BASE, **files})
    caplog.set_level(logging.WARNING)
    with pytest.raises(BuildFailed):
        build_site(ROOT / "pelicanconf.py", tmp_path / "out", overrides={"PATH": str(content)},
                   checks=[link_problems])
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING] == [expected]
