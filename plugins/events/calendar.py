"""Events as RFC 5545 calendars, built with icalendar.

UIDs come from the item's section and <name>, never from its title, so a
corrected title updates the same calendar entry. DTSTAMP is the build clock,
so the same content and clock give the same bytes.
"""

from datetime import datetime, timedelta, timezone

from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard
from markupsafe import Markup

STATUS = {"cancelled": "CANCELLED", "postponed": "TENTATIVE"}
SEQUENCE_EPOCH = datetime(2000, 1, 1, tzinfo=timezone.utc)


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


def clock_changes(zone, first_year, last_year):
    """[(UTC instant, offset before, offset after)] of every change of
    clocks in ``zone`` in those years, to the second."""
    offset = lambda moment: moment.astimezone(zone).utcoffset()  # noqa: E731
    changes = []
    moment = datetime(first_year, 1, 1, tzinfo=timezone.utc)
    end = datetime(last_year + 1, 1, 1, tzinfo=timezone.utc)
    while moment < end:
        after = min(moment + timedelta(days=7), end)
        if offset(after) != offset(moment):
            low, high = moment, after  # the change is after low, at or before high
            while high - low > timedelta(seconds=1):
                middle = low + (high - low) / 2
                low, high = (middle, high) if offset(middle) == offset(low) else (low, middle)
            changes.append((high, offset(low), offset(high)))
        moment = after
    return changes


def helsinki_timezone(first_year=1970, last_year=2037):
    """The VTIMEZONE of Europe/Helsinki, as iCalendar lines; made once per
    build, since it is the same in every calendar.

    Each change of clocks is found in the tz database and written as RFC
    5545 reads it (3.6.5): the local time before the change, with the offset
    before it. (icalendar's Timezone.from_tzinfo writes the spring changes
    in the time after the change, which puts them an hour late.)"""
    zone = ZoneInfo("Europe/Helsinki")
    start = datetime(first_year, 1, 1)
    vtimezone = Timezone()
    vtimezone.add("tzid", "Europe/Helsinki")
    first = TimezoneStandard()
    first.add("tzname", start.replace(tzinfo=zone).tzname())
    first.add("dtstart", start)
    first.add("tzoffsetfrom", start.replace(tzinfo=zone).utcoffset())
    first.add("tzoffsetto", start.replace(tzinfo=zone).utcoffset())
    vtimezone.add_component(first)
    observances = {}  # (summer time?, name, offsets) -> local onsets
    for instant, before, after in clock_changes(zone, first_year, last_year):
        local = instant.astimezone(zone)
        key = (bool(local.dst()), local.tzname(), before, after)
        observances.setdefault(key, []).append((instant + before).replace(tzinfo=None))
    for (summer, name, before, after), onsets in observances.items():
        observance = TimezoneDaylight() if summer else TimezoneStandard()
        observance.add("tzname", name)
        observance.add("dtstart", onsets[0])
        if onsets[1:]:
            observance.add("rdate", onsets[1:])
        observance.add("tzoffsetfrom", before)
        observance.add("tzoffsetto", after)
        vtimezone.add_component(observance)
    return vtimezone.to_ical()


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
