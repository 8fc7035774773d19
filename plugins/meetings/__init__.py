"""Meeting minutes: a page per meeting with its agenda items, an index by
body and year, a page per body and a register of decisions, per language."""

from itertools import groupby

from pelican import signals

from bilingual import in_language, write_language_page, write_year_pages
from content_model.contents import Meeting
from content_model.generator import SectionGenerator
from content_model.site_model import site_model

# A section of the content model, its pages in both languages (bilingual).
AFTER = ("content_model", "bilingual")


def link_neighbours(meetings, languages):
    """Previous and next meeting of the same body, in each language version."""
    ordered = sorted(meetings, key=lambda m: (m.body, m.sort_date))
    for _body, group in groupby(ordered, key=lambda m: m.body):
        group = list(group)
        for index, meeting in enumerate(group):
            before = group[index - 1] if index > 0 else None
            after = group[index + 1] if index + 1 < len(group) else None
            for version in [meeting, *meeting.translations]:
                version.previous_meeting = before and in_language(before, version.lang)
                version.next_meeting = after and in_language(after, version.lang)


# The meetings index shows this many of each body's latest minutes.
LATEST_PER_BODY = 5


def decisions(meetings):
    """(meeting, item) for every item with a decision, newest meeting first."""
    newest_first = sorted(meetings, key=lambda m: m.sort_date, reverse=True)
    return [(m, item) for m in newest_first for item in m.agenda if item.decision]


def by_year(entries, year_of):
    """[(year, entries of that year)], newest year first; ``entries`` are newest first."""
    return [(year, list(group)) for year, group in groupby(entries, key=year_of)]


class MeetingsGenerator(SectionGenerator):
    section = "meetings"
    content_class = Meeting

    def generate_context(self):
        super().generate_context()
        self.registry = site_model(self.context).registry
        self.context["registry"] = self.registry  # the bodies, for their feeds
        for meeting in self.published_items():
            meeting.body_entry = self.registry.bodies[meeting.body]
        self.items.sort(key=lambda m: m.sort_date, reverse=True)
        link_neighbours(self.items, self.settings["LANGUAGES"])

    def generate_output(self, writer):
        super().generate_output(writer)
        index_urls = self.settings["SECTION_URLS"]["meetings"]
        register_urls = self.settings["DECISION_REGISTER_URLS"]
        bodies = [b for b in self.registry.bodies.values()
                  if any(m.body == b.key for m in self.items)]
        for lang in self.settings["LANGUAGES"]:
            meetings = [in_language(m, lang) for m in self.items]
            by_body = [(body, [m for m in meetings if m.body == body.key]) for body in bodies]
            write_language_page(self, writer, "meetings_index", index_urls, lang,
                                meetings_by_body=[(body, ms[:LATEST_PER_BODY]) for body, ms in by_body])
            for body, body_meetings in by_body:
                urls = {code: f"{url}{body.slug(code)}/" for code, url in index_urls.items()}
                write_year_pages(self, writer, "meetings_body", urls, lang,
                                 by_year(body_meetings, lambda m: m.sort_date.year), body=body)
            write_year_pages(self, writer, "decisions", register_urls, lang,
                             by_year(decisions(meetings), lambda entry: entry[0].sort_date.year))


def add_generator(pelican):
    return MeetingsGenerator


def register():
    signals.get_generators.connect(add_generator)
