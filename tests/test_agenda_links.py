"""Links inside § items lead where they do in any other text, on the
meeting page, in the decision register and in feeds; every link to an item
uses the anchor its page has."""

import logging

import feedparser
from bs4 import BeautifulSoup

from conftest import write_files
from test_meetings import BASE

PDF = b"%PDF-1.4\n%%EOF\n"
MINUTES = """Title: Kokous
Date: 2020-06-01 12:00
Body: ep-ohjausryhma

## 1 § Tiedoksi

Katso [tietoa]({filename}../pages/tietoa.fi.md) ja [liite]({static}/attachments/liite-1.pdf).

Esitys: Merkitään tiedoksi [liite]({static}/attachments/liite-1.pdf).

Päätös: Merkittiin tiedoksi, katso [tietoa]({filename}../pages/tietoa.fi.md).

## 2 § Talous

Päätös: Hyväksyttiin.
"""


def test_links_in_agenda_items_are_resolved_everywhere(build_from, caplog):
    caplog.set_level(logging.WARNING)
    site = build_from({**BASE, "attachments/liite-1.pdf": PDF, "meetings/2020-06-01-ep.fi.md": MINUTES})
    item = site.html("/kokoukset/2020-06-01-ep/").select_one("#pykala-1")
    hrefs = [a["href"] for a in item.select("a")]
    assert hrefs == ["/tietoa/", "/attachments/liite-1.pdf", "/attachments/liite-1.pdf", "/tietoa/"]
    for href in hrefs:
        assert site.exists(href)
    register = site.html("/kokoukset/paatokset/")
    assert [a["href"] for a in register.select(".register-entry .decision a")] == ["/tietoa/"]
    feed = (site.path / "kokoukset/ep-ohjausryhma/atom.xml").read_text(encoding="utf-8")
    assert "{filename}" not in feed and "{static}" not in feed
    base = feedparser.parse(feed).feed.link.split("/kokoukset/")[0]
    links = [a["href"] for entry in feedparser.parse(feed).entries
             for a in BeautifulSoup(entry.content[0].value, "html.parser").select("a")]
    assert [link for link in links if not link.endswith("#pykala-1") and "#" not in link] == [
        f"{base}/tietoa/", f"{base}/attachments/liite-1.pdf", f"{base}/attachments/liite-1.pdf",
        f"{base}/tietoa/"]
    assert not [r for r in caplog.records if "leads nowhere" in r.getMessage()
                or "Unable to find" in r.getMessage()]


def test_a_finnish_only_meeting_in_the_swedish_feed_links_its_own_anchors(build_from):
    site = build_from({**BASE, "meetings/2020-06-01-ep.fi.md": MINUTES.replace("{static}", "").replace(
        "{filename}../pages/tietoa.fi.md", "https://www.example.fi/")})
    page = site.html("/kokoukset/2020-06-01-ep/")
    anchors = {section["id"] for section in page.select("section.agenda-item")}
    assert anchors == {"pykala-1", "pykala-2"}
    feed = feedparser.parse((site.path / "sv/moten/ep-ohjausryhma/atom.xml").read_bytes())
    item_links = [a["href"] for entry in feed.entries
                  for a in BeautifulSoup(entry.content[0].value, "html.parser").select("h2 a")]
    assert item_links and all(link.split("#")[1] in anchors for link in item_links)
    register = site.html("/sv/moten/beslut/")
    assert [a["href"].split("#")[1] for a in register.select(".register-entry a[lang=fi]")
            if "#" in a["href"]] == ["pykala-1", "pykala-2"]


def test_a_rebuild_follows_the_page_an_agenda_item_links_to(tmp_path, monkeypatch):
    """The meeting page is made again when the address its § item links to
    changes, as a clean build would make it."""
    from conftest import ROOT, BuiltSite
    from site_build import BuildCache, build_site

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1591779600")
    content = tmp_path / "content"
    news = "Title: Uutinen\nDate: 2020-05-04\n{slug}\nTeksti.\n"
    write_files(content, {**BASE, "news/uutinen.fi.md": news.format(slug=""),
                           "meetings/2020-06-01-ep.fi.md": MINUTES.replace(
                               "{filename}../pages/tietoa.fi.md", "{filename}../news/uutinen.fi.md").replace(
                               "{static}/attachments/liite-1.pdf", "https://www.example.fi/")})
    overrides, cache, site = {"PATH": str(content)}, BuildCache(), tmp_path / "site"
    build_site(ROOT / "pelicanconf.py", site, overrides, cache=cache)
    (content / "news/uutinen.fi.md").write_text(news.format(slug="Slug: tiedote\n"), encoding="utf-8")
    build_site(ROOT / "pelicanconf.py", site, overrides, cache=cache)
    item = BuiltSite(site).html("/kokoukset/2020-06-01-ep/").select_one("#pykala-1")
    assert [a["href"] for a in item.select("a")][0] == "/ajankohtaista/tiedote/"
