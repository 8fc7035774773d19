"""RSS 2.0 and Atom feeds with feedgen, per language: each kind's own feed
(news, upcoming events) and the feeds a kind adds (new minutes of each body,
everything that names each project), as the kinds declare them
(ContentType.section_feed, feeds, feed_entry); and a page per language that
lists every feed and calendar."""

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from pelican import signals
from pelican.generators import Generator

from bilingual import in_language, write_language_page
from content_model.content_type import content_types
from content_model.schema import HELSINKI
from localization.catalogs import Catalogs

from .entries import FeedEntry, absolute_links, entry_id, feed_documents, plain_text

# The kinds of content_model, with their versions paired (bilingual).
AFTER = ("content_model", "bilingual")


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
    # On the feeds page; a feed of one thing (a project) is announced on its page.
    listed: bool = True

    @property
    def page_url(self):
        return self.folder if self.page is None else self.page

    @property
    def rss(self):
        return f"{self.folder}rss.xml"

    @property
    def atom(self):
        return f"{self.folder}atom.xml"


class FeedsGenerator(Generator):
    def generate_context(self):
        self.types = content_types(self.settings)
        self.template_modules = {}  # (template, lang) -> its macros
        self.rendered_parts = {}
        self.catalogs = Catalogs(Path(self.theme) / "translations",
                                 self.settings["LANGUAGES"], self.settings["DEFAULT_LANG"])
        # Every page announces the section feeds of its language.
        self.context["language_feeds"] = {
            lang: self.section_feeds(lang, with_items=False) for lang in self.settings["LANGUAGES"]}

    def gettext(self, lang, message):
        return self.catalogs.translations[lang].ugettext(message)

    def section_feeds(self, lang, with_items=True):
        """Each kind's own feed in ``lang``: each item in that language, or,
        as on the site's listings and calendars, in the other when it has
        no version in this one."""
        feeds = []
        for kind in self.types.values():
            declared = kind.section_feed
            if declared is None:
                continue
            items = [in_language(item, lang) for item in declared.items(self.context)] if with_items else []
            since_items = (declared.since_items or declared.items)(self.context) if with_items else []
            feeds.append(Feed(
                kind.folder, lang, self.gettext(lang, declared.title), self.gettext(lang, declared.description),
                self.settings["SECTION_URLS"][kind.folder][lang], items[:self.settings["FEED_SIZE"]],
                since=self.since(since_items)))
        return feeds

    def since(self, items):
        """The newest date of everything a feed could ever show, whatever
        the build clock: an empty feed then changes only with the content.
        Without any such item, FEEDS_SINCE."""
        first = datetime.fromisoformat(self.settings["FEEDS_SINCE"]).replace(tzinfo=HELSINKI)
        return max((getattr(item, "modified", None) or self.published(item) for item in items),
                   default=first)

    def all_feeds(self, lang):
        """Every feed of one language: the kinds' own, then those they add."""
        return self.section_feeds(lang) + [
            feed for kind in self.types.values() if kind.feeds for feed in kind.feeds(self, lang)]

    def published(self, item):
        """An item's date; for an event without one (`invoke new` writes
        one), when it was last modified, else its start. Never the build
        clock: an entry would then change with every daily build."""
        return getattr(item, "date", None) or getattr(item, "modified", None) or item.sort_date

    def entry(self, item, lang, agenda_numbers=()):
        base = self.settings["ABSOLUTE_SITEURL"]
        url = f"{base}/{item.url}"
        kind = self.types[item.section]
        published = self.published(item)
        shown = {"title": item.title, "summary": plain_text(item.metadata.get("summary"))}
        if kind.feed_entry:
            shown.update(kind.feed_entry(self, item, lang, agenda_numbers))
        if "content" not in shown:
            template = self.get_template(f"feeds/{kind.content_class.default_template}_entry")
            shown["content"] = template.render({**self.context, "lang": lang, "item": item})
        title, content = shown["title"], shown["content"]
        if item.lang != lang:
            # An item with no version in the feed's language, as the listings mark it.
            title += self.catalogs.language_marker(lang, item.lang)
            content = f'<div lang="{item.lang}">{content}</div>'
        return FeedEntry(
            id=entry_id(self.settings["FEED_TAG_AUTHORITY"], lang, item, agenda_numbers,
                        shown.get("id_suffix", "")),
            title=title, url=url, published=published,
            updated=getattr(item, "modified", None) or published,
            summary=shown["summary"] or title, content=absolute_links(content, url),
            categories=[tag.name for tag in getattr(item, "tags", [])],
            author=getattr(getattr(item, "author", None), "name", None),
        )

    def render_part(self, template, macro, item, lang, *args):
        """The macro ``macro`` of the feed template ``template`` for ``item``
        in ``lang``: each part is rendered once, however many feeds show it
        (an agenda item of minutes is in its body's feed and its projects')."""
        if (template, lang) not in self.template_modules:
            self.template_modules[template, lang] = self.get_template(template).make_module(
                {**self.context, "lang": lang})
        key = (template, macro, item.source_path, lang, *(getattr(a, "number", a) for a in args))
        if key not in self.rendered_parts:
            self.rendered_parts[key] = str(getattr(self.template_modules[template, lang], macro)(item, *args))
        return self.rendered_parts[key]

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
            # The site's feeds, which do not grow in number with the site.
            write_language_page(self, writer, "feeds_page", self.settings["FEEDS_PAGE_URLS"], lang,
                                feeds=[f for f in listed[lang] if f.listed])


def add_generator(pelican):
    return FeedsGenerator


def register():
    signals.get_generators.connect(add_generator)
