"""Where a reader is and where the chrome leads: the menu marks the current
section on its sub-pages, a 404 page's language link leads to the other
language's site, and titles keep every character of the heading."""

from test_meetings import BASE

SITE = {
    **BASE,
    "news/ika.fi.md": "Title: Palvelut lapsille (ikä < 7 v.) & <perheille>\nDate: 2020-06-01 10:00\n\nT.\n",
    "news/ika.sv.md": "Title: Tjänster för barn (ålder < 7 år)\nSlug: tjanster-for-barn\n\nT sv.\n",
}


def current(soup):
    return [(a["href"], a["aria-current"]) for a in soup.select(".main-nav a[aria-current]")]


def test_menu_marks_the_section_of_a_sub_page(build_from):
    site = build_from(SITE)
    assert current(site.html("/ajankohtaista/")) == [("/ajankohtaista/", "page")]
    assert current(site.html("/ajankohtaista/ika/")) == [("/ajankohtaista/", "true")]
    assert current(site.html("/sv/aktuellt/tjanster-for-barn/")) == [("/sv/aktuellt/", "true")]
    assert current(site.html("/")) == []


def test_language_link_of_a_404_leads_to_the_other_home_page(build_from):
    site = build_from(SITE)
    assert [a["href"] for a in site.html("/404.html").select(".language-switcher a")] == ["/sv/"]
    assert [a["href"] for a in site.html("/sv/404.html").select(".language-switcher a")] == ["/"]


def test_titles_keep_text_between_angle_brackets(build_from):
    site = build_from(SITE)
    page = site.html("/ajankohtaista/ika/")
    heading = "Palvelut lapsille (ikä < 7 v.) & <perheille>"
    assert page.h1.get_text() == heading
    assert page.title.get_text() == heading + " – SONet BOTNIA"
    assert page.find("meta", property="og:title")["content"] == heading
    swedish = site.html("/sv/aktuellt/tjanster-for-barn/")
    assert swedish.title.get_text().startswith("Tjänster för barn (ålder < 7 år)")
