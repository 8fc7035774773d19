"""The calendars as subscribers' programs read them: Mozilla's ical.js
(Thunderbird) under Node, vobject and icalendar, each with the calendar's
own VTIMEZONE, must find every event at the instant the tz database gives
for its Helsinki time, summer or winter, 2016–2030."""

import json
import shutil
import subprocess
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest
import vobject

from test_events import BASE

HELSINKI = ZoneInfo("Europe/Helsinki")
JS = Path(__file__).parent / "js"
# 2016-01-02 12:00 Helsinki: every generated event is still to come.
EARLY = int(datetime(2016, 1, 2, 12, tzinfo=HELSINKI).timestamp())


def last_sunday(year, month):
    day = datetime(year, month + 1, 1) - timedelta(days=1)
    return day - timedelta(days=(day.weekday() - 6) % 7)


def generated_events():
    """{name: (start, end)} in Helsinki wall-clock time: a summer and a
    winter meeting each year, and events across both changes of clocks."""
    events = {}
    for year in range(2016, 2031):
        spring, autumn = last_sunday(year, 3), last_sunday(year, 10)
        events[f"kesa-{year}"] = (datetime(year, 8, 24, 11, 30), datetime(year, 8, 24, 13, 30))
        events[f"talvi-{year}"] = (datetime(year, 1, 15, 9, 0), datetime(year, 1, 15, 10, 15))
        events[f"kevatyo-{year}"] = (spring - timedelta(hours=4), spring + timedelta(hours=10))
        events[f"syysyo-{year}"] = (autumn - timedelta(hours=4), autumn + timedelta(hours=10))
        # Just after the clocks moved on: 04:30 exists in spring and is
        # read once in autumn, after the change.
        events[f"kevataamu-{year}"] = (spring.replace(hour=4, minute=30), spring.replace(hour=6))
        events[f"syysaamu-{year}"] = (autumn.replace(hour=4, minute=30), autumn.replace(hour=6))
    return events


def event_file(name, start, end):
    return (f"Title: Tapahtuma {name}\nStart: {start:%Y-%m-%d %H:%M}\nEnd: {end:%Y-%m-%d %H:%M}\n"
            f"Location: Seinäjoki\n\nTeksti.\n")


def utc_seconds(moment):
    return int(moment.astimezone(timezone.utc).timestamp())


def ical_js(paths):
    if shutil.which("node") is None or not (JS / "node_modules" / "ical.js").is_dir():
        pytest.fail("ical.js is not installed: run `npm ci --prefix tests/js` (python3 tasks.py test does)")
    result = subprocess.run(["node", str(JS / "instants.mjs"), *map(str, paths)],
                            capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def vobject_instants(path):
    calendar = vobject.readOne(path.read_text(encoding="utf-8"))
    return {str(event.uid.value): (utc_seconds(event.dtstart.value), utc_seconds(event.dtend.value))
            for event in calendar.vevent_list if isinstance(event.dtstart.value, datetime)}


def icalendar_instants(path):
    """icalendar twice: with the zone built from the file's VTIMEZONE, and
    as it decodes by itself."""
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    (vtimezone,) = calendar.walk("VTIMEZONE")
    own_zone = vtimezone.to_tz()
    built, decoded = {}, {}
    for event in calendar.walk("VEVENT"):
        start, end = event.decoded("DTSTART"), event.decoded("DTEND")
        if not isinstance(start, datetime):
            continue
        uid = str(event["UID"])
        decoded[uid] = (utc_seconds(start), utc_seconds(end))
        built[uid] = tuple(utc_seconds(own_zone.localize(m.replace(tzinfo=None))
                                       if hasattr(own_zone, "localize")
                                       else m.replace(tzinfo=own_zone)) for m in (start, end))
    return built, decoded


def check_calendars(paths, expected):
    """Every reader finds each timed event of ``paths`` at ``expected[uid]``."""
    by_js = ical_js(paths)
    checked = 0
    for path in paths:
        js = {e["uid"]: (e["start"], e["end"]) for e in by_js[str(path)] if e["start"] is not None}
        built, decoded = icalendar_instants(path)
        readers = {"ical.js": js, "vobject": vobject_instants(path),
                   "icalendar (VTIMEZONE)": built, "icalendar": decoded}
        for uid, instants in expected(path).items():
            for reader, found in readers.items():
                assert found[uid] == instants, (reader, path.name, uid)
            checked += 1
    return checked


def test_every_reader_finds_generated_events_at_their_instants(build_from):
    events = generated_events()
    site = build_from({**BASE, **{f"events/{name}.fi.md": event_file(name, *times)
                                  for name, times in events.items()}}, epoch=EARLY)
    expected = {f"events-{name}@sonetbotnia.fi": tuple(
        utc_seconds(moment.replace(tzinfo=HELSINKI)) for moment in times)
        for name, times in events.items()}
    # The example: 24.8.2020 11:30 in Helsinki is 08:30 UTC.
    assert expected["events-kesa-2020@sonetbotnia.fi"][0] == utc_seconds(
        datetime(2020, 8, 24, 8, 30, tzinfo=timezone.utc))
    paths = sorted(site.path.rglob("*.ics"))
    checked = check_calendars(paths, lambda path: {
        uid: instants for uid, instants in expected.items()
        if uid in path.read_text(encoding="utf-8")})
    # each event in its own calendar, the language's and the archive, in both languages
    assert checked == len(events) * 5


def test_every_reader_agrees_with_zoneinfo_on_the_real_site(real_site):
    paths = sorted(real_site.path.rglob("*.ics"))
    assert len(paths) >= 26

    def written(path):
        """Each event's Helsinki times as written in the file, read with zoneinfo."""
        calendar = icalendar.Calendar.from_ical(path.read_bytes())
        return {str(e["UID"]): tuple(utc_seconds(e[key].dt.replace(tzinfo=HELSINKI))
                                     for key in ("DTSTART", "DTEND"))
                for e in calendar.walk("VEVENT") if isinstance(e["DTSTART"].dt, datetime)}

    assert check_calendars(paths, written) > 0
