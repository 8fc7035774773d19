"""Messages an editor reads, in Finnish or Swedish (EDITOR_LANG setting, or
the LANG of the editor's machine), English otherwise.

``_("{key} is missing", key="Title")`` makes a Message; it is put into
words only when shown, in the editor's language. Its template is the msgid
of the catalogue in translations/<lang>/LC_MESSAGES/messages.po.
"""

import os
from dataclasses import dataclass
from functools import lru_cache
from io import BytesIO
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

CATALOGUES = Path(__file__).parent / "translations"
EDITOR_LANGUAGES = ("fi", "sv")


@dataclass(frozen=True)
class Message:
    template: str
    params: tuple = ()
    plural: str = ""  # the msgid_plural: the form is chosen by the 'count' parameter

    def render(self, translations=None):
        if self.plural:
            count = dict(self.params)["count"]
            template = (translations.ungettext(self.template, self.plural, count) if translations
                        else self.template if count == 1 else self.plural)
        else:
            template = translations.ugettext(self.template) if translations else self.template
        values = {
            name: value.render(translations) if isinstance(value, Message) else value
            for name, value in self.params
        }
        return template.format(**values)

    def __str__(self):
        return self.render()


def _(template, **params):
    return Message(template, tuple(params.items()))


def _n(singular, plural, count, **params):
    """A message whose words follow ``count``: '1 virhe', '2 virhettä'."""
    return Message(singular, tuple({"count": count, **params}.items()), plural)


def editor_language(settings=None, environ=None):
    """The editor's own EDITOR_LANG (an environment variable: each editor
    sets theirs), else the site's setting, else the machine's locale."""
    environ = os.environ if environ is None else environ
    chosen = environ.get("EDITOR_LANG") or (settings or {}).get("EDITOR_LANG") or next(
        (environ[name] for name in ("LC_ALL", "LC_MESSAGES", "LANG") if environ.get(name)), ""
    )
    code = chosen[:2].lower()
    return code if code in EDITOR_LANGUAGES else "en"


def compile_catalog(po_path, lang):
    """A .po catalogue compiled with Babel in memory: an edit is live at
    once, and no stale .mo file can ever be used. Compiled once while the
    file stays as it is: every generator of every build asks for it."""
    status = os.stat(po_path)
    version = (status.st_ino, status.st_size, status.st_mtime_ns, status.st_ctime_ns)
    return compiled_catalog(str(po_path), lang, version)


# Editors' and the theme's catalogues, two languages each, and an edited
# one's older versions until they drop out.
@lru_cache(maxsize=16)
def compiled_catalog(po_path, lang, version):
    """compile_catalog of the file at ``po_path`` as it is at ``version``
    (its identity, size and times): an edited file is another key."""
    with open(po_path, "rb") as po_file:
        catalog = read_po(po_file, locale=lang)
    compiled = BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return Translations(compiled)


def editor_translations(settings=None, environ=None):
    """The catalogue of the editor's language, or None for English."""
    lang = editor_language(settings, environ)
    if lang == "en":
        return None
    return compile_catalog(CATALOGUES / lang / "LC_MESSAGES" / "messages.po", lang)
