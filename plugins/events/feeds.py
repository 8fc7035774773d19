"""What events give to feeds: the feed of upcoming events, whose entries
tell when and where, and a cancelled or moved event as news of its own."""

from content_model.content_type import N_, SectionFeed
from feeds.entries import plain_text
from localization.dates import time_range


UPCOMING_EVENTS_FEED = SectionFeed(
    N_("SONet BOTNIA: upcoming events"),
    N_("Trainings, network meetings and other upcoming events of SONet BOTNIA."),
    items=lambda context: sorted(context.get("upcoming_events", []), key=lambda e: e.sort_date),
    since_items=lambda context: context.get("events", []))


def event_entry(generator, event, lang, agenda_numbers):
    """The title and summary tell when and where, after the status
    ('Peruttu: '); once cancelled, postponed or rescheduled (again with each
    Modified) the entry has an id of its own, or feed readers would keep it
    as read."""
    when = time_range(event.start, getattr(event, "end", None), lang)
    where = f", {event.location}" if getattr(event, "location", None) else ""
    status = getattr(event, "event_status", None)
    prefix = generator.catalogs.status_prefix(lang, status)
    summary = plain_text(event.metadata.get("summary"))
    shown = {"title": f"{prefix}{event.title} – {when}{where}",
             "summary": f"{prefix}{when}{where}. {summary}".strip()}
    if status:
        modified = getattr(event, "modified", None)
        shown["id_suffix"] = f"/{status}" + (f"-{modified:%Y%m%dT%H%M}" if modified else "")
    return shown
