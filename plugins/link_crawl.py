"""Find internal links of a built site that lead nowhere: a missing page or
file, or a #fragment that no element of the target page has.

Not a Pelican plugin: `invoke check`, `invoke publish` and the tests run it
on a finished output folder.
"""

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


def read_page(path):
    parser = PageLinks()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def page_url(output, path):
    relative = path.relative_to(output).as_posix()
    return "/" + (relative[: -len("index.html")] if path.name == "index.html" else relative)


def target_file(output, url_path):
    target = output / url_path.lstrip("/")
    if url_path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target


def link_problems(output, settings):
    """Broken links, for site_build's checks and `invoke check`: problems on
    the lines of the content files where the editor wrote them."""
    from content_model.check import unreachable_links
    from content_model.source import read_source

    siteurl = settings["SITEURL"]
    broken = broken_links(output, siteurl)
    if not broken:
        return []  # the usual case: no content file needs reading again
    root = Path(settings["PATH"])
    sources = [read_source(path, root, settings["LANGUAGES"]) for path in sorted(root.rglob("*.md"))]
    # As the editor wrote it: without the public address the build put before it.
    written = [(page, link[len(siteurl):] if siteurl and link.startswith(siteurl) else link, reason)
               for page, link, reason in broken]
    return list(unreachable_links(written, sources))


def broken_links(output, siteurl=""):
    """[(page URL, link as written, reason)] for every internal link that
    leads nowhere; links to other sites are not followed."""
    output = Path(output)
    pages = {}
    broken = []
    for path in sorted(output.rglob("*.html")):
        pages[path] = read_page(path)
    for path, page in pages.items():
        here = page_url(output, path)
        for link in page.links:
            if siteurl and link.startswith(siteurl):
                link_path = link[len(siteurl):] or "/"
            else:
                link_path = link
            try:
                parts = urlsplit(urljoin(here, link_path))
            except ValueError:  # 'http://[::1/': no address a browser can follow
                broken.append((here, link, _("not a web address")))
                continue
            if parts.scheme or parts.netloc:
                continue  # another site, mailto: or tel:
            target = target_file(output, unquote(parts.path))
            if not target.is_file():
                broken.append((here, link, _("no such page or file")))
            elif parts.fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else read_page(target).ids
                if unquote(parts.fragment) not in ids:
                    broken.append((here, link, _("the page has no #{fragment}",
                                                 fragment=parts.fragment)))
    return broken
