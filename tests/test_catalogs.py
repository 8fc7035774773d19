"""Every UI string of the theme is translated in both catalogues."""

import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir, extract_python
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


EDITOR_CATALOGUES = ROOT / "plugins" / "content_model" / "translations"


def editor_messages():
    found = set()
    for folder in ("plugins/content_model", "plugins/projects"):
        for _file, _line, message, *_rest in extract_from_dir(
            ROOT / folder, [("**.py", "python")], keywords={"_": None, "_n": (1, 2)}
        ):
            found.add(message)
    for path, keywords in (("plugins/link_crawl.py", {"_": None}),
                           ("plugins/site_build.py", {"_": None, "_n": (1, 2)}),
                           ("plugins/cache_file.py", {"_": None}), ("tasks.py", {"say": None})):
        with open(ROOT / path, "rb") as source:
            for _line, function, message, *_rest in extract_python(
                source, keywords=keywords, comment_tags=(), options={}
            ):
                # extract_python gives every argument, None where not a string:
                # a plural is its first two, any other message its first.
                if function == "_n":
                    found.add(tuple(message[:2]))
                else:
                    found.add(message[0] if isinstance(message, tuple) else message)
    return found


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_every_editor_message_is_translated_with_the_same_placeholders(lang):
    messages = editor_messages()
    assert len(messages) > 40
    with open(EDITOR_CATALOGUES / lang / "LC_MESSAGES" / "messages.po", "rb") as po:
        catalog = read_po(po, locale=lang)
    for message in messages:
        singular, *plural = message if isinstance(message, tuple) else (message,)
        entry = catalog[singular]
        assert entry is not None and all(entry.string) and not entry.fuzzy, message
        forms = entry.string if plural else (entry.string,)
        assert len(forms) == (2 if plural else 1), message  # singular and plural
        for form in forms:
            assert set(re.findall(r"\{\w+\}", form)) == set(re.findall(r"\{\w+\}", singular))


@pytest.mark.parametrize(("lang", "one", "many"), [
    ("fi", "1 virhe, 1 varoitus", "2 virhettä, 0 varoitusta"),
    ("sv", "1 fel, 1 varning", "2 fel, 0 varningar"),
    ("en", "1 error, 1 warning", "2 errors, 0 warnings"),
])
def test_counts_have_the_right_plural_form(lang, one, many):
    from content_model.check import problem_count
    from content_model.messages import editor_translations

    translations = editor_translations(environ={"EDITOR_LANG": lang})
    assert problem_count(1, 1).render(translations) == one
    assert problem_count(2, 0).render(translations) == many


@pytest.mark.parametrize(("lang", "expected"), [
    ("fi_FI.UTF-8", "news/x.fi.md:2: Date: kirjoita päivämäärä muodossa YYYY-MM-DD"),
    ("sv_FI.UTF-8", "news/x.fi.md:2: Date: skriv datumet som YYYY-MM-DD"),
    ("C.UTF-8", "news/x.fi.md:2: Date: expected a date as YYYY-MM-DD"),
])
def test_editors_read_messages_in_their_language(build_from, caplog, monkeypatch, lang, expected):
    import logging

    from site_build import BuildFailed

    monkeypatch.setenv("LANG", lang)
    caplog.set_level(logging.ERROR)
    with pytest.raises(BuildFailed):
        build_from({"news/x.fi.md": "Title: X\nDate: 1.6.2020\n\nT.\n"})
    (message,) = [r.getMessage() for r in caplog.records if r.getMessage().startswith("news/x.fi.md:2")]
    assert message.startswith(expected)
    assert "2020-06-01" in message


@pytest.mark.parametrize("autoescape", [True, False])
def test_templates_translate_as_jinja_newstyle_gettext_does(autoescape):
    """The theme's `_()` keeps translations without variables; what it gives
    must stay what Jinja's own newstyle gettext gives."""
    from jinja2 import Environment

    from localization.catalogs import Catalogs

    catalogs = Catalogs(ROOT / "theme" / "translations", ["fi", "sv"], "fi")
    ours, jinjas = (Environment(extensions=["jinja2.ext.i18n"], autoescape=autoescape)
                    for _ in range(2))
    for env in (ours, jinjas):
        env.install_gettext_callables(catalogs.gettext, catalogs.ngettext, newstyle=True)
    ours.globals["_"] = catalogs.translate
    assert jinjas.globals["_"] is not catalogs.translate
    sources = ['{{ _("Search") }}', '{{ _("Search") }}{{ _("Search") }}', '{{ _("a<b") }}',
               '{{ _("Results: {count}") }}', '{{ _("x<br> %(message)s", message="<m>") }}',
               '{{ _("x %(context)s %(self)s", context="c", self="s") }}', '{{ _("100%%") }}']
    for lang in ("fi", "sv"):
        for source in sources:
            assert (ours.from_string(source).render(lang=lang)
                    == jinjas.from_string(source).render(lang=lang)), (lang, source)
    assert ours.from_string('{{ _("Search") }}').render(lang="sv") == "Sök"


def test_the_build_counts_in_the_editors_language_with_its_plural(build_from, monkeypatch):
    from site_build import BuildFailed
    from test_meetings import BASE

    monkeypatch.setenv("LANG", "fi_FI.UTF-8")
    with pytest.raises(BuildFailed) as failure:
        build_from({**BASE, "news/x.fi.md": "Title: X\nDate: 1.6.2020\n\nT.\n"})
    assert str(failure.value).startswith("1 virhe: mitään ei julkaistu")
