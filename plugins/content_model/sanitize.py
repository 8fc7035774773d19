"""The raw HTML policy: Markdown may carry a small allow-list of HTML;
everything else is removed by nh3, and the editor is told what was removed.

No script, event handler, javascript: URL, inline style or embedded frame
ever reaches the output.
"""

from html.parser import HTMLParser

import nh3

ALLOWED_TAGS = {
    "p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "strong", "em", "b", "i", "s", "del",
    "ins", "sub", "sup", "small", "mark", "blockquote", "ul", "ol", "li", "dl", "dt", "dd",
    "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "a", "img", "code",
    "pre", "abbr", "span", "div", "figure", "figcaption", "details", "summary",
}
ALLOWED_ATTRIBUTES = {
    "*": {"id", "lang", "title"},  # ids only as Markdown's footnotes write them
    "a": {"href", "hreflang"},
    "img": {"src", "alt", "width", "height"},
    "ol": {"start"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
}
# Classes Markdown itself writes: footnotes and table alignment.
ALLOWED_CLASSES = {
    "div": {"footnote"},
    "a": {"footnote-ref", "footnote-backref"},
    "sup": {"footnote-ref"},
    "th": {"align-left", "align-center", "align-right"},
    "td": {"align-left", "align-center", "align-right"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
# Removed with their content, not only their tags.
DROPPED_WITH_CONTENT = {"script", "style", "iframe", "object", "embed", "template"}
# Elements whose content runs to their closing tag: left open, they take the
# rest of the text with them (removed with it, or shown as HTML code).
# <plaintext> is never closed, whatever follows it.
SWALLOWING = {"script", "style", "iframe", "object", "template", "textarea", "title", "xmp",
              "noembed", "noframes", "noscript", "plaintext"}

def footnote_ids_only(element, attribute, value):
    """Content may not set ids of its own: they could clash with the page's
    (#content, #pykala-6) or fake an anchor. Markdown's footnotes keep theirs."""
    if attribute == "id" and not value.startswith(("fn:", "fnref:")):
        return None
    return value


CLEANER = nh3.Cleaner(
    attribute_filter=footnote_ids_only,
    tags=ALLOWED_TAGS,
    clean_content_tags=DROPPED_WITH_CONTENT,
    attributes=ALLOWED_ATTRIBUTES,
    allowed_classes=ALLOWED_CLASSES,
    url_schemes=URL_SCHEMES,
    link_rel="noopener",
)


class RemovedParts(HTMLParser):
    """What the cleaner will take away, described for the editor."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.removed = []
        self.open = []  # swallowing elements not closed yet

    def note(self, what):
        if what not in self.removed:
            self.removed.append(what)

    def handle_starttag(self, tag, attrs):
        if tag in SWALLOWING:
            self.open.append(tag)
        if tag not in ALLOWED_TAGS:
            self.note(f"<{tag}>")
            return
        allowed = ALLOWED_ATTRIBUTES["*"] | ALLOWED_ATTRIBUTES.get(tag, set())
        for name, value in attrs:
            if name == "class" and set((value or "").split()) <= ALLOWED_CLASSES.get(tag, set()):
                continue
            if name not in allowed and name != "class":
                self.note(f"{name}=")
            elif name in ("href", "src") and value and ":" in value.split("/")[0]:
                scheme = value.split(":", 1)[0].strip().lower()
                if scheme not in URL_SCHEMES:
                    self.note(f"{scheme}:")
            elif name == "class":
                self.note("class=")

    def handle_endtag(self, tag):
        if tag in self.open and tag != "plaintext":
            del self.open[len(self.open) - 1 - self.open[::-1].index(tag)]


def sanitize(html):
    """(clean HTML, [descriptions of what was removed], [swallowing elements
    left open, which took the rest of the text with them])."""
    clean = CLEANER.clean(html)
    if clean == html:
        return clean, [], []  # nothing removed: most texts, and no need to parse them again
    finder = RemovedParts()
    finder.feed(html)
    finder.close()
    unclosed = list(dict.fromkeys(finder.open))
    return clean, [what for what in finder.removed if what[1:-1] not in unclosed], unclosed
