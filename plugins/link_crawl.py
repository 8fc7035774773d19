"""Find internal links of a built site that lead nowhere: a missing page or
file, or a #fragment that no element of the target page has.

Not a Pelican plugin: `invoke build`, `invoke check`, `invoke publish` and
the tests run it on a finished output folder.

Given the LinkRecords of the last check (kept in the build's RenderState),
only the pages whose file changed are parsed again, and only they and the
pages that link to a page or file that appeared, vanished or (for a
#fragment) changed its ids are checked again: a one-file edit no longer
costs a pass over the whole site. The outcome is the one a check from
scratch finds (tests/test_link_crawl.py).
"""

import os
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from content_model.messages import _

LINK_ATTRIBUTES = {"a": "href", "link": "href", "img": "src", "script": "src", "source": "src"}


class PageLinks(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links = []
        self.ids = set()

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if attributes.get("id"):
            self.ids.add(attributes["id"])
        wanted = LINK_ATTRIBUTES.get(tag)
        if wanted and attributes.get(wanted):
            self.links.append(attributes[wanted])


@dataclass(frozen=True)
class Ref:
    """An internal link of a page: as written, the file names it may lead
    to (a folder's address leads to its index.html), and its fragment as
    written and as an id."""

    link: str
    candidates: tuple
    fragment: str
    fragment_id: str


@dataclass
class PageRecord:
    """What a page's file (by its identity) links to and which ids it has,
    and what its links were found to lead to."""

    identity: tuple
    refs: tuple
    ids: frozenset
    problems: tuple = ()  # ((link, reason), ...)

    def affected_by(self, appeared_or_gone, new_ids):
        """Whether what its links lead to may have changed."""
        return any(candidate in appeared_or_gone or (ref.fragment and candidate in new_ids)
                   for ref in self.refs for candidate in ref.candidates)


@dataclass
class LinkRecords:
    """Kept from one check to the next, for one SITEURL."""

    siteurl: str | None = None
    pages: dict = field(default_factory=dict)  # name relative to the output -> PageRecord
    files: dict = field(default_factory=dict)  # name of a linked file, not a page -> it existed
    # One Ref for all the pages that have the same link (the navigation's,
    # say): 175,000 links of a 4,000-file site are a few thousand Refs, in
    # memory and in the pickle.
    refs: dict = field(default_factory=dict)


def page_url(name):
    return "/" + (name[: -len("index.html")] if name.rsplit("/", 1)[-1] == "index.html" else name)


def page_refs(text, here, siteurl):
    """(the internal links of the page at address ``here``, its ids)."""
    parser = PageLinks()
    parser.feed(text)
    refs = []
    for link in parser.links:
        if siteurl and link.startswith(siteurl):
            link_path = link[len(siteurl):] or "/"
        else:
            link_path = link
        try:
            parts = urlsplit(urljoin(here, link_path))
        except ValueError:  # 'http://[::1/': no address a browser can follow
            refs.append(Ref(link, (), "", ""))
            continue
        if parts.scheme or parts.netloc:
            continue  # another site, mailto: or tel:
        path = unquote(parts.path).lstrip("/")
        # As the server does: a folder's address serves its index.html.
        candidates = (path + "index.html",) if path.endswith("/") or not path else (
            path, path + "/index.html")
        refs.append(Ref(link, candidates, parts.fragment, unquote(parts.fragment)))
    return tuple(refs), frozenset(parser.ids)


def read_record(output, name, identity, siteurl, shared):
    text = (output / name).read_text(encoding="utf-8")
    refs, ids = page_refs(text, page_url(name), siteurl)
    return PageRecord(identity, tuple(shared.setdefault(ref, ref) for ref in refs), ids)


def html_pages(output):
    """{name relative to ``output``: identity} of every HTML file. A file
    written anew has a new inode; a kept one is a hard link to the same."""
    pages = {}
    stack = [("", str(output))]
    while stack:
        prefix, folder = stack.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    stack.append((prefix + entry.name + "/", entry.path))
                elif entry.name.endswith(".html"):
                    status = entry.stat()
                    pages[prefix + entry.name] = (status.st_ino, status.st_mtime_ns, status.st_size)
    return pages


class World:
    """Which files of the output exist, pages from the listing and other
    files by a look at the disk (kept in ``files``)."""

    def __init__(self, output, pages, files):
        self.output, self.pages, self.files = output, pages, files

    def exists(self, name):
        if name.endswith(".html"):
            return name in self.pages  # the listing has every HTML file
        if name not in self.files:
            self.files[name] = os.path.isfile(self.output / name)
        return self.files[name]

    def problems(self, record, records):
        found = []
        for ref in record.refs:
            target = next((c for c in ref.candidates if self.exists(c)), None)
            if not ref.candidates:
                found.append((ref.link, _("not a web address")))
            elif target is None:
                found.append((ref.link, _("no such page or file")))
            elif ref.fragment and target.endswith(".html"):
                if ref.fragment_id not in records[target].ids:
                    found.append((ref.link, _("the page has no #{fragment}", fragment=ref.fragment)))
        return tuple(found)


def records_of(state):
    """The LinkRecords kept in the build's RenderState ``state`` (None: none kept)."""
    if state is None:
        return None
    if state.link_records is None:
        state.link_records = LinkRecords()
    return state.link_records


def link_problems(output, settings):
    """Broken links, for site_build's checks and `invoke check`: problems on
    the lines of the content files where the editor wrote them."""
    from content_model.check import unreachable_links
    from content_model.source import read_source

    siteurl = settings["SITEURL"]
    broken = broken_links(output, siteurl, records_of(settings.get("RENDER_STATE")))
    if not broken:
        return []  # the usual case: no content file needs reading again
    root = Path(settings["PATH"])
    sources = [read_source(path, root, settings["LANGUAGES"]) for path in sorted(root.rglob("*.md"))]
    # As the editor wrote it: without the public address the build put before it.
    written = [(page, link[len(siteurl):] if siteurl and link.startswith(siteurl) else link, reason)
               for page, link, reason in broken]
    return list(unreachable_links(written, sources))


def broken_links(output, siteurl="", records=None):
    """[(page URL, link as written, reason)] for every internal link that
    leads nowhere; links to other sites are not followed. ``records`` (a
    LinkRecords, updated here) spares what the last check found."""
    output = Path(output)
    records = records if records is not None else LinkRecords()
    if records.siteurl != siteurl:
        records.pages, records.files, records.refs, records.siteurl = {}, {}, {}, siteurl
    old = records.pages
    listing = html_pages(output)
    changed = {name: read_record(output, name, identity, siteurl, records.refs)
               for name, identity in listing.items()
               if name not in old or old[name].identity != identity}
    # Pages that appeared or vanished, and pages whose ids changed.
    appeared_or_gone = {name for name in changed if name not in old} | (old.keys() - listing.keys())
    new_ids = {name for name, record in changed.items()
               if name in old and old[name].ids != record.ids}
    world = World(output, listing, {})
    for name, existed in records.files.items():
        if world.exists(name) != existed:
            appeared_or_gone.add(name)
    pages = {name: changed.get(name) or old[name] for name in listing}
    for name, record in pages.items():
        if name in changed or ((appeared_or_gone or new_ids)
                               and record.affected_by(appeared_or_gone, new_ids)):
            record.problems = world.problems(record, pages)
    records.pages = pages
    if changed or appeared_or_gone:  # the links of pages that changed or went go too
        records.refs = {ref: ref for record in pages.values() for ref in record.refs}
    records.files.update(world.files)
    return [(page_url(name), link, reason)
            for name in sorted(pages, key=lambda name: name.split("/"))
            for link, reason in pages[name].problems]
