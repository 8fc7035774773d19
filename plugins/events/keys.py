"""The keys of events, how their times are read, and the rules across them."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from content_model.messages import _
from content_model.model import line_of
from content_model.schema import Key, choice, common_keys, parse_date, parse_text, parse_url


@dataclass(frozen=True)
class EventTime:
    """An event's Start or End: a day (all-day) or a day and a time."""

    moment: datetime  # aware, Europe/Helsinki; midnight for an all-day value
    all_day: bool

    def __str__(self):
        return self.moment.strftime("%Y-%m-%d" if self.all_day else "%Y-%m-%d %H:%M")


def parse_event_time(value):
    moment = parse_date(value)
    return EventTime(moment, all_day=len(value.strip()) == len("2020-06-01"))


EVENT_STATUSES = ("cancelled", "postponed", "rescheduled")

EVENT_KEYS = common_keys(Date=Key("Date", parse_date, shared=True, help=(
    "2020-06-01", "Ilmoituksen julkaisupäivä.", "Meddelandets publiceringsdag."))) + (
    Key("Start", parse_event_time, required=True, shared=True, help=(
        "2020-10-23 09:00", "Alku: päivä (koko päivän tapahtuma) tai päivä ja kellonaika.",
        "Början: dag (heldagsevenemang) eller dag och klockslag.")),
    Key("End", parse_event_time, shared=True, help=(
        "2020-10-23 15:00", "Päättymisaika (YYYY-MM-DD HH:MM); voi olla myöhempänä päivänä.",
        "Sluttid (YYYY-MM-DD HH:MM); kan vara en senare dag.")),
    Key("Location", parse_text, translated=True, help=(
        "Seinäjoki", "Paikka; verkkotapahtumassa 'Verkossa (Teams)'.",
        "Plats; för evenemang på nätet 'På nätet (Teams)'.")),
    Key("Organizer", parse_text, translated=True, help=("SONet BOTNIA", "Järjestäjä.", "Arrangör.")),
    Key("Registration", parse_url, help=(
        "https://www.example.fi/ilmoittaudu", "Ilmoittautumislinkki.", "Anmälningslänk.")),
    Key("Registration-deadline", parse_event_time, shared=True, help=(
        "2020-09-01", "Ilmoittautumisen viimeinen päivä.", "Sista anmälningsdag.")),
    Key("Event-status", choice(EVENT_STATUSES), shared=True, help=(
        "cancelled", "cancelled, postponed tai rescheduled.", "cancelled, postponed eller rescheduled.")),
    Key("Previous-start", parse_event_time, shared=True, help=(
        "2020-09-01 09:00", "Muuttuneen tapahtuman alkuperäinen alku.",
        "Ett flyttat evenemangs ursprungliga början.")),
)


def check_event_times(source, values):
    start, end = values.get("start"), values.get("end")
    line = line_of(source, "End")
    # An all-day End lasts to the end of its day: only an earlier day is wrong.
    if line and start and end and (end.moment.date() < start.moment.date() if end.all_day
                                   else end.moment < start.moment):
        source.error(line, _(
            "End {end} is before Start {start}", end=str(end), start=str(start)))
    deadline = values.get("registration_deadline")
    line = line_of(source, "Registration-deadline")
    if line and start and deadline and deadline.moment > start.moment:
        source.error(line, _(
            "Registration-deadline is after the event starts; registration must close "
            "before Start"))
    line = line_of(source, "Event-status")
    if line and values.get("event_status") and "modified" not in values:
        # Modified is what raises the calendars' SEQUENCE and dates the feed
        # entry: without it subscribed calendars may keep the old event.
        source.warn(line, _(
            "Event-status: add 'Modified: YYYY-MM-DD HH:MM' (when the status changed), "
            "or subscribed calendars may keep showing the event as it was"))
    if line and values.get("event_status") == "rescheduled" and "previous_start" not in values:
        source.warn(line, _(
            "a rescheduled event should say when it was to start: add 'Previous-start: ...'"))


def example_times(values):
    """Examples that agree with the event's Start: it ends that day (two
    hours later, or the next day after an all-day Start), and registration
    closes a week before."""
    start = values.get("Start", "").strip()
    if not start:
        return {}
    if len(start) > 10:
        end = (datetime.fromisoformat(start) + timedelta(hours=2)).strftime("%Y-%m-%d %H:%M")
    else:
        end = (date.fromisoformat(start) + timedelta(days=1)).isoformat()
    deadline = (date.fromisoformat(start[:10]) - timedelta(days=7)).isoformat()
    return {"End": end, "Registration-deadline": deadline}
