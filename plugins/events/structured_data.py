"""schema.org Event JSON-LD for an event page."""

import json

from markupsafe import Markup

EVENT_STATUS = {
    "cancelled": "https://schema.org/EventCancelled",
    "postponed": "https://schema.org/EventPostponed",
    "rescheduled": "https://schema.org/EventRescheduled",
}


def event_json_ld(event, siteurl):
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "startDate": event.start.moment.date().isoformat() if event.start.all_day
        else event.start.moment.isoformat(),
        "eventStatus": EVENT_STATUS.get(getattr(event, "event_status", None),
                                        "https://schema.org/EventScheduled"),
        "inLanguage": event.lang,
        "url": f"{siteurl}/{event.url}",
    }
    end = getattr(event, "end", None)
    if end:
        data["endDate"] = end.moment.date().isoformat() if end.all_day else end.moment.isoformat()
    if getattr(event, "previous_start", None):
        data["previousStartDate"] = event.previous_start.moment.isoformat()
    location = getattr(event, "location", None)
    if event.is_online:
        data["eventAttendanceMode"] = "https://schema.org/OnlineEventAttendanceMode"
        data["location"] = {"@type": "VirtualLocation", "name": location,
                            "url": f"{siteurl}/{event.url}"}
    elif location:
        data["eventAttendanceMode"] = "https://schema.org/OfflineEventAttendanceMode"
        data["location"] = {"@type": "Place", "name": location, "address": location}
    if getattr(event, "organizer", None):
        data["organizer"] = {"@type": "Organization", "name": event.organizer}
    summary = Markup(event.metadata.get("summary", "")).striptags()
    if summary:
        data["description"] = summary
    # "<" escaped so that no text can close the script element it sits in.
    return json.dumps(data, ensure_ascii=False, sort_keys=True).replace("<", "\\u003c")
