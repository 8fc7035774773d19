"""Search at the size the portal will grow to: a generated site of about
1,000 content files (plugins/benchmark.py), searched in real Chromium. Each
filter finds every page that matches, the count is the true count, and
"Show more" pages through all of it. The filter data is the same on every
run of Pagefind."""

import re

import pytest

from benchmark import write_corpus
from conftest import EPOCH_JUNE_2020, ROOT, BuiltSite, serving
from search_index.pagefind_run import PagefindRun
from site_build import build_site


@pytest.fixture(scope="module")
def large_site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("large")
    assert write_corpus(folder / "content", 1000) >= 990
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", str(EPOCH_JUNE_2020))
        output = build_site(ROOT / "pelicanconf.py", folder / "output",
                            overrides={"PATH": str(folder / "content")})
    return BuiltSite(output)


def finnish_pages_with_word(site, section, word):
    """Finnish pages of ``section`` whose indexed text has ``word``."""
    found = set()
    for url in site.pages():
        if url.startswith(f"/{section}/"):
            body = site.html(url).select_one("[data-pagefind-body]")
            if body and re.search(rf"\b{word}\b", body.get_text(" "), re.IGNORECASE):
                found.add(url)
    return found


def search_all(page, base, query):
    """Every result of a search, "Show more" pressed until it is gone; and
    the count the status gives."""
    page.goto(f"{base}/haku/?{query}")
    page.wait_for_selector(".search-status:not(:empty)")
    while page.is_visible(".search-more"):
        shown = page.locator(".search-results li").count()
        page.click(".search-more")
        page.locator(".search-results li").nth(shown).wait_for()
        # keyboard users land on the first of the new results
        assert page.evaluate("document.activeElement.closest('li') === "
                             f"document.querySelectorAll('.search-results li')[{shown}]")
    status = page.text_content(".search-status")
    urls = [a.get_attribute("href") for a in page.query_selector_all(".search-results a")]
    return urls, int(re.search(r"\d+", status).group())


def test_a_filter_finds_every_matching_page(large_site, browser):
    expected = finnish_pages_with_word(large_site, "tapahtumat", "hanke")
    assert len(expected) > 40  # more than a page of results, more than the old 100-hit slice saw
    with serving(large_site.path) as base:
        page = browser.new_page()
        urls, count = search_all(page, base, "q=hanke&type=events")
        assert count == len(expected)
        assert set(urls) == expected and len(urls) == len(expected)
        # without the filter there are many more; the count says so
        page.goto(f"{base}/haku/?q=hanke")
        page.wait_for_selector(".search-status:not(:empty)")
        total = int(re.search(r"\d+", page.text_content(".search-status")).group())
        assert total > 100 + count
        # a year's meetings: only meetings, only of that year
        urls, count = search_all(page, base, "q=hanke&type=meetings&year=2005")
        assert count == len(urls) > 0
        for url in urls:
            assert url.startswith("/kokoukset/")
            assert large_site.html(url).select_one("time")["datetime"].startswith("2005-")
        page.close()


def pagefind_bundle(site, bundle, parts):
    """{file: bytes} of a Pagefind run over ``site`` into ``bundle``,
    ``parts`` indexed apart from the rest."""
    assert PagefindRun(site.path, bundle, parts).wait() is None
    return {path.relative_to(bundle).as_posix(): path.read_bytes()
            for path in sorted(bundle.rglob("*")) if path.is_file()}


@pytest.fixture(scope="module")
def single_run(large_site, tmp_path_factory):
    """The bundle of one Pagefind run over the whole large site."""
    return pagefind_bundle(large_site, tmp_path_factory.mktemp("single") / "bundle", [])


@pytest.mark.parametrize("languages", [["sv"], ["sv", "en"], []])
def test_pagefind_output_is_the_same_on_every_run(large_site, single_run, tmp_path, languages):
    """Also when the Swedish pages are indexed apart from the rest (to halve
    Pagefind's memory): the bundle is the one a single run makes."""
    if languages == ["sv"]:  # as the build made the large site's own index
        index = large_site.path / "pagefind"
        bundle = {path.relative_to(index).as_posix(): path.read_bytes()
                  for path in sorted(index.rglob("*")) if path.is_file()}
    else:
        bundle = pagefind_bundle(large_site, tmp_path / "bundle", languages)
    assert any(name.startswith("filter/fi_") for name in bundle)
    assert bundle == single_run
