"""The portal's Markdown: its quick paths give exactly what Python-Markdown's
own processing gives."""

import re

from markdown import Markdown
from markdown.treeprocessors import InlineProcessor
from pelican.settings import read_settings

from conftest import ROOT
from content_model.convert import Converter
from content_model.markdown_extensions import PATTERN_NEEDS, PortalExtension, is_known

SAMPLES = [
    "Plain text of the minutes, with numbers 1–3 and § 4. Tervetuloa! 3 > 2.",
    "**Bold**, *emphasis*, _emphasis_ and __bold__; 5 * 3 and snake_case.",
    "`code`, ``double `tick` code``, \\`not code\\` and a \\\\ backslash.",
    "[a link](https://example.org/ \"title\"), ![an image](kuva.png) and [a reference][r].\n\n"
    "[r]: https://example.org/r",
    "[Short reference] and ![short image]\n\n[short reference]: /x\n[short image]: /k.png",
    "<https://example.org/auto> and <kirjaamo@example.fi>",
    "A hard  \nline break, and a line\nthat only wraps.",
    "<span class=\"x\">inline HTML</span>, <!-- a comment -->, &amp; &#167; &copy; and AT&T.",
    "A footnote[^1] and text.\n\n[^1]: The note, with *emphasis*.",
    "*[THL]: Terveyden ja hyvinvoinnin laitos\n\nTHL published it.",
    "| Lähde | Euroa |\n| --- | ---: |\n| Valtio | 83 % |\n| *Kunta* | [17 %](/x) |",
    "## A heading {: #own-id }\n\nTerm\n: Definition with `code`.",
    "- one\n- two with **bold**\n\n1. first\n2. second",
    "> A quote with a [link](/x).\n\n    indented code *not emphasis*",
    "```\nfenced <b>code</b> *as is*\n```",
    "<div>\nA raw *block*\n</div>\n\nAfter it.\n\n<div markdown=\"1\">\n*Markdown* inside\n</div>",
    "Fish &amp; chips &mdash; &#x2014; and a bare & sign; § 4 as &#167 4 without its ';'.",
]


def reference_markdown(markdown):
    """The same Markdown with Python-Markdown's own inline processor and
    HTML block preprocessor."""
    markdown.treeprocessors.register(InlineProcessor(markdown), "inline", 20)
    stock_html_blocks = markdown.preprocessors["html_block"].html_blocks
    markdown.preprocessors.register(stock_html_blocks, "html_block", 20)
    return markdown


def portal_markdown():
    return Converter(read_settings(str(ROOT / "pelicanconf.py"))["MARKDOWN"]).markdown


def test_every_inline_pattern_is_known():
    # A new extension or Markdown version: read what each new pattern needs
    # from its expression, and write both in PATTERN_NEEDS.
    markdown = portal_markdown()
    assert all(is_known(markdown.inlinePatterns, name) for name in PATTERN_NEEDS)
    assert len(markdown.inlinePatterns) == len(PATTERN_NEEDS)


def test_a_pattern_changed_by_another_extension_is_searched_for_as_it_is():
    def with_strikethrough(markdown):
        markdown.delimiters.add("~", "del,del", double=True)
        return markdown

    extensions = ["markdown.extensions.extra", PortalExtension()]
    quick = with_strikethrough(Markdown(extensions=extensions))
    reference = reference_markdown(with_strikethrough(Markdown(extensions=extensions)))
    text = "Poistettu ~~vanha~~ teksti."
    assert "<del>" in reference.convert(text)
    assert quick.convert(text) == reference.convert(text)


def test_quick_paths_give_the_same_html():
    texts = SAMPLES + [path.read_text(encoding="utf-8")
                       for path in sorted((ROOT / "content").rglob("*.md"))]
    quick, reference = portal_markdown(), reference_markdown(portal_markdown())
    for text in texts:
        assert quick.reset().convert(text) == reference.reset().convert(text), text
    # every pattern matches somewhere, and each match has what the table says
    for name, (needs, _expression) in PATTERN_NEEDS.items():
        expression = quick.inlinePatterns[name].getCompiledRegExp()
        matches = [match.group(0) for text in texts for match in expression.finditer(text)]
        assert matches, name
        assert all(re.search(needs, match) for match in matches), name
