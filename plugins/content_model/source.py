"""Split a content file into its header fields and Markdown body.

Pelican's Markdown reader loses line numbers and silently merges repeated
keys; editors need both to fix their files, so the header is parsed here.
"""

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from .messages import _
from .untrusted_text import TextLimits, check_text

KEY_LINE = re.compile(r"^(?P<key>[A-Za-z][A-Za-z0-9_-]*)[ \t]*:[ \t]*(?P<value>.*)$")
# Larger files are pasted images or whole documents, not an item's text.
MAX_FILE_BYTES = 1_000_000
FILE_NAME = re.compile(r"^(?P<name>[a-z0-9][a-z0-9-]*)\.(?P<lang>[a-z]{2,3})\.md$")


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a content file, as an editor will read it."""

    path: str
    line: int
    message: object  # a Message, put into words in the editor's language
    severity: str = "error"  # or "warning"
    column: int = 0  # where on the line, for what the editor cannot see

    def text(self, translations=None):
        """``path:line: message`` (``path:line:column: message`` with a
        column); line 0 means the whole file or folder."""
        where = f"{self.path}:{self.line}" if self.line else self.path
        if self.line and self.column:
            where += f":{self.column}"
        return f"{where}: {self.message.render(translations)}"

    def __str__(self):
        return self.text()


@dataclass(frozen=True)
class HeaderField:
    key: str  # as the editor wrote it
    value: str
    line: int
    continued: tuple = ()  # (line, text) of the indented lines joined to it


@dataclass
class SourceFile:
    """A content file as written: where it is, its header and its body."""

    path: str  # relative to the content folder, with forward slashes
    section: str
    name: str
    lang: str
    fields: dict = field(default_factory=dict)  # lower-case key -> HeaderField
    body: str = ""
    body_line: int = 1
    problems: list = field(default_factory=list)
    linked_files: list = field(default_factory=list)  # where its links lead (check_body)
    # Facts it inherits from a translation that cannot give them (item_metadata)
    unreadable_facts: set = field(default_factory=set)

    def error(self, line, message, column=0):
        self.problems.append(Problem(self.path, line, message, column=column))

    def warn(self, line, message):
        self.problems.append(Problem(self.path, line, message, "warning"))


def identify(path, content_root):
    """Section, <name> and language of a file from its place and file name."""
    relative = os.path.relpath(os.path.abspath(path), os.path.abspath(content_root))
    if relative.startswith(os.pardir):
        # Reached through a symbolic link: where it really is counts.
        relative = str(Path(path).resolve().relative_to(Path(content_root).resolve()))
    parts = relative.split(os.sep)
    section = parts[0] if len(parts) > 1 else ""
    match = FILE_NAME.match(parts[-1])
    name, lang = (match["name"], match["lang"]) if match else (None, None)
    return "/".join(parts), section, name, lang


def read_source(path, content_root, languages, limits=None):
    """Read and parse one content file; problems are collected, not raised.
    ``limits`` is the TEXT_LIMITS setting (default: TextLimits())."""
    relative, section, name, lang = identify(path, content_root)
    source = SourceFile(relative, section, name or "", lang or "")
    if name is None:
        source.error(1, _(
            "the file name must be <name>.fi.md or <name>.sv.md, in lower case "
            "letters a-z, digits and hyphens (for example {example})",
            example="2020-06-01-monni-hanke.fi.md"))
    elif lang not in languages:
        source.error(1, _(
            "unknown language suffix '.{lang}': expected one of {allowed}",
            lang=lang, allowed=", ".join(f".{code}.md" for code in languages)))
    raw = Path(path).read_bytes()
    if len(raw) > MAX_FILE_BYTES:
        source.error(1, _(
            "the file is {size} MB, more than content files may be ({limit} MB); put "
            "images and documents in content/images or content/attachments and link to them",
            size=f"{len(raw) / 1_000_000:.1f}", limit=f"{MAX_FILE_BYTES / 1_000_000:.0f}"))
        return source
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        source.error(line, _(
            "the file is not UTF-8 text; save it again as UTF-8 (Save as, encoding "
            "UTF-8: 'Encoding' in Notepad on Windows, 'Plain Text Encoding' in TextEdit on a Mac)"))
        return source
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    check_text(source, text, TextLimits(**limits) if limits else TextLimits())
    parse_text(source, text)
    return source


def is_comment(line):
    """A header line starting with '#' explains a key; `invoke new` writes
    the optional keys so, for the editor to fill in and uncomment."""
    return line.startswith("#")


def parse_text(source, text):
    """Fill the header fields and body of ``source`` from ``text``."""
    lines = text.split("\n")
    if not text.strip():
        source.error(1, _("the file is empty; it needs at least a 'Title: ...' line"))
        return
    if not (KEY_LINE.match(lines[0]) or is_comment(lines[0])):
        source.error(1, _(
            "the file must start with its header, 'Key: value' lines such as "
            "'Title: ...', then a blank line; found '{found}'", found=lines[0][:60]))
        return
    previous = None
    number = 0
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            break
        if is_comment(line):
            continue
        if line[0] in " \t" and previous is not None:
            # An indented line continues the value above it.
            joined = f"{previous.value} {line.strip()}".strip()
            previous = HeaderField(previous.key, joined, previous.line,
                                   previous.continued + ((number, line.strip()),))
            source.fields[previous.key.lower()] = previous
            continue
        match = KEY_LINE.match(line)
        if not match:
            source.error(number, _(
                "expected a header line 'Key: value' or a blank line before the "
                "text; found '{found}'", found=line[:60]))
            continue
        key = match["key"]
        earlier = source.fields.get(key.lower())
        if earlier is not None:
            source.error(number, _(
                "'{key}' is set twice (also on line {line}); keep one",
                key=key, line=earlier.line))
            continue
        previous = HeaderField(key, match["value"].strip(), number)
        source.fields[key.lower()] = previous
    else:
        number += 1
    source.body = "\n".join(lines[number:])
    source.body_line = number + 1
