"""What the front page shows in one language: what is on, what was decided,
what is running, what is new. Pure selection from the generator context."""

from dataclasses import dataclass, field

from bilingual import in_language


@dataclass
class FrontPage:
    """The front page's listings, each already in the page's language (or
    the other language's version where an item has no translation)."""

    running_events: list = field(default_factory=list)
    upcoming_events: list = field(default_factory=list)
    latest_meetings: list = field(default_factory=list)
    active_projects: list = field(default_factory=list)
    project_count: int = 0
    latest_news: list = field(default_factory=list)
    has_past_events: bool = False  # the events page has its 'Past events' section


def front_page(context, lang, counts):
    """The FrontPage for ``lang``. ``counts`` (HOME_COUNTS) says how many of
    each listing fit; events are those still upcoming by the build clock
    (the events plugin sets ``upcoming``), split into the running and the
    ones to come."""
    clock = context["BUILD_CLOCK"]
    events = sorted(context.get("events", []), key=lambda e: e.sort_date)
    still_on = [in_language(e, lang) for e in events if e.upcoming]
    meetings = sorted(context.get("meetings", []), key=lambda m: m.sort_date, reverse=True)
    projects = context.get("projects", [])
    news = sorted(context.get("articles", []), key=lambda a: a.date, reverse=True)
    return FrontPage(
        running_events=[e for e in still_on if e.sort_date <= clock][: counts["events"]],
        upcoming_events=[e for e in still_on if e.sort_date > clock][: counts["events"]],
        latest_meetings=[in_language(m, lang) for m in meetings[: counts["meetings"]]],
        active_projects=[in_language(p, lang) for p in projects
                         if p.phase == "active"][: counts["projects"]],
        project_count=sum(1 for p in projects if p.phase != "ended"),
        latest_news=[in_language(a, lang) for a in news[: counts["news"]]],
        has_past_events=any(not e.upcoming for e in events),
    )
