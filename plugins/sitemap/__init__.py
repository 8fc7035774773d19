"""sitemap.xml with each page's language alternates, and robots.txt.

Read back from the built pages themselves (their canonical and hreflang
links), so the sitemap lists exactly what is published; pages marked
noindex are left out.
"""

import html
import re
from pathlib import Path
from xml.etree import ElementTree

from incremental_writer import output_written
from site_files import replace_file

SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML = "http://www.w3.org/1999/xhtml"


HEAD_TAG = re.compile(r"<(link|meta)\s([^>]*)>")
ATTRIBUTE = re.compile(r'([a-zA-Z:-]+)="([^"]*)"')


def head_tags(page):
    """(tag, attributes) of the <link> and <meta> elements of the page's head,
    which our templates write with double-quoted attributes."""
    head = page[: page.find("</head>")]
    for match in HEAD_TAG.finditer(head):
        yield match[1], {name: html.unescape(value) for name, value in ATTRIBUTE.findall(match[2])}


def page_entry(page, base):
    """(address, [(hreflang, address)]) of a page, or None for one marked noindex."""
    canonical, alternates = None, []
    for tag, attributes in head_tags(page):
        if tag == "meta" and attributes.get("name") == "robots" and "noindex" in attributes.get("content", ""):
            return None
        if tag == "link" and attributes.get("rel") == "canonical":
            canonical = attributes["href"]
        elif tag == "link" and attributes.get("rel") == "alternate" and "hreflang" in attributes:
            alternates.append((attributes["hreflang"], absolute(attributes["href"], base)))
    if canonical is None:
        return None
    return absolute(canonical, base), alternates


def read_head(path):
    """The page up to its </head>, read no further than needed."""
    with open(path, encoding="utf-8") as page:
        text = page.read(8192)
        while "</head>" not in text:
            more = page.read(8192)
            if not more:
                break
            text += more
    return text


def absolute(href, base):
    return href if href.startswith("http") else base + href


# Each page's entry by the identity of its file: a page the build kept (a
# link to the same file) is not read again by a long-running `invoke serve`.
_entries = {}


def cached_entry(path, base, seen):
    status = path.stat()
    identity = (status.st_ino, status.st_size, status.st_mtime_ns, base)
    if identity not in _entries:
        _entries[identity] = page_entry(read_head(path), base)
    seen[identity] = _entries[identity]
    return seen[identity]


def write_sitemap(pelican):
    settings = pelican.settings
    output = Path(settings["OUTPUT_PATH"])
    base = settings["ABSOLUTE_SITEURL"]
    seen = {}
    ElementTree.register_namespace("", SITEMAP)
    ElementTree.register_namespace("xhtml", XHTML)
    urlset = ElementTree.Element(f"{{{SITEMAP}}}urlset")
    for path in sorted(output.rglob("*.html")):
        entry = cached_entry(path, base, seen)
        if entry is None:
            continue
        location, alternates = entry
        url = ElementTree.SubElement(urlset, f"{{{SITEMAP}}}url")
        ElementTree.SubElement(url, f"{{{SITEMAP}}}loc").text = location
        for code, href in alternates:
            ElementTree.SubElement(url, f"{{{XHTML}}}link",
                                   {"rel": "alternate", "hreflang": code, "href": href})
    _entries.clear()
    _entries.update(seen)
    ElementTree.indent(urlset)
    replace_file(output / "sitemap.xml",
                 ElementTree.tostring(urlset, encoding="utf-8", xml_declaration=True))
    replace_file(output / "robots.txt",
                 f"User-agent: *\nAllow: /\nSitemap: {base}/sitemap.xml\n".encode("utf-8"))


def register():
    output_written.connect(write_sitemap)
