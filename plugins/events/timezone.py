"""The VTIMEZONE of Europe/Helsinki, written as yearly rules (RRULE).

Outlook, Google Calendar, Mozilla's ical.js (Thunderbird) and vobject build
a zone from its RRULEs; a zone given as one long list of RDATEs reads in
several of them as a zone without summer time, so summer events came an
hour late. The rules are found in the tz database, not written by hand:
each run of years in which the clocks change on the same weekday of the
same month at the same local time is one observance with one RRULE.
"""

import calendar as month_calendar
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from icalendar import Timezone, TimezoneDaylight, TimezoneStandard
from icalendar.prop import vRecur

WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


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


def weekday_rule(local):
    """The day of ``local`` as RRULE's BYDAY: the last (-1) such weekday of
    its month when it is one of the last seven days, else the n-th."""
    days_in_month = month_calendar.monthrange(local.year, local.month)[1]
    nth = -1 if local.day > days_in_month - 7 else (local.day - 1) // 7 + 1
    return local.month, nth, WEEKDAYS[local.weekday()], local.time()


def observance_runs(zone, first_year, last_year):
    """[(summer?, name, before, after, rule, [local onsets])]: consecutive
    changes of the same kind and the same yearly rule, one run each."""
    runs = []
    current = {}  # (summer?, name, before, after) -> its latest run
    for instant, before, after in clock_changes(zone, first_year, last_year):
        local = (instant + before).replace(tzinfo=None)  # RFC 5545 3.6.5: read with TZOFFSETFROM
        kind = (bool(instant.astimezone(zone).dst()), instant.astimezone(zone).tzname(), before, after)
        rule = weekday_rule(local)
        run = current.get(kind)
        if run and run[4] == rule and run[5][-1].year == local.year - 1:
            run[5].append(local)
        else:
            current[kind] = run = [*kind, rule, [local]]
            runs.append(run)
    return runs


def helsinki_timezone(first_year=1970, last_year=2037):
    """The VTIMEZONE as iCalendar lines; made once per build, since it is
    the same in every calendar. The latest rules go on without end, as the
    tz database does past its last listed year."""
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
    runs = observance_runs(zone, first_year, last_year)
    latest = {}
    for run in runs:
        latest[tuple(run[:4])] = run
    for run in runs:
        summer, name, before, after, (month, nth, weekday, _), onsets = run
        observance = TimezoneDaylight() if summer else TimezoneStandard()
        observance.add("tzname", name)
        observance.add("dtstart", onsets[0])
        rule = {"freq": "yearly", "bymonth": month, "byday": f"{nth}{weekday}"}
        if latest[tuple(run[:4])] is not run:
            # UNTIL of a zone's rule is in UTC (RFC 5545 3.3.10).
            rule["until"] = (onsets[-1] - before).replace(tzinfo=timezone.utc)
        if len(onsets) > 1 or "until" not in rule:
            observance.add("rrule", vRecur(rule))
        observance.add("tzoffsetfrom", before)
        observance.add("tzoffsetto", after)
        vtimezone.add_component(observance)
    return vtimezone.to_ical()
