"""`invoke check`: every problem of every content file at once, without
building the site: the rules of the content model, plus the ones that need
all files together (duplicate slugs, items in one language only)."""

import logging
import re
from collections import Counter, defaultdict
from pathlib import Path

from .convert import Converter
from .files import link_problems, static_file_problems
from .messages import _, _n
from .clock import read_build_clock
from .content_type import content_types
from .model import KnownNames, project_names
from .reader import validated_source
from .registry import RegistryError, load_registry
from .source import Problem

# A content file's name as Windows may save it: with .txt after it, or in
# capitals. (Not an editor's backup, x.fi.md.bak: the file itself is there.)
MEANT_NAME = re.compile(r"^(.+\.(?:fi|sv)\.md)(?:\.txt)?$", re.IGNORECASE)
# Folders of content/ that hold data and files, not Markdown items.
NON_ITEM_FOLDERS = {"data", "attachments", "images"}


def content_files(root, types):
    """(Markdown items to read, problems of the files no build reads): a file
    that is not Markdown, or Markdown outside the folders of the kinds
    ``types`` ({folder: ContentType})."""
    items, problems = [], []
    for path in sorted(p for p in Path(root).rglob("*") if p.is_file()):
        relative = path.relative_to(root)
        if relative.parts[0] in NON_ITEM_FOLDERS:
            continue
        if path.suffix != ".md":
            meant = MEANT_NAME.match(path.name)
            if meant and not (path.parent / meant[1].lower()).exists():
                problems.append(Problem(relative.as_posix(), 1, _(
                    "not read: a content file's name ends in .md; rename it {name}",
                    name=meant[1].lower()), "warning"))
                continue
            problems.append(Problem(relative.as_posix(), 1, _(
                "not a content file: items are Markdown files named <name>.fi.md or "
                "<name>.sv.md"), "warning"))
        elif len(relative.parts) < 2 or relative.parts[0] not in types:
            problems.append(Problem(relative.as_posix(), 1, _(
                "content/{folder} is not a content folder; put the file in one of: {folders}",
                folder=relative.parent.as_posix(), folders=", ".join(sorted(types)))))
        else:
            items.append(path)
    return items, problems


def check_content(settings):
    """All problems, errors first then warnings, each sorted by path and line."""
    root = Path(settings["PATH"])
    languages = settings["LANGUAGES"]
    links = link_problems(settings)
    problems = links + static_file_problems(settings)
    if links:  # nothing is read through a link: it may lead anywhere on the machine
        return in_report_order(problems)
    types = content_types(settings)
    paths, found = content_files(root, types)
    problems += found
    try:
        registry = load_registry(root, languages)
    except RegistryError as broken:
        registry = None
        problems.extend(broken.problems)
    known = KnownNames(registry, project_names(root))
    converter = Converter(settings["MARKDOWN"])
    items = defaultdict(dict)  # (section, name) -> {lang: (source, values)}
    written = defaultdict(set)  # (section, name) -> languages of its files, readable or not
    today = read_build_clock().date()
    for path in paths:
        source, values, structure = validated_source(path, settings, known)
        kind = types.get(source.section)
        for check in kind.dated_checks if kind and values else ():
            source.problems.extend(filter(None, [check(source, values, today)]))
        written[(source.section, source.name)].add(source.lang)
        if values:
            items[(source.section, source.name)][source.lang] = (source, values)
        if not any(p.severity == "error" for p in source.problems):
            converter.item(source, values, structure)  # the raw HTML policy's warnings
        problems.extend(source.problems)
    problems.extend(duplicate_slugs(items))
    problems.extend(single_language_items(items, written, languages))
    return in_report_order(problems)


def in_report_order(problems):
    """Errors before warnings; the per-section counts (line 0) last."""
    return sorted(problems, key=lambda p: (p.severity != "error", p.line == 0, p.path, p.line))


class TrialBuildLog(logging.Handler):
    """The errors a trial build logs, while it runs as ``with TrialBuildLog()``:
    `invoke check` shows no log, and lists them with the other problems."""

    def __init__(self):
        super().__init__(level=logging.ERROR)
        self.problems = []  # of content files, logged by log_problems
        self.others = []  # the text of any other error

    def emit(self, record):
        problem = getattr(record, "problem", None)
        if problem is not None:
            self.problems.append(problem)
        else:
            self.others.append(record.getMessage())

    def __enter__(self):
        logging.getLogger().addHandler(self)
        return self

    def __exit__(self, *_exception):
        logging.getLogger().removeHandler(self)


def failed_trial_build(root, failure, log):
    """The problems of a trial build that failed: those of content files,
    then any other error it logged."""
    problems = list(log.problems)
    if log.others or not problems:
        problems.append(Problem(str(root), 0, _(
            "the trial build failed: {reason}", reason="; ".join(log.others) or str(failure))))
    return problems


def taken_address(name, made_from, first):
    """The problem of a second page for the output file ``name``: the
    content file ``made_from`` (None for a page the site makes itself,
    such as a listing) wants the address ``first`` already has."""
    address = "/" + name.removesuffix("index.html")
    if made_from and first:
        # Files are read in no fixed order: the message goes to the one
        # deeper in the folders (a copy put aside, say), whichever came first.
        first, made_from = sorted((first, made_from), key=lambda path: (path.count("/"), path))
        return Problem(made_from, 1, _(
            "the address {address} is already used by {other}; rename one of the files "
            "or give one of them another Slug", address=address, other=first))
    if made_from or first:
        return Problem(made_from or first, 1, _(
            "the address {address} is taken by a page the site makes itself (a listing, "
            "the search page or the like); rename the file or give it another Slug",
            address=address))
    return Problem(name, 0, _(
        "two pages would be written to this address; rename one of the content files"))


def unreachable_links(broken, sources):
    """Problems for links of a trial build that lead nowhere, placed on the
    line of the content file where the editor wrote them."""
    found = {}
    for page, link, reason in broken:
        # As a Markdown link, a raw HTML one, or a {static} file whose address it is.
        forms = (f"]({link}", f'="{link}"', "{static}" + link)
        written = lines_with(sources, lambda line, forms=forms: any(form in line for form in forms))
        if not written and "#" in link:
            # '{filename}../meetings/x.fi.md#pykala-9': the file is there, the anchor is not.
            fragment = "#" + link.split("#", 1)[1]
            written = lines_with(sources, lambda line, fragment=fragment: "{filename}" in line and (
                f"{fragment})" in line or f'{fragment}"' in line))
        # A link the editor wrote differently ({filename}…) is reported on its page.
        for path, number in written or [(f"(page {page})", 0)]:
            found[(path, number, link)] = reason
    for (path, number, link), reason in sorted(found.items()):
        yield Problem(path, number, _("the link {link} leads nowhere ({reason})",
                                      link=link, reason=reason))


def lines_with(sources, wanted):
    """(path, line number) of every body line of ``sources`` that is ``wanted``."""
    return [(source.path, number) for source in sources
            for number, line in enumerate(source.body.split("\n"), start=source.body_line)
            if wanted(line)]


def duplicate_slugs(items):
    seen = defaultdict(list)
    for (section, name), versions in items.items():
        for lang, (source, values) in versions.items():
            seen[(section, lang, values.get("slug", name))].append(source)
    for (_section, _lang, slug), sources in seen.items():
        for source in sources[1:]:
            yield Problem(
                source.path, source.fields["slug"].line if "slug" in source.fields else 1,
                _("the address '{slug}' is already used by {other}; give one of them "
                  "another Slug", slug=slug, other=sources[0].path))


def single_language_items(items, written, languages):
    missing = Counter()
    for (section, name), versions in items.items():
        if set(languages) <= written[(section, name)]:
            continue  # a translation that cannot be read has its own message
        (lang, (source, values)), = versions.items()
        if values.get("language"):
            continue  # written in a third language (the page in English): one file is its whole
        others = [code for code in languages if code not in versions]
        missing[section] += 1
        yield Problem(source.path, 1, _(
            "exists in one language only: add {files} (readers of the other language see "
            "a note instead)", files=", ".join(f"{name}.{code}.md" for code in others)),
            "warning")
    for section, count in sorted(missing.items()):
        yield Problem(f"{section}/", 0, _n("{count} item in one language only",
                                           "{count} items in one language only", count),
                      "warning")


def report(problems, translations=None):
    """The lines `invoke check` prints: errors, then warnings, then a count."""
    errors = [p for p in problems if p.severity == "error"]
    warnings = [p for p in problems if p.severity == "warning"]
    lines = []
    for heading, group in ((_("Errors ({count}):", count=len(errors)), errors),
                           (_("Warnings ({count}):", count=len(warnings)), warnings)):
        if group:
            lines.append(heading.render(translations))
            lines.extend(f"  {problem.text(translations)}" for problem in group)
    lines.append(problem_count(len(errors), len(warnings)).render(translations))
    return lines


def problem_count(errors, warnings):
    """'1 error, 2 warnings' in the editor's language, each in its right form."""
    return _("{errors}, {warnings}", errors=_n("{count} error", "{count} errors", errors),
             warnings=_n("{count} warning", "{count} warnings", warnings))
