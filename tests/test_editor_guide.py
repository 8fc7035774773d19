"""The editor guide documents exactly the keys the validators know, in both
languages."""

import re
from pathlib import Path

import pytest

import pelicanconf
from content_model.content_type import content_types
from content_model.schema import COMMON_KEYS

DOCS = Path(__file__).resolve().parent.parent / "docs"
KEY_CELL = re.compile(r"^\| `([A-Z][A-Za-z-]*)`(?:, `([A-Z][A-Za-z-]*)`)? \|", re.M)


def documented_keys(text):
    """Keys in the first column of the guide's tables, by the section folder
    named in the heading above them (None: the common keys)."""
    found = {}
    section = None
    for line in text.splitlines():
        heading = re.match(r"^## .*`content/(\w+)/`", line)
        if heading:
            section = heading[1]
        for match in KEY_CELL.finditer(line):
            found.setdefault(section, set()).update(k for k in match.groups() if k)
    return found


@pytest.mark.parametrize("guide", ["toimittajan-opas.md", "redaktorens-guide.md"])
def test_guide_documents_every_key_of_every_section(guide):
    documented = documented_keys((DOCS / guide).read_text(encoding="utf-8"))
    common = documented.pop(None)
    assert common == {key.name for key in COMMON_KEYS}
    for folder, section in content_types(vars(pelicanconf)).items():
        known = {key.name for key in section.keys}
        in_guide = common | documented.get(folder, set())
        assert known <= in_guide, (folder, sorted(known - in_guide))
        own = documented.get(folder, set())
        assert own <= known, (folder, sorted(own - known))
    assert set(documented) == {"pages", "meetings", "projects", "events"}


FENCE_BLOCK = re.compile(r"^```\n(.*?)^```$", re.M | re.S)
GUIDES = {"fi": "toimittajan-opas.md", "sv": "redaktorens-guide.md"}


def blocks(guide):
    return FENCE_BLOCK.findall((DOCS / guide).read_text(encoding="utf-8"))


@pytest.mark.parametrize("lang", sorted(GUIDES))
def test_the_guides_minutes_examples_are_valid_minutes(build_from, caplog, lang):
    import logging

    from test_meetings import BASE

    examples = [block for block in blocks(GUIDES[lang]) if re.match(r"## \d+ § ", block)]
    assert examples
    caplog.set_level(logging.WARNING)
    for number, block in enumerate(examples):
        build_from({**BASE, f"meetings/esimerkki-{number}.{lang}.md":
                    "Title: Esimerkki\nDate: 2020-06-01 12:00\nBody: johtoryhma\n\n" + block})
    assert not [r.getMessage() for r in caplog.records if r.getMessage().startswith("meetings/")]


@pytest.mark.parametrize("lang", sorted(GUIDES))
def test_the_guides_example_message_is_the_one_the_build_gives(build_from, caplog, monkeypatch, lang):
    """The line the guide shows as wrong gives, in the guide's language,
    the very message the guide shows."""
    import logging

    from site_build import BuildFailed
    from test_meetings import BASE

    found = blocks(GUIDES[lang])
    wrong = next(block for block in found if block.startswith("**6 § "))
    (message,) = [block.strip() for block in found if block.startswith("meetings/")]
    path = message.split(":")[0]
    monkeypatch.setenv("EDITOR_LANG", lang)
    caplog.set_level(logging.ERROR)
    text = ("Title: Esimerkki\nDate: 2020-06-01 12:00\nBody: johtoryhma\n\n"
            "## 5 § Avaus\n\nPäätös: Avattiin.\n\n" + wrong)
    with pytest.raises(BuildFailed):
        build_from({**BASE, path: text})
    assert [r.getMessage() for r in caplog.records] == [message]


@pytest.mark.parametrize("lang", sorted(GUIDES))
def test_the_guides_import_command_runs_as_written(tmp_path, lang):
    import shlex

    from test_import_minutes import MUNICIPAL, as_docx, content_folder, invoke

    (command,) = [block.strip() for block in blocks(GUIDES[lang]) if "import-minutes" in block]
    arguments = shlex.split(command)
    assert arguments[:3] == ["python3", "tasks.py", "import-minutes"]
    document = as_docx(MUNICIPAL, tmp_path / arguments[3])
    content = content_folder(tmp_path)
    result = invoke("import-minutes", str(document), *arguments[4:], "--content", str(content))
    assert result.returncode == 0, result.stderr
    assert "Date: 2020-06-01 12:00\nBody: etela-pohjanmaan-ohjausryhma\n" in (
        content / "meetings" / "2020-06-01-etela-pohjanmaan-ohjausryhma.fi.md").read_text(encoding="utf-8")
