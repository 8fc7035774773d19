"""The real content, built as `invoke build` builds it, read back as HTML."""

from pathlib import Path

from babel.messages.pofile import read_po

from conftest import BuiltSite
from site_build import build_site

ROOT = Path(__file__).resolve().parent.parent

def page_lang(url):
    return "sv" if url.startswith("/sv/") else "fi"


def alternates(soup):
    return {
        link["hreflang"]: link["href"]
        for link in soup.find_all("link", rel="alternate")
        if link.has_attr("hreflang")
    }


def switcher_links(soup):
    return soup.select(".language-switcher a")


def test_both_languages_are_built(real_site):
    pages = list(real_site.pages())
    assert "/" in pages and "/sv/" in pages
    assert "/ajankohtaista/" in pages and "/sv/aktuellt/" in pages
    assert len([p for p in pages if p.startswith("/ajankohtaista/")]) >= 4
    assert len([p for p in pages if p.startswith("/sv/aktuellt/")]) >= 4
    for about in ("/tietoa/", "/sv/om-oss/", "/yhteystiedot/", "/sv/kontakt/",
                  "/saavutettavuusseloste/", "/sv/tillganglighetsutlatande/"):
        assert about in pages


def test_every_page_has_lang_hreflang_and_a_working_switcher(real_site):
    for url in real_site.pages():
        soup = real_site.html(url)
        lang = page_lang(url)
        assert soup.html["lang"] == lang, url
        links = alternates(soup)
        # A note that a page exists in another language only (the page in
        # English) is no version of it: no alternates, kept out of search engines.
        stub = soup.select_one("meta[name=robots][content=noindex]") and not links
        if not stub:
            assert links.get(lang) == url, f"{url}: no hreflang to itself: {links}"
            assert "x-default" in links, url
            assert all(real_site.exists(href) for href in links.values()), (url, links)
        (switch,) = switcher_links(soup)
        other = "fi" if lang == "sv" else "sv"
        assert switch["lang"] == switch["hreflang"] == other, url
        target = switch["href"]
        assert real_site.exists(target), f"{url}: switcher leads to missing {target}"
        assert real_site.html(target).html["lang"] == other


def test_translations_link_to_each_other(real_site):
    pairs = 0
    for url in real_site.pages():
        if page_lang(url) != "fi":
            continue
        links = alternates(real_site.html(url))
        if "sv" not in links:
            continue
        pairs += 1
        sv_url = links["sv"]
        (switch,) = switcher_links(real_site.html(url))
        assert switch["href"] == sv_url
        back = real_site.html(sv_url)
        assert alternates(back)["fi"] == url
        assert switcher_links(back)[0]["href"] == url
        assert alternates(back)["x-default"] == url
    # 4 news, 3 pages, the home page, the news index and the 404 page
    assert pairs >= 10


def test_dates_are_in_the_language_of_the_page(real_site):
    fi = real_site.html("/ajankohtaista/2020-06-01-monni-hanke/")
    sv = real_site.html("/sv/aktuellt/monni-projektet/")
    assert fi.find("time").get_text() == "1. kesäkuuta 2020"
    assert sv.find("time").get_text() == "1 juni 2020"
    assert fi.find("time")["datetime"] == sv.find("time")["datetime"] == "2020-06-01T15:00:00+03:00"


def test_ui_strings_are_translated(real_site):
    fi = real_site.html("/")
    sv = real_site.html("/sv/")
    assert fi.select_one(".skip-link").get_text() == "Siirry sisältöön"
    assert sv.select_one(".skip-link").get_text() == "Hoppa till innehållet"
    assert [a.get_text() for a in fi.select(".main-nav a")] == ["Ajankohtaista", "Tapahtumat", "Hankkeet", "Kokoukset", "Tietoa meistä"]
    assert [a.get_text() for a in sv.select(".main-nav a")] == ["Aktuellt", "Evenemang", "Projekt", "Möten", "Om oss"]


def ui_strings(lang):
    """The theme's UI strings in ``lang`` that read differently in the other language."""
    catalogs = {}
    for code in ("fi", "sv"):
        with open(ROOT / "theme" / "translations" / code / "LC_MESSAGES" / "messages.po", "rb") as po:
            catalogs[code] = {m.id: m.string for m in read_po(po) if m.id and m.string}
    other = "sv" if lang == "fi" else "fi"
    return {text for msgid, text in catalogs[lang].items()
            if text != catalogs[other].get(msgid) and "{" not in text and "%(" not in text}


def test_no_ui_string_of_the_other_language_unless_marked(real_site):
    """WCAG 3.1.2: a page's UI speaks its language; text in the other one
    carries a lang attribute (as the language switcher does)."""
    strings = {lang: ui_strings("sv" if lang == "fi" else "fi") for lang in ("fi", "sv")}
    leaks = []
    for url in real_site.pages():
        soup = real_site.html(url)
        lang = page_lang(url)
        for element in soup.find_all(True):
            marked = element.find_parent(attrs={"lang": True}) if not element.has_attr("lang") else element
            if marked is not None and marked["lang"] != lang:
                continue
            texts = [element.get(attribute, "") for attribute in ("aria-label", "title", "alt", "placeholder")]
            texts += [t.strip() for t in element.find_all(string=True, recursive=False)]
            leaks += [(url, element.name, text) for text in texts if text and text in strings[lang]]
    assert leaks == []


def test_no_empty_facts_or_dangling_separators(real_site):
    for url in real_site.pages():
        for meta in real_site.html(url).select(".meta"):
            text = meta.get_text(" ", strip=True)
            assert text and not text.startswith(("·", ",", "–")) and not text.endswith(("·", ",", "–")), (url, text)


def test_real_meetings_render_in_both_languages(real_site):
    fi = real_site.html("/kokoukset/2020-06-01-etela-pohjanmaan-ohjausryhma/")
    sv = real_site.html("/sv/moten/2020-06-01-styrgruppen-for-sodra-osterbotten/")
    assert [s["id"] for s in fi.select("section.agenda-item")] == [f"pykala-{n}" for n in range(1, 13)]
    assert [s["id"] for s in sv.select("section.agenda-item")] == [f"paragraf-{n}" for n in range(1, 13)]
    monni = fi.select_one("#pykala-5")
    assert "313 106" in monni.get_text()
    assert monni.select_one("a[href='/hankkeet/monni/']") is not None
    old = real_site.html("/kokoukset/2016-keski-pohjanmaan-ohjausryhma/")
    assert [s["id"] for s in old.select("section.agenda-item")] == [f"pykala-{n}" for n in range(1, 12)]
    assert "18. marraskuuta 2016 ja 9. joulukuuta 2016 välillä" in old.select_one(".facts").get_text()
    register = real_site.html("/sv/moten/beslut/2016/").select_one("main .meta").get_text(" ", strip=True)
    assert register.startswith("Regionala styrgruppen för Mellersta Österbotten – Datumet framgår inte")
    # a title that names the body is not prefixed with the body's name again
    description = sv.find("meta", attrs={"name": "description"})["content"]
    assert description.startswith("Regionala styrgruppen för Södra Österbotten 1.6.2020. Styrgruppen")


def test_real_projects_have_backlinks_from_real_meetings(real_site):
    names = ["monni", "toimeksi", "neet-vip", "digitaalinen-sosiaalityo", "pro-sos", "kp-lape",
             "kansa-koulu", "sosiaaliasiamiestoiminta", "pohjoismainen-erityistehtava"]
    for name in names:
        page = real_site.html(f"/hankkeet/{name}/")
        links = [a["href"] for a in page.select("section[aria-labelledby=backlinks-heading] a")]
        assert any(link.startswith("/kokoukset/") for link in links), name
        switch = page.select_one(".language-switcher a")["href"]
        assert switch.startswith("/sv/projekt/") and real_site.exists(switch), name


def real_content_at(output, epoch, monkeypatch):
    """The real content built at the clock ``epoch`` (in this process; its
    search index is not read here)."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(epoch))
    return BuiltSite(build_site(ROOT / "pelicanconf.py", output, overrides={"SEARCH_INDEX": False}))


def test_real_events_upcoming_on_1_june_2020(tmp_path, monkeypatch):
    june_1 = 1590958800  # 2020-06-01 00:00 Europe/Helsinki
    site = real_content_at(tmp_path / "june", june_1, monkeypatch)
    index = site.html("/tapahtumat/")
    upcoming = index.select("section[aria-labelledby=upcoming-heading] time")
    starts = [t["datetime"][:10] for t in upcoming]
    assert len(starts) == 11 and starts == sorted(starts)
    assert starts[0] == "2020-06-02" and starts[-1] == "2020-12-14"
    past = index.select("section[aria-labelledby=past-heading] time")
    assert [t["datetime"][:10] for t in past] == ["2016-12-16"]


def test_one_h1_and_no_skipped_heading_levels(real_site):
    for url in real_site.pages():
        soup = real_site.html(url)
        levels = [int(h.name[1]) for h in soup.find_all(["h1", "h2", "h3", "h4", "h5", "h6"])]
        assert levels.count(1) == 1 and levels[0] == 1, (url, levels)
        assert all(b - a <= 1 for a, b in zip(levels, levels[1:])), (url, levels)
        assert soup.find("main") and soup.find("nav") and soup.find("header") and soup.find("footer"), url


def test_privacy_notice_and_english_page_are_in_every_footer(real_site):
    notices = {"fi": "/tietosuojaseloste/", "sv": "/sv/dataskyddsbeskrivning/"}
    for url in real_site.pages():
        footer = {a["href"]: a for a in real_site.html(url).select(".footer-links a")}
        assert notices[page_lang(url)] in footer, url
        english = footer["/in-english/"]
        assert english["lang"] == english["hreflang"] == "en", url
    for lang, url in notices.items():
        text = real_site.html(url).main.get_text(" ", strip=True)
        for fact in {"fi": ("IP-osoitteesi", "14 vuorokauden", "evästeitä", "info@sonetbotnia.fi",
                            "tietosuojavaltuutetun"),
                     "sv": ("IP-adress", "14 dygn", "kakor", "info@sonetbotnia.fi",
                            "dataombudsmannens")}[lang]:
            assert fact in text, (url, fact)
    english = real_site.html("/in-english/")
    assert english.select_one("main article")["lang"] == "en"
    assert english.h1.get_text() == "SONet BOTNIA in English"
    # the Swedish reader who switches language is told the page is in English
    stub = real_site.html("/sv/in-english/")
    assert "Sidan är på engelska." in stub.main.get_text(" ")
    assert stub.select_one("main a[hreflang=en]")["href"] == "/in-english/"


def test_real_front_page_on_1_june_2020(tmp_path, monkeypatch):
    """The clock of the issue: no news is out yet, but events and projects are."""
    site = real_content_at(tmp_path / "output", 1590991200, monkeypatch)  # 1.6.2020 09:00
    for url in ("/", "/sv/"):
        home = site.html(url)
        events = home.find("section", attrs={"aria-labelledby": "front-events"})
        assert len(events.select(".item-title")) == 4, url
        projects = home.find("section", attrs={"aria-labelledby": "front-projects"})
        assert projects.select(".item-title a"), url
        decisions = home.find("section", attrs={"aria-labelledby": "front-decisions"})
        assert decisions.select(".decision-list li"), url
