"""What a line of minutes is: an item heading as the contract writes it
('## 6 § Title'), a line that looks like one but is not written so ('# 6 §',
'**6 § Title**', '6 § Title', '§ 6 Title', '6. Title'), a proposal or
decision label, or a label written in another way ('Päätös -', 'PÄÄTÖS',
'Päätösehdotus.'). Minutes arrive pasted from Word and PDF: every such
line is either read as the editor meant it or reported, never published
as something else.

The patterns run on editor text: each is anchored at the line's start and
uses possessive quantifiers, so none backtracks more than linearly.
"""

import re
from dataclasses import dataclass

# '## 6 § Title', '# § 6 Title', '**6 § Title**', '6. Title' ...: the heading
# marks, bold, and the number in one of the three ways minutes write it.
ITEM_LIKE = re.compile(
    r"^(?P<marks>#{1,6}+)?[ \t]*+(?P<bold>\*\*|__)?[ \t]*+"
    r"(?:(?P<a>\d{1,4}+)[ \t]*+§|§[ \t]*+(?P<b>\d{1,4}+)|(?P<c>\d{1,4}+)\.(?=[ \t]))"
    r"[ \t]*+(?P<title>.*)$"
)
# Bold around a whole label ('**Päätös:**', '**Päätös**:'), kept as before.
BOLD = r"(?:\*\*|__)?"
PROPOSAL_WORDS = ("Esitys", "Ehdotus", "Päätösehdotus", "Förslag", "Beslutsförslag")
DECISION_WORDS = ("Päätös", "Beslut")
# The label word, then how it is set off from its text: ':' is the contract's
# way; '-', '–', '.' or nothing at the end of the line are other documents'.
LABEL = re.compile(
    rf"^{BOLD}(?P<word>{'|'.join(PROPOSAL_WORDS + DECISION_WORDS)})(?P<note>[ \t]*+\([^()\n]*+\))?"
    rf"[ \t]*+(?P<inner>:|[-–.](?={BOLD}(?:[ \t\n]|$)))?{BOLD}[ \t]*+"
    rf"(?P<mark>:|[-–.](?=[ \t\n]|$)|(?=\n)|$)?[ \t]*+{BOLD}[ \t]*+",
    re.IGNORECASE,
)
PART_OF_WORD = {word.lower(): "proposal" for word in PROPOSAL_WORDS}
PART_OF_WORD.update({word.lower(): "decision" for word in DECISION_WORDS})
# The label the contract uses for each part, per language of the word.
CONTRACT_LABEL = {"esitys": "Esitys", "ehdotus": "Esitys", "päätösehdotus": "Esitys",
                  "förslag": "Förslag", "beslutsförslag": "Förslag",
                  "päätös": "Päätös", "beslut": "Beslut"}


@dataclass(frozen=True)
class ItemLine:
    """A line that names an agenda item: its number and title, and whether
    it is written as the contract says ('## N § Title')."""

    number: int
    title: str
    written_right: bool
    numbered_only: bool  # '6. Title': also what an ordered list looks like

    def expected(self):
        # Pasted minutes run the title into the text: 'Avaus. Puheenjohtaja …'.
        title = self.title.split(". ")[0]
        return f"## {self.number} § {title}".rstrip()[:80]


def item_line(line):
    """The ItemLine of ``line``, or None if it does not look like an item."""
    if not line or line[0] not in "#*_§0123456789":
        return None
    found = ITEM_LIKE.match(line)
    if not found:
        return None
    title = found["title"].rstrip().rstrip("#").rstrip()
    if found["bold"] and title.endswith(found["bold"]):
        title = title[: -len(found["bold"])].rstrip()
    number = int(found["a"] or found["b"] or found["c"])
    right = found["marks"] == "##" and not found["bold"]
    return ItemLine(number, title, right, numbered_only=bool(found["c"]) and not found["marks"])


@dataclass(frozen=True)
class Label:
    """A proposal or decision label at the start of a block."""

    part: str  # "proposal" or "decision"
    word: str  # as written
    written_right: bool  # 'Päätös:' (any case, bold or not): the contract's form
    rest: str  # the text after the label

    def expected(self):
        contract = CONTRACT_LABEL[self.word.lower()]
        return f"{contract}: {self.rest.strip() or '…'}"[:80]


def label_of(text):
    """The Label a block starts with, or None."""
    found = LABEL.match(text) if text[:1] in "*_EeFfBbPp" else None
    if not found or (found["inner"] is None and found["mark"] is None):
        return None  # 'Päätös tehtiin yksimielisesti.': a sentence, not a label
    # '' is the end of the line: 'Päätös:' with its text on the next line.
    marks = [mark for mark in (found["inner"], found["mark"]) if mark]
    word = found["word"]
    # 'Ehdotus:' and 'Päätösehdotus:' are the proposal, as municipal minutes
    # write it; only ':' sets a label off as the contract says.
    return Label(PART_OF_WORD[word.lower()], word, marks == [":"], text[found.end():].lstrip())
