"""Events as RFC 5545 calendars, built with icalendar.

UIDs come from the item's section and <name>, never from its title, so a
corrected title updates the same calendar entry. DTSTAMP is the build clock,
so the same content and clock give the same bytes.
"""

from datetime import timedelta, timezone

from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, Timezone
from markupsafe import Markup

STATUS = {"cancelled": "CANCELLED", "postponed": "TENTATIVE"}


def event_uid(event, domain):
    return f"{event.section}-{event.item_name}@{domain}"


def vevent(event, build_clock, siteurl, domain):
    entry = Event()
    entry.add("uid", event_uid(event, domain))
    entry.add("dtstamp", build_clock.astimezone(timezone.utc))
    entry.add("summary", event.title)
    start = event.start
    end = getattr(event, "end", None)
    if start.all_day:
        entry.add("dtstart", start.moment.date())
        # DTEND of an all-day event is the day after its last day.
        last = end.moment.date() if end else start.moment.date()
        entry.add("dtend", last + timedelta(days=1))
    else:
        entry.add("dtstart", start.moment)
        if end:
            entry.add("dtend", end.moment if not end.all_day else end.moment + timedelta(days=1))
    if getattr(event, "location", None):
        entry.add("location", event.location)
    description = [Markup(event.metadata.get("summary", "")).striptags()]
    if getattr(event, "organizer", None):
        description.append(event.organizer)
    if siteurl:
        url = f"{siteurl}/{event.url}"
        entry.add("url", url)
        description.append(url)
    entry.add("description", "\n\n".join(part for part in description if part))
    status = getattr(event, "event_status", None)
    entry.add("status", STATUS.get(status, "CONFIRMED"))
    # A changed event gets a higher SEQUENCE so subscribed calendars update.
    entry.add("sequence", 1 if status else 0)
    return entry


def helsinki_timezone():
    """The VTIMEZONE of Europe/Helsinki with its daylight-saving rules, as
    iCalendar lines; made once per build, since it is the same in every
    calendar (and long: one line per change of clocks)."""
    return Timezone.from_tzinfo(ZoneInfo("Europe/Helsinki")).to_ical()


END = b"END:VCALENDAR\r\n"


def calendar_bytes(events, name, build_clock, siteurl, domain, timezone_lines):
    calendar = Calendar()
    calendar.add("prodid", "-//SONet BOTNIA//Portal//FI")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Helsinki")
    for event in events:
        calendar.add_component(vevent(event, build_clock, siteurl, domain))
    lines = calendar.to_ical()
    assert lines.endswith(END)
    # The time zone goes last, after the events, as add_component would put it.
    return lines[: -len(END)] + timezone_lines + END
