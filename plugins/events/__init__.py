"""Event announcements: upcoming and past events per language, event pages
with schema.org data, and .ics calendars per event and per language."""

from datetime import datetime, time, timedelta
from itertools import groupby
from pathlib import Path

from pelican import signals

from bilingual import in_language, write_year_pages
from content_model.contents import Event
from content_model.generator import SectionGenerator
from localization.catalogs import Catalogs

from .calendar import CalendarStyle, Wording, calendar_bytes
from .structured_data import event_json_ld
from .subscribe import subscription
from .timezone import helsinki_timezone

# A section of the content model, its pages in both languages (bilingual).
AFTER = ("content_model", "bilingual")


def registration_closes(event):
    """When registration closes: the end of the deadline's day for a day
    alone, else its moment; without a deadline, when the event ends."""
    deadline = getattr(event, "registration_deadline", None)
    if deadline is None:
        return event.ends_at
    if deadline.all_day:
        return datetime.combine(deadline.moment.date() + timedelta(days=1), time(),
                                deadline.moment.tzinfo)
    return deadline.moment


def subscriptions(settings, lang):
    """The calendars of one language a reader may subscribe to."""
    siteurl = settings["ABSOLUTE_SITEURL"]
    return [
        subscription(settings["CALENDAR_NAMES"][lang], settings["EVENT_CALENDAR_URLS"][lang], siteurl),
        subscription(settings["ARCHIVE_CALENDAR_NAMES"][lang],
                     settings["EVENT_ARCHIVE_CALENDAR_URLS"][lang], siteurl),
    ]


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
            # A link to register is offered only while one can.
            event.registration_open = bool(
                getattr(event, "registration", None)
                and getattr(event, "event_status", None) != "cancelled"
                and clock < registration_closes(event))
            event.calendar_url = f"{event.url}{event.slug}.ics"
            event.json_ld = event_json_ld(event, siteurl, self.settings)
        self.items.sort(key=lambda e: e.sort_date)
        self.context["upcoming_events"] = [e for e in self.items if e.upcoming]
        self.context["calendar_subscriptions"] = {
            lang: subscriptions(self.settings, lang) for lang in self.settings["LANGUAGES"]}

    def wording(self, lang):
        translations = self.catalogs.translations[lang]
        return lambda event: Wording(
            prefix=self.catalogs.status_prefix(lang, getattr(event, "event_status", None)),
            marker=self.catalogs.language_marker(lang, event.lang),
            registration=translations.ugettext("Registration"))

    def labels(self, lang):
        """Every word a calendar of ``lang`` may add: a kept calendar is
        made again when one of them is translated anew."""
        # Once per language and build: every event's calendar has the same
        # (made for each, they cost the square of the number of events).
        if lang not in self.label_sets:
            wording = self.wording(lang)
            self.label_sets[lang] = sorted({wording(event) for event in self.published_items()},
                                           key=repr)
        return self.label_sets[lang]

    def write_calendar(self, writer, url, events, name, lang):
        key = [events, name, lang, self.style, self.labels(lang)]
        writer.produce(url, key, lambda: calendar_bytes(
            events, name, self.wording(lang), self.style))

    def generate_output(self, writer):
        super().generate_output(writer)
        settings = self.settings
        self.catalogs = Catalogs(Path(self.theme) / "translations", settings["LANGUAGES"],
                                 settings["DEFAULT_LANG"])
        self.style = CalendarStyle(
            siteurl=settings["ABSOLUTE_SITEURL"], uid_domain=settings["CALENDAR_UID_DOMAIN"],
            timezone_lines=helsinki_timezone(),
            refresh=timedelta(hours=settings["CALENDAR_REFRESH_HOURS"]),
            default_duration=timedelta(minutes=settings["EVENT_DEFAULT_DURATION_MINUTES"]))
        self.label_sets = {}
        clock = self.context["BUILD_CLOCK"]
        for event in self.published_items():
            self.write_calendar(writer, event.calendar_url, [event], event.title, event.lang)
        index_urls = settings["SECTION_URLS"]["events"]
        keep_past = timedelta(days=settings["CALENDAR_KEEP_PAST_DAYS"])
        for lang in settings["LANGUAGES"]:
            events = [in_language(e, lang) for e in self.items]
            upcoming = [e for e in events if e.upcoming]
            past = sorted((e for e in events if not e.upcoming),
                          key=lambda e: e.sort_date, reverse=True)
            past_by_year = [(year, list(group)) for year, group
                            in groupby(past, key=lambda e: e.sort_date.year)]
            write_year_pages(self, writer, "events_index", index_urls, lang, past_by_year,
                             upcoming=upcoming)
            recent = [e for e in events if e.upcoming or clock - e.ends_at < keep_past]
            self.write_calendar(writer, settings["EVENT_CALENDAR_URLS"][lang], recent,
                                settings["CALENDAR_NAMES"][lang], lang)
            self.write_calendar(writer, settings["EVENT_ARCHIVE_CALENDAR_URLS"][lang], events,
                                settings["ARCHIVE_CALENDAR_NAMES"][lang], lang)


def add_generator(pelican):
    return EventsGenerator


def register():
    signals.get_generators.connect(add_generator)
