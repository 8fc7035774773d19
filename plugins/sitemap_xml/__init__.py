"""sitemap.xml with each page's language alternates, and robots.txt.

Read back from the built pages themselves (their canonical and hreflang
links), so the sitemap lists exactly what is published; pages marked
noindex are left out.
"""

import html
import os
import re
from xml.sax.saxutils import escape

from incremental_writer import output_written
from site_files import replace_file

# Reads the pages on output_written, which incremental_writer sends.
AFTER = ("incremental_writer",)

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


def entry_xml(entry):
    """A page's <url> element, as ElementTree would indent it; None stays None."""
    if entry is None:
        return None
    location, alternates = entry
    links = "".join(f'    <xhtml:link rel="alternate" hreflang="{attribute(code)}" '
                    f'href="{attribute(href)}" />\n' for code, href in alternates)
    return f"  <url>\n    <loc>{escape(location)}</loc>\n{links}  </url>\n"


def attribute(value):
    return escape(value, {'"': "&quot;"})


def cached_entry(path, base, known, seen):
    """The page's <url> element; ``known`` holds those of the last build by
    the identity of their files, so that a page the build kept (a link to
    the same file) is not read again by a long-running `invoke serve`."""
    status = os.stat(path)
    identity = (status.st_ino, status.st_size, status.st_mtime_ns, base)
    entry = known[identity] if identity in known else entry_xml(page_entry(read_head(path), base))
    seen[identity] = entry
    return entry


def write_sitemap(pelican):
    settings = pelican.settings
    output = settings["OUTPUT_PATH"]
    base = settings["ABSOLUTE_SITEURL"]
    pages = [os.path.relpath(os.path.join(folder, name), output)
             for folder, _folders, names in os.walk(output) for name in names if name.endswith(".html")]
    # Kept from build to build with what the writer made (RenderState).
    state = settings.get("RENDER_STATE")
    known = state.sitemap_entries if state is not None else {}
    seen = {}
    urls = [cached_entry(os.path.join(output, page), base, known, seen)
            for page in sorted(pages, key=lambda page: page.split(os.sep))]
    if state is not None:
        state.sitemap_entries = seen
    sitemap = (f"<?xml version='1.0' encoding='utf-8'?>\n"
               f'<urlset xmlns="{SITEMAP}" xmlns:xhtml="{XHTML}">\n'
               + "".join(url for url in urls if url) + "</urlset>")
    replace_file(os.path.join(output, "sitemap.xml"), sitemap.encode("utf-8"))
    replace_file(os.path.join(output, "robots.txt"),
                 f"User-agent: *\nAllow: /\nSitemap: {base}/sitemap.xml\n".encode("utf-8"))


def register():
    output_written.connect(write_sitemap)
