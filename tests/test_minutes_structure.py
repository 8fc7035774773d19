"""Minutes that cannot be published wrong without a word: every line that
looks like an agenda item is one, or an error at its line that says what to
write; labels written another way are errors; no items is an error."""

import logging

import pytest

from site_build import BuildFailed
from test_meetings import BASE

HEADER = "Title: X\nDate: 2020-06-01 12:00\nBody: johtoryhma\n\n"


def errors_of(build_from, caplog, body):
    caplog.set_level(logging.WARNING)
    with pytest.raises(BuildFailed) as failure:
        build_from({**BASE, "meetings/x.fi.md": HEADER + body})
    own = [r.getMessage() for r in caplog.records
           if r.levelno >= logging.WARNING and r.getMessage().startswith("meetings/")]
    return own, str(failure.value)


@pytest.mark.parametrize(("body", "expected"), [
    # minutes pasted as received: no '## ' at all
    ("1 § Kokouksen avaus. Puheenjohtaja avasi kokouksen.\n\n2 § Talous\n\nPäätös: Hyväksyttiin.\n",
     ["meetings/x.fi.md:5: '1 § Kokouksen avaus. Puheenjohtaja avasi kokouksen.' looks like an "
      "agenda item but is not written as its heading: write '## 1 § Kokouksen avaus' on a line of "
      "its own",
      "meetings/x.fi.md:7: '2 § Talous' looks like an agenda item but is not written as its "
      "heading: write '## 2 § Talous' on a line of its own"]),
    ("## 5 § Avaus\n\nPäätös: Avattiin.\n\n# 6 § Talous\n\nPäätös: Hyväksyttiin.\n",
     ["meetings/x.fi.md:9: '# 6 § Talous' looks like an agenda item but is not written as its "
      "heading: write '## 6 § Talous' on a line of its own"]),
    ("## 5 § Avaus\n\nPäätös: Avattiin.\n\n**6 § Talous**\n\nPäätös: Hyväksyttiin.\n",
     ["meetings/x.fi.md:9: '**6 § Talous**' looks like an agenda item but is not written as its "
      "heading: write '## 6 § Talous' on a line of its own"]),
    ("## 5 § Avaus\n\nPäätös: Avattiin.\n\n### § 6 Talous\n\nPäätös: Hyväksyttiin.\n",
     ["meetings/x.fi.md:9: '### § 6 Talous' looks like an agenda item but is not written as its "
      "heading: write '## 6 § Talous' on a line of its own"]),
    # numbered paragraphs, as the 2016 minutes number their items
    ("1. Avaus\n\nPäätös: Avattiin.\n\n2. Talous\n",
     ["meetings/x.fi.md:5: '1. Avaus' looks like an agenda item but is not written as its "
      "heading: write '## 1 § Avaus' on a line of its own",
      "meetings/x.fi.md:9: '2. Talous' looks like an agenda item but is not written as its "
      "heading: write '## 2 § Talous' on a line of its own"]),
    ("## 1 § Avaus\n\nPäätös - Avattiin.\n",
     ["meetings/x.fi.md:7: 'Päätös - Avattiin.' is not read as a label: write 'Päätös: "
      "Avattiin.', the label and a colon with the text after it on the same line"]),
    ("## 1 § Avaus\n\nPÄÄTÖS\nAvattiin.\n",
     ["meetings/x.fi.md:7: 'PÄÄTÖS' is not read as a label: write 'Päätös: Avattiin.', the "
      "label and a colon with the text after it on the same line"]),
    ("## 1 § Avaus\n\n**Beslut.** Öppnades.\n",
     ["meetings/x.fi.md:7: '**Beslut.** Öppnades.' is not read as a label: write 'Beslut: "
      "Öppnades.', the label and a colon with the text after it on the same line"]),
    ("## 1 § Avaus\n\nPäätös: Avattiin.\n\nPäätös: Suljettiin.\n",
     ["meetings/x.fi.md:9: item 1 § has a second decision (the first is on line 7); an item has "
      "one: write it as one 'Päätös:' paragraph, or give the other its own item"]),
    ("## 2 § Talous\n\n## 1 § Avaus\n",
     ["meetings/x.fi.md:7: item 1 § comes after item 2 §: put the items in the order of the minutes"]),
    ("Pöytäkirja on liitteenä.\n",
     ["meetings/x.fi.md:5: the minutes have no agenda items: write each item as a heading of its "
      "own, '## 1 § Title', with its 'Esitys:' and 'Päätös:' paragraphs below it"]),
])
def test_minutes_written_wrong_stop_at_the_line_to_fix(build_from, caplog, body, expected):
    messages, failure = errors_of(build_from, caplog, body)
    assert messages == expected  # and nothing else: one message per problem
    assert failure.startswith(f"{len(expected)} error")


def test_proposal_label_variants_are_proposals(build_from):
    site = build_from({**BASE, "meetings/x.fi.md": HEADER + (
        "## 14 § Talousarvio\n\nPäätösehdotus: Hyväksytään.\n\nPäätös: Hyväksyttiin.\n\n"
        "## 15 § Muut\n\nEhdotus: Merkitään tiedoksi.\n\n"
        "Sisällysluettelo:\n\n1. Ensimmäinen\n2. Toinen\n")})
    items = site.html("/kokoukset/x/").select("section.agenda-item")
    assert items[0].select_one(".proposal p").get_text() == "Hyväksytään."
    assert items[1].select_one(".proposal p").get_text() == "Merkitään tiedoksi."
    assert [li.get_text() for li in items[1].select(".prose li")] == ["Ensimmäinen", "Toinen"]
    register = site.html("/kokoukset/paatokset/")
    assert [e.select_one(".decision").get_text(strip=True) for e in register.select(".register-entry")
            if "/kokoukset/x/" in e.a["href"]] == ["Hyväksyttiin."]
