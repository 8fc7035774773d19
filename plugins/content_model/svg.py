"""An SVG image is a document that a browser runs like a web page when it
is opened at its own address, on the site's own origin: script in it would
run there. Such an SVG is refused, not cleaned: a cleaned drawing may lose
what it shows without anyone noticing, and the editor can export a plain
one (or a PNG)."""

import re
import xml.etree.ElementTree as ElementTree

from .messages import _

# Elements that run script or embed other documents.
ACTIVE_ELEMENTS = {"script", "foreignobject", "iframe", "embed", "object", "handler", "listener"}
# Addresses that stay inside the image: a fragment, or an embedded raster image.
INTERNAL_ADDRESS = re.compile(r"\A\s*(#|data:image/(png|jpeg|gif|webp)[;,])", re.IGNORECASE)
CSS_ADDRESS = re.compile(r"url\(\s*['\"]?(?P<address>[^'\")]*)|@import", re.IGNORECASE)
# An entity can make a small file expand without end, or hide what it holds;
# a style sheet instruction loads another document.
REFUSED_MARKUP = (b"<!ENTITY", b"<?xml-stylesheet")


def local_name(name):
    return name.rsplit("}", 1)[-1].lower()


def active_parts(root):
    """What in the image could run script or load something from elsewhere,
    as written in the file."""
    for element in root.iter():
        tag = local_name(element.tag)
        if tag in ACTIVE_ELEMENTS:
            yield f"<{tag}>"
        for name, value in element.attrib.items():
            attribute = local_name(name)
            if attribute.startswith("on"):
                yield f"{attribute}="
            elif attribute in ("href", "src") and not INTERNAL_ADDRESS.match(value):
                yield f'{attribute}="{value[:80]}"'
            elif "javascript:" in re.sub(r"\s", "", value).lower():
                yield f'{attribute}="{value[:80]}"'
        styles = [element.text or ""] if tag == "style" else []
        styles += [element.attrib.get("style", "")]
        for style in styles:
            for found in CSS_ADDRESS.finditer(style):
                if found["address"] is None or not INTERNAL_ADDRESS.match(found["address"]):
                    yield found[0]


def svg_problem(data):
    """What makes the SVG image ``data`` unsafe to publish, or None."""
    for markup in REFUSED_MARKUP:
        if markup in data:
            return unsafe(markup.decode())
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as error:
        return _("the SVG image cannot be read ({reason}); export it again, or save the "
                 "image as PNG", reason=str(error))
    if local_name(root.tag) != "svg":
        return not_of_type("SVG", ".svg")
    found = next(active_parts(root), None)
    return unsafe(found) if found else None


def unsafe(found):
    return _("the SVG image contains {found}, which could run a program on the site or load "
             "something from elsewhere; save the image again without it, or as PNG", found=found)


def not_of_type(name, suffix):
    return _("the file is not a {type} file, although its name ends in {suffix}; save or "
             "export it again as {type}", type=name, suffix=suffix)
