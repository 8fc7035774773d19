"""Every UI string of the theme is translated in both catalogues."""

from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "theme" / "templates"


def template_messages():
    found = set()
    method_map = [("**.html", "jinja2")]
    options = {"**.html": {"extensions": "jinja2.ext.i18n"}}
    for _file, _line, message, _comments, _context in extract_from_dir(
        TEMPLATES, method_map, options_map=options
    ):
        found.add(message if isinstance(message, str) else message[0])
    return found


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_every_template_string_has_a_translation(lang):
    messages = template_messages()
    assert len(messages) > 20
    with open(ROOT / "theme" / "translations" / lang / "LC_MESSAGES" / "messages.po", "rb") as po:
        catalog = read_po(po, locale=lang)
    missing = sorted(
        m for m in messages
        if m not in catalog or not catalog[m].string or catalog[m].fuzzy
    )
    assert missing == []
