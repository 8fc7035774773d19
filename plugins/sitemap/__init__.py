"""sitemap.xml with each page's language alternates, and robots.txt.

Read back from the built pages themselves (their canonical and hreflang
links), so the sitemap lists exactly what is published; pages marked
noindex are left out.
"""

from pathlib import Path
from xml.etree import ElementTree

from bs4 import BeautifulSoup
from pelican import signals

SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML = "http://www.w3.org/1999/xhtml"


def page_entry(html, base):
    # Everything the sitemap needs is in the <head>: parse only that.
    soup = BeautifulSoup(html[: html.find("</head>")], "html.parser")
    robots = soup.find("meta", attrs={"name": "robots"})
    canonical = soup.find("link", rel="canonical")
    if canonical is None or (robots and "noindex" in robots.get("content", "")):
        return None
    alternates = [(link["hreflang"], link["href"])
                  for link in soup.find_all("link", rel="alternate", hreflang=True)]
    return absolute(canonical["href"], base), [(code, absolute(h, base)) for code, h in alternates]


def absolute(href, base):
    return href if href.startswith("http") else base + href


def write_sitemap(pelican):
    settings = pelican.settings
    output = Path(settings["OUTPUT_PATH"])
    base = settings["ABSOLUTE_SITEURL"]
    ElementTree.register_namespace("", SITEMAP)
    ElementTree.register_namespace("xhtml", XHTML)
    urlset = ElementTree.Element(f"{{{SITEMAP}}}urlset")
    for path in sorted(output.rglob("*.html")):
        entry = page_entry(path.read_text(encoding="utf-8"), base)
        if entry is None:
            continue
        location, alternates = entry
        url = ElementTree.SubElement(urlset, f"{{{SITEMAP}}}url")
        ElementTree.SubElement(url, f"{{{SITEMAP}}}loc").text = location
        for code, href in alternates:
            ElementTree.SubElement(url, f"{{{XHTML}}}link",
                                   {"rel": "alternate", "hreflang": code, "href": href})
    ElementTree.indent(urlset)
    ElementTree.ElementTree(urlset).write(output / "sitemap.xml", encoding="utf-8",
                                          xml_declaration=True)
    (output / "robots.txt").write_text(
        f"User-agent: *\nAllow: /\nSitemap: {base}/sitemap.xml\n", encoding="utf-8")


def register():
    signals.finalized.connect(write_sitemap)
