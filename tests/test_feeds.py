"""Every built feed parsed with feedparser; feeds announced on every page."""

import calendar
from datetime import datetime
from xml.etree import ElementTree

import feedparser
from bs4 import BeautifulSoup

from test_events import BASE, CLOCK, EVENTS, HELSINKI
from test_meetings import JUNE

NEWS = {
    # a tag written twice is one tag
    "news/uutinen.fi.md": "Title: Uutinen\nDate: 2020-05-04 10:00\nTags: lastensuojelu, MONNI, lastensuojelu\n"
                          "Projects: monni\nSummary: Lyhyesti.\n\n"
                          "Katso [tietoa]({filename}../pages/tietoa.fi.md) ja [kokous](/kokoukset/).\n",
    "news/uutinen.sv.md": "Title: Nyhet\nSlug: nyhet\nModified: 2020-05-06 09:00\nDate: 2020-05-04 10:00\n\nText.\n",
    "news/vain-suomeksi.fi.md": "Title: Vain suomeksi\nDate: 2020-05-01\n\nTeksti.\n",
}


def build(build_from, epoch=CLOCK, **kwargs):
    return build_from({**BASE, **EVENTS, **NEWS}, epoch=epoch, **kwargs)


def feeds_of(site):
    return sorted(p for p in site.path.rglob("*.xml") if p.name in ("rss.xml", "atom.xml"))


def test_every_feed_parses_with_language_and_absolute_links(build_from):
    site = build(build_from)
    feeds = feeds_of(site)
    assert len(feeds) >= 8  # news and events in two languages, body and project feeds
    for path in feeds:
        parsed = feedparser.parse(path.read_bytes())
        assert not parsed.bozo, (path, parsed.get("bozo_exception"))
        lang = "sv" if "/sv/" in path.as_posix() else "fi"
        assert parsed.feed.language == lang, path
        for entry in parsed.entries:
            # ids are the item's key, not its address (RFC 4151 tag: URIs)
            assert entry.title and entry.id.startswith(f"tag:sonetbotnia.fi,2016:{lang}/"), path
            assert entry.link.startswith("http://127.0.0.1:8000/"), entry.link
            assert entry.get("published_parsed") or entry.get("updated_parsed"), path
            html = entry.content[0].value if "content" in entry else entry.summary
            for tag in BeautifulSoup(html, "html.parser").find_all(["a", "img"]):
                address = tag.get("href") or tag.get("src")
                assert address.startswith(("http://", "https://", "mailto:")), (path, address)
            page = entry.link.removeprefix("http://127.0.0.1:8000")
            # an item with no version in the feed's language comes in its own, marked
            written_in = site.html(page).html["lang"]
            if written_in != lang:
                assert entry.title.endswith("(på finska)" if written_in == "fi" else "(ruotsiksi)"), path
                assert BeautifulSoup(html, "html.parser").find().get("lang") == written_in, path


def test_feeds_link_to_their_page_and_dates_do_not_move_with_the_clock(build_from, tmp_path):
    """RSS 2.0: a channel's <link> is the page the feed is of. An entry's
    dates come from the content, never from the build clock, or the daily
    build would show every entry as updated. Entries come newest first, but
    for the upcoming events, which come soonest first."""
    files = {**BASE, **EVENTS, **NEWS, "meetings/kesakuu.fi.md": JUNE,
             # announced before the news, held after the meeting
             "events/ilmoitettu.fi.md": "Title: Ilmoitettu\nDate: 2020-04-01\n"
                                        "Start: 2020-11-05 09:00\nProjects: monni\n\nT.\n"}
    site = build_from(files, epoch=CLOCK, output=tmp_path / "today")
    tomorrow = build_from(files, epoch=CLOCK + 24 * 3600, output=tmp_path / "tomorrow")
    monni = feedparser.parse((site.path / "hankkeet/monni/atom.xml").read_bytes())
    assert [e.title.split(" – ")[0] for e in monni.entries] == [
        "Ikkunoita tukiperhetoimintaan", "Ohjausryhmä kesäkuu", "Uutinen", "Ilmoitettu"]
    for path in feeds_of(site):
        parsed = feedparser.parse(path.read_bytes())
        page = path.parent.relative_to(site.path).as_posix()
        page = f"http://127.0.0.1:8000/{page}/" if page != "." else "http://127.0.0.1:8000/"
        if not parsed.entries and path.parent.parent.name in ("kokoukset", "moten"):
            # a body before its first minutes has no page yet: its feed is of the meetings
            page = page.rsplit("/", 2)[0] + "/"
        assert parsed.feed.link == page, path
        assert (site.path / page.removeprefix("http://127.0.0.1:8000/") / "index.html").is_file(), path
        if path.name == "rss.xml":
            channel = ElementTree.parse(path).find("channel")
            assert channel.findtext("link") == page, path
        published = [calendar.timegm(e.published_parsed) for e in parsed.entries]
        if path.parent.name not in ("tapahtumat", "evenemang"):
            assert published == sorted(published, reverse=True), path
        later = {e.id: e for e in feedparser.parse((tomorrow.path / path.relative_to(site.path)).read_bytes()).entries}
        for entry in parsed.entries:
            if entry.id in later:
                assert (entry.published, entry.updated) == (later[entry.id].published, later[entry.id].updated), entry.id


def test_news_feed_entries(build_from):
    site = build(build_from)
    fi = feedparser.parse((site.path / "ajankohtaista/atom.xml").read_bytes())
    assert [e.title for e in fi.entries] == ["Uutinen", "Vain suomeksi"]
    first = fi.entries[0]
    assert first.link == "http://127.0.0.1:8000/ajankohtaista/uutinen/"
    assert [t.term for t in first.tags] == ["lastensuojelu", "MONNI"]
    # feedparser drops repeated tags itself: the feed's own XML must not repeat them
    atom = {"atom": "http://www.w3.org/2005/Atom"}
    entry = ElementTree.parse(site.path / "ajankohtaista/atom.xml").find("atom:entry", atom)
    assert [c.get("term") for c in entry.findall("atom:category", atom)] == ["lastensuojelu", "MONNI"]
    assert first.published == "2020-05-04T10:00:00+03:00"
    links = [a["href"] for a in BeautifulSoup(first.content[0].value, "html.parser").find_all("a")]
    assert links == ["http://127.0.0.1:8000/tietoa/", "http://127.0.0.1:8000/kokoukset/"]
    # Modified is written once (in the Swedish file) and inherited by the Finnish one
    assert first.updated == "2020-05-06T09:00:00+03:00"
    assert fi.feed.updated == "2020-05-06T09:00:00+03:00"
    sv = feedparser.parse((site.path / "sv/aktuellt/rss.xml").read_bytes())
    assert [e.title for e in sv.entries] == ["Nyhet", "Vain suomeksi (på finska)"]
    assert sv.entries[0].published_parsed[:5] == (2020, 5, 4, 7, 0)
    assert sv.feed.title == "SONet BOTNIA: aktuellt"
    sv_atom = feedparser.parse((site.path / "sv/aktuellt/atom.xml").read_bytes())
    assert sv_atom.entries[0].updated == "2020-05-06T09:00:00+03:00"


def test_events_feed_says_when_and_where_in_start_order(build_from, tmp_path):
    site = build(build_from, output=tmp_path / "first")
    fi = feedparser.parse((site.path / "tapahtumat/rss.xml").read_bytes())
    assert [e.title for e in fi.entries] == [
        "Verkostokokous – ti 2.6.2020 klo 12–14, Verkossa (Teams)",
        "Peruttu: Peruttu koulutus – ma 24.8.2020 klo 11.30–13.30",
        "Syyspäivä – to 3.9.2020",
        "Ikkunoita tukiperhetoimintaan – pe 23.10.2020 klo 9 – ma 26.10.2020 klo 12, Seinäjoki",
    ]
    assert fi.entries[0].summary.startswith("ti 2.6.2020 klo 12–14, Verkossa (Teams).")
    first_line = BeautifulSoup(fi.entries[0].content[0].value, "html.parser").p.get_text()
    assert first_line == "ti 2.6.2020 klo 12–14, Verkossa (Teams) – SONet BOTNIA"
    sv = feedparser.parse((site.path / "sv/evenemang/atom.xml").read_bytes())
    assert sv.entries[0].title == "Nätverksmöte – tis 2.6.2020 kl. 12–14, Verkossa (Teams)"
    # after the network meeting has ended it leaves the feed; a new event appears in order
    later = int(datetime(2020, 6, 2, 15, 0, tzinfo=HELSINKI).timestamp())
    files = {**BASE, **EVENTS, **NEWS, "events/uusi.fi.md":
             "Title: Uusi webinaari\nStart: 2020-09-01 09:00\nDate: 2020-06-02\n\nT.\n"}
    again = build_from(files, epoch=later, output=tmp_path / "later")
    titles = [e.title.split(" – ")[0] for e in
              feedparser.parse((again.path / "tapahtumat/rss.xml").read_bytes()).entries]
    assert titles == ["Peruttu: Peruttu koulutus", "Uusi webinaari", "Syyspäivä", "Ikkunoita tukiperhetoimintaan"]


def test_same_clock_same_feed_bytes(build_from, tmp_path):
    first = build(build_from, output=tmp_path / "a")
    second = build(build_from, output=tmp_path / "b")
    for path in feeds_of(first):
        assert path.read_bytes() == (second.path / path.relative_to(first.path)).read_bytes(), path


def test_pages_announce_their_language_feeds_and_the_feeds_page_exists(build_from):
    site = build_from({**BASE, **EVENTS, **NEWS, "meetings/kesakuu.fi.md": JUNE}, epoch=CLOCK)
    for url in site.pages():
        head = site.html(url).head
        lang = "sv" if url.startswith("/sv/") else "fi"
        feeds = head.find_all("link", rel="alternate", type=["application/rss+xml", "application/atom+xml"])
        # a project's page, and a body's, also announces its own feed, and
        # shows the links to it
        own = [a["href"] for a in site.html(url).select("main .project-feed a, main .body-feed a")]
        assert len(feeds) == 4 + len(own), url
        sections = (("/sv/aktuellt/", "/sv/evenemang/") if lang == "sv"
                    else ("/ajankohtaista/", "/tapahtumat/"))
        assert [f["href"] for f in feeds if not f["href"].startswith(sections)] == own, url
        assert all((site.path / href.lstrip("/")).is_file() for href in own), url
    fi = site.html("/syotteet/")
    sv = site.html("/sv/floden/")
    assert fi.h1.get_text() == "Syötteet ja kalenterit" and sv.h1.get_text() == "Flöden och kalendrar"
    assert fi.select_one("a[href='/ajankohtaista/rss.xml']") is not None
    # project feeds are announced on the project pages, not in a list that grows
    assert fi.select_one("a[href='/hankkeet/monni/rss.xml']") is None
    assert site.html("/hankkeet/monni/").select_one("main a[href='/hankkeet/monni/atom.xml']") is not None
    body = site.html("/sv/moten/ep-ohjausryhma/")
    assert [a["href"] for a in body.select("main .body-feed a")] == [
        "/sv/moten/ep-ohjausryhma/rss.xml",
        "/sv/moten/ep-ohjausryhma/atom.xml"]
    assert sv.select_one("a[href='/sv/evenemang/evenemang.ics']") is not None
    assert site.html("/").select_one("footer a[href='/syotteet/']") is not None


def entries_by_id(site, feed):
    return {e.id: e for e in feedparser.parse((site.path / feed).read_bytes()).entries}


def test_a_cancellation_is_a_new_entry_with_its_own_date(build_from, tmp_path):
    """A feed reader (newsboat) shows an entry whose id it has seen as read,
    whatever its title: the cancelled event must come with a new id, saying
    so in its title, dated by the Modified that announced it."""
    announced = build(build_from, output=tmp_path / "announced")
    cancelled_text = EVENTS["events/peruttu.fi.md"].replace(
        "Event-status: cancelled\n", "Event-status: cancelled\nModified: 2020-06-01 15:00\n")
    files = {**BASE, **EVENTS, **NEWS, "events/peruttu.fi.md": EVENTS["events/peruttu.fi.md"].replace(
        "Event-status: cancelled\n", "")}
    before = build_from(files, epoch=CLOCK, output=tmp_path / "before")
    after = build_from({**files, "events/peruttu.fi.md": cancelled_text}, epoch=CLOCK,
                       output=tmp_path / "after")
    for feed, title, status in (("tapahtumat/atom.xml", "Peruttu: Peruttu koulutus", "Peruttu"),
                                ("sv/evenemang/rss.xml", "Inställt: Peruttu koulutus", "Inställt")):
        old = [e for e in entries_by_id(before, feed).values() if "Peruttu koulutus" in e.title]
        new = [e for e in entries_by_id(after, feed).values() if "Peruttu koulutus" in e.title]
        assert len(old) == len(new) == 1
        assert new[0].id != old[0].id and new[0].id not in entries_by_id(before, feed), feed
        assert new[0].title.startswith(title) and f"{status}:" not in old[0].title, feed
        assert new[0].updated_parsed[:5] == (2020, 6, 1, 12, 0), feed
    # the same status without Modified has an id of its own too
    assert ({e.id for e in entries_by_id(announced, "tapahtumat/atom.xml").values()}
            - set(entries_by_id(before, "tapahtumat/atom.xml"))) == {
        "tag:sonetbotnia.fi,2016:fi/events/peruttu/cancelled"}


def test_entry_ids_follow_the_item_not_its_address(build_from, tmp_path):
    # MONNI only in § 2 (by its acronym), not in the minutes' Projects:
    files = {**BASE, **EVENTS, **NEWS, "meetings/kesakuu.fi.md": JUNE.replace("Projects: monni\n", "")}
    site = build_from(files, epoch=CLOCK, output=tmp_path / "a")
    renamed = build_from({**files, "news/uutinen.fi.md": NEWS["news/uutinen.fi.md"].replace(
        "Title: Uutinen\n", "Title: Uutinen\nSlug: uusi-osoite\n")}, epoch=CLOCK, output=tmp_path / "b")
    (news,) = [e for e in entries_by_id(renamed, "ajankohtaista/atom.xml").values() if e.title == "Uutinen"]
    assert news.link.endswith("/ajankohtaista/uusi-osoite/")
    assert news.id == "tag:sonetbotnia.fi,2016:fi/news/uutinen" in entries_by_id(site, "ajankohtaista/atom.xml")
    # the whole minutes in the body's feed, some § items in the project's: two ids
    body = set(entries_by_id(site, "kokoukset/ep-ohjausryhma/atom.xml"))
    project = set(entries_by_id(site, "hankkeet/monni/atom.xml"))
    assert "tag:sonetbotnia.fi,2016:fi/meetings/kesakuu" in body
    assert not body & project
    assert [i for i in project if "/meetings/" in i] == ["tag:sonetbotnia.fi,2016:fi/meetings/kesakuu/items-2"]


def test_two_builds_a_day_apart_give_the_same_feeds_and_calendars(build_from, tmp_path):
    """Nothing in between ends or starts: the files must be byte for byte
    the same, or HTTP caches and synchronising clients fetch them anew."""
    files = {**BASE, **EVENTS, **NEWS, "meetings/kesakuu.fi.md": JUNE}
    day = int(datetime(2020, 6, 3, 12, 0, tzinfo=HELSINKI).timestamp())
    first = build_from(files, epoch=day, output=tmp_path / "first")
    second = build_from(files, epoch=day + 24 * 3600, output=tmp_path / "second")
    compared = feeds_of(first) + sorted(first.path.rglob("*.ics"))
    assert len(compared) > 20
    for path in compared:
        assert path.read_bytes() == (second.path / path.relative_to(first.path)).read_bytes(), path


def test_every_body_has_a_feed_before_its_first_minutes(build_from):
    site = build(build_from)
    parsed = feedparser.parse((site.path / "kokoukset/johtoryhma/atom.xml").read_bytes())
    assert not parsed.bozo and parsed.entries == []
    assert parsed.feed.title == "SONet BOTNIA: Johtoryhmä"
    # dated by the content's FEEDS_SINCE, not the build clock
    assert parsed.feed.updated == "2016-01-01T00:00:00+02:00"
    assert parsed.feed.link == "http://127.0.0.1:8000/kokoukset/"
    listed = site.html("/sv/floden/").select_one("a[href='/sv/moten/johtoryhma/atom.xml']")
    assert listed is not None and "Ledningsgruppen" in listed.parent.get_text()
