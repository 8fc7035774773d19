"""The agenda of a meeting: its items (pykälät / paragrafer), each with its
proposal (Esitys / Förslag), decision (Päätös / Beslut) and discussion.

Items are level-2 headings: ``## 6 § Title``, ``## § 6 Title``,
``## 6§ Title`` or the older ``## 6. Title``. Every other line that looks
like an item (see agenda_lines) is an error, and so is a label written
another way than 'Päätös:': nothing reaches the decision register that the
editor did not write as a decision.
"""

import difflib
import re
import unicodedata
from dataclasses import dataclass, field

from .agenda_lines import item_line, label_of
from content_model.messages import _, _n
from content_model.untrusted_text import heading_text

LEVEL_2 = re.compile(r"^##(?!#)")
FENCE = re.compile(r"^\s*(```|~~~)")
BOLD = r"(?:\*\*|__)?"
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
class ItemBeingRead:
    """An agenda item while its blocks are read, in Markdown."""

    number: int
    title: str
    line: int
    proposal: str = ""
    decision: str = ""
    discussion: list = field(default_factory=list)  # Markdown blocks


@dataclass(frozen=True)
class AgendaItem:
    """An agenda item as the meeting keeps it, its parts as HTML. Frozen:
    it is kept between builds and shared by every page that shows it."""

    number: int
    title: str
    line: int
    proposal: str = ""
    decision: str = ""
    discussion: str = ""


@dataclass
class Agenda:
    preamble: list = field(default_factory=list)  # Markdown blocks before item 1
    items: list = field(default_factory=list)

    # The minutes' attribute that holds the items (Meeting.agenda).
    attribute = "agenda"

    def converted(self, html):
        """(the preamble as HTML, the items in order with their parts as
        HTML); ``html`` converts Markdown as the rest of the body is."""
        items = tuple(AgendaItem(entry.number, entry.title, entry.line, html(entry.proposal),
                                 html(entry.decision), html("\n\n".join(entry.discussion)))
                      for entry in sorted(self.items, key=lambda entry: entry.number))
        return html("\n\n".join(self.preamble)), items


def is_label(line):
    return label_of(line) is not None


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


def split_items(source):
    """[(ItemLine or None, heading line, body lines)]: the text before the
    first item, then each item. A line that looks like an item heading but
    is not written as one is reported, and still starts its item, so that
    its proposal and decision are not taken for the item's above."""
    lines = source.body.split("\n")
    written_right = any(
        found and found.written_right for found in map(item_line, lines))
    sections = []
    body, heading_line, heading = [], source.body_line, None
    fence = None
    for number, line in enumerate(lines, start=source.body_line):
        opening = FENCE.match(line)
        if opening:  # a '## …' line inside fenced code is code, not an item
            fence = None if fence == opening[1] else fence or opening[1]
        found = item_line(line) if fence is None and not opening else None
        # '2. Text' inside an item is an ordered list; before the first item,
        # or in minutes with no item written right, it is an item's number.
        if found and found.numbered_only and (written_right or heading and not (
                heading.numbered_only and found.number == heading.number + 1)):
            found = None
        if found:
            if not found.written_right:
                source.error(number, _(
                    "'{found}' looks like an agenda item but is not written as its heading: "
                    "write '{expected}' on a line of its own", found=line.strip()[:60],
                    expected=found.expected()))
            sections.append((heading, heading_line, body))
            heading, heading_line, body = found, number, []
        elif fence is None and not opening and LEVEL_2.match(line):
            source.error(number, _(
                "an agenda item heading must be '## 6 § Title' (or '## § 6 Title', "
                "'## 6. Title'); found '{found}'", found=line.strip()[:60]))
            sections.append((heading, heading_line, body))
            heading, heading_line, body = False, number, []
        else:
            body.append(line)
    sections.append((heading, heading_line, body))
    return sections


def parse_agenda(source):
    """Split ``source.body`` into an Agenda; problems go to ``source``."""
    agenda = Agenda()
    seen = {}
    decided = {}  # item number -> line of its decision
    current = previous = None
    for heading, heading_line, body in split_items(source):
        first_body_line = heading_line + 1 if heading is not None else heading_line
        if heading:
            number = heading.number
            if number in seen:
                source.error(heading_line, _(
                    "item {number} § appears twice (also on line {line}); each item needs "
                    "its own number", number=number, line=seen[number]))
            elif previous is not None and number < previous:
                source.error(heading_line, _(
                    "item {number} § comes after item {previous} §: put the items in the "
                    "order of the minutes", number=number, previous=previous))
            seen.setdefault(number, heading_line)
            previous = max(number, previous or 0)
            current = ItemBeingRead(number, heading_text(heading.title), heading_line)
            agenda.items.append(current)
        elif heading is False:
            current = None  # an invalid heading, already reported
            continue
        for line_number, text in blocks(body, first_body_line):
            read_block(source, agenda, current, line_number, text, decided)
    if not seen:
        source.error(source.body_line, _(
            "the minutes have no agenda items: write each item as a heading of its own, "
            "'## 1 § Title', with its 'Esitys:' and 'Päätös:' paragraphs below it"))
    numbers = sorted(seen)
    missing = [n for n in range(numbers[0], numbers[-1] + 1) if n not in seen] if numbers else []
    if missing:
        source.warn(seen[numbers[0]], _n(
            "the items skip number {numbers} (fine if the minutes are published in part)",
            "the items skip numbers {numbers} (fine if the minutes are published in part)",
            len(missing), numbers=", ".join(f"{n} §" for n in missing)))
    return agenda


def read_block(source, agenda, current, line_number, text, decided):
    """Add one block of text to the item ``current`` (None: before the first
    item) as its proposal, its decision or its discussion."""
    label = label_of(text)
    if label and current is None:
        source.error(line_number, _(
            "'{word}:' is outside any agenda item; put it under the item's "
            "'## N § Title' heading", word=label.word))
    elif label and not label.written_right:
        source.error(line_number, _(
            "'{found}' is not read as a label: write '{expected}', the label and a colon "
            "with the text after it on the same line", found=text.split("\n")[0].strip()[:40],
            expected=label.expected().split("\n")[0]))
    elif label and label.part == "decision" and current.number in decided:
        source.error(line_number, _(
            "item {number} § has a second decision (the first is on line {line}); an item "
            "has one: write it as one 'Päätös:' paragraph, or give the other its own item",
            number=current.number, line=decided[current.number]))
    elif label:
        if label.part == "decision":
            decided[current.number] = line_number
        existing = getattr(current, label.part)
        setattr(current, label.part, f"{existing}\n\n{label.rest}" if existing else label.rest)
    elif current is None:
        agenda.preamble.append(text)
    else:
        meant = misspelt_label(text)
        if meant:
            source.warn(line_number, _(
                "'{found}:' is shown as text, not as the item's {label}; did you "
                "mean '{label}:'?", found=LEADING_WORD.match(text)["word"], label=meant))
        current.discussion.append(text)
