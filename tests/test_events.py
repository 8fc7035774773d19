"""Events built from fixtures with a fixed build clock: listings, ranges,
calendars parsed back with icalendar, JSON-LD parsed as JSON."""

import json
import logging
from datetime import date, datetime, timedelta, timezone
from urllib.parse import quote
from zoneinfo import ZoneInfo

import icalendar
import pytest
from dateutil.rrule import rrulestr

from site_build import BuildFailed
from test_meetings import BASE as MEETINGS_BASE

HELSINKI = ZoneInfo("Europe/Helsinki")
BASE = {k: v for k, v in MEETINGS_BASE.items()}
# 2020-06-02 13:00 Helsinki: the network meeting 12–14 is under way.
CLOCK = int(datetime(2020, 6, 2, 13, 0, tzinfo=HELSINKI).timestamp())

EVENTS = {
    "events/verkosto.fi.md": "Title: Verkostokokous\nStart: 2020-06-02 12:00\nEnd: 2020-06-02 14:00\n"
                             "Location: Verkossa (Teams)\nOrganizer: SONet BOTNIA\n"
                             "Summary: Vammaissosiaalityö; yhteistyö, verkosto\n\nKokous.\n",
    "events/verkosto.sv.md": "Title: Nätverksmöte\nSlug: natverksmote\n\nMöte.\n",
    "events/tukiperhe.fi.md": "Title: Ikkunoita tukiperhetoimintaan\nStart: 2020-10-23 09:00\n"
                              "End: 2020-10-26 12:00\nLocation: Seinäjoki\nOrganizer: Pelastakaa Lapset ry\n"
                              "Registration: https://example.org/ilmoittaudu\n"
                              "Registration-deadline: 2020-10-16\nProjects: monni\n\nTeksti.\n",
    "events/syyspaiva.fi.md": "Title: Syyspäivä\nStart: 2020-09-03\n\nKoko päivä.\n",
    "events/peruttu.fi.md": "Title: Peruttu koulutus\nStart: 2020-08-24 11:30\nEnd: 2020-08-24 13:30\n"
                            "Event-status: cancelled\n\nPeruttu.\n",
    "events/mennyt.fi.md": "Title: Mennyt tilaisuus\nStart: 2020-05-12 10:00\nEnd: 2020-05-12 11:00\n\nOli.\n",
    "events/vanha.fi.md": "Title: Vanha tilaisuus\nStart: 2019-11-17\n\nOli.\n",
}


def build_events(build_from, **extra):
    return build_from({**BASE, **EVENTS, **extra}, epoch=CLOCK)


def test_upcoming_then_past_by_year(build_from):
    site = build_events(build_from)
    index = site.html("/tapahtumat/")
    upcoming = [a.get_text() for a in index.select("section[aria-labelledby=upcoming-heading] .item-title a")]
    assert upcoming == ["Verkostokokous", "Peruttu koulutus", "Syyspäivä", "Ikkunoita tukiperhetoimintaan"]
    past = index.select("section[aria-labelledby=past-heading]")[0]
    # the newest year of past events here, every year on a page of its own
    assert [h.get_text() for h in past.select("h3")] == ["2020"]
    assert [a.get_text() for a in past.select(".item-title a")] == ["Mennyt tilaisuus"]
    assert [a["href"] for a in past.select(".year-nav a")] == ["/tapahtumat/2020/", "/tapahtumat/2019/"]
    year = site.html("/tapahtumat/2019/")
    assert year.h1.get_text() == "Menneet tapahtumat: 2019"
    assert [a.get_text() for a in year.select("main .item-title a")] == ["Vanha tilaisuus"]
    cancelled = index.select("section[aria-labelledby=upcoming-heading] li")[1]
    assert cancelled.select_one(".event-status").get_text() == "Peruttu"
    sv = site.html("/sv/evenemang/")
    first = sv.select("section[aria-labelledby=upcoming-heading] li")
    assert first[0].a.get_text() == "Nätverksmöte"
    assert first[1].select_one(".event-status").get_text() == "Inställt"
    assert first[1].a["lang"] == "fi"


def test_localised_ranges(build_from):
    site = build_events(build_from)
    when = lambda url: site.html(url).select_one(".facts time").get_text()  # noqa: E731
    assert when("/tapahtumat/verkosto/") == "ti 2.6.2020 klo 12–14"
    assert when("/sv/evenemang/natverksmote/") == "tis 2.6.2020 kl. 12–14"
    assert when("/tapahtumat/syyspaiva/") == "to 3.9.2020"
    assert when("/tapahtumat/tukiperhe/") == "pe 23.10.2020 klo 9 – ma 26.10.2020 klo 12"
    # the machine-readable form: a day alone for an all-day event (HTML's valid date string)
    machine = lambda url: site.html(url).select_one(".facts time")["datetime"]  # noqa: E731
    assert machine("/tapahtumat/syyspaiva/") == "2020-09-03"
    assert machine("/tapahtumat/verkosto/") == "2020-06-02T12:00:00+03:00"
    listed = {t.get_text(): t["datetime"] for t in site.html("/tapahtumat/").select(".meta time")}
    assert listed["to 3.9.2020"] == "2020-09-03"


def parse_calendar(site, url):
    return icalendar.Calendar.from_ical((site.path / url.lstrip("/")).read_bytes())


def test_event_calendars_parse_back(build_from):
    site = build_events(build_from)
    page = site.html("/tapahtumat/tukiperhe/")
    ics_url = page.select_one("a[type='text/calendar']")["href"]
    assert ics_url == "/tapahtumat/tukiperhe/tukiperhe.ics"
    calendar = parse_calendar(site, ics_url)
    (event,) = calendar.walk("VEVENT")
    assert str(event["UID"]) == "events-tukiperhe@sonetbotnia.fi"
    assert event["DTSTART"].params["TZID"] == "Europe/Helsinki"
    # crosses the end of summer time (25.10.2020): +03:00 before, +02:00 after
    assert event.decoded("DTSTART").utcoffset().total_seconds() == 3 * 3600
    assert event.decoded("DTEND").utcoffset().total_seconds() == 2 * 3600
    # DTSTAMP from the content, never the build clock: no Modified or Date, so its Start
    assert event.decoded("DTSTAMP") == datetime(2020, 10, 23, 6, 0, tzinfo=timezone.utc)
    assert calendar.walk("VTIMEZONE")[0]["TZID"] == "Europe/Helsinki"

    all_day = parse_calendar(site, "/tapahtumat/syyspaiva/syyspaiva.ics").walk("VEVENT")[0]
    assert all_day.decoded("DTSTART") == date(2020, 9, 3)
    assert all_day.decoded("DTEND") == date(2020, 9, 4)

    text = parse_calendar(site, "/tapahtumat/verkosto/verkosto.ics").walk("VEVENT")[0]
    assert str(text["DESCRIPTION"]).startswith("Vammaissosiaalityö; yhteistyö, verkosto")
    raw = (site.path / "tapahtumat/verkosto/verkosto.ics").read_text()
    assert "Vammaissosiaalityö\\; yhteistyö\\, verkosto" in raw

    cancelled = parse_calendar(site, "/tapahtumat/peruttu/peruttu.ics").walk("VEVENT")[0]
    assert str(cancelled["STATUS"]) == "CANCELLED" and int(cancelled["SEQUENCE"]) == 1
    # calcurse and khal show no STATUS: the summary says it
    assert str(cancelled["SUMMARY"]) == "Peruttu: Peruttu koulutus"

    # a time without End lasts EVENT_DEFAULT_DURATION_MINUTES (120) in every client
    untimed = build_events(build_from, **{"events/alku.fi.md": "Title: Alku\nStart: 2020-09-01 09:00\n\nT.\n"})
    (event,) = parse_calendar(untimed, "/tapahtumat/alku/alku.ics").walk("VEVENT")
    assert event.decoded("DTEND") - event.decoded("DTSTART") == timedelta(hours=2)


def test_a_changed_event_rises_in_sequence_with_its_modified(build_from, tmp_path):
    """RFC 5545 3.8.7.4: each significant revision has a higher SEQUENCE,
    or a subscribed calendar keeps the old event."""
    def sequence_after(modified, folder):
        text = EVENTS["events/peruttu.fi.md"].replace("Event-status", f"Modified: {modified}\nEvent-status")
        site = build_from({**BASE, **EVENTS, "events/peruttu.fi.md": text}, epoch=CLOCK,
                          output=tmp_path / folder)
        (event,) = parse_calendar(site, "/tapahtumat/peruttu/peruttu.ics").walk("VEVENT")
        assert event.decoded("LAST-MODIFIED") == datetime.fromisoformat(modified).replace(tzinfo=HELSINKI)
        return int(event["SEQUENCE"])

    cancelled = sequence_after("2020-05-30 09:00", "a")
    moved_again = sequence_after("2020-06-01 16:30", "b")
    assert 1 < cancelled < moved_again


def test_calendar_time_zone_changes_clocks_when_finland_does(build_from):
    """RFC 5545 3.6.5: an observance begins at its DTSTART and at each
    recurrence of its RRULE, a local time read with TZOFFSETFROM. Each must
    be the moment the tz database changes the clocks of Helsinki, and the
    zone is given as yearly rules, as Outlook, Google and ical.js read it."""
    site = build_events(build_from)
    (vtimezone,) = parse_calendar(site, "/tapahtumat/tukiperhe/tukiperhe.ics").walk("VTIMEZONE")
    second = timedelta(seconds=1)
    onsets = 0
    for observance in vtimezone.subcomponents:
        before, after = (observance["TZOFFSETFROM"].td, observance["TZOFFSETTO"].td)
        assert "RDATE" not in observance
        if before == after:  # the observance the calendar starts with
            continue
        # local times read with TZOFFSETFROM, so that a UTC UNTIL compares with them
        first = observance.decoded("DTSTART").replace(tzinfo=timezone(before))
        rule = observance.get("RRULE")
        until = datetime(2038, 1, 1, tzinfo=timezone.utc)
        locals_ = list(rrulestr(rule.to_ical().decode(), dtstart=first).between(
            first, until, inc=True)) if rule else [first]
        for local in locals_:
            instant = local.astimezone(timezone.utc)
            assert (instant - second).astimezone(HELSINKI).utcoffset() == before, local
            assert instant.astimezone(HELSINKI).utcoffset() == after, local
            onsets += 1
    # spring and autumn of every year 1981–2037
    assert onsets == 2 * (2037 - 1981 + 1)


def test_subscribable_calendar_per_language(build_from, tmp_path):
    site = build_events(build_from, **{"events/ennen.fi.md": "Title: Ennen\nStart: 2019-04-01\n\nOli.\n"})
    fi = parse_calendar(site, "/tapahtumat/tapahtumat.ics")
    uids = sorted(str(e["UID"]) for e in fi.walk("VEVENT"))
    # upcoming and those that ended within CALENDAR_KEEP_PAST_DAYS (400):
    # 17.11.2019 is kept, 1.4.2019 (428 days before) is not
    assert uids == sorted(f"events-{n}@sonetbotnia.fi" for n in
                          ("verkosto", "tukiperhe", "syyspaiva", "peruttu", "mennyt", "vanha"))
    # a subscribed client is told to fetch again, twice a day
    raw = (site.path / "tapahtumat/tapahtumat.ics").read_bytes().decode()
    assert "\r\nREFRESH-INTERVAL;VALUE=DURATION:PT12H\r\n" in raw
    assert "\r\nX-PUBLISHED-TTL:PT12H\r\n" in raw
    # the archive has every event
    archive = parse_calendar(site, "/tapahtumat/arkisto.ics")
    assert len(archive.walk("VEVENT")) == len(uids) + 1
    sv = parse_calendar(site, "/sv/evenemang/evenemang.ics")
    summaries = {str(e["UID"]): str(e["SUMMARY"]) for e in sv.walk("VEVENT")}
    assert summaries["events-verkosto@sonetbotnia.fi"] == "Nätverksmöte"
    # marked as the feeds mark them, and the status in the calendar's language
    assert summaries["events-syyspaiva@sonetbotnia.fi"] == "Syyspäivä (på finska)"
    assert summaries["events-peruttu@sonetbotnia.fi"] == "Inställt: Peruttu koulutus (på finska)"
    only_sv = build_from({**BASE, "events/sv.sv.md": "Title: Bara svenska\nStart: 2020-09-01\n\nT.\n"},
                         epoch=CLOCK, output=tmp_path / "sv")
    summaries = {str(e["UID"]): str(e["SUMMARY"])
                 for e in parse_calendar(only_sv, "/tapahtumat/tapahtumat.ics").walk("VEVENT")}
    assert summaries["events-sv@sonetbotnia.fi"] == "Bara svenska (ruotsiksi)"


def test_json_ld(build_from):
    site = build_events(build_from)
    data = json.loads(site.html("/tapahtumat/verkosto/").find("script", type="application/ld+json").string)
    assert data["@type"] == "Event" and data["name"] == "Verkostokokous"
    assert data["startDate"] == "2020-06-02T12:00:00+03:00"
    assert data["endDate"] == "2020-06-02T14:00:00+03:00"
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert data["organizer"]["name"] == "SONet BOTNIA" and data["inLanguage"] == "fi"
    cancelled = json.loads(site.html("/tapahtumat/peruttu/").find("script", type="application/ld+json").string)
    assert cancelled["eventStatus"] == "https://schema.org/EventCancelled"


def test_event_leaves_upcoming_when_it_ends(build_from, tmp_path):
    later = int(datetime(2020, 6, 2, 14, 1, tzinfo=HELSINKI).timestamp())
    site = build_from({**BASE, **EVENTS}, epoch=later, output=tmp_path / "later")
    upcoming = [a.get_text() for a in site.html("/tapahtumat/").select(
        "section[aria-labelledby=upcoming-heading] .item-title a")]
    assert "Verkostokokous" not in upcoming


@pytest.mark.parametrize(("text", "expected"), [
    ("Title: X\n\nT.\n", "events/x.fi.md:1: Start is missing: add a line 'Start: ...' to the header"),
    ("Title: X\nStart: ensi viikolla\n\nT.\n",
     "events/x.fi.md:2: Start: expected a date as YYYY-MM-DD or YYYY-MM-DD HH:MM, for example "
     "2020-06-01 12:00, found 'ensi viikolla'"),
    ("Title: X\nStart: 2020-06-02 12:00\nEnd: 2020-06-02 10:00\n\nT.\n",
     "events/x.fi.md:3: End 2020-06-02 10:00 is before Start 2020-06-02 12:00"),
    ("Title: X\nStart: 2020-06-02 12:00\nRegistration: www.example.org\n\nT.\n",
     "events/x.fi.md:3: Registration: expected a web address starting with https://, found 'www.example.org'"),
    ("Title: X\nStart: 2020-06-02 12:00\nRegistration-deadline: 2020-06-03\n\nT.\n",
     "events/x.fi.md:3: Registration-deadline is after the event starts; registration must close before Start"),
])
def test_bad_event_input(build_from, caplog, text, expected):
    caplog.set_level(logging.WARNING)
    with pytest.raises(BuildFailed):
        build_from({**BASE, "events/x.fi.md": text}, epoch=CLOCK)
    assert expected in [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR]


def test_an_item_at_the_address_of_a_year_page_stops_the_build(build_from, caplog):
    # content/events/2019.fi.md would be /tapahtumat/2019/, where the past events of 2019 are listed
    caplog.set_level(logging.WARNING)
    with pytest.raises(BuildFailed):
        build_events(build_from, **{"events/2019.fi.md": "Title: Vuosi\nStart: 2020-09-01\n\nT.\n"})
    # Once, though its Swedish stub /sv/evenemang/2019/ collides as well.
    assert [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR] == [
        "events/2019.fi.md:1: the address /tapahtumat/2019/ is taken by a page the site makes "
        "itself (a listing, the search page or the like); rename the file or give it another Slug"]


def test_registration_is_offered_only_while_open(build_from, tmp_path):
    def registration(site, url):
        facts = site.html(url).select_one(".facts")
        return ([a["href"] for a in facts.select("a") if a["href"].startswith("https://")],
                facts.get_text(" ", strip=True))

    cancelled = EVENTS["events/tukiperhe.fi.md"].replace(
        "Projects: monni\n", "Projects: monni\nEvent-status: cancelled\nModified: 2020-06-01 09:00\n")
    site = build_events(build_from, **{"events/peruttu-ilmo.fi.md": cancelled})
    links, _ = registration(site, "/tapahtumat/tukiperhe/")
    assert links == ["https://example.org/ilmoittaudu"]
    links, text = registration(site, "/tapahtumat/peruttu-ilmo/")
    assert links == [] and "Ilmoittaudu" not in text and "Ilmoittautuminen" not in text
    ld = json.loads(site.html("/tapahtumat/peruttu-ilmo/").find("script", type="application/ld+json").string)
    assert "offers" not in ld
    # the deadline 16.10.2020 is over at the end of that day, by the build clock
    after = int(datetime(2020, 10, 17, 0, 1, tzinfo=HELSINKI).timestamp())
    late = build_from({**BASE, **EVENTS}, epoch=after, output=tmp_path / "late")
    links, text = registration(late, "/tapahtumat/tukiperhe/")
    assert links == [] and "Ilmoittautuminen on päättynyt." in text
    # the calendar gives the registration link while it is open
    (event,) = parse_calendar(site, "/tapahtumat/tukiperhe/tukiperhe.ics").walk("VEVENT")
    assert "Ilmoittautuminen: https://example.org/ilmoittaudu" in str(event["DESCRIPTION"])
    (event,) = parse_calendar(late, "/tapahtumat/tukiperhe/tukiperhe.ics").walk("VEVENT")
    assert "example.org" not in str(event["DESCRIPTION"])


def test_a_status_without_modified_is_a_warning(build_from, caplog):
    caplog.set_level(logging.WARNING)
    build_from({**BASE, "events/siirto.fi.md": "Title: Siirto\nStart: 2020-08-25 10:00\n"
                "Event-status: postponed\n\nT.\n"}, epoch=CLOCK)
    assert [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING] == [
        "events/siirto.fi.md:3: Event-status: add 'Modified: YYYY-MM-DD HH:MM' (when the status "
        "changed), or subscribed calendars may keep showing the event as it was"]


# Google's event rich results: required and recommended properties.
REQUIRED = ("name", "startDate", "location")
RECOMMENDED = ("endDate", "eventStatus", "eventAttendanceMode", "organizer", "description")


def check_event_json_ld(data):
    assert data["@type"] == "Event"
    for name in REQUIRED + RECOMMENDED:
        assert data.get(name), name
    place = data["location"]
    if place["@type"] == "Place":
        assert place["name"] and place["address"]["@type"] == "PostalAddress"
        assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    else:
        assert place["@type"] == "VirtualLocation" and place["url"].startswith("http")
        assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert data["organizer"]["@type"] == "Organization" and data["organizer"]["name"]
    assert data["endDate"] >= data["startDate"]
    assert data["eventStatus"].startswith("https://schema.org/Event")


def test_json_ld_has_what_event_rich_results_ask_for(build_from):
    site = build_events(build_from)
    pages = [url for url in site.pages() if url.startswith(("/tapahtumat/", "/sv/evenemang/"))]
    found = 0
    for url in pages:
        script = site.html(url).find("script", type="application/ld+json")
        if script is None:
            continue
        data = json.loads(script.string)
        if "location" not in data:  # no Location written: no place is made up
            assert url.startswith(("/tapahtumat/syyspaiva/", "/tapahtumat/peruttu/", "/tapahtumat/mennyt/",
                                   "/tapahtumat/vanha/")), url
            continue
        check_event_json_ld(data)
        found += 1
    assert found >= 3
    data = json.loads(site.html("/tapahtumat/tukiperhe/").find("script", type="application/ld+json").string)
    assert data["location"] == {"@type": "Place", "name": "Seinäjoki", "address": {
        "@type": "PostalAddress", "streetAddress": "Seinäjoki", "addressCountry": "FI"}}
    assert data["offers"] == {"@type": "Offer", "url": "https://example.org/ilmoittaudu",
                              "availability": "https://schema.org/InStock", "validThrough": "2020-10-16"}
    all_day = json.loads(site.html("/tapahtumat/syyspaiva/").find("script", type="application/ld+json").string)
    assert all_day["endDate"] == "2020-09-03"
    assert all_day["organizer"] == {"@type": "Organization", "name": "SONet BOTNIA",
                                    "url": "http://127.0.0.1:8000/"}


def test_feeds_page_offers_subscriptions_not_only_imports(build_from):
    site = build_events(build_from)
    for url, name in (("/syotteet/", "SONet BOTNIA – tapahtumat"), ("/sv/floden/", "SONet BOTNIA – evenemang")):
        page = site.html(url)
        item = next(li for li in page.select("li") if li.get_text().startswith(name + ":"))
        links = [a["href"] for a in item.select("a")]
        path = "tapahtumat/tapahtumat.ics" if url == "/syotteet/" else "sv/evenemang/evenemang.ics"
        assert links == [
            f"webcal://127.0.0.1:8000/{path}",
            "https://calendar.google.com/calendar/render?cid=" + quote(f"webcal://127.0.0.1:8000/{path}", safe=""),
            "https://outlook.live.com/calendar/0/addfromweb?url=" + quote(f"http://127.0.0.1:8000/{path}", safe="")
            + "&name=" + quote(name, safe="").replace("%20", "+"),
            f"/{path}"]
        assert all(a.get("rel") == ["noopener"] for a in item.select("a[href^='https://']"))
        assert any("arkisto.ics" in a["href"] or "arkiv.ics" in a["href"] for a in page.select("a"))
