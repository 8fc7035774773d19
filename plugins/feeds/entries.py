"""Feed entries and documents, built with feedgen.

Every date is set explicitly: feedgen's defaults are the wall clock, which
would make two builds of the same content differ.
"""

import re
from urllib.parse import urljoin

from feedgen.feed import FeedGenerator
from markupsafe import Markup

URL_ATTRIBUTE = re.compile(r'(\s(?:href|src)=")([^"]*)(")')


def absolute_links(html, page_url):
    """Feed readers show content away from the site: every link and image
    address becomes absolute, resolved against the item's own page."""
    return URL_ATTRIBUTE.sub(
        lambda m: m.group(1) + urljoin(page_url, m.group(2)) + m.group(3), html
    )


def plain_text(html):
    """A summary as feed readers show it: text, without markup."""
    return Markup(html or "").striptags()


def entry_id(authority, lang, item, agenda_numbers=(), suffix=""):
    """A tag: URI (RFC 4151) from the item's key, its section and <name>,
    never its address: a changed Slug is the same entry. What subscribers
    must see as news has an id of its own: the few § items of minutes in a
    project's feed (not the whole minutes of the body's feed), and what its
    kind adds as ``suffix`` (an event once cancelled), which feed readers
    would otherwise keep as read."""
    specific = f"{lang}/{item.section}/{item.item_name}"
    if agenda_numbers:
        specific += "/items-" + "-".join(str(number) for number in agenda_numbers)
    return f"tag:{authority}:{specific}{suffix}"


class FeedEntry:
    """What one entry says, already in the feed's language."""

    def __init__(self, id, title, url, published, updated, summary, content,
                 categories=(), author=None):
        self.id = id
        self.title = title
        self.url = url
        self.published = published
        self.updated = updated
        self.summary = summary
        self.content = content
        self.categories = list(categories)
        self.author = author


def feed_documents(title, description, lang, self_urls, section_url, entries, since):
    """(rss bytes, atom bytes) of one feed; ``self_urls`` = {'rss': …, 'atom': …}.
    ``since`` is the feed's date while it has no entries: a date from the
    content, never the build clock, so that an empty feed stays the same."""
    documents = {}
    newest = max((entry.updated for entry in entries), default=since)
    for kind in ("rss", "atom"):
        feed = FeedGenerator()
        feed.id(self_urls[kind])
        feed.title(title)
        feed.description(description)
        feed.subtitle(description)
        feed.language(lang)
        # feedgen takes the RSS channel's <link>, the page the feed is of,
        # from the last link given.
        feed.link(href=self_urls[kind], rel="self")
        feed.link(href=section_url, rel="alternate")
        feed.updated(newest)
        feed.lastBuildDate(newest)
        feed.generator("SONet BOTNIA portal")
        for entry in entries:
            item = feed.add_entry(order="append")
            item.id(entry.id)
            item.guid(entry.id, permalink=False)
            item.title(entry.title)
            item.link(href=entry.url)
            item.published(entry.published)
            item.updated(entry.updated)
            item.summary(entry.summary)
            item.content(entry.content, type="CDATA" if kind == "rss" else "html")
            for category in entry.categories:
                item.category(term=category)
            if entry.author:
                item.author(name=entry.author)
        documents[kind] = (feed.rss_str(pretty=True) if kind == "rss"
                           else feed.atom_str(pretty=True))
    return documents["rss"], documents["atom"]
