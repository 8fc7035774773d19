"""A header line whose key the file's section does not have. Its value is
not published: told as an error when that changes the page without a word
(a note such as 'Huom: …', a dated item saved as a timeless page, a
misspelt Status), as a warning naming what is ignored when the item stays
what it is (a slip of a letter, another section's fact)."""

from .messages import _
from .schema import STATUSES


def suggestion(closest, known):
    if closest:
        return _("did you mean {names}?", names=", ".join(closest))
    if known:
        return _("known: {names}", names=", ".join(known))
    return _("none exist yet")


def report_unknown_key(source, section, header_field, types):
    """Add the problem of ``header_field``, whose key ``section`` (a
    ContentType of ``types``) lacks."""
    closest = section.closest_keys(header_field.key)
    if "Status" in closest and header_field.value.strip().lower() in STATUSES:
        # Ignored, a misspelt 'Status: draft' would publish the item.
        source.error(header_field.line, _(
            "unknown key '{key}': did you mean Status? Correct the key; as it is, "
            "the item would be published", key=header_field.key))
    elif closest:
        source.warn(header_field.line, _(
            "unknown key '{key}' is ignored; {hint}", key=header_field.key,
            hint=suggestion(closest, [])))
    else:
        elsewhere = sorted(folder for folder, other in types.items()
                           if other.key(header_field.key) and folder != section.folder)
        if elsewhere and section.key("Date") is None:
            # A news item saved in pages/ would be published as a timeless page.
            source.error(header_field.line, _(
                "content/{folder} files have no {key}: is the file in the wrong folder? Move it "
                "to one of: {folders}, or remove the line", folder=section.folder,
                key=header_field.key, folders=", ".join(elsewhere)))
        elif elsewhere:
            # Another section's fact, such as an event's Start in a news item:
            # the item is what its folder says, without it.
            source.warn(header_field.line, _(
                "unknown key '{key}' is ignored; {hint}", key=header_field.key,
                hint=suggestion([], [k.name for k in section.keys])))
        else:
            source.error(header_field.line, _(
                "'{key}:' is not a header key, and the line would not be published: if it is "
                "text, move it below the header, after a blank line (keys: {keys})",
                key=header_field.key, keys=", ".join(k.name for k in section.keys)))
