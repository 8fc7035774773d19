"""Pelican's contracts kept by our writer, which renders only what changed
and on every core: plugins hear of every page through content_written, and
RELATIVE_URLS gives links that work."""

from pelican.settings import read_settings

from conftest import EPOCH_JUNE_2020, ROOT, BuiltSite
from link_crawl import broken_links
from site_build import BuildCache, build_site
from conftest import write_files
from test_incremental import FILES


def test_a_stock_pelican_plugin_hears_of_every_page(tmp_path, monkeypatch):
    """pelican-sitemap (from PyPI) lists the pages it hears of through
    Pelican's content_written signal: every page, rendered or kept."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(EPOCH_JUNE_2020))
    content = tmp_path / "content"
    write_files(content, FILES)
    plugins = read_settings(str(ROOT / "pelicanconf.py"))["PLUGINS"]
    overrides = {"PATH": str(content), "PLUGINS": [*plugins, "pelican.plugins.sitemap"],
                 "SITEMAP": {"format": "txt"}, "SITEURL": "https://example.fi"}
    cache = BuildCache()
    for _build in ("clean", "kept"):
        site = build_site(ROOT / "pelicanconf.py", tmp_path / "site", overrides, cache=cache)
        listed = set((site / "sitemap.txt").read_text().split())
        pages = {"https://example.fi/" + page.relative_to(site).as_posix().removesuffix("index.html")
                 for page in site.rglob("*.html")}
        assert listed == pages


def test_relative_urls_lead_where_absolute_ones_do(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(EPOCH_JUNE_2020))
    content = tmp_path / "content"
    write_files(content, FILES)
    site = build_site(ROOT / "pelicanconf.py", tmp_path / "site",
                      {"PATH": str(content), "RELATIVE_URLS": True})
    assert broken_links(site) == []
    link = BuiltSite(site).html("/ajankohtaista/kolmas-linkki/").select_one(".prose a")
    assert link["href"] == "../../ajankohtaista/uutinen/"
