"""What a reader downloads per page: the HTML and the CSS and JavaScript it
loads, gzipped as a web server sends them, largest and median per kind of
page. `invoke weight` prints it; the budgets are the portal's promise."""

import gzip
import statistics
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup

# Bytes, gzip. The search page carries Pagefind's engine (pagefind.js and its
# WebAssembly, about 80 kB), which no other page loads.
BUDGETS = {"item": 30_000, "index": 60_000, "search": 100_000}
ITEM_KINDS = {"news-article", "static-page", "meeting", "project", "event"}


def gzipped_size(data):
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def page_kind(soup, url):
    """The kind of page: the item an <article> shows, or the listing by the
    first part of its address."""
    if soup.select_one("[data-bundle]"):
        return "search"
    article = soup.select_one("main > article")
    if article and set(article.get("class", [])) & ITEM_KINDS:
        return next(iter(set(article["class"]) & ITEM_KINDS))
    parts = [p for p in url.strip("/").split("/") if p and p != "sv"]
    return "listing:" + (parts[0] if parts else "home")


def page_weights(output):
    """{kind: [(bytes, url), ...]} for every HTML page under ``output``."""
    output = Path(output)
    weights = {}
    for path in sorted(output.rglob("*.html")):
        url = "/" + path.relative_to(output).as_posix().removesuffix("index.html")
        html = path.read_bytes()
        soup = BeautifulSoup(html, "html.parser")
        total = gzipped_size(html)
        assets = [link["href"] for link in soup.find_all("link", rel="stylesheet")]
        assets += [script["src"] for script in soup.find_all("script", src=True)]
        search = soup.select_one("[data-bundle]")
        if search:  # the search page imports Pagefind and its WebAssembly for the language
            assets += [search["data-bundle"] + "pagefind.js",
                       search["data-bundle"] + f"wasm.{soup.html['lang']}.pagefind"]
        for asset in assets:
            asset_path = output / urlsplit(urljoin(url, asset)).path.lstrip("/")
            total += gzipped_size(asset_path.read_bytes())
        weights.setdefault(page_kind(soup, url), []).append((total, url))
    return weights


def weight_report(output):
    """(lines to print, pages over budget)."""
    lines, over = [], []
    for kind, pages in sorted(page_weights(output).items()):
        largest, url = max(pages)
        median = statistics.median(size for size, _url in pages)
        budget = BUDGETS["index" if kind.startswith("listing:") else
                         "search" if kind == "search" else "item"]
        lines.append(f"{kind:28} {len(pages):4} pages  median {median / 1000:6.1f} kB  "
                     f"largest {largest / 1000:6.1f} kB ({url})  budget {budget / 1000:.0f} kB")
        over += [(url, size, budget) for size, url in pages if size > budget]
    return lines, over
