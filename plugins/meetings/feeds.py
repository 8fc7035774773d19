"""What minutes give to feeds: a feed of new minutes per body, and an entry
that shows the whole minutes, or in a project's feed only the agenda items
that name the project."""

from bilingual import in_language
from content_model.content_type import N_
from feeds import Feed


def body_feeds(generator, lang):
    """A feed per body of the registry, from the start: empty until its first
    minutes, so that one may subscribe before they come."""
    settings = generator.settings
    meetings = generator.context.get("meetings", [])
    meetings_url = settings["SECTION_URLS"]["meetings"][lang]
    registry = generator.context.get("registry")
    feeds = []
    for body in registry.bodies.values() if registry else ():
        of_body = [in_language(m, lang) for m in meetings if m.body == body.key]
        of_body.sort(key=lambda m: m.sort_date, reverse=True)
        feeds.append(Feed(
            f"body-{body.key}", lang, f"SONet BOTNIA: {body.name(lang)}",
            generator.gettext(lang, N_("New minutes of this body.")),
            f"{meetings_url}{body.slug(lang)}/", of_body[:settings["FEED_SIZE"]],
            since=generator.since(of_body),
            # a body's page is made with its first minutes
            page=None if of_body else meetings_url))
    return feeds


def meeting_entry(generator, meeting, lang, agenda_numbers):
    """The whole minutes, or only the agenda items ``agenda_numbers`` names."""
    template = "feeds/meeting_entry"

    def part(name, *args):
        return generator.render_part(template, name, meeting, lang, *args)

    shown = [a for a in meeting.agenda if a.number in agenda_numbers]
    if not shown:  # a translation without those items: the whole minutes
        agenda_numbers, shown = (), meeting.agenda
    return {"content": "\n".join([
        part("head"),
        *([] if agenda_numbers else [meeting.content]),
        *(part("agenda_item_part", agenda_item) for agenda_item in shown),
        *([part("whole_minutes_link")] if agenda_numbers else []),
    ])}
