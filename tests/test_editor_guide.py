"""The editor guide documents exactly the keys the validators know, in both
languages."""

import re
from pathlib import Path

import pytest

from content_model.schema import COMMON_KEYS, SECTIONS

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
    for folder, section in SECTIONS.items():
        known = {key.name for key in section.keys}
        in_guide = common | documented.get(folder, set())
        assert known <= in_guide, (folder, sorted(known - in_guide))
        own = documented.get(folder, set())
        assert own <= known, (folder, sorted(own - known))
    assert set(documented) == {"pages", "meetings", "projects", "events"}
