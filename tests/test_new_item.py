"""`invoke new` checks what it is given as the build would, makes an item
in one language, and writes the shared facts where the editor works."""

import re
from pathlib import Path

from conftest import write_files
from test_editor_tasks import invoke
from test_import_minutes import REAL_REGISTRY
from test_meetings import BASE


def test_new_refuses_values_the_build_would_refuse_with_the_same_words(tmp_path):
    content = tmp_path / "content"
    write_files(content, {**BASE, "data/registry.toml": REAL_REGISTRY})
    result = invoke("new", "meeting", "Kokous", "--date", "16.9.2020", "--body", "pohjanmaa",
                    "--content", str(content))
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "Date: expected a date as YYYY-MM-DD or YYYY-MM-DD HH:MM, for example 2020-06-01 12:00, "
        "found '16.9.2020' (write 2020-09-16)",
        "Body: no body 'pohjanmaa'; did you mean pohjanmaan-ohjausryhma?"]
    assert not (content / "meetings").exists()
    phase = invoke("new", "project", "Hanke", "--phase", "käynnissä", "--content", str(content))
    assert phase.stderr.strip() == ("Phase: expected one of: planned, applied, active, ended, "
                                    "found 'käynnissä'")


def test_new_makes_a_swedish_only_item_with_its_facts(tmp_path, build_from):
    content = tmp_path / "content"
    write_files(content, BASE)
    created = invoke("new", "news", "Bara på svenska", "--lang", "sv", "--date", "2020-05-04",
                     "--content", str(content))
    assert created.returncode == 0, created.stderr
    (path,) = [Path(p) for p in re.findall(r"Created: (\S+)", created.stdout)]
    assert path.name == "2020-05-04-bara-pa-svenska.sv.md"
    text = path.read_text(encoding="utf-8")
    assert re.search(r"^Date: 2020-05-04$", text, re.M) and re.search(r"^# Summary:", text, re.M)
    path.write_text(text.replace("Skriv texten här.", "Egen text."), encoding="utf-8")
    assert invoke("check", "--content", str(content)).returncode == 0
    site = build_from({})
    assert site.html("/sv/aktuellt/2020-05-04-bara-pa-svenska/").h1.get_text() == "Bara på svenska"


def test_the_shared_facts_go_into_the_file_of_the_editors_language(tmp_path):
    content = tmp_path / "content"
    write_files(content, BASE)
    created = invoke("new", "event", "Utbildning", "--start", "2020-09-03 09:00", "--date",
                     "2020-05-04", "--content", str(content), EDITOR_LANG="sv")
    assert created.returncode == 0, created.stderr
    fi, sv = (Path(p).read_text(encoding="utf-8") for p in re.findall(r"Skapad: (\S+)", created.stdout))
    assert re.search(r"^Start: 2020-09-03 09:00$", sv, re.M) and "# Arrangör." in sv
    assert not re.search(r"^#? ?Start:", fi, re.M)
    assert "# Muut tiedot periytyvät ruotsinkielisestä tiedostosta." in fi
