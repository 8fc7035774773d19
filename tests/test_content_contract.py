"""The content contract: file names, keys, languages, translations, the
build clock; each bad input stops the build with a message naming the file."""

import logging

import pytest

from conftest import EPOCH_JUNE_2020
from site_build import BuildFailed

PAGES = {
    "pages/tietoa.fi.md": "Title: Tietoa\n\nMeistä.\n",
    "pages/tietoa.sv.md": "Title: Om oss\nSlug: om-oss\n\nOm oss.\n",
    "pages/yhteystiedot.fi.md": "Title: Yhteystiedot\n\nSähköposti.\n",
    "pages/saavutettavuusseloste.fi.md": "Title: Saavutettavuusseloste\n\nSeloste.\n",
    "pages/tietosuojaseloste.fi.md": "Title: Tietosuojaseloste\n\nS.\n",
    "pages/in-english.fi.md": "Title: In English\nLanguage: en\n\nE.\n",
}


def site_with(**news):
    files = dict(PAGES)
    files.update({f"news/{name.replace('_', '-')}": text for name, text in news.items()})
    return files


def messages(caplog, level):
    return [r.getMessage() for r in caplog.records if r.levelno == level]


def test_translation_inherits_facts_but_not_title_summary_or_slug(build_from):
    site = build_from(site_with(**{
        "uutinen.fi.md": "Title: Uutinen\nDate: 2020-05-04 10:30\nTags: a, b\n"
                         "Summary: Suomeksi\nSlug: uutinen-fi\n\nTeksti.\n",
        "uutinen.sv.md": "Title: Nyhet\n\nText.\n",
    }))
    sv = site.html("/sv/aktuellt/uutinen/")
    assert sv.find("h1").get_text() == "Nyhet"
    assert sv.find("time")["datetime"] == "2020-05-04T10:30:00+03:00"
    assert sv.find("time").get_text() == "4 maj 2020"
    # Summary is not inherited: the description comes from the Swedish text
    assert sv.find("meta", attrs={"name": "description"})["content"] == "Text."
    assert site.exists("/ajankohtaista/uutinen-fi/")


def test_disagreeing_facts_name_both_files_and_publish_nothing(build_from, caplog, tmp_path):
    caplog.set_level(logging.WARNING)
    output = tmp_path / "published"
    good = build_from(site_with(**{"a.fi.md": "Title: A\nDate: 2020-05-04\n\nA.\n"}), output=output)
    before = {p: p.read_bytes() for p in good.path.rglob("*") if p.is_file()}
    with pytest.raises(BuildFailed):
        build_from(site_with(**{
            "a.fi.md": "Title: A\nDate: 2020-05-04\n\nA.\n",
            "a.sv.md": "Title: A\nDate: 2020-05-05\nProjects: monni\n\nA.\n",
        }), output=output)
    assert (
        "news/a.sv.md:2: Date '2020-05-05' disagrees with news/a.fi.md line 2 "
        "('2020-05-04'): a translation shares its facts; make them equal, or write "
        "the key in one file only"
    ) in messages(caplog, logging.ERROR)
    after = {p: p.read_bytes() for p in output.rglob("*") if p.is_file()}
    assert after == before
    assert not [p for p in output.parent.glob(".published.*") if p.is_dir()]  # the lock file stays


def test_item_in_one_language_is_listed_with_a_marker_and_switches_to_a_stub(build_from):
    site = build_from(site_with(**{
        "vain-suomeksi.fi.md": "Title: Vain suomeksi\nDate: 2020-05-04\n\nTeksti.\n",
        "bara-svenska.sv.md": "Title: Bara på svenska\nDate: 2020-05-03\n\nText.\n",
    }))
    fi_article = site.html("/ajankohtaista/vain-suomeksi/")
    stub_url = fi_article.select_one(".language-switcher a")["href"]
    assert stub_url == "/sv/aktuellt/vain-suomeksi/"
    stub = site.html(stub_url)
    assert stub.html["lang"] == "sv"
    assert "Det här innehållet finns bara på finska." in stub.get_text()
    link = stub.main.find("a", attrs={"lang": "fi"}, href="/ajankohtaista/vain-suomeksi/")
    assert link.get_text() == "Vain suomeksi"
    assert stub.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    # not a version of the item: no hreflang pair, no canonical address of its own
    assert not stub.find_all("link", rel="canonical") and not stub.find_all("link", hreflang=True)
    assert stub.title.get_text() == "Finns inte på svenska: Vain suomeksi – SONet BOTNIA"

    sv_index = site.html("/sv/aktuellt/")
    titles = sv_index.select(".item-title")
    assert [t.a.get_text() for t in titles] == ["Vain suomeksi", "Bara på svenska"]
    assert titles[0].a["lang"] == "fi"
    assert titles[0].select_one(".language-marker").get_text() == "(på finska)"
    assert titles[1].select_one(".language-marker") is None
    fi_index = site.html("/ajankohtaista/")
    marker = fi_index.select(".item-title")[1].select_one(".language-marker")
    assert marker.get_text() == "(ruotsiksi)"
    # the Swedish-only item's Finnish stub
    stub = site.html("/ajankohtaista/bara-svenska/")
    assert "Tämä sisältö on saatavilla vain ruotsiksi." in stub.get_text()


def test_item_dated_after_the_build_clock_waits(build_from, tmp_path):
    files = site_with(**{
        "tuleva.fi.md": "Title: Tuleva\nDate: 2020-06-10 12:30\n\nTeksti.\n",
        "tuleva.sv.md": "Title: Kommande\n\nText.\n",
        "luonnos.fi.md": "Title: Luonnos\nDate: 2020-01-01\nStatus: draft\n\nTeksti.\n",
    })
    before = build_from(files, epoch=EPOCH_JUNE_2020, output=tmp_path / "before")
    assert not before.exists("/ajankohtaista/tuleva/")
    assert not before.exists("/sv/aktuellt/tuleva/")
    assert "Tuleva" not in before.html("/ajankohtaista/").get_text()
    after = build_from(files, epoch=EPOCH_JUNE_2020 + 3600, output=tmp_path / "after")
    assert after.exists("/ajankohtaista/tuleva/")
    assert after.exists("/sv/aktuellt/tuleva/")
    for site in (before, after):
        assert not site.exists("/ajankohtaista/luonnos/")
        assert not list(site.path.rglob("*luonnos*"))


def test_news_index_paginates_in_both_languages(build_from):
    news = {
        f"uutinen-{n:02}.fi.md": f"Title: Uutinen {n}\nDate: 2020-05-{n:02}\n\nTeksti.\n"
        for n in range(1, 13)
    }
    news.update({f"uutinen-{n:02}.sv.md": f"Title: Nyhet {n}\n\nText.\n" for n in range(1, 13)})
    site = build_from(site_with(**news))
    page2 = site.html("/ajankohtaista/2/")
    assert [t.get_text().strip() for t in page2.select(".item-title a")] == ["Uutinen 2", "Uutinen 1"]
    links = {link["hreflang"]: link["href"] for link in page2.find_all("link", rel="alternate", hreflang=True)}
    assert links == {"fi": "/ajankohtaista/2/", "sv": "/sv/aktuellt/2/", "x-default": "/ajankohtaista/2/"}
    assert site.html("/sv/aktuellt/2/").select_one("a[rel=prev]")["href"] == "/sv/aktuellt/"
    assert page2.select_one(".language-switcher a")["href"] == "/sv/aktuellt/2/"


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        ({"news/x.fi.md": "Date: 2020-05-04\n\nTeksti.\n"},
         "news/x.fi.md:1: Title is missing: add a line 'Title: ...' to the header"),
        ({"news/x.fi.md": "Title: X\nDate: 4.5.2020\n\nTeksti.\n"},
         "news/x.fi.md:2: Date: expected a date as YYYY-MM-DD or YYYY-MM-DD HH:MM, "
         "for example 2020-06-01 12:00, found '4.5.2020' (write 2020-05-04)"),
        ({"news/x.fi.md": "Title: X\nDate: 2020-02-30\n\nTeksti.\n"},
         "news/x.fi.md:2: Date: expected a date as YYYY-MM-DD or YYYY-MM-DD HH:MM, "
         "for example 2020-06-01 12:00, found '2020-02-30' (that day or time does not exist)"),
        ({"news/x.en.md": "Title: X\n\nText.\n"},
         "news/x.en.md:1: unknown language suffix '.en': expected one of .fi.md, .sv.md"),
        ({"news/x.fi.md": "Title: X\nTitle: Y\n\nTeksti.\n"},
         "news/x.fi.md:2: 'Title' is set twice (also on line 1); keep one"),
        ({"news/x.fi.md": "Tämä on vain tekstiä.\n"},
         "news/x.fi.md:1: the file must start with its header, 'Key: value' lines such "
         "as 'Title: ...', then a blank line; found 'Tämä on vain tekstiä.'"),
        ({"news/x.fi.md": ""},
         "news/x.fi.md:1: the file is empty; it needs at least a 'Title: ...' line"),
        ({"news/x.fi.md": b"Title: X\n\nV\xe4\xe4r\xe4 merkist\xf6.\n"},
         "news/x.fi.md:3: the file is not UTF-8 text; save it again as UTF-8 "
         "(Save as, encoding UTF-8: 'Encoding' in Notepad on Windows, "
         "'Plain Text Encoding' in TextEdit on a Mac)"),
        ({"news/x.fi.md": "Title: X\nSlug: Om Oss\n\nTeksti.\n"},
         "news/x.fi.md:2: Slug: expected lower-case letters a-z, digits and single "
         "hyphens (for example om-oss), found 'Om Oss'"),
        ({"news/x.fi.md": "Title: X\nStatus: luonnos\n\nTeksti.\n"},
         "news/x.fi.md:2: Status: expected one of: published, draft, found 'luonnos'"),
        ({"news/X Y.fi.md": "Title: X\n\nTeksti.\n"},
         "news/X Y.fi.md:1: the file name must be <name>.fi.md or <name>.sv.md, in lower "
         "case letters a-z, digits and hyphens (for example 2020-06-01-monni-hanke.fi.md)"),
    ],
)
def test_bad_input_stops_the_build_with_a_message_naming_the_file(build_from, caplog, files, expected):
    caplog.set_level(logging.WARNING)
    with pytest.raises(BuildFailed):
        build_from({**PAGES, **files})
    assert expected in messages(caplog, logging.ERROR)


def test_unknown_key_is_a_warning_with_the_closest_key(build_from, caplog):
    caplog.set_level(logging.WARNING)
    site = build_from(site_with(**{"x.fi.md": "Title: X\nDate: 2020-05-04\nSumary: Lyhyesti\n\nTeksti.\n"}))
    assert "news/x.fi.md:3: unknown key 'Sumary' is ignored; did you mean Summary?" in messages(
        caplog, logging.WARNING
    )
    assert site.exists("/ajankohtaista/x/")


def test_crlf_and_bom_are_read_like_plain_files(build_from):
    site = build_from(site_with(**{
        "x.fi.md": "\ufeffTitle: Rivinvaihdot\r\nDate: 2020-05-04\r\n\r\nTeksti.\r\n"
    }))
    assert site.html("/ajankohtaista/x/").find("h1").get_text() == "Rivinvaihdot"


def test_a_swedish_draft_leaves_the_finnish_item_published(build_from):
    site = build_from(site_with(**{
        "a.fi.md": "Title: Julkaistu\nDate: 2020-05-04\n\nTeksti.\n",
        "a.sv.md": "Title: Utkast\nStatus: draft\n\nText.\n",
    }))
    assert site.exists("/ajankohtaista/a/")
    # the draft is not out: Swedish readers get the note that leads to Finnish
    assert "Det här innehållet finns bara på finska." in site.html("/sv/aktuellt/a/").get_text()


def test_inherited_untranslated_text_keeps_its_language(build_from):
    from test_meetings import BASE

    site = build_from({**BASE,
                       "events/e.fi.md": "Title: Tapahtuma\nStart: 2020-09-03 09:00\n"
                                         "Location: Kokkolan kaupungintalo\nOrganizer: SONet BOTNIA\n\nT.\n",
                       "events/e.sv.md": "Title: Evenemang\nOrganizer: SONet BOTNIA\n\nT sv.\n"})
    facts = site.html("/sv/evenemang/e/").select(".facts dd")
    place = next(dd for dd in facts if dd.get_text() == "Kokkolan kaupungintalo")
    organiser = next(dd for dd in facts if dd.get_text() == "SONet BOTNIA")
    assert place["lang"] == "fi"
    assert not organiser.has_attr("lang")  # written in the Swedish file itself
    assert not any(dd.has_attr("lang") for dd in site.html("/tapahtumat/e/").select(".facts dd"))


MEETING_OF_A_NEW_BODY = ("Title: Kokous\nDate: 2020-06-01 12:00\nBody: uusi\n\n"
                         "## 1 § Avaus\n\nPäätös: Avattiin.\n")
QUOTE_MISSING = '\n[bodies.uusi]\nfi = "Uusi ryhmä\nsv = "Ny grupp"\n'
NAME_MISSING = '\n[bodies.uusi]\nfi = "Uusi ryhmä"\n'


@pytest.mark.parametrize(("lang", "entry", "at", "expected"), [
    ("C.UTF-8", QUOTE_MISSING, 'fi = "Uusi ryhmä',
     'a quotation mark is missing: write the name between two quotation marks, for example '
     'fi = "Uusi ryhmä"'),
    ("fi_FI.UTF-8", QUOTE_MISSING, 'fi = "Uusi ryhmä',
     'lainausmerkki puuttuu: kirjoita nimi kahden lainausmerkin väliin, esimerkiksi '
     'fi = "Uusi ryhmä"'),
    ("C.UTF-8", NAME_MISSING, "[bodies.uusi]",
     '[bodies.uusi] has no name in \'sv\': add a line sv = "..." under it'),
    ("sv_FI.UTF-8", NAME_MISSING, "[bodies.uusi]",
     '[bodies.uusi] saknar namn på språket \'sv\': lägg till raden sv = "..." under den'),
])
def test_a_broken_registry_stops_the_build_with_one_line_naming_its_line(
        build_from, caplog, monkeypatch, lang, entry, at, expected):
    from test_meetings import BASE, REGISTRY

    monkeypatch.setenv("LANG", lang)
    caplog.set_level(logging.WARNING)
    registry = REGISTRY + entry
    line = registry.split("\n").index(at) + 1
    with pytest.raises(BuildFailed):
        build_from({**BASE, "data/registry.toml": registry,
                    "meetings/kokous.fi.md": MEETING_OF_A_NEW_BODY})
    assert messages(caplog, logging.ERROR) == [f"data/registry.toml:{line}: {expected}"]
    assert not any(record.exc_info for record in caplog.records)  # no traceback


@pytest.mark.parametrize(("files", "expected"), [
    # /haku/ is the search page
    ({"pages/haku.fi.md": "Title: Haku\n\nT.\n"},
     "pages/haku.fi.md:1: the address /haku/ is taken by a page the site makes itself (a listing, "
     "the search page or the like); rename the file or give it another Slug"),
    # /ajankohtaista/ lists the news
    ({"pages/ajankohtaista.fi.md": "Title: Ajankohtaista\n\nT.\n"},
     "pages/ajankohtaista.fi.md:1: the address /ajankohtaista/ is taken by a page the site makes "
     "itself (a listing, the search page or the like); rename the file or give it another Slug"),
    # a copy put aside in a subfolder has the item's address
    ({"news/x.fi.md": "Title: X\nDate: 2020-05-04\n\nT.\n",
      "news/vanhat/x.fi.md": "Title: X\nDate: 2020-05-04\n\nT.\n"},
     "news/vanhat/x.fi.md:1: the address /ajankohtaista/x/ is already used by news/x.fi.md; "
     "rename one of the files or give one of them another Slug"),
])
def test_an_item_at_a_taken_address_names_its_content_file(build_from, caplog, files, expected):
    caplog.set_level(logging.WARNING)
    with pytest.raises(BuildFailed):
        build_from({**PAGES, **files})
    assert messages(caplog, logging.ERROR) == [expected]


def test_a_taken_address_is_told_in_the_editors_language(build_from, caplog, monkeypatch):
    monkeypatch.setenv("LANG", "sv_FI.UTF-8")
    caplog.set_level(logging.WARNING)
    with pytest.raises(BuildFailed):
        build_from({**PAGES, "pages/haku.fi.md": "Title: Haku\n\nT.\n"})
    assert messages(caplog, logging.ERROR) == [
        "pages/haku.fi.md:1: adressen /haku/ har redan en sida som webbplatsen själv gör (en "
        "förteckning, söksidan eller liknande); byt namn på filen eller ge den en annan Slug"]


@pytest.mark.parametrize(("files", "expected"), [
    # The translation inherits the Date its pair cannot give: it is not missing there.
    ({"news/x.fi.md": "Title: X\nDate: 1.6.2020\n\nTeksti.\n", "news/x.sv.md": "Title: X sv\n\nText.\n"},
     "news/x.fi.md:2: Date: expected a date as YYYY-MM-DD or YYYY-MM-DD HH:MM, for example "
     "2020-06-01 12:00, found '1.6.2020' (write 2020-06-01)"),
    ({"news/x.fi.md": "Title: Tämä\nDate: 2020-05-04\n\nTeksti.\n".encode("cp1252"),
      "news/x.sv.md": "Title: X\n\nText.\n"},
     "news/x.fi.md:1: the file is not UTF-8 text; save it again as UTF-8 "
     "(Save as, encoding UTF-8: 'Encoding' in Notepad on Windows, "
     "'Plain Text Encoding' in TextEdit on a Mac)"),
    # The translation inherits Start and End: the file that wrote them has the problem.
    ({"events/e.fi.md": "Title: E\nStart: 2020-10-23 12:00\nEnd: 2020-10-23 09:00\n\nT.\n",
      "events/e.sv.md": "Title: E sv\n\nT sv.\n"},
     "events/e.fi.md:3: End 2020-10-23 09:00 is before Start 2020-10-23 12:00"),
    # An unknown name, even the one the site shows: one error, no traceback after it.
    ({"meetings/m.fi.md": "Title: K\nDate: 2020-06-01 12:00\nBody: Etelä-Pohjanmaan ohjausryhmä\n\n"
                          "## 1 § A\n\nPäätös: B.\n",
      "meetings/m.sv.md": "Title: M\n\n## 1 § A\n\nBeslut: B.\n"},
     "meetings/m.fi.md:3: Body: no body 'Etelä-Pohjanmaan ohjausryhmä'; did you mean ep-ohjausryhma?"),
    ({"projects/p.fi.md": "Title: P\nPhase: active\nRegion: Etelä-Pohjanmaa\n\nK.\n",
      "projects/p.sv.md": "Title: P sv\n\nK sv.\n"},
     "projects/p.fi.md:3: Region: no region 'Etelä-Pohjanmaa'; did you mean etela-pohjanmaa?"),
])
def test_a_problem_is_reported_once_at_the_file_that_has_it(build_from, caplog, files, expected):
    from test_meetings import BASE

    caplog.set_level(logging.WARNING)
    with pytest.raises(BuildFailed) as failure:
        build_from({**BASE, **files})
    assert [(r.getMessage(), bool(r.exc_info)) for r in caplog.records
            if r.levelno >= logging.WARNING] == [(expected, False)]
    assert str(failure.value).startswith("1 error: nothing was published")


def test_ordinary_text_that_looks_like_a_mistake_gets_no_message(build_from, caplog):
    """The checks for editors' slips leave alone what is written on purpose."""
    from test_meetings import BASE

    caplog.set_level(logging.WARNING)
    build_from({
        **BASE,
        # a Swedish word that is also a key, at the start of the text
        "projects/monni.sv.md": "Title: MONNI-projektet\nSlug: monni-projektet\n\n"
                                "Status: Projektet pågår i Södra Österbotten.\n",
        # HTML shown as code, and a heading made with an underline
        "news/koodi.fi.md": "Title: Koodi\nDate: 2020-05-04\n\nKirjoita `<img src=\"x.png\">` näin:\n\n"
                            "    <img src=\"y.png\">\n\nTausta\n------\n\n### Yksityiskohdat\n\nT.\n",
        # minutes: a heading before the first item, and inflected words
        "meetings/kokous.fi.md": "Title: Kokous\nDate: 2020-05-11 12:00\nBody: johtoryhma\n\n"
                                 "### Läsnä\n\nJäsenet.\n\n## 1 § Avaus\n\n"
                                 "Päätökset: kaksi.\n\nEsitykset: yksi.\n\nPäätös: Avattiin.\n",
        # a key of events in a news item: ignored with a warning, not a misspelt Status
        "news/alku.fi.md": "Title: Alku\nDate: 2020-05-04\nStart: 2020-06-01\n\nT.\n",
        # a project whose phase one file writes and whose end the other does
        "projects/vanha.fi.md": "Title: Vanha\nPhase: active\nStart: 2018-01\n\nK.\n",
        "projects/vanha.sv.md": "Title: Gammal\nSlug: gammal\nEnd: 2019-12\n\nK sv.\n",
    })
    own = [m for m in messages(caplog, logging.WARNING) + messages(caplog, logging.ERROR)
           if m.startswith(("projects/monni", "news/koodi", "meetings/kokous"))]
    assert own == []
    assert not [m for m in messages(caplog, logging.ERROR) if m.startswith("news/alku")]
    # told on the line of the fact the file itself writes
    assert ("projects/vanha.fi.md:2: End 2019-12 has passed but Phase is still 'active'; "
            "set 'Phase: ended' or correct End") in messages(caplog, logging.WARNING)
