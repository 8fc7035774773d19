"""`invoke new` and `invoke check` as editors run them."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import pelicanconf
from conftest import write_files
from content_model.content_type import content_types
from test_meetings import BASE

ROOT = Path(__file__).resolve().parent.parent


def invoke(*arguments, **environ):
    return subprocess.run([sys.executable, "-m", "invoke", *arguments], cwd=ROOT,
                          capture_output=True, text=True, env={**os.environ, **environ})


DEFAULT_LEFT = [("fi", "Kirjoita teksti tähän."), ("sv", "Skriv texten här.")]
UNFINISHED = {"news": DEFAULT_LEFT, "event": DEFAULT_LEFT, "project": DEFAULT_LEFT, "page": DEFAULT_LEFT,
              "meeting": [("fi", "Kokouksen johdanto tähän."), ("fi", "## 1 § Pykälän otsikko tähän"),
                          ("fi", "Selostus tähän."), ("fi", "Esitys: Esitys tähän."),
                          ("fi", "Päätös: Päätös tähän."), ("sv", "Inledningen här."),
                          ("sv", "## 1 § Paragrafens rubrik här"), ("sv", "Redogörelsen här."),
                          ("sv", "Förslag: Förslaget här."), ("sv", "Beslut: Beslutet här.")]}
DEFAULT_TEXT = ("Oma teksti.\n", "Egen text.\n")
FINISHED = {"news": DEFAULT_TEXT, "event": DEFAULT_TEXT, "project": DEFAULT_TEXT, "page": DEFAULT_TEXT,
            "meeting": ("## 1 § Avaus\n\nPäätös: Avattiin.\n", "## 1 § Öppnande\n\nBeslut: Öppnades.\n")}


def finish(path, title, text):
    """The file as the editor finishes it: its title and its own text."""
    header = Path(path).read_text(encoding="utf-8").split("\n\n", 1)[0]
    header = re.sub(r"^Title: .*$", f"Title: {title}", header, flags=re.M)
    Path(path).write_text(f"{header}\n\n{text}", encoding="utf-8")
    return Path(path).read_text(encoding="utf-8")


@pytest.mark.parametrize(("kind", "options", "url"), [
    ("news", ["--date", "2020-05-04"], "/ajankohtaista/2020-05-04-aa-oo-uutinen/"),
    ("event", ["--start", "2020-09-03 09:00", "--date", "2020-05-04"], "/tapahtumat/2020-09-03-aa-oo-uutinen/"),
    ("project", ["--acronym", "ÄÖ-Å"], "/hankkeet/ao-a/"),
    ("meeting", ["--date", "2020-05-11 12:00", "--body", "johtoryhma"], "/kokoukset/2020-05-11-johtoryhma/"),
    ("page", [], "/aa-oo-uutinen/"),
])
def test_new_creates_files_that_check_passes_and_build_renders(tmp_path, build_from, kind, options, url):
    content = tmp_path / "content"
    write_files(content, BASE)
    created = invoke("new", kind, "Ää Öö uutinen", *options, "--content", str(content))
    assert created.returncode == 0, created.stderr
    paths = re.findall(r"Created: (\S+)", created.stdout)
    assert [Path(p).name.split(".", 1)[1] for p in paths] == ["fi.md", "sv.md"]
    fi_text = Path(paths[0]).read_text(encoding="utf-8")
    declared = {kind.noun: kind for kind in content_types(vars(pelicanconf)).values()}
    for key in declared[kind].keys:  # every key present, set or explained
        assert re.search(rf"^(# )?{key.name}:", fi_text, re.M), key.name
    checked = invoke("check", "--content", str(content))
    # Nothing unfinished passes: every line left to replace is named, and
    # the Swedish title that is still the Finnish one.
    assert checked.returncode == 1, checked.stdout
    left = re.findall(r"\.(fi|sv)\.md:\d+: '([^']+)' is the example text of invoke new", checked.stdout)
    assert sorted(left) == sorted(UNFINISHED[kind])
    assert re.search(r"\.sv\.md:\d+: the Title is the same as in \S+\.fi\.md: translate it", checked.stdout)
    fi_text = finish(paths[0], "Ää Öö uutinen", FINISHED[kind][0])
    finish(paths[1], "Åå svensk rubrik", FINISHED[kind][1])
    checked = invoke("check", "--content", str(content))
    assert checked.returncode == 0, checked.stdout
    assert "0 errors," in checked.stdout
    if kind in ("news", "event", "project"):
        # every example, once uncommented, is valid as it stands
        uncommented = re.sub(r"^# ([A-Z][A-Za-z-]*: )", r"\1", fi_text, flags=re.M)
        Path(paths[0]).write_text(uncommented.replace("Status: draft", "Status: published"), encoding="utf-8")
        examples = invoke("check", "--content", str(content))
        assert examples.returncode == 0, examples.stdout
        Path(paths[0]).write_text(fi_text, encoding="utf-8")
    site = build_from({})  # the same folder: build_from writes nothing new
    assert site.exists(url)
    assert site.exists("/sv" + url.replace("/ajankohtaista/", "/aktuellt/")
                       .replace("/tapahtumat/", "/evenemang/").replace("/hankkeet/", "/projekt/")
                       .replace("/kokoukset/", "/moten/"))
    again = invoke("new", kind, "Ää Öö uutinen", *options, "--content", str(content))
    assert again.returncode != 0 and "Not overwritten" in again.stderr
    assert Path(paths[0]).read_text(encoding="utf-8") == fi_text


def test_check_reports_every_problem_with_path_and_line(tmp_path):
    content = tmp_path / "content"
    write_files(content, {
        **BASE,
        "news/hyva.fi.md": "Title: Hyvä\nDate: 2020-05-04\n\n[Linkki]({filename}puuttuu.fi.md)\n",
        "news/hyva.sv.md": "Title: Bra\nSlug: sama\n\n![](kuva.png)\n",
        "news/toinen.sv.md": "Title: Annan\nSlug: sama\nDate: 2020-05-05\n\nText.\n",
        "news/paivays.fi.md": "Title: P\nDate: 31.12.2020\nSumary: S\n\nT.\n",
        "news/Väärä nimi.fi.md": "Title: X\nDate: 2020-05-04\n\nT.\n",
        "meetings/k.fi.md": "Title: K\nDate: 2020-06-01 12:00\nBody: johtoryhma\nProjects: moni\n\n"
                            "Päätös: Ennen pykälää.\n\n## 1 § A\n\n## 1 § B\n",
        "news/liite.pdf": "x",
    })
    result = invoke("check", "--content", str(content))
    assert result.returncode == 1
    lines = [line.strip() for line in result.stdout.splitlines()]
    errors = lines[lines.index("Errors (8):") + 1: lines.index("Warnings (14):")]
    assert errors == [
        "meetings/k.fi.md:4: Projects: no project 'moni'; did you mean monni?",
        "meetings/k.fi.md:6: 'Päätös:' is outside any agenda item; put it under the item's "
        "'## N § Title' heading",
        "meetings/k.fi.md:10: item 1 § appears twice (also on line 8); each item needs its own number",
        "news/Väärä nimi.fi.md:1: the file name must be <name>.fi.md or <name>.sv.md, in lower case "
        "letters a-z, digits and hyphens (for example 2020-06-01-monni-hanke.fi.md)",
        "news/hyva.fi.md:4: the link {filename}puuttuu.fi.md leads nowhere: there is no such file",
        "news/hyva.sv.md:4: the image kuva.png has no alt text: describe it between the brackets, "
        "for example ![Kaavio hankkeen rahoituksesta](kuva.png)",
        "news/paivays.fi.md:2: Date: expected a date as YYYY-MM-DD or YYYY-MM-DD HH:MM, for example "
        "2020-06-01 12:00, found '31.12.2020' (write 2020-12-31)",
        "news/toinen.sv.md:2: the address 'sama' is already used by news/hyva.sv.md; give one of "
        "them another Slug",
    ]
    warnings = lines[lines.index("Warnings (14):") + 1: -1]
    assert "news/paivays.fi.md:3: unknown key 'Sumary' is ignored; did you mean Summary?" in warnings
    assert ("news/liite.pdf:1: not a content file: items are Markdown files named <name>.fi.md "
            "or <name>.sv.md") in warnings
    assert warnings[-4:] == ["meetings/: 1 item in one language only",
                             "news/: 2 items in one language only",
                             "pages/: 4 items in one language only",
                             "projects/: 1 item in one language only"]
    assert lines[-1] == "8 errors, 14 warnings"


def test_check_warns_of_an_active_project_past_its_end(tmp_path):
    content = tmp_path / "content"
    write_files(content, {**BASE, "projects/vanhentunut.fi.md":
                    "Title: V\nPhase: active\nStart: 2018-01\nEnd: 2019-12\n\nK.\n"})
    result = invoke("check", "--content", str(content))
    assert result.returncode == 0, result.stdout
    assert ("projects/vanhentunut.fi.md:4: End 2019-12 has passed but Phase is still 'active'; "
            "set 'Phase: ended' or correct End") in [line.strip() for line in result.stdout.splitlines()]


def test_each_editor_chooses_the_language_of_the_tasks_messages(tmp_path):
    content = tmp_path / "content"
    sv = invoke("new", "uutinen", "X", "--content", str(content), EDITOR_LANG="sv", LANG="fi_FI.UTF-8")
    assert sv.returncode == 1
    assert sv.stderr.strip() == "Okänd typ 'uutinen': använd någon av dessa: news, page, meeting, project, event"
    fi = invoke("new", "news", "Uusi uutinen", "--date", "2020-06-01", "--content", str(content),
                LANG="fi_FI.UTF-8")
    assert fi.stdout.splitlines()[0] == f"Luotu: {content / 'news' / '2020-06-01-uusi-uutinen.fi.md'}"


def test_a_content_file_saved_with_another_ending_is_named_as_it_should_be(tmp_path):
    content = tmp_path / "content"
    item = "Title: X\nDate: 2020-05-04\n\nT.\n"
    write_files(content, {**BASE, "news/uutinen.fi.md.txt": item, "news/Toinen.FI.MD": item})
    lines = [line.strip() for line in invoke("check", "--content", str(content)).stdout.splitlines()]
    assert "news/uutinen.fi.md.txt:1: not read: a content file's name ends in .md; rename it uutinen.fi.md" in lines
    assert "news/Toinen.FI.MD:1: not read: a content file's name ends in .md; rename it toinen.fi.md" in lines


def test_warnings_alone_exit_zero(tmp_path):
    content = tmp_path / "content"
    write_files(content, {**BASE, "news/vain.fi.md": "Title: Vain\nDate: 2020-05-04\nSumary: x\n\nT.\n"})
    result = invoke("check", "--content", str(content))
    assert result.returncode == 0, result.stdout
    assert result.stdout.splitlines()[-1] == "0 errors, 10 warnings"
    assert "news/vain.fi.md:1: exists in one language only: add vain.sv.md" in result.stdout


def test_check_finds_links_that_lead_nowhere_in_a_trial_build(tmp_path):
    content = tmp_path / "content"
    write_files(content, {
        **BASE,
        "news/linkki.fi.md": "Title: Linkki\nDate: 2020-05-01\n\nKatso [kokous](/kokoukset/ei-ole/) "
                             "ja [pykälä]({filename}../meetings/kokous.fi.md#pykala-9).\n\n"
                             '<p><a href="/liitteet/puuttuu.pdf">Liite</a></p>\n',
        "meetings/kokous.fi.md": "Title: Kokous\nDate: 2020-05-11 12:00\nBody: johtoryhma\n\n"
                                 "## 1 § Avaus\n\nPäätös: Avattiin.\n",
    })
    result = invoke("check", "--content", str(content))
    assert result.returncode == 1
    lines = [line.strip() for line in result.stdout.splitlines()]
    assert "news/linkki.fi.md:4: the link /kokoukset/ei-ole/ leads nowhere (no such page or file)" in lines
    # raw HTML links are placed on their lines too
    assert "news/linkki.fi.md:6: the link /liitteet/puuttuu.pdf leads nowhere (no such page or file)" in lines
    assert ("news/linkki.fi.md:4: the link /kokoukset/kokous/#pykala-9 leads nowhere "
            "(the page has no #pykala-9)") in lines
    assert not (tmp_path / "output").exists()


def test_check_lists_a_broken_registry_in_the_editors_language(tmp_path, monkeypatch):
    from test_meetings import REGISTRY

    content = tmp_path / "content"
    registry = REGISTRY + '\n[bodies.uusi]\nfi = "Uusi ryhmä\nsv = "Ny grupp"\n'
    write_files(content, {**BASE, "data/registry.toml": registry,
                    "meetings/k.fi.md": "Title: K\nDate: 2020-06-01 12:00\nBody: uusi\n\n"
                                        "## 1 § A\n\nPäätös: Hyväksyttiin.\n"})
    monkeypatch.setenv("LANG", "fi_FI.UTF-8")
    result = invoke("check", "--content", str(content))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = [line.strip() for line in result.stdout.splitlines()]
    line = registry.split("\n").index('fi = "Uusi ryhmä') + 1
    # Alone: the meeting's Body is not called unknown while the registry cannot be read.
    errors = lines[lines.index("Virheet (1):") + 1]
    assert errors == (f'data/registry.toml:{line}: lainausmerkki puuttuu: kirjoita nimi kahden '
                      'lainausmerkin väliin, esimerkiksi fi = "Uusi ryhmä"')


@pytest.mark.parametrize(("files", "expected"), [
    ({"pages/haku.fi.md": "Title: Haku\n\nT.\n"},
     "pages/haku.fi.md:1: the address /haku/ is taken by a page the site makes itself (a listing, "
     "the search page or the like); rename the file or give it another Slug"),
    ({"news/x.fi.md": "Title: X\nDate: 2020-05-04\n\nT.\n",
      "news/vanhat/x.fi.md": "Title: X\nDate: 2020-05-04\n\nT.\n"},
     "news/vanhat/x.fi.md:1: the address /ajankohtaista/x/ is already used by news/x.fi.md; "
     "rename one of the files or give one of them another Slug"),
])
def test_check_shows_why_the_trial_build_failed(tmp_path, files, expected):
    content = tmp_path / "content"
    write_files(content, {**BASE, **files})
    result = invoke("check", "--content", str(content))
    assert result.returncode == 1
    lines = [line.strip() for line in result.stdout.splitlines()]
    assert lines[lines.index("Errors (1):") + 1] == expected


def test_check_gives_a_translation_no_follow_on_messages(tmp_path):
    content = tmp_path / "content"
    write_files(content, {**BASE,
                    "news/paivays.fi.md": "Title: P\nDate: 1.6.2020\n\nT.\n",
                    "news/paivays.sv.md": "Title: P sv\n\nT sv.\n",
                    "events/e.fi.md": "Title: E\nStart: 2020-10-23 12:00\nEnd: 2020-10-23 09:00\n\nT.\n",
                    "events/e.sv.md": "Title: E sv\n\nT sv.\n",
                    "news/merkisto.sv.md": "Title: M\n\nT.\n"})
    (content / "news/merkisto.fi.md").write_bytes("Title: Merkistö\nDate: 2020-05-04\n\nT.\n"
                                                  .encode("cp1252"))
    result = invoke("check", "--content", str(content))
    assert result.returncode == 1
    lines = [line.strip() for line in result.stdout.splitlines()]
    # Each once, at the file that has it: none on the translations, and no
    # item is taken to be in one language only.
    assert [line for line in lines if line.startswith(("news/", "events/"))] == [
        "events/e.fi.md:3: End 2020-10-23 09:00 is before Start 2020-10-23 12:00",
        "news/merkisto.fi.md:1: the file is not UTF-8 text; save it again as UTF-8 "
        "(Save as, encoding UTF-8: 'Encoding' in Notepad on Windows, "
        "'Plain Text Encoding' in TextEdit on a Mac)",
        "news/paivays.fi.md:2: Date: expected a date as YYYY-MM-DD or YYYY-MM-DD HH:MM, for "
        "example 2020-06-01 12:00, found '1.6.2020' (write 2020-06-01)",
    ]
