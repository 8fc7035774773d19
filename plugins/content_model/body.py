"""Rules for the Markdown text of a content file: headings, images, links,
and text that is not finished (the example text of `invoke new`, a
translation that is still the other language's text, a link copied from
the preview)."""

import re
from pathlib import Path
from urllib.parse import urlsplit

from .files import link_target_problem
from .messages import _
from .content_type import PLAIN_SCAFFOLD
from .source import KEY_LINE
from .untrusted_text import heading_text, without_code_spans

# Addresses of the editor's own computer: the preview, a file on the disk.
# They work on the machine they were copied on, and nowhere else.
LOCAL_HOSTS = ("localhost", "127.0.0.1", "0.0.0.0", "[::1]", "::1")


# Editor text is untrusted: no pattern may backtrack more than linearly on
# it. A link's text holds no '[' (an unmatched '[' then costs one step, not
# a scan to the end of the line), an image tag no '<', and trailing
# whitespace and '#'s are cut in Python, not by a lazy '.*?'.
MARKDOWN_LINK = re.compile(r"(?P<image>!?)\[(?P<text>[^\[\]]*)\]\((?P<target><[^<>]*>|[^)\s]*)")
# Raw HTML an editor may write (see sanitize): an image, and any link or source.
HTML_IMAGE = re.compile(r"<img\b(?P<attributes>[^<>]*)>", re.IGNORECASE)
HTML_ADDRESS = re.compile(r"""\b(?:href|src)\s*=\s*["'](?P<target>[^"']*)["']""", re.IGNORECASE)
HTML_ALT = re.compile(r"""\balt\s*=\s*["'](?P<alt>[^"']*)["']""", re.IGNORECASE)
ATX_HEADING = re.compile(r"^(?P<marks>#{1,6})\s++(?P<text>.*)$")
FENCE = re.compile(r"^\s*(```|~~~)")
LIST_ITEM = re.compile(r"^(?:[-*+]|\d{1,9}[.)])[ \t]")
SETEXT_UNDERLINE = re.compile(r"^(=+|-+)\s*$")


def check_body(source, path, content_root, static_paths, kind=None):
    """Images need alt text; {filename} and {static} links need a target
    inside the content folder; no example line of `invoke new` is left.
    Returns the files linked to, whose existence the result depends on.
    ``kind`` is the item's ContentType: the structure it reads from the body
    (a meeting's agenda) has lines of its own."""
    targets = []
    structure = kind.body if kind else None
    placeholder_lines = (kind.scaffold if kind else PLAIN_SCAFFOLD).placeholder_lines
    # The Title is the main heading, level 1; the text's own headings start
    # at 2, or below the structure's (in minutes the items are '## 1 § …').
    lowest = structure.lowest_heading if structure else 2
    level, fence, stripped, in_list = lowest - 1, None, "", False
    for offset, line in enumerate(source.body.split("\n")):
        number = source.body_line + offset
        above, stripped = stripped, line.strip()
        indented = line.startswith(("\t", "    "))
        if fence is None and indented and not above and not in_list and LIST_ITEM.match(stripped):
            source.error(number, _(
                "'{found}' is indented after a blank line, so it would be shown as code, not as "
                "a list: remove the tab or spaces before it", found=stripped[:40]))
        if stripped:
            # A list goes on in its indented lines; after other text an indented line is code.
            in_list = bool(LIST_ITEM.match(stripped)) if not indented else in_list
        if stripped in placeholder_lines:
            # A draft is not published: there it is what is left to write.
            (source.warn if is_draft(source) else source.error)(number, _(
                "'{found}' is the example text of invoke new: write the item's own text",
                found=stripped))
        # Each pattern only where its first character is: most lines are prose.
        opening = FENCE.match(line) if stripped[:1] in ("`", "~") else None
        if opening:
            fence = None if fence == opening[1] else fence or opening[1]
        # An agenda item's heading, even one written wrong, is the agenda's
        # to report (agenda.split_items), once.
        heading = (ATX_HEADING.match(line) if line.startswith("#") and fence is None
                   and not opening and not (structure and structure.owns_line(line))
                   else None)
        if heading:
            # '# ' is shown as '## ' (see markdown_extensions), and told apart.
            marks = max(len(heading["marks"]), 2)
            if marks > level + 1:
                source.warn(number, _(
                    "the heading '{found}' skips a level after the one above it: write "
                    "'{expected} {text}'", found=line.strip(),
                    expected="#" * max(level + 1, lowest), text=heading_text(heading["text"])))
            level = marks
        elif fence is None and above and stripped[:1] in ("=", "-") and SETEXT_UNDERLINE.match(line):
            level = 2  # 'Heading' over '===' or '---': a subheading, as '## '
        # Raw HTML, not HTML shown as code (`<img …>`, or an indented code block).
        raw_html = (without_code_spans(line) if fence is None and "<" in line
                    and not line.startswith(("    ", "\t")) else "")
        for image in HTML_IMAGE.finditer(raw_html):
            alt = HTML_ALT.search(image["attributes"])
            if not (alt and alt["alt"].strip()):
                address = HTML_ADDRESS.search(image["attributes"])
                source.error(number, _(
                    "the image {target} has no alt text: describe it in alt=\"...\", for "
                    "example {example}", target=address["target"] if address else "<img>",
                    example='<img src="{static}/images/kaavio.png" alt="Kaavio hankkeen rahoituksesta">'))
        links = [(link["image"], link["text"], link["target"].strip("<>"))
                 for link in MARKDOWN_LINK.finditer(line)] if "[" in line else []
        links += [(None, None, address["target"]) for address in HTML_ADDRESS.finditer(raw_html)]
        for image, text, target in links:
            if image and not text.strip():
                source.error(number, _(
                    "the image {target} has no alt text: describe it between the "
                    "brackets, for example {example}", target=target,
                    example="![Kaavio hankkeen rahoituksesta](kuva.png)"))
            try:
                urlsplit(target)
            except ValueError:
                # 'http://[::1/': the published page would drop it without a word.
                source.error(number, _(
                    "the link {target} is not a web address: correct it, for example "
                    "https://www.example.fi/", target=target))
                continue
            local = local_address(target)
            if local is not None:
                source.error(number, _(
                    "the link {target} leads to your own computer (the preview), not to the "
                    "site: write '{address}' instead", target=target, address=local))
                continue
            if target.startswith("{attach}"):
                # Pelican moves an {attach} file next to the page that links it
                # first: which one that is depends on the order of the build.
                source.error(number, _(
                    "{attach} links are not supported: write {static} instead, for example {example}",
                    attach="{attach}", static="{static}",
                    example="[Pöytäkirja (PDF)]({static}/attachments/poytakirja.pdf)"))
                continue
            for marker in ("{filename}", "{static}"):
                if target.startswith(marker):
                    relative = target[len(marker):].split("#")[0]
                    base = Path(content_root) if relative.startswith("/") else Path(path).parent
                    linked = base / relative.lstrip("/")
                    refused = link_target_problem(marker, target, linked, content_root, static_paths)
                    if refused:
                        source.error(number, refused)
                        continue
                    targets.append(str(linked))
                    if not linked.is_file():
                        source.error(number, _(
                            "the link {target} leads nowhere: there is no such file",
                            target=target))
                    elif marker == "{filename}" and link_state(linked) == "draft":
                        source.error(number, _(
                            "the link {target} leads to a draft, which is not published: remove "
                            "'Status: draft' from that file, or the link", target=target))
    return targets


def link_state(path):
    """What a link's outcome depends on, for the read cache to know when it
    changed: whether the file is there, and whether an item is a draft."""
    path = Path(path)
    if not path.is_file():
        return False
    if path.suffix != ".md":
        return True
    try:
        header = path.read_text(encoding="utf-8-sig").split("\n\n", 1)[0]
    except (OSError, UnicodeDecodeError):
        return True  # its own problem, told when it is read
    keys = (KEY_LINE.match(line) for line in header.split("\n"))
    return "draft" if any(key and key["key"].lower() == "status" and key["value"].strip().lower()
                          == "draft" for key in keys) else True


def is_draft(source):
    status = source.fields.get("status")
    return bool(status) and status.value.strip().lower() == "draft"


def local_address(target):
    """The address on the site of a link to the editor's own computer
    ('http://127.0.0.1:8000/tietoa/' -> '/tietoa/'), or None for any other
    link. A file: link has no address on the site: its file belongs in
    content/attachments."""
    lowered = target.strip().lower()
    if not lowered.startswith(("file:", "http://", "https://", "//")):
        return None
    parts = urlsplit(target.strip())  # readable: check_body has tried
    host = parts.hostname or ""
    if lowered.startswith("file:"):
        return "{static}/attachments/" + Path(parts.path).name
    if host not in LOCAL_HOSTS and parts.netloc.split(":")[0] not in LOCAL_HOSTS:
        return None
    address = parts.path or "/"
    return address + (f"?{parts.query}" if parts.query else "") + (
        f"#{parts.fragment}" if parts.fragment else "")


def check_translation(source, pair, default_lang):
    """A translation still in the other language's words: its Title or its
    text as the other file has them. Published so, it would be the other
    language under this one's address; a draft may be so while it is
    being translated."""
    # Told once, in the translation: the file of the site's main language is
    # the one it is translated from.
    if pair is None or source.lang == default_lang:
        return
    if is_draft(source):
        if source.body.strip() and source.body.strip() == pair.body.strip():
            source.warn(source.body_line, _(
                "a draft still in the words of {pair}: translate the text, then remove "
                "'Status: draft'", pair=pair.path))
        return
    mine, theirs = source.fields.get("title"), pair.fields.get("title")
    if mine and theirs and mine.value.strip() == theirs.value.strip():
        source.error(mine.line, _(
            "the Title is the same as in {pair}: translate it, or add 'Status: draft' until "
            "the file is translated", pair=pair.path))
    if source.body.strip() and source.body.strip() == pair.body.strip():
        source.error(source.body_line, _(
            "the text is the same as in {pair}: translate it, or add 'Status: draft' until "
            "the file is translated", pair=pair.path))
