"""`invoke import-minutes`: minutes as they are received (text pasted from
a PDF, a Word document, a municipal template) become a meeting file that
`check` passes, or that names what is left to finish."""

import re
import subprocess
import sys
from pathlib import Path

import docx
import pytest

from conftest import ROOT, write_files
from test_meetings import BASE, REGISTRY

SEEDS = ROOT.parent / "shared" / "seeds"
needs_seeds = pytest.mark.skipif(
    not SEEDS.is_dir(), reason=f"the source documents are not beside the project ({SEEDS})")
REAL_REGISTRY = (ROOT / "content" / "data" / "registry.toml").read_text(encoding="utf-8")

# The items of the seed minutes, as their text names them.
JUNE_2020 = [
    "1 § Kokouksen avaus, läsnäolijat", "2 § Esityslistan hyväksyminen",
    "3 § Pöytäkirjan tarkistaminen", "4 § SONet BOTNIAn ajankohtaista: alueellinen kehittäminen",
    "5 § STM:n valtionavustushaku: Lastensuojelun monialainen kehittämishanke - MONNI-hanke",
    "6 § Muut hankehaut",
    "7 § Sosiaalialan osaamiskeskukset: Pohjoismainen erityistehtävä (liite 3)",
    "8 § Sosiaaliasiamiestoiminnan työsuunnitelma",
    "9 § SONet BOTNIA:n muut mahdolliset ajankohtaiset asiat: SONet BOTNIAn uusi johtoryhmä",
    "10 § Muut asiat ja tiedotettavaa", "11 § Seuraavat kokousajankohdat", "12 § Kokouksen päättäminen"]
AUTUMN_2016 = [
    "1 § Kokouksen avaus ja läsnäolijoiden toteaminen", "2 § Esityslistan hyväksyminen",
    "3 § Edellisen kokouksen pöytäkirjan toteaminen", "4 § Toimintasuunnitelma vuosille 2017 - 2018",
    "5 § PRO SOS Uutta sosiaalityötä uusissa rakenteissa –hankkeen tilannekatsaus",
    "6 § LAPE – kärkihankkeen tilannekatsaus", "7 § Kansa –koulu -hankkeen ajankohtaiskatsaus",
    "8 § Ajankohtaista", "9 § Tiedoksi", "10 § Ohjausryhmän seuraavat kokoukset",
    "11 § Kokouksen päättäminen"]
MUNICIPAL = [
    "Sosiaali- ja terveyslautakunta", "PÖYTÄKIRJA 3/2024", "",
    "Aika: 14.3.2024 klo 13.00", "Paikka: Kaupungintalo, kokoushuone 2",
    "Puheenjohtaja: Maija Meikäläinen", "",
    "§ 14 Talousarvion toteutuminen", "Talousarvio on toteutunut seuraavasti:",
    "TABLE", "Päätösehdotus: Merkitään tiedoksi.", "Päätös: Merkittiin tiedoksi.", "",
    "§ 15 Vammaispalvelujen kehittäminen", "Kehittämisen painopisteet:", "BULLETS",
    "Päätösehdotus: Hyväksytään painopisteet.", "PÄÄTÖS: Hyväksyttiin.", "",
    "§ 16 Muut asiat", "Ehdotus: Ei muita asioita."]


def invoke(*arguments, stdin=""):
    return subprocess.run([sys.executable, "-m", "invoke", *arguments], cwd=ROOT, input=stdin,
                          capture_output=True, text=True)


def as_docx(lines, path):
    """A Word document as minutes arrive: a paragraph a line, with a table
    and a bulleted list where the lines say so."""
    document = docx.Document()
    for line in lines:
        if line == "TABLE":
            table = document.add_table(rows=3, cols=2)
            for row, cells in enumerate([("Kohde", "Euroa"), ("Palkat", "120 000"), ("Vuokrat", "8 000")]):
                for column, text in enumerate(cells):
                    table.cell(row, column).text = text
        elif line == "BULLETS":
            for text in ("asiakasosallisuus", "henkilökohtainen apu"):
                document.add_paragraph(text, style="List Bullet")
        else:
            document.add_paragraph(line)
    document.save(path)
    return path


def content_folder(tmp_path, registry=REAL_REGISTRY):
    """The content folder build_from builds: the pages the navigation needs."""
    content = tmp_path / "content"
    write_files(content, {**BASE, "data/registry.toml": registry})
    return content


def items_of(site, url):
    return [s.h2.get_text(" ", strip=True) for s in site.html(url).select("section.agenda-item")]


def seed_file(tmp_path, name, kind):
    """The seed as text, or as a Word document converted from the PDF: a
    paragraph for each run of lines, its line breaks kept."""
    if kind == "txt":
        return SEEDS / name
    text = (SEEDS / name).read_text(encoding="utf-8")
    paragraphs = [part.strip("\n") for part in re.split(r"\n[ \t]*\n", text) if part.strip()]
    return as_docx(paragraphs, tmp_path / f"{Path(name).stem}.docx")


def import_seed(tmp_path, name, kind, *options):
    """The content folder the seed ``name`` was imported into, and what the import said."""
    content = content_folder(tmp_path)
    imported = invoke("import-minutes", str(seed_file(tmp_path, name, kind)), *options,
                      "--content", str(content))
    assert imported.returncode == 0, imported.stdout + imported.stderr
    return content, imported.stdout


@needs_seeds
@pytest.mark.parametrize("kind", ["txt", "docx"])
def test_the_june_2020_minutes_import_with_their_twelve_items(tmp_path, build_from, kind):
    content, said = import_seed(tmp_path, "001_177c50a4e1d09218.txt", kind, "--body",
                                "etela-pohjanmaan-ohjausryhma", "--date", "2020-06-01 12:00")
    assert "Agenda items found: 12" in said
    fi = (content / "meetings" / "2020-06-01-etela-pohjanmaan-ohjausryhma.fi.md").read_text(encoding="utf-8")
    assert fi.startswith("Title: Etelä-Pohjanmaan alueellinen ohjausryhmä 1.6.2020\n"
                         "Date: 2020-06-01 12:00\nBody: etela-pohjanmaan-ohjausryhma\n\n")
    checked = invoke("check", "--content", str(content))
    assert checked.returncode == 0, checked.stdout
    # The translation is a draft, named as what is left to finish.
    assert re.search(r"2020-06-01-etela-pohjanmaan-ohjausryhma\.sv\.md:\d+: a draft still in the words "
                     r"of meetings/2020-06-01-etela-pohjanmaan-ohjausryhma\.fi\.md", checked.stdout)
    site = build_from({})
    assert items_of(site, "/kokoukset/2020-06-01-etela-pohjanmaan-ohjausryhma/") == JUNE_2020
    register = site.html("/kokoukset/paatokset/")
    decisions = {e.a.get_text(" ", strip=True): e.select_one(".decision").get_text(" ", strip=True)
                 for e in register.select(".register-entry")}
    assert decisions["2 § Esityslistan hyväksyminen"] == "Hyväksyttiin esityslista."
    assert decisions["3 § Pöytäkirjan tarkistaminen"].endswith("katsottiin se hyväksytyksi.")
    assert "1 § Kokouksen avaus, läsnäolijat" not in decisions  # it has none


@needs_seeds
@pytest.mark.parametrize("kind", ["txt", "docx"])
def test_minutes_without_their_date_ask_for_it(tmp_path, build_from, kind):
    content, said = import_seed(tmp_path, "003_ea42487161fe787a.txt", kind,
                                "--body", "keski-pohjanmaan-ohjausryhma")
    assert "Agenda items found: 11" in said
    name = "meetings/keski-pohjanmaan-ohjausryhma-poytakirja.fi.md"
    checked = invoke("check", "--content", str(content))
    assert checked.returncode == 1
    errors = [line.strip() for line in checked.stdout.splitlines() if line.startswith("  meetings/")
              and "draft" not in line]
    assert errors == [f"{name}:4: Date: not filled in: write the day, for example 2020-06-01 12:00; for "
                      "minutes that do not tell it, write 'Date-range: YYYY-MM-DD – YYYY-MM-DD' instead of Date"]
    # What the editor knows: between which days the meeting was held.
    path = content / name
    path.write_text(path.read_text(encoding="utf-8").replace(
        "Date: YYYY-MM-DD HH:MM", "Date-range: 2016-11-18 – 2016-12-09"), encoding="utf-8")
    assert invoke("check", "--content", str(content)).returncode == 0
    site = build_from({})
    assert items_of(site, "/kokoukset/keski-pohjanmaan-ohjausryhma-poytakirja/") == AUTUMN_2016


@pytest.mark.parametrize("kind", ["txt", "docx"])
def test_municipal_minutes_numbered_from_14_with_their_header_and_table(tmp_path, build_from, kind):
    content = content_folder(tmp_path, REGISTRY)
    if kind == "docx":
        source = as_docx(MUNICIPAL, tmp_path / "poytakirja.docx")
    else:
        text = "\n".join(MUNICIPAL).replace("TABLE", "| Kohde | Euroa |\n|---|---|\n| Palkat | 120 000 |\n"
                                             "| Vuokrat | 8 000 |").replace(
            "BULLETS", "• asiakasosallisuus\n• henkilökohtainen apu")
        source = tmp_path / "poytakirja.txt"
        source.write_text(text, encoding="utf-8")
    imported = invoke("import-minutes", str(source), "--body", "johtoryhma", "--content", str(content))
    assert imported.returncode == 0, imported.stdout + imported.stderr
    fi = (content / "meetings" / "2024-03-14-johtoryhma.fi.md").read_text(encoding="utf-8")
    assert fi.startswith("Title: Johtoryhmä 14.3.2024\nDate: 2024-03-14 13:00\nBody: johtoryhma\n"
                         "Location: Kaupungintalo, kokoushuone 2\nChair: Maija Meikäläinen\n\n")
    assert invoke("check", "--content", str(content)).returncode == 0
    site = build_from({}, epoch=1735689600)
    page = site.html("/kokoukset/2024-03-14-johtoryhma/")
    items = page.select("section.agenda-item")
    assert [s.h2.get_text(" ", strip=True) for s in items] == [
        "14 § Talousarvion toteutuminen", "15 § Vammaispalvelujen kehittäminen", "16 § Muut asiat"]
    assert [td.get_text() for td in items[0].select("table td")] == ["Palkat", "120 000", "Vuokrat", "8 000"]
    assert items[0].select_one(".proposal p").get_text() == "Merkitään tiedoksi."
    assert items[0].select_one(".decision p").get_text() == "Merkittiin tiedoksi."
    assert [li.get_text() for li in items[1].select("li")] == ["asiakasosallisuus", "henkilökohtainen apu"]
    assert items[1].select_one(".decision p").get_text() == "Hyväksyttiin."
    assert items[2].select_one(".proposal p").get_text() == "Ei muita asioita."
    assert "PÖYTÄKIRJA 3/2024" in page.select_one(".prose").get_text()


def test_the_body_is_guessed_from_the_text_and_confirmed(tmp_path):
    content = content_folder(tmp_path)
    source = tmp_path / "m.txt"
    source.write_text("Keski-Pohjanmaan alueellinen ohjausryhmä\n\n1 § Avaus\n\nPäätös: Avattiin.\n",
                      encoding="utf-8")
    refused = invoke("import-minutes", str(source), "--content", str(content), stdin="e\n")
    assert refused.returncode == 1 and not (content / "meetings").exists()
    assert "Body: keski-pohjanmaan-ohjausryhma (Keski-Pohjanmaan alueellinen ohjausryhmä)? [y/n]" in refused.stdout
    assert "Give the body with --body, one of: etela-pohjanmaan-ohjausryhma, johtoryhma," in refused.stderr
    confirmed = invoke("import-minutes", str(source), "--content", str(content), stdin="y\n")
    assert confirmed.returncode == 0, confirmed.stderr
    assert "Body: keski-pohjanmaan-ohjausryhma\n" in (
        content / "meetings" / "keski-pohjanmaan-ohjausryhma-poytakirja.fi.md").read_text(encoding="utf-8")
