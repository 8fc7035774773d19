"""The content class of events. Pelican finds its URL settings by its name
(EVENT_URL…), which content_type.derived_settings derives."""

from datetime import datetime, time, timedelta

from pelican.contents import Page

# A Location starting with one of these is an online event.
ONLINE_LOCATIONS = ("online", "verkossa", "etänä", "på nätet", "på distans", "teams", "zoom")


class Event(Page):
    """An announced event: training, network meeting, webinar."""

    default_template = "event"
    # What the build clock decides of an event (upcoming or past): a page
    # listing it changes when this does.
    clock_attributes = ("upcoming",)

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
