"""Events as RFC 5545 calendars, built with icalendar.

UIDs come from the item's section and <name>, never from its title, so a
corrected title updates the same calendar entry. Every date in a calendar
comes from the content (DTSTAMP is the event's Modified, else its Date,
else its Start), so a calendar changes only when its events do: daily
builds of the same content give the same bytes, and HTTP caches and
synchronising clients see nothing new.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from icalendar import Calendar, Event
from icalendar.prop import vDuration
from markupsafe import Markup

STATUS = {"cancelled": "CANCELLED", "postponed": "TENTATIVE"}
SEQUENCE_EPOCH = datetime(2000, 1, 1, tzinfo=timezone.utc)


@dataclass(frozen=True)
class CalendarStyle:
    """What every calendar of a build shares."""

    siteurl: str
    uid_domain: str
    timezone_lines: bytes  # the VTIMEZONE, made once
    refresh: timedelta  # how often a subscribed client should fetch again
    default_duration: timedelta  # of a timed event without End


@dataclass(frozen=True)
class Wording:
    """The words of a calendar's language around an event's own text."""

    prefix: str  # 'Peruttu: ' for a cancelled event, else ''
    marker: str  # ' (på finska)' for an event in the other language, else ''
    registration: str  # 'Ilmoittautuminen'


def event_uid(event, domain):
    return f"{event.section}-{event.item_name}@{domain}"


def revised(event):
    """When the event's announcement was last revised, by its content."""
    return getattr(event, "modified", None) or getattr(event, "date", None) or event.start.moment


def add_times(entry, event, default_duration):
    start, end = event.start, getattr(event, "end", None)
    if start.all_day:
        entry.add("dtstart", start.moment.date())
        # DTEND of an all-day event is the day after its last day.
        last = end.moment.date() if end else start.moment.date()
        entry.add("dtend", last + timedelta(days=1))
        return
    entry.add("dtstart", start.moment)
    if end is None:
        # Without DTEND most clients show 0 minutes and khal an hour: say
        # how long it is taken to last, the same everywhere.
        entry.add("dtend", start.moment + default_duration)
    else:
        entry.add("dtend", end.moment if not end.all_day else end.moment + timedelta(days=1))


def vevent(event, wording, style):
    entry = Event()
    entry.add("uid", event_uid(event, style.uid_domain))
    entry.add("dtstamp", revised(event).astimezone(timezone.utc))
    # A client that shows no STATUS (calcurse, khal) still shows the summary.
    entry.add("summary", f"{wording.prefix}{event.title}{wording.marker}")
    add_times(entry, event, style.default_duration)
    if getattr(event, "location", None):
        entry.add("location", event.location)
    description = [Markup(event.metadata.get("summary", "")).striptags()]
    if getattr(event, "organizer", None):
        description.append(event.organizer)
    if getattr(event, "registration_open", False):
        description.append(f"{wording.registration}: {event.registration}")
    if style.siteurl:
        url = f"{style.siteurl}/{event.url}"
        entry.add("url", url)
        description.append(url)
    entry.add("description", "\n\n".join(part for part in description if part))
    status = getattr(event, "event_status", None)
    entry.add("status", STATUS.get(status, "CONFIRMED"))
    # A changed event needs a higher SEQUENCE, or subscribed calendars keep
    # the old one (RFC 5545 3.8.7.4). A static build counts no revisions:
    # the editor's Modified, which moves forward with each change, gives a
    # number that rises with it (minutes since 2000); a status counts too.
    modified = getattr(event, "modified", None)
    if modified:
        entry.add("last-modified", modified.astimezone(timezone.utc))
        entry.add("sequence", int((modified - SEQUENCE_EPOCH).total_seconds() // 60) + (1 if status else 0))
    else:
        entry.add("sequence", 1 if status else 0)
    return entry


END = b"END:VCALENDAR\r\n"


def calendar_bytes(events, name, wordings, style):
    """One calendar of ``events``; ``wordings`` gives each its Wording."""
    calendar = Calendar()
    calendar.add("prodid", "-//SONet BOTNIA//Portal//FI")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Helsinki")
    # How often a subscribed client fetches again: RFC 7986's property and
    # the one Outlook and Apple read.
    calendar.add("refresh-interval", vDuration(style.refresh), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", vDuration(style.refresh))
    for event in events:
        calendar.add_component(vevent(event, wordings(event), style))
    lines = calendar.to_ical()
    assert lines.endswith(END)
    # The time zone goes last, after the events, as add_component would put it.
    return lines[: -len(END)] + style.timezone_lines + END
