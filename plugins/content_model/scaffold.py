"""`invoke new`: both language files of a new item, with every key of its
kind present, the optional ones as comments that explain them (each key's
help, and what the kind's Scaffold adds)."""

import re
import unicodedata
from pathlib import Path

from .messages import _
from .model import unknown_reference

# What the header of the Swedish file says of its own keys.
SWEDISH_HELP = {
    "Title": "Översätt rubriken till svenska.",
    "Slug": "Svensk adress: översätt slutet av adressen, små bokstäver a-z, siffror och bindestreck.",
    "Status": "draft = utkast; gäller bara den svenska filen, den finska syns ändå.",
}


def slugify(text):
    """ä→a, ö→o, å→a, everything else that is not a-z or 0-9 → hyphen."""
    plain = unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:60].strip("-") or "nimeton"


# What the header of a translation says of its own keys, in its language.
TRANSLATION_HELP = {"sv": SWEDISH_HELP, "fi": {
    "Title": "Käännä otsikko suomeksi.",
    "Slug": "Suomenkielinen osoite: pienet kirjaimet a-z, numerot ja väliviivat.",
    "Status": "draft = luonnos; koskee vain suomenkielistä tiedostoa, ruotsinkielinen näkyy silti.",
}}
INHERITED_NOTE = {"sv": "# Övriga uppgifter ärvs från den finska filen.",
                  "fi": "# Muut tiedot periytyvät ruotsinkielisestä tiedostosta."}


def header(kind, values, lang, facts=True):
    """The header lines in ``lang``: set keys with their values, the others
    commented. With ``facts`` every key, as the file the editor works in
    has them; without, a translation's own keys only (it inherits the rest)."""
    fi = lang == "fi"
    own_help = {} if facts else TRANSLATION_HELP[lang]
    examples = kind.scaffold.examples(values) if kind.scaffold.examples else {}
    lines = []
    for key in kind.keys:
        example, help_fi, help_sv = key.help
        if not facts and not key.translated:
            continue
        if not fi:
            example = key.example_sv or example
        explained = own_help.get(key.name, help_fi if fi else help_sv)
        if key.name == "Slug":
            example = slugify(values["Title"])
        example = examples.get(key.name, example)
        if key.name in values:
            if key.name in own_help:
                lines.append(f"# {explained}")
            lines.append(f"{key.name}: {values[key.name]}")
        else:
            lines.append(f"# {explained}")
            lines.append(f"# {key.name}: {example}")
    if not facts:
        lines.append(INHERITED_NOTE[lang])
    return "\n".join(lines)


def new_item(content_root, kind, title, values, build_date, languages=("fi", "sv"), working="fi"):
    """Write <folder>/<name>.<lang>.md of the ContentType ``kind`` for each of
    ``languages``; refuse to overwrite any. ``values`` holds the keys given
    on the command line; the shared facts go into the file of the ``working``
    language (the editor's), or of the only language."""
    values = {key: value for key, value in values.items() if value}
    values["Title"] = title
    for key, default in kind.scaffold.defaults.items():
        values.setdefault(key, default(build_date))
    name = (kind.scaffold.name or (lambda slug, values: slug))(slugify(title), values)
    folder = Path(content_root) / kind.folder
    paths = [folder / f"{name}.{lang}.md" for lang in languages]
    existing = [str(path) for path in paths if path.exists()]
    if existing:
        raise FileExistsError(", ".join(existing))
    folder.mkdir(parents=True, exist_ok=True)
    bodies = dict(zip(("fi", "sv"), kind.scaffold.bodies))
    working = working if working in languages else languages[0]
    for lang, path in zip(languages, paths):
        facts = lang == working
        text = header(kind, values if facts else {"Title": title}, lang, facts)
        path.write_text(f"{text}\n\n{bodies[lang]}", encoding="utf-8")
    return paths


def invalid_values(kind, values, registry):
    """What is wrong with the keys given on the command line, in the words
    the build would use for them in a file: '--date 16.9.2020' is told to
    be written 2020-09-16, '--body pohjanmaa' which bodies there are."""
    problems = []
    for name, value in values.items():
        key = kind.key(name)
        if not value or key is None:
            continue
        try:
            parsed = key.parse(value)
        except ValueError as error:
            problems.append(_("{key}: {problem}", key=key.name, problem=error.args[0]))
            continue
        choices = getattr(registry, key.registry, None) if key.registry else None
        for entry in (parsed if isinstance(parsed, list) else [parsed]) if choices is not None else ():
            if entry not in choices:
                problems.append(unknown_reference(key.name, entry, choices))
    return problems
