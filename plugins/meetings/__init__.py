"""Meeting minutes: a page per meeting with its agenda items, an index by
body and year, a page per body and a register of decisions, per language."""

from itertools import groupby

from bilingual import in_language, write_language_page, write_year_pages
from content_model.content_type import N_, BodyStructure, ContentType, Scaffold
from content_model.generator import SectionGenerator
from content_model.site_model import site_model

from .agenda import parse_agenda
from .agenda_lines import item_line
from .contents import Meeting
from .feeds import body_feeds, meeting_entry
from .keys import MEETING_KEYS, check_meeting_date


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


CONTENT_TYPE = ContentType(
    folder="meetings",
    noun="meeting",
    label=N_("Meetings"),
    keys=MEETING_KEYS,
    content_class=Meeting,
    urls={"fi": "kokoukset/", "sv": "sv/moten/"},
    checks=(check_meeting_date,),
    # The Title is the main heading; the items are '## 1 § …', and the
    # text's own headings start at level 3.
    body=BodyStructure(parse=parse_agenda, owns_line=item_line, lowest_heading=3),
    generator=MeetingsGenerator,
    feeds=body_feeds,
    feed_entry=meeting_entry,
    scaffold=Scaffold(
        name=lambda slug, values: f"{values['Date'][:10]}-{values['Body']}",
        defaults={"Date": lambda day: day.strftime("%Y-%m-%d")},
        bodies=(
            "Kokouksen johdanto tähän.\n\n## 1 § Pykälän otsikko tähän\n\nSelostus tähän.\n\n"
            "Esitys: Esitys tähän.\n\nPäätös: Päätös tähän.\n",
            "Inledningen här.\n\n## 1 § Paragrafens rubrik här\n\nRedogörelsen här.\n\n"
            "Förslag: Förslaget här.\n\nBeslut: Beslutet här.\n",
        ),
        # Written by an earlier `invoke new` ('Inledning.', which it wrote
        # too, is also a real introduction's heading).
        earlier_lines=frozenset({"Kokouksen johdanto.", "## 2 § Asia", "## 2 § Ärende",
                                 "Selostus.", "Redogörelse."}),
    ),
)
