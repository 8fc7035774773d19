"""`invoke import-minutes FILE`: minutes as received (.docx, .txt, .md)
written as a meeting file of the content contract, with its Swedish
translation as a draft. What the text does not tell (the day, the body) is
asked for or left as a marked placeholder that `invoke check` reports."""

import re
from html.parser import HTMLParser
from pathlib import Path

from content_model.messages import _
from .minutes_text import minutes_markdown, read_received

# What the import writes where the text does not tell the day: `check`
# reports it as not filled in (schema.parse_date).
DATE_TO_FILL = "YYYY-MM-DD HH:MM"
READABLE = (".docx", ".txt", ".md")


class ImportRefused(Exception):
    """The file cannot be imported; ``messages`` say why and what to do."""

    def __init__(self, *messages):
        super().__init__("; ".join(map(str, messages)))
        self.messages = messages


class WordText(HTMLParser):
    """The text of mammoth's HTML of a Word document, a paragraph a line:
    list items as '- ' or '1. ', tables as Markdown tables."""

    BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines, self.text, self.lists, self.row, self.rows = [], [], [], None, []

    def handle_starttag(self, tag, attrs):
        if tag in ("ul", "ol"):
            self.lists.append([tag, 0])
        elif tag == "li" and self.lists:
            self.lists[-1][1] += 1
        elif tag == "tr":
            self.row = []
        elif tag == "br":
            self.text.append("\n")

    def handle_endtag(self, tag):
        # A line break inside a paragraph (<br>) stays: the lines of a
        # document converted from PDF are read as those of a text file.
        text = "\n".join(" ".join(line.split()) for line in "".join(self.text).split("\n")).strip()
        if tag in ("td", "th") and self.row is not None:
            self.row.append(text.replace("|", "\\|"))
        elif tag == "li" and self.lists:
            kind, number = self.lists[-1]
            self.lines.append(("- " if kind == "ul" else f"{number}. ") + text)
        elif tag in self.BLOCKS and self.row is None:
            self.lines += [text, ""]
        elif tag in self.BLOCKS:
            return  # a paragraph inside a table cell: the cell's text goes on
        elif tag == "tr" and self.row is not None:
            self.rows.append(self.row)
            self.row = None
        elif tag == "table":
            self.lines += table_lines(self.rows) + [""]
            self.rows = []
        elif tag in ("ul", "ol") and self.lists:
            self.lists.pop()
            self.lines.append("")
        if tag in self.BLOCKS:
            self.text = []

    def handle_data(self, data):
        self.text.append(data)


def table_lines(rows):
    if not rows:
        return []
    width = max(len(row) for row in rows)
    rows = [row + [""] * (width - len(row)) for row in rows]
    return ([f"| {' | '.join(rows[0])} |", f"|{'---|' * width}"]
            + [f"| {' | '.join(row)} |" for row in rows[1:]])


def received_text(path):
    """The text of the file as received."""
    path = Path(path)
    suffix = path.suffix.lower()
    if not path.is_file():
        raise ImportRefused(_("There is no file {file}", file=path))
    if suffix not in READABLE:
        raise ImportRefused(_(
            "Cannot import {file}: minutes are read from .docx, .txt or .md files", file=path))
    if suffix == ".docx":
        import mammoth  # only the import needs it

        with open(path, "rb") as document:
            html = mammoth.convert_to_html(document).value
        parser = WordText()
        parser.feed(html)
        return "\n".join(parser.lines)
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252")  # saved as 'ANSI' by Notepad


def guess_body(text, registry):
    """The key of the body whose name, or whose region's name, the text
    mentions most; None when none is mentioned."""
    scores = {}
    for key, body in registry.bodies.items():
        region = registry.regions.get(body.region)
        names = [body.name("fi"), body.name("sv")] + (
            [region.name("fi"), region.name("sv")] if region else [])
        # 'Pohjanmaa' is also the end of 'Etelä-Pohjanmaa': only the whole name counts.
        scores[key] = sum(len(re.findall(rf"(?<![\w-]){re.escape(name[:-1])}", text))
                          for name in names if name)
    best = max(scores.items(), key=lambda pair: pair[1], default=(None, 0))
    return best[0] if best[1] else None


def choose_body(given, path, registry, confirm):
    """The body of the minutes: ``given``, else the one the text names, if
    the editor confirms it (``confirm(question)`` is True)."""
    if given:
        return given
    guess = guess_body(received_text(path), registry)
    if guess is not None and confirm(_("Body: {key} ({name})? [y/n] ", key=guess,
                                       name=registry.bodies[guess].name("fi"))):
        return guess
    raise ImportRefused(_("Give the body with --body, one of: {known}",
                          known=", ".join(sorted(registry.bodies))))


def terminal_confirm(translations):
    """``confirm`` for choose_body: the question on the terminal, in the
    editor's language; yes is y, k (kyllä) or j (ja), and no answer is no."""
    def confirm(question):
        try:
            answer = input(question.render(translations))
        except EOFError:
            return False
        return answer.strip().lower()[:1] in ("y", "k", "j")
    return confirm


def meeting_files(minutes, body_key, registry, title=None):
    """(file name stem, Finnish text, Swedish draft text) of the meeting."""
    date = minutes.header.get("Date")
    body = registry.bodies[body_key]
    shown_date = ""
    if date:
        year, month, day = date[:10].split("-")
        shown_date = f" {int(day)}.{int(month)}.{year}"
    title = title or f"{body.name('fi')}{shown_date}"
    header = [f"Title: {title}"]
    if date:
        header.append(f"Date: {date}")
    else:
        header += ["# Kokouspäivä ei ilmene tekstistä: kirjoita se, tai jos pöytäkirja ei kerro",
                   "# sitä, 'Date-range: YYYY-MM-DD – YYYY-MM-DD' (Date-rivi pois).",
                   f"Date: {DATE_TO_FILL}"]
    header.append(f"Body: {body_key}")
    header += [f"{key}: {minutes.header[key]}" for key in ("Location", "Chair", "Attendees")
               if key in minutes.header]
    body_text = minutes_markdown(minutes)
    finnish = "\n".join(header) + "\n\n" + body_text
    swedish = ("# Översätt rubriken och texten till svenska, och ta sedan bort 'Status: draft'.\n"
               f"Title: {title}\nStatus: draft\n\n{body_text}")
    name = f"{date[:10]}-{body_key}" if date else f"{body_key}-poytakirja"
    return name, finnish, swedish


def import_minutes(path, content_root, body_key, registry, title=None, date=None):
    """Write meetings/<name>.fi.md and its Swedish draft; refuse to
    overwrite. ``date`` (YYYY-MM-DD [HH:MM]) is the day the editor knows,
    over what the text says. Returns the paths written and the number of items."""
    minutes = read_received(received_text(path))
    if date:
        minutes.header["Date"] = date
    name, finnish, swedish = meeting_files(minutes, body_key, registry, title)
    folder = Path(content_root) / "meetings"
    paths = [folder / f"{name}.fi.md", folder / f"{name}.sv.md"]
    existing = [str(p) for p in paths if p.exists()]
    if existing:
        raise FileExistsError(", ".join(existing))
    folder.mkdir(parents=True, exist_ok=True)
    paths[0].write_text(finnish, encoding="utf-8")
    paths[1].write_text(swedish, encoding="utf-8")
    return paths, len(minutes.items)


def import_file(settings, path, body, title, date, confirm):
    """`invoke import-minutes`: the values checked as the build checks them,
    the body chosen, the files written. Returns the paths written, the
    number of items and the problems `check` finds in the new files."""
    from content_model.check import check_content
    from content_model.registry import load_registry
    from content_model.scaffold import invalid_values

    from . import CONTENT_TYPE

    root = Path(settings["PATH"])
    registry = load_registry(root, settings["LANGUAGES"])
    wrong = invalid_values(CONTENT_TYPE, {"Date": date, "Body": body}, registry)
    if wrong:
        raise ImportRefused(*wrong)
    body = choose_body(body, path, registry, confirm)
    paths, count = import_minutes(path, root, body, registry, title, date)
    written = {written.relative_to(root).as_posix() for written in paths}
    return paths, count, [problem for problem in check_content(settings) if problem.path in written]
