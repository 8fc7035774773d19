"""Meeting minutes built from fixture meetings, read back as HTML."""

import logging

import pytest

from site_build import BuildFailed

REGISTRY = """
[regions.etela-pohjanmaa]
fi = "Etelä-Pohjanmaa"
sv = "Södra Österbotten"

[bodies.ep-ohjausryhma]
fi = "Etelä-Pohjanmaan ohjausryhmä"
sv = "Styrgruppen för Södra Österbotten"
region = "etela-pohjanmaa"

[bodies.johtoryhma]
fi = "Johtoryhmä"
sv = "Ledningsgruppen"
region = "etela-pohjanmaa"
"""

BASE = {
    "data/registry.toml": REGISTRY,
    "pages/tietoa.fi.md": "Title: Tietoa\n\nMeistä.\n",
    "pages/yhteystiedot.fi.md": "Title: Yhteystiedot\n\nS.\n",
    "pages/saavutettavuusseloste.fi.md": "Title: Saavutettavuusseloste\n\nS.\n",
    "pages/tietosuojaseloste.fi.md": "Title: Tietosuojaseloste\n\nS.\n",
    "pages/in-english.fi.md": "Title: In English\nLanguage: en\n\nE.\n",
    "projects/monni.fi.md": "Title: MONNI-hanke\nAcronym: MONNI\nPhase: applied\n\nKuvaus.\n",
}

JUNE = """Title: Ohjausryhmä kesäkuu
Date: 2020-06-01 12:00
Body: ep-ohjausryhma
Location: Seinäjoki
Chair: Harri Jokiranta
Projects: monni

Johdanto.

## 1 § Avaus

Puheenjohtaja avasi kokouksen.

## § 2 MONNI-hankkeen tilanne

Hankesuunnitelma on valmis.

Esitys: Merkitään tiedoksi.

Päätös: Merkittiin tiedoksi.

## 3§ Talous

- Talousarvio 365 000 €

Päätös: Hyväksyttiin.

## 4. Muut asiat

Esitys: Ei muita asioita.
"""

JUNE_SV = """Title: Styrgruppen juni
Slug: styrgruppen-juni

Inledning.

## 1 § Öppnande

Ordföranden öppnade mötet.

## § 2 Läget i MONNI-projektet

Projektplanen är klar.

Förslag: Antecknas för kännedom.

Beslut: Antecknades för kännedom.

## 3§ Ekonomi

Beslut: Godkändes.

## 4. Övriga ärenden

Förslag: Inga övriga ärenden.
"""

MAY = """Title: Ohjausryhmä toukokuu
Date: 2020-05-11 12:00
Body: ep-ohjausryhma

## 1 § Avaus

Päätös: Avattiin.
"""


def build_meetings(build_from, **extra):
    files = dict(BASE)
    files.update({
        "meetings/2020-06-01-ep.fi.md": JUNE,
        "meetings/2020-06-01-ep.sv.md": JUNE_SV,
        "meetings/2020-05-11-ep.fi.md": MAY,
    })
    files.update(extra)
    return build_from(files)


def test_meeting_page_has_anchored_items_with_marked_proposal_and_decision(build_from):
    site = build_meetings(build_from)
    fi = site.html("/kokoukset/2020-06-01-ep/")
    items = fi.select("section.agenda-item")
    assert [s["id"] for s in items] == ["pykala-1", "pykala-2", "pykala-3", "pykala-4"]
    assert [s.h2.get_text(" ", strip=True) for s in items] == [
        "1 § Avaus", "2 § MONNI-hankkeen tilanne", "3 § Talous", "4 § Muut asiat"]
    toc = [a["href"] for a in fi.select("nav.toc a")]
    assert toc == ["#pykala-1", "#pykala-2", "#pykala-3", "#pykala-4"]
    second = items[1]
    assert second.select_one(".proposal h3").get_text() == "Esitys"
    assert second.select_one(".proposal p").get_text() == "Merkitään tiedoksi."
    assert second.select_one(".decision h3").get_text() == "Päätös"
    assert second.select_one(".decision p").get_text() == "Merkittiin tiedoksi."
    assert "Esitys:" not in second.get_text() and "Päätös:" not in second.get_text()
    assert second.select_one(".prose").get_text(strip=True) == "Hankesuunnitelma on valmis."
    assert items[2].select_one(".prose li").get_text() == "Talousarvio 365 000 €"
    assert items[2].select_one(".proposal") is None
    assert items[3].select_one(".decision") is None

    sv = site.html("/sv/moten/styrgruppen-juni/")
    sv_items = sv.select("section.agenda-item")
    assert [s["id"] for s in sv_items] == ["paragraf-1", "paragraf-2", "paragraf-3", "paragraf-4"]
    assert sv_items[1].select_one(".proposal h3").get_text() == "Förslag"
    assert sv_items[1].select_one(".proposal p").get_text() == "Antecknas för kännedom."
    assert sv_items[1].select_one(".decision h3").get_text() == "Beslut"
    # facts inherited from the Finnish file, shown in Swedish
    facts = {dt.get_text(): dd.get_text(" ", strip=True)
             for dt, dd in zip(sv.select(".facts dt"), sv.select(".facts dd"))}
    assert facts["Organ"] == "Styrgruppen för Södra Österbotten"
    assert facts["Datum och tid"] == "1 juni 2020 kl. 12.00"
    assert facts["Plats"] == "Seinäjoki"
    assert facts["Ordförande"] == "Harri Jokiranta"


def test_meeting_links_to_its_projects_and_neighbours(build_from):
    site = build_meetings(build_from)
    fi = site.html("/kokoukset/2020-06-01-ep/")
    assert fi.select_one(".facts a[href='/hankkeet/monni/']").get_text() == "MONNI"
    # the agenda item that names the project's acronym links to it
    item = fi.select_one("#pykala-2")
    assert item.select_one("a[href='/hankkeet/monni/']") is not None
    assert fi.select_one("#pykala-3 a[href='/hankkeet/monni/']") is None
    assert fi.select_one("a[rel=prev]")["href"] == "/kokoukset/2020-05-11-ep/"
    assert fi.select_one("a[rel=next]") is None
    may = site.html("/kokoukset/2020-05-11-ep/")
    assert may.select_one("a[rel=next]")["href"] == "/kokoukset/2020-06-01-ep/"
    # the May meeting has no Swedish version: the Swedish neighbour link marks it
    sv = site.html("/sv/moten/styrgruppen-juni/")
    previous = sv.select_one("a[rel=prev]")
    assert previous["href"] == "/kokoukset/2020-05-11-ep/" and previous["lang"] == "fi"

    project = site.html("/hankkeet/monni/")
    links = [a["href"] for a in project.select("section[aria-labelledby=backlinks-heading] a")]
    assert links == ["/kokoukset/2020-06-01-ep/", "/kokoukset/2020-06-01-ep/#pykala-2"]


def test_index_by_body_and_year_body_page_and_decision_register(build_from):
    site = build_meetings(build_from, **{
        "meetings/2019-12-01-johtoryhma.fi.md":
            "Title: Johtoryhmä joulukuu\nDate: 2019-12-01 09:00\nBody: johtoryhma\n\n"
            "## 5 § Talousarvio\n\nPäätös: Hyväksyttiin talousarvio.\n",
    })
    index = site.html("/kokoukset/")
    sections = index.select("main section")
    assert [s.h2.get_text(strip=True) for s in sections] == ["Etelä-Pohjanmaan ohjausryhmä", "Johtoryhmä"]
    assert [h.get_text() for h in sections[0].select("h3")] == ["2020"]
    assert [a.get_text() for a in sections[0].select("li a")] == ["Ohjausryhmä kesäkuu", "Ohjausryhmä toukokuu"]
    assert [h.get_text() for h in sections[1].select("h3")] == ["2019"]
    body = site.html("/kokoukset/ep-ohjausryhma/")
    assert body.h1.get_text() == "Etelä-Pohjanmaan ohjausryhmä"
    assert site.html("/sv/moten/ep-ohjausryhma/").h1.get_text() == "Styrgruppen för Södra Österbotten"

    register = site.html("/kokoukset/paatokset/")
    entries = register.select(".register-entry")
    assert [(e.a["href"], e.select_one(".decision").get_text(strip=True)) for e in entries] == [
        ("/kokoukset/2020-06-01-ep/#pykala-2", "Merkittiin tiedoksi."),
        ("/kokoukset/2020-06-01-ep/#pykala-3", "Hyväksyttiin."),
        ("/kokoukset/2020-05-11-ep/#pykala-1", "Avattiin."),
    ]
    # a page per year, the newest on the register's own page
    assert [a["href"] for a in register.select(".year-nav a")] == [
        "/kokoukset/paatokset/2020/", "/kokoukset/paatokset/2019/"]
    older = site.html("/kokoukset/paatokset/2019/")
    assert [(e.a["href"], e.select_one(".decision").get_text(strip=True))
            for e in older.select(".register-entry")] == [
        ("/kokoukset/2019-12-01-johtoryhma/#pykala-5", "Hyväksyttiin talousarvio.")]
    assert older.select_one(".year-nav a[aria-current=page]")["href"] == "/kokoukset/paatokset/2019/"
    sv_register = site.html("/sv/moten/beslut/")
    first = sv_register.select(".register-entry")[0]
    assert first.a["href"] == "/sv/moten/styrgruppen-juni/#paragraf-2"
    marked = sv_register.select(".register-entry")[2]
    assert marked.a["lang"] == "fi" and marked.select_one(".decision")["lang"] == "fi"


def test_meeting_with_unknown_day_shows_what_is_known(build_from):
    site = build_meetings(build_from, **{
        "meetings/2016-kp.fi.md":
            "Title: Syksyn kokous 2016\nDate-range: 2016-11-18 – 2016-12-09\nBody: johtoryhma\n\n"
            "## 1. Avaus\n\nPäätös: Avattiin.\n",
    })
    page = site.html("/kokoukset/2016-kp/")
    assert page.find("time") is None
    assert "Päivämäärä ei ilmene pöytäkirjasta: pidetty 18. marraskuuta 2016 ja 9. joulukuuta 2016 välillä" in page.get_text()


@pytest.mark.parametrize(("text", "level", "expected"), [
    ("Title: X\nDate: 2020-06-01 12:00\nBody: ohjausryhma\n\n## 1 § A\n",
     logging.ERROR, "meetings/x.fi.md:3: Body: no body 'ohjausryhma'; did you mean ep-ohjausryhma, johtoryhma?"),
    ("Title: X\nDate: 2020-06-01 12:00\nBody: hallitus\n\n## 1 § A\n",
     logging.ERROR, "meetings/x.fi.md:3: Body: no body 'hallitus'; known: ep-ohjausryhma, johtoryhma"),
    ("Title: X\nDate: 2020-06-01 12:00\nBody: johtoryhma\n\n## 1 § A\n\nTeksti.\n\n## 1 § B\n",
     logging.ERROR, "meetings/x.fi.md:9: item 1 § appears twice (also on line 5); each item needs its own number"),
    ("Title: X\nDate: kesäkuu 2020\nBody: johtoryhma\n\n## 1 § A\n",
     logging.ERROR, "meetings/x.fi.md:2: Date: expected a date as YYYY-MM-DD or YYYY-MM-DD HH:MM, "
     "for example 2020-06-01 12:00, found 'kesäkuu 2020'"),
    ("Title: X\nDate: 2020-06-01 12:00\nBody: johtoryhma\n\nPäätös: Hyväksyttiin.\n\n## 1 § A\n",
     logging.ERROR, "meetings/x.fi.md:5: 'Päätös:' is outside any agenda item; put it under the "
     "item's '## N § Title' heading"),
    ("Title: X\nDate: 2020-06-01 12:00\nBody: johtoryhma\n\n## Kokouksen avaus\n",
     logging.ERROR, "meetings/x.fi.md:5: an agenda item heading must be '## 6 § Title' (or "
     "'## § 6 Title', '## 6. Title'); found '## Kokouksen avaus'"),
])
def test_bad_meeting_input(build_from, caplog, text, level, expected):
    caplog.set_level(logging.WARNING)
    with pytest.raises(BuildFailed):
        build_from({**BASE, "meetings/x.fi.md": text})
    assert expected in [r.getMessage() for r in caplog.records if r.levelno == level]


def test_gap_in_numbering_is_a_warning(build_from, caplog):
    caplog.set_level(logging.WARNING)
    site = build_from({**BASE, "meetings/x.fi.md":
                       "Title: X\nDate: 2020-06-01 12:00\nBody: johtoryhma\n\n## 1 § A\n\n## 4 § B\n"})
    assert site.exists("/kokoukset/x/")
    assert ("meetings/x.fi.md:5: the items skip numbers 2 §, 3 § (fine if the minutes "
            "are published in part)") in [r.getMessage() for r in caplog.records]


def test_misspelt_label_is_a_warning_naming_the_label_meant(build_from, caplog):
    caplog.set_level(logging.WARNING)
    site = build_from({**BASE, "meetings/x.fi.md":
                       "Title: X\nDate: 2020-06-01 12:00\nBody: johtoryhma\n\n## 1 § A\n\n"
                       "Esitys: Hyväksytään.\n\nPäätos: Hyväksyttiin.\n\n## 2 § B\n\n"
                       "**Paatos:** Merkittiin tiedoksi.\n\nEsitys hyväksyttiin yksimielisesti.\n"})
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert [w for w in warnings if "shown as text" in w] == [
        "meetings/x.fi.md:9: 'Päätos:' is shown as text, not as the item's Päätös; did you mean 'Päätös:'?",
        "meetings/x.fi.md:13: 'Paatos:' is shown as text, not as the item's Päätös; did you mean 'Päätös:'?"]
    assert site.exists("/kokoukset/x/")


def test_agenda_edge_cases_code_consecutive_and_bold_labels(build_from):
    text = (
        "Title: Reunat\nDate: 2020-06-01 12:00\nBody: johtoryhma\n\n"
        "## 1 § Koodi\n\n```\n## 2 § Ei otsikko\n\nPäätös: ei päätös\n```\n\n"
        "Esitys: Hyväksytään.\nPäätös: Hyväksyttiin.\n\n"
        "## 2 § Lihavoitu\n\n**Esitys:** Merkitään tiedoksi.\n\n**Päätös**: Merkittiin tiedoksi.\n"
    )
    site = build_from({**BASE, "meetings/reunat.fi.md": text})
    page = site.html("/kokoukset/reunat/")
    items = page.select("section.agenda-item")
    assert [s["id"] for s in items] == ["pykala-1", "pykala-2"]
    code = items[0].select_one("pre code").get_text()
    assert "## 2 § Ei otsikko" in code and "Päätös: ei päätös" in code
    assert items[0].select_one(".proposal p").get_text() == "Hyväksytään."
    assert items[0].select_one(".decision p").get_text() == "Hyväksyttiin."
    assert items[1].select_one(".proposal p").get_text() == "Merkitään tiedoksi."
    assert items[1].select_one(".decision p").get_text() == "Merkittiin tiedoksi."
