"""Content classes of the sections beyond Pelican's articles and pages.

Pelican finds each class's URL settings by its name: Meeting uses
MEETING_URL, MEETING_SAVE_AS, MEETING_LANG_URL and MEETING_LANG_SAVE_AS.
"""

from datetime import datetime, time, timedelta

from pelican.contents import Page

# A Location starting with one of these is an online event.
ONLINE_LOCATIONS = ("online", "verkossa", "etänä", "på nätet", "på distans", "teams", "zoom")


class Meeting(Page):
    """Minutes of one meeting of a body, with its agenda items."""

    default_template = "meeting"

    @property
    def sort_date(self):
        """The start, or the last day it can have been held when the minutes
        only tell a range."""
        if getattr(self, "date", None):
            return self.date
        return self.date_range[1]


class Project(Page):
    """A development project with its facts."""

    default_template = "project"


class Event(Page):
    """An announced event: training, network meeting, webinar."""

    default_template = "event"

    @property
    def sort_date(self):
        return self.start.moment

    @property
    def ends_at(self):
        """The moment the event is over: its End, or the end of its last day
        for an all-day event or one without an End."""
        end = getattr(self, "end", None)
        last = end or self.start
        if last.all_day or end is None:
            return datetime.combine(last.moment.date() + timedelta(days=1), time(), last.moment.tzinfo)
        return last.moment

    @property
    def is_online(self):
        location = getattr(self, "location", "").lower()
        return location.startswith(ONLINE_LOCATIONS)
