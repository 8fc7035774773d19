"""The bad-input suite: every file in tests/bad_input/ is one case, laid out
as content/<section>/<name> by its file name (<section>--<name>); each case's
outcome is asserted: a clean error with path and line, a warning, or
accepted and rendered safely."""

import logging
from collections import defaultdict
from pathlib import Path

import pytest

from site_build import BuildFailed
from test_meetings import BASE as MEETINGS_BASE

CASES_DIR = Path(__file__).parent / "bad_input"
BASE = {
    **MEETINGS_BASE,
    "projects/toimeksi.fi.md": "Title: TOIMEKSI\nAcronym: TOIMEKSI\nPhase: applied\n\nK.\n",
}
IMAGE = b"\x89PNG\r\n\x1a\n"


def load_cases():
    cases = defaultdict(dict)
    for path in sorted(CASES_DIR.iterdir()):
        section, file_name = path.name.split("--", 1)
        cases[f"{section}--{file_name.split('.')[0]}"][f"{section}/{file_name}"] = path.read_bytes()
    return cases


CASES = load_cases()
ERRORS = {
    "news--tyhja": "news/tyhja.fi.md:1: the file is empty; it needs at least a 'Title: ...' line",
    "news--ei-otsaketta": "news/ei-otsaketta.fi.md:1: the file must start with its header, 'Key: value' "
        "lines such as 'Title: ...', then a blank line; found 'Tämä on pelkkää tekstiä ilman otsaketta.'",
    "news--ei-otsikkoa": "news/ei-otsikkoa.fi.md:1: Title is missing: add a line 'Title: ...' to the header",
    "news--latin1": "news/latin1.fi.md:1: the file is not UTF-8 text; save it again as UTF-8 "
        "(Save as, encoding UTF-8: 'Encoding' in Notepad on Windows, "
        "'Plain Text Encoding' in TextEdit on a Mac)",
    "news--kahdesti": "news/kahdesti.fi.md:3: 'Date' is set twice (also on line 2); keep one",
    # Raw HTML is held to the rules of Markdown: alt text, and a file to link to.
    "news--html-kuva-ilman-alt": "news/html-kuva-ilman-alt.fi.md:6: the image {static}/images/logo.png "
        "has no alt text: describe it in alt=\"...\", for example <img src=\"{static}/images/kaavio.png\" "
        "alt=\"Kaavio hankkeen rahoituksesta\">",
    "news--html-puuttuva-liite": "news/html-puuttuva-liite.fi.md:4: the link {static}/attachments/puuttuu.pdf "
        "leads nowhere: there is no such file",
    # Each of these would publish a draft, with 'Status: draft' in its title or text.
    "news--sisennetty-tila": "news/sisennetty-tila.fi.md:2: 'Status:' is indented, so it continues "
        "the line above; remove the spaces or tab before it",
    "news--tyhja-rivi-otsakkeessa": "news/tyhja-rivi-otsakkeessa.fi.md:4: 'Status:' is in the text, "
        "after a blank line; remove the blank line above it, so that it is part of the header",
    "news--tila-kirjoitusvirhe": "news/tila-kirjoitusvirhe.fi.md:3: unknown key 'Stauts': did you "
        "mean Status? Correct the key; as it is, the item would be published",
    "news--mahdoton-paiva": "news/mahdoton-paiva.fi.md:2: Date: expected a date as YYYY-MM-DD or "
        "YYYY-MM-DD HH:MM, for example 2020-06-01 12:00, found '2020-02-30' (that day or time does not exist)",
    "news--suomalainen-paiva": "news/suomalainen-paiva.fi.md:2: Date: expected a date as YYYY-MM-DD or "
        "YYYY-MM-DD HH:MM, for example 2020-06-01 12:00, found '1.6.2020 klo 12.00' (write 2020-06-01 12:00)",
    "news--kieli": "news/kieli.en.md:1: unknown language suffix '.en': expected one of .fi.md, .sv.md",
    "news--Iso Kirjain": "news/Iso Kirjain.fi.md:1: the file name must be <name>.fi.md or <name>.sv.md, "
        "in lower case letters a-z, digits and hyphens (for example 2020-06-01-monni-hanke.fi.md)",
    "news--eri-hankkeet": "news/eri-hankkeet.sv.md:2: Projects 'toimeksi' disagrees with "
        "news/eri-hankkeet.fi.md line 3 ('monni'): a translation shares its facts; make them equal, "
        "or write the key in one file only",
    "projects--loppu-ennen-alkua": "projects/loppu-ennen-alkua.fi.md:4: End 2020-12 is before Start 2021-01",
    "events--loppu-ennen-alkua": "events/loppu-ennen-alkua.fi.md:3: End 2020-10-23 09:00 is before "
        "Start 2020-10-23 12:00",
    "meetings--tuntematon-toimielin": "meetings/tuntematon-toimielin.fi.md:3: Body: no body 'hallitus'; "
        "known: ep-ohjausryhma, johtoryhma",
    "projects--tuntematon-vaihe": "projects/tuntematon-vaihe.fi.md:2: Phase: expected one of: planned, "
        "applied, active, ended, found 'kaynnissa'",
    "meetings--sama-pykala": "meetings/sama-pykala.fi.md:9: item 3 § appears twice (also on line 5); "
        "each item needs its own number",
    "meetings--paatos-ulkona": "meetings/paatos-ulkona.fi.md:5: 'Päätös:' is outside any agenda item; "
        "put it under the item's '## N § Title' heading",
    "news--puuttuva-sivu": "news/puuttuva-sivu.fi.md:4: the link {filename}../pages/ei-ole.fi.md leads "
        "nowhere: there is no such file",
    "news--puuttuva-kuva": "news/puuttuva-kuva.fi.md:4: the link {static}/images/ei-ole.png leads nowhere: "
        "there is no such file",
    "news--liite-attach": "news/liite-attach.fi.md:4: {attach} links are not supported: write {static} "
        "instead, for example [Pöytäkirja (PDF)]({static}/attachments/poytakirja.pdf)",
    "news--kuva-ilman-alt": "news/kuva-ilman-alt.fi.md:4: the image {static}/images/logo.png has no alt "
        "text: describe it between the brackets, for example ![Kaavio hankkeen rahoituksesta](kuva.png)",
    "events--ilmoittautuminen": "events/ilmoittautuminen.fi.md:3: Registration: expected a web address "
        "starting with https://, found 'www.example.fi'",
    "events--myohainen-maarapaiva": "events/myohainen-maarapaiva.fi.md:3: Registration-deadline is after "
        "the event starts; registration must close before Start",
    "uutiset--vaara-kansio": "uutiset/vaara-kansio.fi.md:1: content/uutiset is not a content folder; "
        "put the file in one of: events, meetings, news, pages, projects",
    # Untrusted text (test_untrusted_text has more): what a parser refuses,
    # what would hold the build for minutes, what would vanish silently.
    "news--pystysarkain": "news/pystysarkain.fi.md:1:15: invisible control character U+000B "
        "(vertical tab), often left by a text copied from Word or an e-mail: delete it (retype the "
        "words around it if you cannot see it)",
    "news--pitka-rivi": "news/pitka-rivi.fi.md:4: the line is 10500 characters long, more than "
        "10000: break it into shorter lines, or into paragraphs with a blank line between them",
    "news--hakasulkeet": "news/hakasulkeet.fi.md:4: '[' without a closing ']' nearby, here and many "
        "times after: the text would take too long to publish; remove the repeated '[' characters, "
        "or close each with ']'",
    "news--tyyli-auki": "news/tyyli-auki.fi.md:6: <style> is not closed with </style>: the rest of "
        "the text would vanish from the page; remove <style> and what belongs to it (such as styles "
        "pasted from an e-mail)",
    "pages--slug": "pages/slug.fi.md:2: Slug: expected lower-case letters a-z, digits and single hyphens "
        "(for example om-oss), found 'Meistä Kaikille'",
}
# Published, with what was removed named in a warning.
SANITISED = {
    "news--script": ("/ajankohtaista/script/", ["news/script.fi.md:6: removed <script> from the published "
                     "page: only the HTML the editor guide lists is allowed"]),
    "news--onclick": ("/ajankohtaista/onclick/", ["news/onclick.fi.md:4: removed onclick= from the "
                      "published page: only the HTML the editor guide lists is allowed"]),
    "news--iframe": ("/ajankohtaista/iframe/", ["news/iframe.fi.md:6: removed <iframe> from the published "
                     "page: only the HTML the editor guide lists is allowed"]),
    "news--javascript-linkki": ("/ajankohtaista/javascript-linkki/", [
        "news/javascript-linkki.fi.md:4: removed javascript: from the published page: only the HTML the "
        "editor guide lists is allowed"]),
    "news--word-tyyli": ("/ajankohtaista/word-tyyli/", [
        "news/word-tyyli.fi.md:4: removed style= from the published page: only the HTML the editor guide "
        "lists is allowed",
        "news/word-tyyli.fi.md:4: removed class= from the published page: only the HTML the editor guide "
        "lists is allowed"]),
}
# Accepted and read as if written plainly: (page, title, warnings).
ACCEPTED = {
    "news--bom": ("/ajankohtaista/bom/", "BOM alussa", []),
    "news--crlf": ("/ajankohtaista/crlf/", "Windowsin rivinvaihdot", []),
    "news--sarkaimet": ("/ajankohtaista/sarkaimet/", "Sarkaimet otsakkeessa", []),
    # shown as a subheading: the page keeps one main heading, its Title
    "news--paaotsikko": ("/ajankohtaista/paaotsikko/", "Pääotsikko tekstissä", [
        "news/paaotsikko.fi.md:6: '# Väliotsikko' is a main heading, but the page has one already, "
        "from its Title: it is shown as a subheading; write '## Väliotsikko' (in minutes, "
        "'### Väliotsikko')"]),
    "news--otsikkotaso": ("/ajankohtaista/otsikkotaso/", "Otsikkotaso hyppää", [
        "news/otsikkotaso.fi.md:10: the heading '#### Yksityiskohdat' skips a level after the one "
        "above it: write '### Yksityiskohdat'"]),
    "news--tuntematon-avain": ("/ajankohtaista/tuntematon-avain/", "Tuntematon avain", [
        "news/tuntematon-avain.fi.md:3: unknown key 'Sumary' is ignored; did you mean Summary?"]),
}


# Markup in header values and agenda headings is text: shown, never run.
ESCAPED = {
    "news--html-otsikossa": ("/ajankohtaista/html-otsikossa/",
                             "<img src=x onerror=alert(1)> R&D <b>lihavoitu</b>"),
    "meetings--html-pykalassa": ("/kokoukset/html-pykalassa/", "1 § <script>alert(1)</script> Avaus"),
}


def test_every_case_has_an_asserted_outcome():
    assert set(CASES) == set(ERRORS) | set(SANITISED) | set(ACCEPTED) | set(ESCAPED)
    assert len(CASES) + 1 >= 25  # and the generated 5 MB file below


def build_case(build_from, name):
    files = {**BASE, "images/logo.png": IMAGE, **CASES[name]}
    return build_from(files)


def messages(caplog, level):
    return [r.getMessage() for r in caplog.records if r.levelno == level]


@pytest.mark.parametrize("name", sorted(ERRORS))
def test_error_case_stops_the_build_naming_file_and_line(build_from, caplog, name):
    caplog.set_level(logging.WARNING)
    with pytest.raises(BuildFailed):
        build_case(build_from, name)
    assert ERRORS[name] in messages(caplog, logging.ERROR)


def test_an_error_is_told_and_counted_once(build_from, caplog):
    caplog.set_level(logging.WARNING)
    with pytest.raises(BuildFailed) as failure:
        build_case(build_from, "news--kahdesti")
    assert messages(caplog, logging.ERROR) == [ERRORS["news--kahdesti"]]
    assert str(failure.value).startswith("1 error:")


@pytest.mark.parametrize("name", sorted(SANITISED))
def test_unsafe_html_is_removed_with_a_warning(build_from, caplog, name):
    caplog.set_level(logging.WARNING)
    site = build_case(build_from, name)
    url, expected = SANITISED[name]
    assert [m for m in messages(caplog, logging.WARNING) if "removed" in m] == expected
    article = site.html(url).select_one(".prose")
    html = str(article)
    for forbidden in ("<script", "onclick", "<iframe", "javascript:", "style=", "MsoNormal"):
        assert forbidden not in html, (name, forbidden)
    assert article.get_text(strip=True)  # the text itself is kept


@pytest.mark.parametrize("name", sorted(ACCEPTED))
def test_accepted_case_renders_as_written(build_from, caplog, name):
    caplog.set_level(logging.WARNING)
    site = build_case(build_from, name)
    url, title, warnings = ACCEPTED[name]
    page = site.html(url)
    assert page.h1.get_text() == title and len(page.find_all("h1")) == 1
    assert page.find("time")["datetime"] == "2020-06-01T00:00:00+03:00"
    own = [m for m in messages(caplog, logging.WARNING) if m.startswith("news/")]
    assert own == warnings


def test_a_5_mb_file_is_refused(build_from, caplog):
    caplog.set_level(logging.WARNING)
    huge = "Title: Valtava\nDate: 2020-06-01\n\n" + ("Pitkä rivi tekstiä. " * 50 + "\n") * 5000
    size = len(huge.encode()) / 1_000_000
    assert size > 5
    with pytest.raises(BuildFailed):
        build_from({**BASE, "news/valtava.fi.md": huge})
    assert (f"news/valtava.fi.md:1: the file is {size:.1f} MB, more than content files may be (1 MB); put "
            "images and documents in content/images or content/attachments and link to them"
            ) in messages(caplog, logging.ERROR)


@pytest.mark.parametrize("name", sorted(ESCAPED))
def test_markup_in_header_values_is_shown_as_text(build_from, name):
    site = build_case(build_from, name)
    url, heading = ESCAPED[name]
    page = site.html(url)
    shown = page.select_one("section.agenda-item h2") or page.h1
    assert shown.get_text(" ", strip=True) == heading
    for element in page.find_all(True):
        assert not any(attribute.startswith("on") for attribute in element.attrs), element
    assert [s.get("type") for s in page.find_all("script")] in ([], ["application/ld+json"])
    assert page.find("img") is None
    for feed in site.path.rglob("rss.xml"):
        assert "<script>alert" not in feed.read_text(encoding="utf-8")
