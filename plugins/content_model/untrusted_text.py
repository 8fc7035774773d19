"""Rules for the text of a content file, which may come from anywhere: a
pasted e-mail, a Word document, a contributed pull request. What would
break the build (a control character lxml refuses in a feed) or hold it for
hours (Markdown scans for a closing ']' from every '[') is stopped here,
with the line to fix, before any parser sees the text.

Used by read_source, which both the build and `invoke check` read through.
"""

import re
from dataclasses import dataclass

from .messages import _

# Control characters other than tab and line breaks (C0, DEL and C1), the
# two non-characters and lone surrogates: invisible, and not allowed in XML.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")
CONTROL_NAMES = {
    0x00: _("null"), 0x07: _("bell"), 0x08: _("backspace"), 0x0B: _("vertical tab"),
    0x0C: _("form feed"), 0x1B: _("escape"), 0x7F: _("delete"), 0x85: _("next line"),
}
# What Markdown scans forward from for its closing character. '<' ends at
# the next '>'; brackets and parentheses nest.
OPENERS = {"[": "]", "(": ")", "<": ">"}
NESTED = {"]": "[", ")": "("}
NESTING = re.compile(r"[\[\]()<>]")
BACKTICKS = re.compile(r"`+")


@dataclass(frozen=True)
class TextLimits:
    """TEXT_LIMITS in pelicanconf.py: far above what an editor writes, far
    below where the build slows down."""

    line_length: int = 10_000  # characters on one line
    # Characters Markdown reads while looking for the ']', ')' or '>' of each
    # '[', '(' or '<' of a file, within its paragraph (see long_scans).
    bracket_scan: int = 2_000_000


def character_name(character):
    """'U+000B (vertical tab)'; a character without a common name is named
    by its kind."""
    code = ord(character)
    if 0xD800 <= code <= 0xDFFF:
        kind = _("half of a broken character")
    elif code in (0xFFFE, 0xFFFF):
        kind = _("not a character")
    else:
        kind = CONTROL_NAMES.get(code) or _("control character")
    return _("U+{code} ({kind})", code=f"{code:04X}", kind=kind)


def check_text(source, text, limits):
    """Add to ``source`` a problem for each line with a control character or
    more characters than the limit, and one for brackets without their
    closing ones that would take Markdown too long."""
    lines = text.split("\n")
    for number, line in enumerate(lines, start=1):
        found = CONTROL.search(line)
        if found:
            source.error(number, _(
                "invisible control character {character}, often left by a text copied "
                "from Word or an e-mail: delete it (retype the words around it if you "
                "cannot see it)", character=character_name(found[0])), column=found.start() + 1)
        if len(line) > limits.line_length:
            source.error(number, _(
                "the line is {length} characters long, more than {limit}: break it into "
                "shorter lines, or into paragraphs with a blank line between them",
                length=len(line), limit=limits.line_length))
    scans = {opener: [0, 0, 1] for opener in OPENERS}  # total, longest, its line
    for opener, line, length in long_scans(lines):
        total = scans[opener]
        total[0] += length
        if length > total[1]:
            total[1:] = [length, line]
    for opener, (total, _longest, line) in scans.items():
        if total > limits.bracket_scan:
            source.error(line, _(
                "'{opener}' without a closing '{closer}' nearby, here and many times after: "
                "the text would take too long to publish; remove the repeated '{opener}' "
                "characters, or close each with '{closer}'", opener=opener, closer=OPENERS[opener]))


def long_scans(lines):
    """(opener, its line, characters to its closer or to the end of its
    paragraph) of every '[', '(' and '<': what Markdown reads from each, in
    one pass."""
    offset = 0
    open_at = {opener: [] for opener in OPENERS}  # (offset, line) of each still open
    for number, line in enumerate(lines, start=1):
        if not line.strip():  # a paragraph ends: nothing is closed after it
            yield from closed_all(open_at, OPENERS, offset)
            continue
        for character in NESTING.finditer(line):
            char, at = character[0], offset + character.start()
            if char in OPENERS:
                open_at[char].append((at, number))
            elif char == ">":
                yield from closed_all(open_at, "<", at)
            elif open_at[NESTED[char]]:
                start, at_line = open_at[NESTED[char]].pop()
                yield NESTED[char], at_line, at - start
        offset += len(line) + 1
    yield from closed_all(open_at, OPENERS, offset)


def closed_all(open_at, openers, at):
    """The scans of all ``openers`` still open, which end at ``at``."""
    for opener in openers:
        yield from ((opener, line, at - start) for start, line in open_at[opener])
        open_at[opener].clear()


def heading_text(text):
    """A heading's text without the closing '#'s and whitespace Markdown drops."""
    return text.rstrip().rstrip("#").rstrip()


def without_code_spans(line):
    """``line`` without its code spans: a run of backticks up to the next run
    of the same length, as Markdown reads them. One pass over the runs."""
    runs = [(run.start(), run.end()) for run in BACKTICKS.finditer(line)]
    closing, later = [None] * len(runs), {}
    for index in range(len(runs) - 1, -1, -1):
        start, end = runs[index]
        closing[index], later[end - start] = later.get(end - start), index
    kept, position, index = [], 0, 0
    while index < len(runs):
        if closing[index] is None:
            index += 1
            continue
        kept.append(line[position:runs[index][0]])
        position, index = runs[closing[index]][1], closing[index] + 1
    return "".join(kept) + line[position:]
