"""The agenda of a meeting: its items (pykälät / paragrafer), each with its
proposal (Esitys / Förslag), decision (Päätös / Beslut) and discussion.

Items are level-2 headings: ``## 6 § Title``, ``## § 6 Title``,
``## 6§ Title`` or the older ``## 6. Title``.
"""

import difflib
import re
import unicodedata
from dataclasses import dataclass, field

from .messages import _
from .untrusted_text import heading_text

ITEM_HEADING = re.compile(
    r"^##\s+(?:(?P<a>\d+)\s*§|§\s*(?P<b>\d+)|(?P<c>\d+)\.)\s*+(?P<title>.*)$"
)
LEVEL_2 = re.compile(r"^##(?!#)")
FENCE = re.compile(r"^\s*(```|~~~)")
# The label may be bold, as minutes often write it: **Päätös:** or **Päätös**:
BOLD = r"(?:\*\*|__)?"
LABELS = {
    "proposal": re.compile(
        rf"^{BOLD}(?:Esitys|Förslag)(?:\s*\([^)]*\))?{BOLD}\s*:\s*{BOLD}\s*", re.IGNORECASE),
    "decision": re.compile(rf"^{BOLD}(?:Päätös|Beslut){BOLD}\s*:\s*{BOLD}\s*", re.IGNORECASE),
}

LABEL_WORDS = ("Esitys", "Förslag", "Päätös", "Beslut")
LEADING_WORD = re.compile(rf"^{BOLD}(?P<word>[^\W\d_]+){BOLD}\s*:")


def plain_letters(word):
    """'Päätös' -> 'paatos': how a label typed without ä and ö reads."""
    return "".join(c for c in unicodedata.normalize("NFD", word.lower()) if c.isascii())


def misspelt_label(text):
    """The label a block that is not one seems meant to start with, as in
    'Päätos:' or 'Paatos:'; None if it does not look like one."""
    found = LEADING_WORD.match(text)
    if not found:
        return None
    word = plain_letters(found["word"])
    for label in LABEL_WORDS:
        # A slip of a letter or two, not another form of the word
        # ('Päätökset:', 'Beslutet:'): about the same length.
        plain = plain_letters(label)
        if abs(len(word) - len(plain)) <= 1 and difflib.SequenceMatcher(None, word, plain).ratio() >= 0.8:
            return label
    return None


@dataclass
class AgendaItem:
    number: int
    title: str
    line: int
    proposal: str = ""
    decision: str = ""
    discussion: list = field(default_factory=list)  # Markdown blocks


@dataclass
class Agenda:
    preamble: list = field(default_factory=list)  # Markdown blocks before item 1
    items: list = field(default_factory=list)


def is_label(line):
    return any(label.match(line) for label in LABELS.values())


def blocks(lines, first_line):
    """Blocks separated by blank lines, with their first line number. A
    fenced code block stays one block, whatever it holds; a line that starts
    with a label starts a block of its own, so a proposal and a decision on
    consecutive lines are two blocks."""
    block, start, fence = [], first_line, None
    for number, line in enumerate(lines, start=first_line):
        if fence is None and not line.strip():
            if block:
                yield start, "\n".join(block)
                block = []
            continue
        if fence is None and block and is_label(line):
            yield start, "\n".join(block)
            block = []
        if not block:
            start = number
        block.append(line)
        opening = FENCE.match(line)
        if fence is None and opening:
            fence = opening[1]
        elif fence is not None and line.strip().startswith(fence) and len(block) > 1:
            fence = None
    if block:
        yield start, "\n".join(block)


def parse_agenda(source):
    """Split ``source.body`` into an Agenda; problems go to ``source``."""
    agenda = Agenda()
    current = None
    lines = source.body.split("\n")
    sections = []  # (heading line number, heading match or None, body lines)
    body, heading_line, heading = [], source.body_line, None
    fence = None
    for number, line in enumerate(lines, start=source.body_line):
        opening = FENCE.match(line)
        if opening:  # a '## …' line inside fenced code is code, not an item
            fence = None if fence == opening[1] else fence or opening[1]
        if fence is None and not opening and LEVEL_2.match(line):
            sections.append((heading_line, heading, body))
            match = ITEM_HEADING.match(line)
            if not match:
                source.error(number, _(
                    "an agenda item heading must be '## 6 § Title' (or '## § 6 Title', "
                    "'## 6. Title'); found '{found}'", found=line.strip()[:60]))
            heading_line, heading, body = number, match, []
        else:
            body.append(line)
    sections.append((heading_line, heading, body))

    seen = {}
    for index, (heading_line, heading, body) in enumerate(sections):
        first_body_line = heading_line + 1 if heading else heading_line
        if heading:
            number = int(heading["a"] or heading["b"] or heading["c"])
            if number in seen:
                source.error(heading_line, _(
                    "item {number} § appears twice (also on line {line}); each item needs "
                    "its own number", number=number, line=seen[number]))
            seen.setdefault(number, heading_line)
            current = AgendaItem(number, heading_text(heading["title"]), heading_line)
            agenda.items.append(current)
        elif index > 0:
            current = None  # an invalid heading, already reported
            continue
        for line_number, text in blocks(body, first_body_line):
            part = next((name for name, label in LABELS.items() if label.match(text)), None)
            if part and current is None:
                word = text.split(":", 1)[0].strip(" *_")
                source.error(line_number, _(
                    "'{word}:' is outside any agenda item; put it under the item's "
                    "'## N § Title' heading", word=word))
            elif part:
                stripped = LABELS[part].sub("", text, count=1)
                existing = getattr(current, part)
                setattr(current, part, f"{existing}\n\n{stripped}" if existing else stripped)
            elif current is None:
                agenda.preamble.append(text)
            else:
                meant = misspelt_label(text)
                if meant:
                    source.warn(line_number, _(
                        "'{found}:' is shown as text, not as the item's {label}; did you "
                        "mean '{label}:'?", found=LEADING_WORD.match(text)["word"], label=meant))
                current.discussion.append(text)

    numbers = sorted(seen)
    missing = [n for n in range(numbers[0], numbers[-1] + 1) if n not in seen] if numbers else []
    if missing:
        source.warn(seen[numbers[0]], _(
            "the items skip number(s) {numbers} (fine if the minutes are published in part)",
            numbers=", ".join(f"{n} §" for n in missing)))
    return agenda
