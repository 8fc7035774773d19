"""RSS 2.0 and Atom feeds with feedgen, per language: news, upcoming events,
new minutes of each body and everything that names each project; and a page
per language that lists every feed and calendar.

In a project's feed, a meeting whose agenda items name the project brings
only those items: the subscriber follows the project, and the whole minutes
are a link away."""

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from markupsafe import Markup
from pelican import signals
from pelican.generators import Generator

from bilingual import in_language, write_language_page
from content_model.schema import HELSINKI
from localization.catalogs import Catalogs
from localization.dates import time_range

from .entries import FeedEntry, absolute_links, entry_id, feed_documents


def N_(message):
    """Marks a message for the catalogue; it is translated per feed language."""
    return message


@dataclass
class Feed:
    key: str
    lang: str
    title: str
    description: str
    folder: str  # where rss.xml and atom.xml go, also the section page
    items: list
    # A meeting's source path -> the numbers of the only agenda items its entry shows.
    agenda_numbers: dict = field(default_factory=dict)
    # The feed's date while it has no entries (see feed_documents).
    since: datetime = None
    # The page the feed is of, when it is not the feed's own folder.
    page: str = None

    @property
    def page_url(self):
        return self.folder if self.page is None else self.page

    @property
    def rss(self):
        return f"{self.folder}rss.xml"

    @property
    def atom(self):
        return f"{self.folder}atom.xml"


def plain(html):
    return Markup(html or "").striptags()


class FeedsGenerator(Generator):
    def generate_context(self):
        self.meeting_parts = {}  # lang -> the macros of feeds/meeting_entry.html
        self.rendered_parts = {}
        self.catalogs = Catalogs(Path(self.theme) / "translations",
                                 self.settings["LANGUAGES"], self.settings["DEFAULT_LANG"])
        self.context["language_feeds"] = {
            lang: [self.news_feed(lang, []), self.events_feed(lang, [])]
            for lang in self.settings["LANGUAGES"]
        }

    def gettext(self, lang, message):
        return self.catalogs.translations[lang].ugettext(message)

    def news_feed(self, lang, items, since=None):
        return Feed("news", lang, self.gettext(lang, N_("SONet BOTNIA: news")),
                    self.gettext(lang, N_("News of SONet BOTNIA, the social welfare competence "
                                          "centre of the Ostrobothnian regions.")),
                    self.settings["SECTION_URLS"]["news"][lang], items, since=since)

    def events_feed(self, lang, items, since=None):
        return Feed("events", lang, self.gettext(lang, N_("SONet BOTNIA: upcoming events")),
                    self.gettext(lang, N_("Trainings, network meetings and other upcoming "
                                          "events of SONet BOTNIA.")),
                    self.settings["SECTION_URLS"]["events"][lang], items, since=since)

    def since(self, items):
        """The newest date of everything a feed could ever show, whatever
        the build clock: an empty feed then changes only with the content.
        Without any such item, FEEDS_SINCE."""
        first = datetime.fromisoformat(self.settings["FEEDS_SINCE"]).replace(tzinfo=HELSINKI)
        return max((getattr(item, "modified", None) or self.published(item) for item in items),
                   default=first)

    def all_feeds(self, lang):
        """Every feed of one language: each item in that language, or, as on
        the site's listings and calendars, in the other when it has no
        version in this one."""
        size = self.settings["FEED_SIZE"]
        in_lang = lambda items: [in_language(i, lang) for i in items]  # noqa: E731
        news = in_lang(self.context.get("articles", []))
        news.sort(key=lambda a: a.date, reverse=True)
        events = in_lang(self.context.get("upcoming_events", []))
        events.sort(key=lambda e: e.sort_date)
        feeds = [self.news_feed(lang, news[:size], self.since(news)),
                 self.events_feed(lang, events[:size], self.since(self.context.get("events", [])))]
        meetings = self.context.get("meetings", [])
        meetings_url = self.settings["SECTION_URLS"]["meetings"][lang]
        registry = self.context.get("registry")
        # Every body of the registry has its feed from the start, empty until
        # its first minutes, so that one may subscribe before they come.
        for body in registry.bodies.values() if registry else ():
            of_body = in_lang([m for m in meetings if m.body == body.key])
            of_body.sort(key=lambda m: m.sort_date, reverse=True)
            feeds.append(Feed(
                f"body-{body.key}", lang, f"SONet BOTNIA: {body.name(lang)}",
                self.gettext(lang, N_("New minutes of this body.")),
                f"{meetings_url}{body.slug(lang)}/", of_body[:size], since=self.since(of_body),
                # a body's page is made with its first minutes
                page=None if of_body else meetings_url))
        for project in self.context.get("projects", []):
            version = next((v for v in [project, *project.translations] if v.lang == lang), None)
            if version is None:
                continue
            named = in_lang([link.item for link in project.backlinks])
            named = sorted(named, key=self.published, reverse=True)[:size]
            # A meeting that names the project in its `Projects:` concerns it
            # as a whole; one that mentions it in § items, in those.
            numbers = {v.source_path: tuple(link.item_numbers) for link in project.backlinks
                       if link.item_numbers
                       and project.item_name not in (getattr(link.item, "projects", None) or ())
                       for v in [link.item, *link.item.translations]}
            feeds.append(Feed(
                f"project-{project.item_name}", lang, f"SONet BOTNIA: {version.title}",
                self.gettext(lang, N_("Everything on the site that names this project.")),
                version.url, named,
                {item.source_path: numbers[item.source_path]
                 for item in named if item.source_path in numbers}, since=self.since(named)))
        return feeds

    def published(self, item):
        """An item's date; for an event without one (`invoke new` writes
        one), when it was last modified, else its start. Never the build
        clock: an entry would then change with every daily build."""
        return getattr(item, "date", None) or getattr(item, "modified", None) or item.sort_date

    def entry(self, item, lang, agenda_numbers=()):
        base = self.settings["ABSOLUTE_SITEURL"]
        url = f"{base}/{item.url}"
        kind = type(item).__name__
        published = self.published(item)
        updated = getattr(item, "modified", None) or published
        title, summary = item.title, plain(item.metadata.get("summary"))
        if kind == "Event":
            when = time_range(item.start, getattr(item, "end", None), lang)
            where = f", {item.location}" if getattr(item, "location", None) else ""
            prefix = self.catalogs.status_prefix(lang, getattr(item, "event_status", None))
            title = f"{prefix}{item.title} – {when}{where}"
            summary = f"{prefix}{when}{where}. {summary}".strip()
        if kind == "Meeting":
            content = self.meeting_content(item, lang, agenda_numbers)
        else:
            template = self.get_template(f"feeds/{kind.lower()}_entry")
            content = template.render({**self.context, "lang": lang, "item": item})
        if item.lang != lang:
            # An item with no version in the feed's language, as the listings mark it.
            title += self.catalogs.language_marker(lang, item.lang)
            content = f'<div lang="{item.lang}">{content}</div>'
        return FeedEntry(
            id=entry_id(self.settings["FEED_TAG_AUTHORITY"], lang, item, agenda_numbers),
            title=title, url=url, published=published, updated=updated,
            summary=summary or title, content=absolute_links(content, url),
            categories=[tag.name for tag in getattr(item, "tags", [])],
            author=getattr(getattr(item, "author", None), "name", None),
        )

    def meeting_content(self, meeting, lang, agenda_numbers):
        """The whole minutes, or only the agenda items ``agenda_numbers``
        names; each part is rendered once, however many feeds show it."""
        if lang not in self.meeting_parts:
            self.meeting_parts[lang] = self.get_template("feeds/meeting_entry").make_module(
                {**self.context, "lang": lang})
        parts = self.meeting_parts[lang]

        def part(name, *args):
            key = (name, meeting.source_path, lang, *(a.number for a in args))
            if key not in self.rendered_parts:
                self.rendered_parts[key] = str(getattr(parts, name)(meeting, *args))
            return self.rendered_parts[key]

        shown = [a for a in meeting.agenda if a.number in agenda_numbers]
        if not shown:  # a translation without those items: the whole minutes
            agenda_numbers, shown = (), meeting.agenda
        return "\n".join([
            part("head"),
            *([] if agenda_numbers else [meeting.content]),
            *(part("agenda_item_part", agenda_item) for agenda_item in shown),
            *([part("whole_minutes_link")] if agenda_numbers else []),
        ])

    def cached_entry(self, entries, item, lang, agenda_numbers=()):
        key = (item.source_path, lang, agenda_numbers)
        if key not in entries:
            entries[key] = self.entry(item, lang, agenda_numbers)
        return entries[key]

    def generate_output(self, writer):
        base = self.settings["ABSOLUTE_SITEURL"]
        listed = {}
        entries = {}  # an item is in several feeds: render its entry once
        for lang in self.settings["LANGUAGES"]:
            listed[lang] = self.all_feeds(lang)
            for feed in listed[lang]:
                documents = {}

                def document(kind, feed=feed, documents=documents, lang=lang):
                    if not documents:
                        documents["rss"], documents["atom"] = feed_documents(
                            feed.title, feed.description, lang,
                            {"rss": f"{base}/{feed.rss}", "atom": f"{base}/{feed.atom}"},
                            f"{base}/{feed.page_url}",
                            [self.cached_entry(entries, item, lang,
                                               feed.agenda_numbers.get(item.source_path, ()))
                             for item in feed.items], feed.since)
                    return documents[kind]

                for kind, url in (("rss", feed.rss), ("atom", feed.atom)):
                    writer.produce(url, [feed], lambda kind=kind, document=document: document(kind))
        for lang in self.settings["LANGUAGES"]:
            # A project's feed is announced on its own page: this page lists
            # the site's feeds, which do not grow in number with the site.
            write_language_page(self, writer, "feeds_page", self.settings["FEEDS_PAGE_URLS"], lang,
                                feeds=[f for f in listed[lang] if not f.key.startswith("project-")])


def add_generator(pelican):
    return FeedsGenerator


def register():
    signals.get_generators.connect(add_generator)
