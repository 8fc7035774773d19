"""Validated metadata of a content item, with what it inherits from its
translation: facts are written once, in either language file."""

from pathlib import Path

from .schema import SECTIONS
from .source import read_source


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


def item_metadata(source, pair, default_lang):
    """Check ``source`` against its section's keys and return its values by
    attribute name; problems are added to ``source.problems``."""
    section = SECTIONS.get(source.section)
    if section is None:
        source.error(
            1,
            f"content/{source.section or '.'} is not a content folder; "
            f"put the file in one of: {', '.join(sorted(SECTIONS))}",
        )
        return {}
    values = {}
    for header_field in source.fields.values():
        key = section.key(header_field.key)
        if key is None:
            closest = section.closest_keys(header_field.key)
            hint = (
                f"did you mean {' or '.join(closest)}?"
                if closest
                else "known keys: " + ", ".join(k.name for k in section.keys)
            )
            source.warn(
                header_field.line, f"unknown key '{header_field.key}' is ignored; {hint}"
            )
            continue
        try:
            values[key.attribute] = key.parse(header_field.value)
        except ValueError as error:
            source.error(header_field.line, f"{key.name}: {error}")

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
            elif (
                key.shared
                and source.lang != default_lang
                and key.attribute in values
                and comparable(values[key.attribute]) != comparable(their_value)
            ):
                source.error(
                    mine.line,
                    f"{key.name} '{mine.value}' disagrees with {pair.path} line "
                    f"{theirs.line} ('{theirs.value}'): a translation shares its "
                    "facts; make them equal, or write the key in one file only",
                )

    for key in section.keys:
        if key.required and key.name.lower() not in source.fields:
            source.error(
                1, f"{key.name} is missing: add a line '{key.name}: ...' to the header"
            )
    return values
