"""schema.org Event JSON-LD for an event page, with what Google's event
rich results require (name, startDate, location) and recommend (endDate,
eventStatus, eventAttendanceMode, organizer, offers, description)."""

import json
from datetime import timedelta

from markupsafe import Markup

EVENT_STATUS = {
    "cancelled": "https://schema.org/EventCancelled",
    "postponed": "https://schema.org/EventPostponed",
    "rescheduled": "https://schema.org/EventRescheduled",
}


def iso(event_time):
    return event_time.moment.date().isoformat() if event_time.all_day else event_time.moment.isoformat()


def end_date(event, default_duration):
    """The End; for a day alone, that day; for a time alone, the time the
    calendars show it ending (the default duration after it)."""
    end = getattr(event, "end", None)
    if end:
        return iso(end)
    if event.start.all_day:
        return iso(event.start)
    return (event.start.moment + default_duration).isoformat()


def location(event, page_url):
    """A Place with its address, or a VirtualLocation; None when the
    event names no place (nothing is made up)."""
    where = getattr(event, "location", None)
    if event.is_online:
        return {"@type": "VirtualLocation", "name": where,
                "url": getattr(event, "registration", None) or page_url}
    if where:
        return {"@type": "Place", "name": where,
                "address": {"@type": "PostalAddress", "streetAddress": where,
                            "addressCountry": "FI"}}
    return None


def event_json_ld(event, siteurl, settings):
    page_url = f"{siteurl}/{event.url}"
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "startDate": iso(event.start),
        "endDate": end_date(event, timedelta(minutes=settings["EVENT_DEFAULT_DURATION_MINUTES"])),
        "eventStatus": EVENT_STATUS.get(getattr(event, "event_status", None),
                                        "https://schema.org/EventScheduled"),
        "eventAttendanceMode": ("https://schema.org/OnlineEventAttendanceMode" if event.is_online
                                else "https://schema.org/OfflineEventAttendanceMode"),
        "inLanguage": event.lang,
        "url": page_url,
        # An event the site announces without naming who arranges it is the
        # site owner's.
        "organizer": {"@type": "Organization",
                      "name": getattr(event, "organizer", None) or settings["SITENAME"],
                      **({} if getattr(event, "organizer", None) else {"url": f"{siteurl}/"})},
    }
    if getattr(event, "previous_start", None):
        data["previousStartDate"] = iso(event.previous_start)
    place = location(event, page_url)
    if place:
        data["location"] = place
    if getattr(event, "registration_open", False):
        data["offers"] = {"@type": "Offer", "url": event.registration,
                          "availability": "https://schema.org/InStock"}
        if getattr(event, "registration_deadline", None):
            data["offers"]["validThrough"] = iso(event.registration_deadline)
    summary = Markup(event.metadata.get("summary", "")).striptags()
    data["description"] = summary or event.title
    # "<" escaped so that no text can close the script element it sits in.
    return json.dumps(data, ensure_ascii=False, sort_keys=True).replace("<", "\\u003c")
