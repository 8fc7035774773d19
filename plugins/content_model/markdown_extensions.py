"""Markdown extensions of the portal."""

import re

from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from pelican_adapter import SkippingInlineProcessor


class AlignmentClasses(Treeprocessor):
    """Table alignment as classes, not inline styles, which the site's
    Content-Security-Policy forbids."""

    def run(self, root):
        for element in root.iter():
            style = element.get("style", "")
            if style.startswith("text-align:"):
                element.set("class", "align-" + style.split(":", 1)[1].strip(" ;"))
                del element.attrib["style"]


class DemotedMainHeadings(Treeprocessor):
    """A page has one main heading, from its Title: a '# ' heading in the
    text becomes a subheading. Its text, as written, is noted in
    ``md.demoted_headings`` for the editor to be told (see convert)."""

    def run(self, root):
        self.md.demoted_headings = []
        for element in root.iter("h1"):
            element.tag = "h2"
            self.md.demoted_headings.append(element.text or "")


# What each inline pattern of Python-Markdown with `extra` cannot match
# without (one of some characters, or two spaces before a line break), read
# from its expression. A pattern whose expression is not the one given here
# (another version or extension) is searched for as it is.
PATTERN_NEEDS = {
    "backtick": (r"[`\\]",
        r"(?:(?<!\\)((?:\\{2})+)(?=`+)|(?<!\\)`)"),
    "escape": (r"\\",
        r"\\(.)"),
    "footnote": (r"\[",
        r"\[\^([^\]]*)\]"),
    "reference": (r"\[",
        r"(?<!\!)\["),
    "link": (r"\[",
        r"(?<!\!)\["),
    "image_link": (r"\[",
        r"\!\["),
    "image_reference": (r"\[",
        r"\!\["),
    "short_reference": (r"\[",
        r"(?<!\!)\["),
    "short_image_ref": (r"\[",
        r"\!\["),
    "autolink": (r"<",
        r"<([A-Za-z][A-Za-z0-9+.-]*://[^<>]*)>"),
    "automail": (r"<",
        r"<([^<> !]+@[^@<> ]+)>"),
    "linebreak": ('  \n',
        r"  \n"),
    "html": (r"<",
        r'''(<(\/?+[a-zA-Z][^\s"'<>@]*+(?:\s+[^\s"'=<>]++(?:\s*+=\s*+(?:"[^"]*+"|'[^']*+'|[^\s"'=<>]++))?+)*+\s*+/?|!--(?:(?!<!--|-->).)*--|[?](?:(?!<[?]|[?]>).)*[?]|!\[CDATA\[(?:(?!<!\[CDATA\[|\]\]>).)*\]\])>)'''),
    "entity": (r"&",
        r"(&(?:\#[0-9]+|\#x[0-9a-fA-F]+|[a-zA-Z0-9]+);)"),
    "em_strong": (r"[*_]",
        r"\*|_"),
}


def is_known(patterns, name):
    """Whether ``patterns`` has the pattern ``name`` with the expression
    PATTERN_NEEDS was read from."""
    return (name in patterns
            and patterns[name].getCompiledRegExp().pattern == PATTERN_NEEDS[name][1])


class QuickInlineProcessor(SkippingInlineProcessor):
    """Python-Markdown's inline processor searches every piece of text once
    for every inline pattern: 15 passes over the text, two fifths of
    Markdown's time. Most paragraphs of minutes have no inline markup at
    all. A text that lacks what every pattern needs is left as it is after
    one pass; the result is the same."""

    needs = None

    def run(self, tree, ancestors=None):
        if self.needs is None:
            known = [name for name in PATTERN_NEEDS if is_known(self.inlinePatterns, name)]
            covered = {id(self.inlinePatterns[name]) for name in known}
            self.needs = re.compile("|".join(PATTERN_NEEDS[name][0] for name in known))
            self.others = [pattern.getCompiledRegExp() for pattern in self.inlinePatterns
                           if id(pattern) not in covered]
        return super().run(tree, ancestors)

    def skips(self, text):
        return not self.needs.search(text) and not any(other.search(text) for other in self.others)


class QuickHtmlBlocks(Preprocessor):
    """Python-Markdown parses every text with an HTML parser to take out raw
    HTML blocks; a text without '<' or '&' has nothing for it to take out,
    and is left as it is."""

    def __init__(self, md, html_blocks):
        super().__init__(md)
        self.html_blocks = html_blocks

    def run(self, lines):
        text = "\n".join(lines)
        if "<" not in text and "&" not in text:
            return lines
        return self.html_blocks.run(lines)


class PortalExtension(Extension):
    def extendMarkdown(self, md):
        md.treeprocessors.register(QuickInlineProcessor(md), "inline", 20)
        if "html_block" in md.preprocessors:
            md.preprocessors.register(
                QuickHtmlBlocks(md, md.preprocessors["html_block"]), "html_block", 20)
        md.treeprocessors.register(AlignmentClasses(md), "alignment_classes", 0)
        # Before the inline patterns: the heading's text is still as written.
        md.treeprocessors.register(DemotedMainHeadings(md), "demoted_main_headings", 25)
