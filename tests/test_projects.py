"""Project pages, index, backlinks and open data from fixture projects."""

import csv
import io
import json
import logging

import feedparser
import pytest
from bs4 import BeautifulSoup

from site_build import BuildFailed
from test_meetings import REGISTRY

BASE = {
    "data/registry.toml": REGISTRY,
    "pages/tietoa.fi.md": "Title: Tietoa\n\nMeistä.\n",
    "pages/yhteystiedot.fi.md": "Title: Yhteystiedot\n\nS.\n",
    "pages/saavutettavuusseloste.fi.md": "Title: Saavutettavuusseloste\n\nS.\n",
    "pages/tietosuojaseloste.fi.md": "Title: Tietosuojaseloste\n\nS.\n",
    "pages/in-english.fi.md": "Title: In English\nLanguage: en\n\nE.\n",
    "projects/monni.fi.md": (
        "Title: MONNI – lastensuojelun monialainen kehittämishanke\nAcronym: MONNI\n"
        "Phase: active\nStart: 2020-09\nEnd: 2022-12\nLead: Pikassos Oy\n"
        "Partners: Kanta-Häme, Pirkanmaa\nFunding: Valtionavustus 83 %, omarahoitus 17 %\n"
        "Budget: 313 106 €\nRegion: etela-pohjanmaa\nSummary: Lastensuojelun kehittämistä.\n\n"
        "Kuvaus.\n"),
    "projects/monni.sv.md": (
        "Title: MONNI – mångprofessionell utveckling av barnskyddet\nSlug: monni-sv\n"
        "Funding: Statsunderstöd 83 %, självfinansiering 17 %\n\nBeskrivning.\n"),
    "projects/vanha.fi.md": "Title: Vanha hanke\nPhase: ended\nStart: 2016\nEnd: 2018\n\nK.\n",
    "projects/tuleva.fi.md": "Title: Tuleva hanke\nPhase: planned\n\nK.\n",
    "news/uutinen.fi.md": "Title: MONNI etenee\nDate: 2020-05-04\nProjects: monni\n\nT.\n",
    "events/koulutus.fi.md": (
        "Title: MONNI-koulutus\nStart: 2020-09-03 09:00\nEnd: 2020-09-03 12:00\n"
        "Projects: monni\n\nK.\n"),
    "meetings/kokous.fi.md": (
        "Title: Kokous\nDate: 2020-06-01 12:00\nBody: johtoryhma\nProjects: monni\n\n"
        "## 1 § Avaus\n\nAvattiin.\n\n## 2 § MONNI-hanke\n\nPäätös: Tiedoksi.\n"),
}


def facts(soup):
    return {dt.get_text(): dd.get_text(" ", strip=True)
            for dt, dd in zip(soup.select(".facts dt"), soup.select(".facts dd"))}


def test_facts_box_in_both_languages(build_from):
    site = build_from(BASE)
    fi = facts(site.html("/hankkeet/monni/"))
    assert fi["Vaihe"] == "käynnissä"
    assert fi["Kausi"] == "9/2020 – 12/2022"
    assert fi["Budjetti"] == "313\u00a0106\u00a0€"
    assert fi["Rahoitus"] == "Valtionavustus 83 %, omarahoitus 17 %"
    assert fi["Päätoteuttaja"] == "Pikassos Oy"
    assert fi["Alue"] == "Etelä-Pohjanmaa"
    sv = facts(site.html("/sv/projekt/monni-sv/"))
    assert sv["Fas"] == "pågående"
    assert sv["Budget"] == "313\u00a0106\u00a0€"
    assert sv["Finansiering"] == "Statsunderstöd 83 %, självfinansiering 17 %"
    assert sv["Region"] == "Södra Österbotten"
    assert sv["Samarbetspartner"] == "Kanta-Häme, Pirkanmaa"  # inherited


def test_backlinks_newest_first_with_agenda_items(build_from):
    site = build_from(BASE)
    page = site.html("/hankkeet/monni/")
    links = [a["href"] for a in page.select("section[aria-labelledby=backlinks-heading] a")]
    assert links == ["/tapahtumat/koulutus/", "/kokoukset/kokous/", "/kokoukset/kokous/#pykala-2",
                     "/ajankohtaista/uutinen/"]
    event_meta = page.select("section[aria-labelledby=backlinks-heading] .meta")[0].get_text(strip=True)
    assert event_meta == "to 3.9.2020 klo 9–12"
    sv = site.html("/sv/projekt/monni-sv/")
    first = sv.select_one("section[aria-labelledby=backlinks-heading] li a")
    assert first["lang"] == "fi" and first["href"] == "/tapahtumat/koulutus/"


def test_project_feed_brings_of_a_meeting_the_agenda_items_that_name_the_project(build_from):
    # "kokous" names MONNI in its Projects: line; "toinen" only in its § 2
    site = build_from({**BASE, "meetings/toinen.fi.md": (
        "Title: Toinen kokous\nDate: 2020-06-08 12:00\nBody: johtoryhma\n\n"
        "## 1 § Avaus\n\nAvattiin.\n\n## 2 § MONNI-hankkeen raportti\n\nPäätös: Hyväksyttiin.\n"
        "\n## 3 § Muut asiat\n\nEi muita asioita.\n")})

    def meeting_entry(feed, url):
        parsed = feedparser.parse((site.path / feed).read_bytes())
        assert not parsed.bozo, parsed.get("bozo_exception")
        entry, = [e for e in parsed.entries if e.link == f"http://127.0.0.1:8000{url}"]
        html = BeautifulSoup(entry.content[0].value, "html.parser")
        return [h.get_text() for h in html.select("h2")], html.select("a")[-1]

    headings, last_link = meeting_entry("hankkeet/monni/atom.xml", "/kokoukset/toinen/")
    assert headings == ["2 § MONNI-hankkeen raportti"]
    # and a link to the whole minutes, in the feed's language
    assert last_link["href"] == "http://127.0.0.1:8000/kokoukset/toinen/"
    assert last_link.get_text() == "Kaikki kokouksen asiat"
    # a meeting about the project as a whole, and a body's feed: the whole minutes
    for feed in ("hankkeet/monni/atom.xml", "kokoukset/johtoryhma/atom.xml"):
        headings, _last_link = meeting_entry(feed, "/kokoukset/kokous/")
        assert headings == ["1 § Avaus", "2 § MONNI-hanke"], feed
    headings, _last_link = meeting_entry("kokoukset/johtoryhma/rss.xml", "/kokoukset/toinen/")
    assert headings == ["1 § Avaus", "2 § MONNI-hankkeen raportti", "3 § Muut asiat"]


def test_index_groups_by_phase_active_first_and_filters_by_region(build_from):
    site = build_from(BASE)
    index = site.html("/hankkeet/")
    groups = index.select("main section[id^=phase-]")
    assert [g["id"] for g in groups] == ["phase-active", "phase-planned", "phase-ended"]
    assert [g.h2.get_text() for g in groups] == ["käynnissä", "valmisteilla", "päättynyt"]
    assert [a["href"] for a in index.select(".filters a[href^='#']")] == [
        "#phase-active", "#phase-planned"]
    # ended projects are counted and linked: their list grows with the years
    assert index.select_one(".filters a[href='/hankkeet/paattyneet/']").get_text() == "päättynyt (1)"
    assert not index.select("#phase-ended .item-title")
    ended = site.html("/hankkeet/paattyneet/")
    assert [a["href"] for a in ended.select("main .item-title a")] == ["/hankkeet/vanha/"]
    region = site.html("/hankkeet/etela-pohjanmaa/")
    assert [a.get_text() for a in region.select(".item-title a")] == [
        "MONNI – lastensuojelun monialainen kehittämishanke"]
    # a region counts its own ended projects, and links to their list
    assert not region.select(".filters a[href*='paattyneet']")
    files = {**BASE, "projects/vanha-ep.fi.md": "Title: Vanha EP-hanke\nPhase: ended\nStart: 2015\n"
             "End: 2017\nRegion: etela-pohjanmaa\n\nK.\n"}
    site = build_from(files)
    region = site.html("/hankkeet/etela-pohjanmaa/")
    link = region.select_one(".filters a[href$='paattyneet/']")
    assert (link["href"], link.get_text()) == ("/hankkeet/etela-pohjanmaa/paattyneet/", "päättynyt (1)")
    ended = site.html(link["href"])
    assert [a["href"] for a in ended.select("main .item-title a")] == ["/hankkeet/vanha-ep/"]
    assert ended.h1.get_text() == "Päättyneet hankkeet: Etelä-Pohjanmaa"
    assert [a["href"] for a in site.html("/hankkeet/paattyneet/").select("main .item-title a")] == [
        "/hankkeet/vanha/", "/hankkeet/vanha-ep/"]  # latest ended first
    assert site.exists("/sv/projekt/etela-pohjanmaa/avslutade/")
    sv = site.html("/sv/projekt/")
    assert [g.h2.get_text() for g in sv.select("main section[id^=phase-]")] == [
        "pågående", "under beredning", "avslutat"]


def test_registry_as_json_and_csv_per_language(build_from):
    site = build_from(BASE)
    data = json.loads((site.path / "hankkeet" / "projects.json").read_text(encoding="utf-8"))
    monni = next(p for p in data["projects"] if p["name"] == "monni")
    assert monni["budget"] == 313106 and monni["phase"] == "active"
    assert monni["start"] == "2020-09" and monni["region"] == ["etela-pohjanmaa"]
    site_url = "http://127.0.0.1:8000"
    assert monni["url"] == f"{site_url}/hankkeet/monni/"
    assert monni["backlinks"] == [f"{site_url}/tapahtumat/koulutus/", f"{site_url}/kokoukset/kokous/",
                                  f"{site_url}/ajankohtaista/uutinen/"]
    rows = list(csv.DictReader(io.StringIO(
        (site.path / "sv" / "projekt" / "projects.csv").read_text(encoding="utf-8"))))
    sv = next(r for r in rows if r["name"] == "monni")
    assert sv["title"] == "MONNI – mångprofessionell utveckling av barnskyddet"
    assert sv["partners"] == "Kanta-Häme; Pirkanmaa"
    assert sv["url"] == "http://127.0.0.1:8000/sv/projekt/monni-sv/"
    assert {r["name"] for r in rows} == {"monni", "vanha", "tuleva"}


def test_active_project_past_its_end_is_a_warning(build_from, caplog):
    caplog.set_level(logging.WARNING)
    build_from({**BASE, "projects/vanhentunut.fi.md":
                "Title: V\nPhase: active\nStart: 2018-01\nEnd: 2019-12\n\nK.\n"})
    assert ("projects/vanhentunut.fi.md:4: End 2019-12 has passed but Phase is still 'active'; "
            "set 'Phase: ended' or correct End") in [r.getMessage() for r in caplog.records]


@pytest.mark.parametrize(("files", "expected"), [
    ({"projects/x.fi.md": "Title: X\nPhase: running\n\nK.\n"},
     "projects/x.fi.md:2: Phase: expected one of: planned, applied, active, ended, found 'running'"),
    ({"projects/x.fi.md": "Title: X\nPhase: active\nStart: 2021-01\nEnd: 2020-12\n\nK.\n"},
     "projects/x.fi.md:4: End 2020-12 is before Start 2021-01"),
    ({"projects/x.fi.md": "Title: X\nPhase: active\nStart: syksy 2020\n\nK.\n"},
     "projects/x.fi.md:3: Start: expected a year (2020), a month as YYYY-MM (2020-09) or a day "
     "as YYYY-MM-DD (2020-09-01), found 'syksy 2020'"),
    ({"projects/x.fi.md": "Title: X\nPhase: active\nBudget: noin miljoona\n\nK.\n"},
     "projects/x.fi.md:3: Budget: expected an amount in euros such as 313106 or 313 106 €, "
     "found 'noin miljoona'"),
    ({"news/y.fi.md": "Title: Y\nDate: 2020-05-01\nProjects: moni\n\nT.\n"},
     "news/y.fi.md:3: Projects: no project 'moni'; did you mean monni?"),
])
def test_bad_project_input(build_from, caplog, files, expected):
    caplog.set_level(logging.WARNING)
    with pytest.raises(BuildFailed):
        build_from({**BASE, **files})
    assert expected in [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR]


def test_swedish_pages_of_a_region_and_a_body_have_swedish_addresses(build_from, caplog):
    from test_meetings import JUNE

    registry = BASE["data/registry.toml"].replace(
        'sv = "Södra Österbotten"\n', 'sv = "Södra Österbotten"\nslug_sv = "sodra-osterbotten"\n').replace(
        'sv = "Styrgruppen för Södra Österbotten"\n',
        'sv = "Styrgruppen för Södra Österbotten"\nslug_sv = "styrgruppen-for-sodra-osterbotten"\n')
    files = {**BASE, "data/registry.toml": registry, "meetings/kesakuu.fi.md": JUNE,
             "projects/ep.fi.md": "Title: EP-hanke\nPhase: active\nRegion: etela-pohjanmaa\n\nK.\n",
             "projects/ep.sv.md": "Title: SÖ-projektet\n\nBeskrivning.\n"}
    site = build_from(files)
    project = site.html("/sv/projekt/ep/")
    assert project.select_one("dd a[href$='/sodra-osterbotten/']")["href"] == "/sv/projekt/sodra-osterbotten/"
    assert site.html("/sv/projekt/sodra-osterbotten/").h1 is not None
    assert site.exists("/hankkeet/etela-pohjanmaa/")  # the Finnish address is the key
    assert site.exists("/sv/moten/styrgruppen-for-sodra-osterbotten/")
    assert site.exists("/sv/moten/styrgruppen-for-sodra-osterbotten/atom.xml")
    assert not site.exists("/sv/moten/ep-ohjausryhma/")

    with pytest.raises(BuildFailed):
        build_from({**files, "data/registry.toml": registry.replace(
            'slug_sv = "sodra-osterbotten"', 'slug_sv = "Södra Österbotten"')})
    assert ("data/registry.toml:2: slug_sv of [regions.etela-pohjanmaa]: expected lower-case letters "
            "a-z, digits and single hyphens (for example sodra-osterbotten), found 'Södra Österbotten'"
            ) in caplog.text
