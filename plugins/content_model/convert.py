"""Markdown to safe HTML, with one reused Markdown instance: the body, the
Summary and the parts of what its kind reads from the body (a meeting's
agenda items) of one item."""

from markdown import Markdown
from markupsafe import Markup

from .markdown_extensions import PortalExtension
from .messages import _
from .sanitize import sanitize


def line_of(source, removed):
    """The line of the body where the editor wrote what was removed: the
    tag's opening ('<script'), the attribute ('onclick=') or the scheme."""
    needle = (removed[:-1] if removed.startswith("<") else removed).lower()
    for offset, line in enumerate(source.body.split("\n")):
        if needle in line.lower():
            return source.body_line + offset
    return source.body_line


def last_line_of(source, opening):
    """The last line of the body with the tag ``opening`` ('<style'): the
    one left open, when the others before it are closed."""
    lines = source.body.lower().split("\n")
    found = [offset for offset, line in enumerate(lines) if opening in line]
    return source.body_line + (found[-1] if found else 0)


def heading_line(source, heading):
    """The line of the body with the '# ' heading ``heading``."""
    for offset, line in enumerate(source.body.split("\n")):
        if line.startswith("#") and line.lstrip("#").strip().rstrip("#").strip() == heading.strip():
            return source.body_line + offset
    return source.body_line


class Converter:
    def __init__(self, markdown_settings):
        config = dict(markdown_settings)
        extensions = config.pop("extensions", []) + list(config["extension_configs"])
        self.markdown = Markdown(
            extensions=[*dict.fromkeys(extensions), PortalExtension()], **config
        )

    def html(self, source, text, line=None):
        """Safe HTML of ``text``; what the policy removes is a warning, on
        ``line`` if given (a header value), else where the body has it."""
        if not text.strip():
            return Markup("")
        clean, removed, unclosed = sanitize(self.markdown.reset().convert(text))
        for tag in unclosed:
            source.error(line or last_line_of(source, f"<{tag}"), _(
                "<{tag}> is not closed with </{tag}>: the rest of the text would vanish from "
                "the page; remove <{tag}> and what belongs to it (such as styles pasted from "
                "an e-mail)", tag=tag))
        for heading in self.markdown.demoted_headings:
            source.warn(line or heading_line(source, heading), _(
                "'# {heading}' is a main heading, but the page has one already, from its "
                "Title: it is shown as a subheading; write '## {heading}' (in minutes, "
                "'### {heading}')", heading=heading))
        for what in removed:
            source.warn(line or line_of(source, what), _(
                "removed {what} from the published page: only the HTML the editor guide "
                "lists is allowed", what=what))
        # Cleaned by the policy above: templates may output it as it is.
        return Markup(clean)

    def item(self, source, values, structure):
        """(content HTML, summary HTML or None, the parts of ``structure`` as
        HTML or None); ``structure`` is what the item's kind read from the
        body (BodyStructure.parse), or None."""
        summary = (self.html(source, values["summary"], source.fields["summary"].line)
                   if "summary" in source.fields else None)
        if structure is None:
            return self.html(source, source.body), summary, None
        content, parts = structure.converted(lambda text: self.html(source, text))
        return content, summary, parts
