"""Validated metadata of a content item, with what it inherits from its
translation: facts are written once, in either language file."""

import difflib
from dataclasses import dataclass, field
from pathlib import Path

from .messages import _
from .source import KEY_LINE, read_source
from .unknown_keys import report_unknown_key, suggestion


@dataclass
class KnownNames:
    """What references in content may point to: registry keys and projects.
    Without a registry (it cannot be read), its keys are not checked."""

    registry: object = None
    projects: set = field(default_factory=set)

    def choices(self, table):
        if table == "projects":
            return self.projects
        return getattr(self.registry, table, {}) if self.registry else None


def project_names(content_root):
    folder = Path(content_root) / "projects"
    return {path.name.split(".")[0] for path in folder.glob("*.md")}


def unknown_reference(key, value, choices):
    # The name an editor sees on the site ('Etelä-Pohjanmaa') is not the key,
    # but it names the one meant.
    closest = [name for name, entry in sorted(choices.items()) if value.casefold() in {
        shown.casefold() for shown in getattr(entry, "names", {}).values()}] if isinstance(
        choices, dict) else []
    closest = closest or difflib.get_close_matches(value, sorted(choices), n=3, cutoff=0.5)
    things = {"Projects": _("no project"), "Body": _("no body"), "Region": _("no region")}
    return _("{key}: {no_such} '{found}'; {hint}", key=key, no_such=things[key], found=value,
             hint=suggestion(closest, sorted(choices)))


def comparable(value):
    """Lists of names agree whatever their order."""
    return sorted(value) if isinstance(value, list) else value


def translation_pair(source, path, content_root, languages):
    """The header of the other language's file of the same item, if any."""
    for lang in languages:
        if lang == source.lang or not source.name:
            continue
        other = Path(path).with_name(f"{source.name}.{lang}.md")
        if other.exists():
            return read_source(other, content_root, languages)
    return None


def item_metadata(source, pair, default_lang, known, types):
    """Check ``source`` against the keys of its kind (``types``: {folder:
    ContentType}) and return its values by attribute name; problems are
    added to ``source.problems``."""
    section = types.get(source.section)
    if section is None:
        source.error(1, _(
            "content/{folder} is not a content folder; put the file in one of: {folders}",
            folder=source.section or ".", folders=", ".join(sorted(types))))
        return {}
    values = {}
    for header_field in source.fields.values():
        key = section.key(header_field.key)
        if key is None:
            report_unknown_key(source, section, header_field, types)
            continue
        for number, text in header_field.continued:
            indented = KEY_LINE.match(text)
            if indented and section.key(indented["key"]):
                source.error(number, _(
                    "'{key}:' is indented, so it continues the line above; remove the spaces "
                    "or tab before it", key=indented["key"]))
        try:
            values[key.attribute] = key.parse(header_field.value)
        except ValueError as error:
            source.error(header_field.line, _("{key}: {problem}", key=key.name,
                                              problem=error.args[0]))

    if pair is not None:
        for key in section.keys:
            theirs = pair.fields.get(key.name.lower())
            if theirs is None:
                continue
            try:
                their_value = key.parse(theirs.value)
            except ValueError:
                continue  # reported when the pair itself is read
            mine = source.fields.get(key.name.lower())
            if mine is None:
                if key.inherited:
                    values[key.attribute] = their_value
                    # Text written in the other language keeps its language.
                    values.setdefault("inherited_text", {})[key.attribute] = pair.lang
            elif (
                key.shared
                and source.lang != default_lang
                and key.attribute in values
                and comparable(values[key.attribute]) != comparable(their_value)
            ):
                source.error(mine.line, _(
                    "{key} '{mine}' disagrees with {pair} line {line} ('{theirs}'): a "
                    "translation shares its facts; make them equal, or write the key in "
                    "one file only", key=key.name, mine=mine.value, pair=pair.path,
                    line=theirs.line, theirs=theirs.value))

    if pair is not None:
        # Facts this file would inherit from a pair that cannot give them: the
        # pair's own messages say why, and here they are not missing.
        unreadable = any(p.severity == "error" for p in pair.problems)
        source.unreadable_facts = {
            key.attribute for key in section.keys
            if key.inherited and key.attribute not in values
            and key.name.lower() not in source.fields
            and (unreadable or key.name.lower() in pair.fields)
        }
    check_header_ends_once(source, section)
    for key in section.keys:
        if key.required and key.name.lower() not in source.fields and not (
            key.inherited and (key.attribute in values or key.attribute in source.unreadable_facts)
        ):
            source.error(1, _("{key} is missing: add a line '{key}: ...' to the header",
                              key=key.name))
    check_references(source, section, values, known or KnownNames())
    for check in section.checks:
        check(source, values)
    return values


def reads_as(key, value):
    try:
        key.parse(value)
    except ValueError:
        return False
    return True


def check_header_ends_once(source, section):
    """A blank line inside the header ends it there: the keys after it
    would be shown as text, and would not count."""
    in_text = False
    for offset, line in enumerate(source.body.split("\n")):
        stripped = line.strip()
        if not stripped:
            if in_text:
                return  # the first paragraph of the text is over
            continue
        in_text = True
        key_line = KEY_LINE.match(stripped)
        key = key_line and section.key(key_line["key"])
        if key and reads_as(key, key_line["value"]):
            # 'Status: Projektet pågår' is text: only a value the key takes counts.
            source.error(source.body_line + offset, _(
                "'{key}:' is in the text, after a blank line; remove the blank line above "
                "it, so that it is part of the header", key=key_line["key"]))


def line_of(source, key_name):
    """The line of a key the file itself writes, or None if it inherits the
    value: a check of inherited values reports only in the file that wrote
    them, once, not again in its translation."""
    header_field = source.fields.get(key_name.lower())
    return header_field.line if header_field else None


def check_references(source, section, values, known):
    """Keys whose values must name something that exists."""
    for key in section.keys:
        table = key.registry
        if not table or key.attribute not in values:
            continue
        value = values[key.attribute]
        choices = known.choices(table)
        if choices is None:
            continue  # the registry's own problem is reported
        for name in value if isinstance(value, list) else [value]:
            if name not in choices and key.name.lower() not in source.fields:
                # Inherited: reported in the file that wrote it, whose error
                # stops the build; this one cannot be published without it.
                source.unreadable_facts.add(key.attribute)
            elif name not in choices:
                source.error(line_of(source, key.name), unknown_reference(key.name, name, choices))
