"""Minutes as they are received (text pasted from a PDF, a Word document,
a municipal template) read into the content contract: header facts, items
as '## N § Title', 'Esitys:' / 'Päätös:' paragraphs. Pure functions of
text; `invoke import-minutes` (import_minutes.py) reads and writes files.

Every pattern is anchored at a line's start with possessive quantifiers:
minutes are untrusted text (see untrusted_text).
"""

import re
from dataclasses import dataclass, field

from .agenda_lines import CONTRACT_LABEL, item_line, label_of
from content_model.schema import FINNISH_DATE

# Header lines of municipal minutes: 'Aika: 1.6.2020 klo 12.00', 'Paikka: …'.
HEADER_LINE = re.compile(r"^(?P<key>[^\W\d_][^:\n]{0,30}+):[ \t]*+(?P<value>.*)$")
HEADER_KEYS = {
    "aika": "Date", "päivämäärä": "Date", "kokousaika": "Date", "tid": "Date", "datum": "Date",
    "paikka": "Location", "kokouspaikka": "Location", "plats": "Location",
    "puheenjohtaja": "Chair", "pj": "Chair", "ordförande": "Chair",
    "läsnä": "Attendees", "läsnä olleet": "Attendees", "osallistujat": "Attendees",
    "närvarande": "Attendees",
}
# A word broken at the end of a line by the PDF: 'asi-' + 'antuntija'.
BROKEN_WORD = re.compile(r"[^\W\d_]-$")
BULLET = re.compile(r"^(?:[•\u2022\u25aa\u25cf\uf0b7o–-])[ \t]++(?P<text>.*)$")
SPACES = re.compile(r"[ \t\u00a0]++")


@dataclass
class ReceivedItem:
    number: int
    title: str
    lines: list = field(default_factory=list)


@dataclass
class ReceivedMinutes:
    header: dict = field(default_factory=dict)  # contract key -> value as written
    preamble: list = field(default_factory=list)
    items: list = field(default_factory=list)


def tidy_lines(text):
    """Lines without the extraction's noise: runs of spaces, trailing
    blanks, words broken across lines, bullets as '- '."""
    lines = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = SPACES.sub(" ", raw).strip()
        bullet = BULLET.match(line)
        if bullet:
            line = f"- {bullet['text']}"
        if lines and lines[-1] and line[:1].islower() and BROKEN_WORD.search(lines[-1]):
            lines[-1] = lines[-1][:-1] + line
            continue
        lines.append(line)
    return lines


def finnish_date(value):
    """'1.6.2020 klo 12.00' -> '2020-06-01 12:00'; None if it is no date."""
    found = FINNISH_DATE.match(value.strip().rstrip("."))
    if not found:
        return None
    time = (found["t"] or "").replace(".", ":")
    if time and not re.match(r"^\d{1,2}:\d{2}$", time):
        time = ""
    day = f"{found['y']}-{int(found['m']):02}-{int(found['d']):02}"
    return f"{day} {int(time.split(':')[0]):02}:{time.split(':')[1]}" if time else day


def is_item(found, items):
    """Whether an item-like line starts the next item. '5. Text' is one
    only as the first or the next number (else a list inside an item); a
    '§' line is, when its number comes after the last one."""
    if not items:
        return True
    last = items[-1].number
    return found.number == last + 1 if found.numbered_only else found.number > last


def read_received(text):
    """ReceivedMinutes of the text of minutes as received."""
    minutes = ReceivedMinutes()
    for line in tidy_lines(text):
        found = item_line(line) if line else None
        if found and found.title and is_item(found, minutes.items):
            minutes.items.append(ReceivedItem(found.number, SPACES.sub(" ", found.title).strip(" *_:")))
            continue
        if minutes.items:
            minutes.items[-1].lines.append(line)
            continue
        header = HEADER_LINE.match(line)
        key = header and HEADER_KEYS.get(header["key"].strip().lower())
        if key and key not in minutes.header and header["value"].strip():
            value = header["value"].strip()
            minutes.header[key] = (finnish_date(value) or value) if key == "Date" else value
        else:
            minutes.preamble.append(line)
    return minutes


def paragraphs(lines):
    """Lines grouped into paragraphs at blank lines, at labels, and where
    a table or a list starts after prose."""
    current = []
    for line in lines:
        if not line:
            if current:
                yield current
            current = []
            continue
        # Markdown reads a table or list only after a blank line.
        starts = next((mark for mark in ("|", "- ") if line.startswith(mark)), None)
        if current and (label_of(line) is not None
                        or starts and not current[-1].startswith(starts)):
            yield current
            current = []
        current.append(line)
    if current:
        yield current


def item_markdown(item, decision_seen):
    """The Markdown of one item's text: labels as the contract writes them,
    one decision (a second 'Päätös' joins the first)."""
    blocks = []
    decision_index = None
    for block in paragraphs(item.lines):
        # A wrapped line that starts like an item ('§ 4 ja 11.5.2020 …') goes
        # back to the line it continues, where it is text.
        joined = [block[0]]
        for line in block[1:]:
            if item_line(line) and not line.startswith("- "):
                joined[-1] += " " + line
            else:
                joined.append(line)
        block = joined
        label = label_of("\n".join(block))
        if label is None:
            blocks.append("\n".join(block))
            continue
        word = CONTRACT_LABEL[label.word.lower()]
        text = " ".join(part for part in label.rest.split("\n") if part).strip()
        if label.part == "decision" and decision_index is not None:
            blocks[decision_index] += " " + text
            continue
        if label.part == "decision":
            decision_index = len(blocks)
            decision_seen.append(item.number)
        blocks.append(f"{word}: {text}".rstrip())
    return "\n\n".join(blocks)


def minutes_markdown(minutes):
    """The body of the meeting file: the preamble, then each item."""
    parts = []
    preamble = "\n".join(minutes.preamble).strip()
    if preamble:
        parts.append(preamble)
    decided = []
    for item in minutes.items:
        parts.append(f"## {item.number} § {item.title}")
        text = item_markdown(item, decided)
        if text:
            parts.append(text)
    return "\n\n".join(parts) + "\n"
