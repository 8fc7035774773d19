"""Event announcements: upcoming and past events per language, event pages
with schema.org data, and .ics calendars per event and per language."""

from datetime import timedelta
from itertools import groupby

from pelican import signals

from bilingual import in_language, write_year_pages
from content_model.contents import Event
from content_model.generator import SectionGenerator

from .calendar import calendar_bytes, helsinki_timezone
from .structured_data import event_json_ld

# The subscribable calendar keeps events that ended this recently.
RECENT = timedelta(days=90)


class EventsGenerator(SectionGenerator):
    section = "events"
    content_class = Event

    def generate_context(self):
        super().generate_context()
        clock = self.context["BUILD_CLOCK"]
        siteurl = self.settings["ABSOLUTE_SITEURL"]
        for event in self.published_items():
            # Upcoming until it has ended, by the build clock.
            event.upcoming = event.ends_at > clock
            event.calendar_url = f"{event.url}{event.slug}.ics"
            event.json_ld = event_json_ld(event, siteurl)
        self.items.sort(key=lambda e: e.sort_date)
        self.context["upcoming_events"] = [e for e in self.items if e.upcoming]

    def write_calendar(self, writer, url, events, lang):
        clock = self.context["BUILD_CLOCK"]
        writer.produce(url, [clock, events], lambda: calendar_bytes(
            events,
            self.settings["CALENDAR_NAMES"][lang],
            clock,
            self.settings["ABSOLUTE_SITEURL"],
            self.settings["CALENDAR_UID_DOMAIN"],
            self.timezone,
        ))

    def generate_output(self, writer):
        super().generate_output(writer)
        self.timezone = helsinki_timezone()
        clock = self.context["BUILD_CLOCK"]
        for event in self.published_items():
            self.write_calendar(writer, event.calendar_url, [event], event.lang)
        index_urls = self.settings["SECTION_URLS"]["events"]
        calendar_urls = self.settings["EVENT_CALENDAR_URLS"]
        for lang in self.settings["LANGUAGES"]:
            events = [in_language(e, lang) for e in self.items]
            upcoming = [e for e in events if e.upcoming]
            past = sorted((e for e in events if not e.upcoming),
                          key=lambda e: e.sort_date, reverse=True)
            past_by_year = [(year, list(group)) for year, group
                            in groupby(past, key=lambda e: e.sort_date.year)]
            write_year_pages(self, writer, "events_index", index_urls, lang, past_by_year,
                             upcoming=upcoming)
            recent = [e for e in events if e.upcoming or clock - e.ends_at < RECENT]
            self.write_calendar(writer, calendar_urls[lang], recent, lang)


def add_generator(pelican):
    return EventsGenerator


def register():
    signals.get_generators.connect(add_generator)
