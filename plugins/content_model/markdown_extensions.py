"""Markdown extensions of the portal."""

from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor


class AlignmentClasses(Treeprocessor):
    """Table alignment as classes, not inline styles, which the site's
    Content-Security-Policy forbids."""

    def run(self, root):
        for element in root.iter():
            style = element.get("style", "")
            if style.startswith("text-align:"):
                element.set("class", "align-" + style.split(":", 1)[1].strip(" ;"))
                del element.attrib["style"]


class PortalExtension(Extension):
    def extendMarkdown(self, md):
        md.treeprocessors.register(AlignmentClasses(md), "alignment_classes", 0)
