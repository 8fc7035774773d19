"""Everything on the site that names a project: items whose `Projects:`
lists it, and the agenda items of meetings that mention its acronym."""

import re
from dataclasses import dataclass, field
from functools import lru_cache


@dataclass
class Backlink:
    """One item naming a project; for a meeting, the numbers of the agenda
    items that mention it."""

    item: object  # the original (default-language or only) version
    item_numbers: list = field(default_factory=list)

    @property
    def sort_date(self):
        return getattr(self.item, "sort_date", None) or self.item.date


def acronym_pattern(projects):
    """One pattern for every project's acronym: the agenda items of all
    meetings are searched once, not once per project."""
    acronyms = sorted({p.acronym for p in projects if getattr(p, "acronym", None)},
                      key=len, reverse=True)
    if not acronyms:
        return None
    # Finnish inflects with a hyphen: "MONNI-hankkeen" names MONNI.
    return re.compile(rf"(?<![\w-])({'|'.join(map(re.escape, acronyms))})(?!\w)")


def mentioned_projects(agenda_item, pattern, by_acronym):
    """Names of the projects whose acronym the agenda item's title or text names."""
    if pattern is None:
        return []
    text = " ".join([agenda_item.title, agenda_item.discussion,
                     agenda_item.proposal, agenda_item.decision])
    return sorted(name for acronym in acronyms_in(pattern, text) for name in by_acronym[acronym])


# A rebuild of `invoke serve` searches only the texts that changed: a text
# and the acronyms searched for give the same answer in every build. Room
# for the agenda items of a site many times the real one's.
@lru_cache(maxsize=1 << 14)
def acronyms_in(pattern, text):
    """The acronyms of ``pattern`` (acronym_pattern) that ``text`` names."""
    return frozenset(pattern.findall(text))


def collect_backlinks(projects, items):
    """Set ``backlinks`` (newest first) on every version of every project,
    and ``agenda_projects`` (agenda item number -> project names) on every
    meeting version."""
    by_name = {project.item_name: project for project in projects}
    by_acronym = {}
    for name, project in by_name.items():
        if getattr(project, "acronym", None):
            by_acronym.setdefault(project.acronym, []).append(name)
    pattern = acronym_pattern(projects)
    found = {name: [] for name in by_name}
    for item in items:
        named = set(getattr(item, "projects", None) or [])
        numbers = {}
        if hasattr(item, "agenda"):
            # By item number, on the meeting: its agenda is as the reader
            # made it (see incremental_writer.fingerprint).
            agenda_projects = {entry.number: mentioned_projects(entry, pattern, by_acronym)
                               for entry in item.agenda}
            for number, names in agenda_projects.items():
                for name in names:
                    numbers.setdefault(name, []).append(number)
            for version in [item, *item.translations]:
                version.agenda_projects = agenda_projects
        for name in sorted((named | set(numbers)) & set(by_name)):
            found[name].append(Backlink(item, numbers.get(name, [])))
    for name, project in by_name.items():
        ordered = sorted(found[name], key=lambda link: link.sort_date, reverse=True)
        for version in [project, *project.translations]:
            version.backlinks = ordered
