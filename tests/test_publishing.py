"""Publishing safely: links that all lead somewhere, a strict CSP the site
satisfies, no third-party requests, atomic replacement, determinism."""

import filecmp
import gc
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EPOCH_JUNE_2020, ROOT, BuiltSite, write_files
import search_index
from link_crawl import broken_links, link_problems
from site_build import BuildFailed, build_site
from test_meetings import BASE

SUBRESOURCES = {"script": "src", "img": "src", "iframe": "src", "source": "src",
                "audio": "src", "video": "src", "embed": "src", "object": "data"}


def test_real_site_has_no_broken_internal_links(real_site):
    assert broken_links(real_site.path) == []


def test_published_real_site_has_no_broken_links_and_absolute_urls(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(EPOCH_JUNE_2020))
    out = build_site(ROOT / "publishconf.py", tmp_path / "public", checks=[link_problems])
    home = BuiltSite(out).html("/")
    assert home.find("link", rel="canonical")["href"] == "https://www.sonetbotnia.fi/"


def test_every_page_has_the_policy_and_breaks_none_of_it(real_site):
    policy = None
    for url in real_site.pages():
        soup = real_site.html(url)
        meta = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
        assert meta is not None, url
        policy = meta["content"]
        assert soup.find("style") is None, url
        assert soup.find(attrs={"style": True}) is None, url
        for script in soup.find_all("script"):
            # data blocks are not run; anything else must come from the site
            assert script.get("type") == "application/ld+json" or script.get("src", "").startswith("/"), url
        for tag in soup.find_all(True):
            assert not any(name.startswith("on") for name in tag.attrs), (url, tag.name)
    assert "script-src 'self'" in policy and "style-src 'self'" in policy
    assert "unsafe-inline" not in policy


def test_no_third_party_requests(real_site):
    for url in real_site.pages():
        soup = real_site.html(url)
        for tag, attribute in SUBRESOURCES.items():
            for element in soup.find_all(tag):
                address = element.get(attribute, "")
                assert not address.startswith(("http:", "https:", "//")), (url, tag, address)
        for link in soup.find_all("link"):
            if set(link.get("rel", [])) & {"stylesheet", "icon", "preload", "prefetch", "manifest"}:
                assert link["href"].startswith("/"), (url, link)
        for anchor in soup.select(".prose a[href^='http']"):
            assert "noopener" in anchor.get("rel", []), (url, anchor["href"])


def snapshot(folder):
    return {p.relative_to(folder): p.read_bytes() for p in sorted(Path(folder).rglob("*")) if p.is_file()}


@pytest.mark.parametrize("failure", ["bad content", "broken link", "search index"])
def test_failed_publish_leaves_the_old_site_byte_identical(tmp_path, monkeypatch, failure):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(EPOCH_JUNE_2020))
    content = tmp_path / "content"
    write_files(content, BASE)
    public = tmp_path / "public"
    publish = lambda: build_site(ROOT / "publishconf.py", public,  # noqa: E731
                                 overrides={"PATH": str(content)}, checks=[link_problems])
    publish()
    # The build pauses Python's cycle collector; it runs again after the
    # build, as after the failed one below (serve's process lives on).
    assert gc.isenabled()
    before = snapshot(public)
    assert len(before) > 10
    news = content / "news" / "uusi.fi.md"
    news.parent.mkdir(exist_ok=True)
    if failure == "bad content":
        news.write_text("Title: Uusi\nDate: 31.12.2020\n\nT.\n", encoding="utf-8")
    elif failure == "search index":
        news.write_text("Title: Uusi\nDate: 2020-05-01\n\nT.\n", encoding="utf-8")
        # Pagefind cannot run: the program started in its place fails.
        monkeypatch.setattr(search_index.pagefind_run.sys, "executable", "false")
    else:
        news.write_text("Title: Uusi\nDate: 2020-05-01\n\n[Kokous](/kokoukset/ei-ole/)\n", encoding="utf-8")
    with pytest.raises(BuildFailed):
        publish()
    assert gc.isenabled()
    assert snapshot(public) == before
    # Nothing left beside it but the lock, which a killed publish cannot leave held.
    assert sorted(p.name for p in tmp_path.iterdir()) == [".public-lock", "content", "public"]


def test_output_is_the_same_whatever_the_hash_seed(tmp_path):
    """Two builds at the same clock are byte-identical, whatever Python's
    hash seed: the same files, each with the same bytes."""
    outputs = []
    for seed in ("1", "4242"):
        env = dict(os.environ, PYTHONHASHSEED=seed, SOURCE_DATE_EPOCH=str(EPOCH_JUNE_2020))
        out = tmp_path / f"seed-{seed}"
        result = subprocess.run([sys.executable, "-m", "invoke", "build", "--output", str(out)],
                                cwd=ROOT, env=env, capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        outputs.append(out)
    comparison = filecmp.dircmp(outputs[0], outputs[1])
    assert not (comparison.left_only or comparison.right_only)
    assert snapshot(outputs[0]) == snapshot(outputs[1])


def test_page_weight_is_within_budget(real_site):
    from page_weight import weight_report

    lines, over = weight_report(real_site.path)
    kinds = {line.split()[0] for line in lines}
    assert {"news-article", "meeting", "project", "event", "static-page", "listing:home"} <= kinds
    assert over == []


def test_sitemap_lists_every_indexable_page_with_its_alternates(real_site):
    from xml.etree import ElementTree

    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    root = ElementTree.parse(real_site.path / "sitemap.xml").getroot()
    entries = {url.findtext("s:loc", namespaces=ns): url for url in root.findall("s:url", ns)}
    base = "http://127.0.0.1:8000"
    assert f"{base}/" in entries and f"{base}/sv/" in entries
    assert f"{base}/404.html" not in entries and f"{base}/haku/" not in entries  # noindex
    for location, url in entries.items():
        assert real_site.exists(location.removeprefix(base)), location
        links = {link.get("hreflang"): link.get("href") for link in url.findall("x:link", ns)}
        assert "x-default" in links and location in links.values(), location
    monni = entries[f"{base}/hankkeet/monni/"]
    assert {link.get("hreflang"): link.get("href") for link in monni.findall("x:link", ns)}["sv"] == \
        f"{base}/sv/projekt/monni/"
    robots = (real_site.path / "robots.txt").read_text()
    assert f"Sitemap: {base}/sitemap.xml" in robots


def test_open_graph_and_description_in_the_page_language(real_site):
    fi = real_site.html("/hankkeet/monni/")
    sv = real_site.html("/sv/projekt/monni/")
    og = lambda soup, name: soup.find("meta", property=f"og:{name}")["content"]  # noqa: E731
    assert og(fi, "locale") == "fi_FI" and og(sv, "locale") == "sv_FI"
    assert og(fi, "title") == fi.h1.get_text(strip=True).split(" (")[0]
    assert og(sv, "url") == "http://127.0.0.1:8000/sv/projekt/monni/"
    assert fi.find("meta", attrs={"name": "description"})["content"] != \
        sv.find("meta", attrs={"name": "description"})["content"]
    crumbs = [li.get_text(strip=True) for li in sv.select(".breadcrumbs li")]
    assert crumbs[:2] == ["Startsida", "Projekt"] and crumbs[-1] == sv.h1.get_text(strip=True).split(" (")[0]


@pytest.mark.parametrize("exchange_works", [True, False])
def test_the_new_site_takes_the_old_ones_place(tmp_path, monkeypatch, exchange_works):
    """In one step where the system can (Linux's RENAME_EXCHANGE), else with
    two renames; either way the old site comes back under another name, and
    the folders it hands over (a kept search index) are in the new one
    before it takes the old one's place, as links to the same files."""
    import site_build

    if not exchange_works:
        monkeypatch.setattr(site_build, "exchange", lambda first, second: False)
    final, staging = tmp_path / "public", tmp_path / ".public.new-x"
    for folder, text in ((final, "old"), (staging, "new")):
        (folder / "pagefind").mkdir(parents=True)
        (folder / "index.html").write_text(text)
    (final / "pagefind" / "index.pf").write_text("kept index")
    (staging / "pagefind").rmdir()
    retired = site_build.swap_into_place(staging, final, kept=["pagefind"])
    assert (final / "index.html").read_text() == "new"
    assert (final / "pagefind" / "index.pf").read_text() == "kept index"
    assert (retired / "index.html").read_text() == "old"
    assert not staging.exists()
    assert (retired / "pagefind" / "index.pf").samefile(final / "pagefind" / "index.pf")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([final.name, retired.name])
