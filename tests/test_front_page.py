"""The front page in both languages: what is on, what was decided, what is
running and what is new, by the build clock; built from fixtures and read
with an HTML parser."""

from test_events import CLOCK, EVENTS
from test_meetings import BASE, JUNE, JUNE_SV

FRONT = {
    **BASE, **EVENTS,
    "meetings/2020-06-01-ohjausryhma.fi.md": JUNE,
    "meetings/2020-06-01-ohjausryhma.sv.md": JUNE_SV,
    "projects/kaynnissa.fi.md": "Title: Käynnissä oleva hanke\nPhase: active\nStart: 2019\n\nK.\n",
    "projects/paattynyt.fi.md": "Title: Päättynyt hanke\nPhase: ended\nStart: 2015\nEnd: 2016\n\nP.\n",
    "news/uutinen.fi.md": "Title: Vain suomeksi\nDate: 2020-06-01 10:00\n\nU.\n",
}


def section(soup, heading_id):
    return soup.find("section", attrs={"aria-labelledby": heading_id})


def titles(part):
    return [a.get_text(strip=True) for a in part.select(".item-title > a")]


def test_front_page_says_what_is_on_decided_running_and_new(build_from):
    site = build_from(FRONT, epoch=CLOCK)  # 2.6.2020 13:00, the network meeting is on
    home = site.html("/")
    events = section(home, "front-events")
    running, upcoming = events.select("ul.item-list")
    assert titles(running) == ["Verkostokokous"]
    # the cancelled event still shows, marked; past ones do not
    assert titles(upcoming) == ["Peruttu koulutus", "Syyspäivä", "Ikkunoita tukiperhetoimintaan"]
    decisions = section(home, "front-decisions")
    assert titles(decisions) == ["Ohjausryhmä kesäkuu"]
    decided = [li.get_text(" ", strip=True) for li in decisions.select(".decision-list li")]
    assert decided == ["2 § MONNI-hankkeen tilanne : Merkittiin tiedoksi.", "3 § Talous : Hyväksyttiin."]
    assert decisions.select_one(".decision-list a")["href"].endswith("/#pykala-2")
    assert titles(section(home, "front-projects")) == ["Käynnissä oleva hanke"]
    assert titles(section(home, "latest-news")) == ["Vain suomeksi"]
    contact = [a["href"] for a in section(home, "front-contact").select("a")]
    assert contact == ["/yhteystiedot/", "mailto:info@sonetbotnia.fi", "/tapahtumat/tapahtumat.ics",
                       "/syotteet/"]


def test_swedish_front_page_marks_items_in_finnish_only(build_from):
    home = build_from(FRONT, epoch=CLOCK).html("/sv/")
    assert titles(section(home, "front-events"))[0] == "Nätverksmöte"
    assert titles(section(home, "front-decisions")) == ["Styrgruppen juni"]
    news = section(home, "latest-news").select_one(".item-title")
    assert news.a["lang"] == "fi" and news.a["href"] == "/ajankohtaista/uutinen/"
    assert news.select_one(".language-marker").get_text() == "(på finska)"
    project = section(home, "front-projects").select_one(".item-title")
    assert project.a["lang"] == "fi" and project.select_one(".language-marker")


def test_no_upcoming_events_links_to_past_ones(build_from):
    past_only = {**BASE, "events/mennyt.fi.md": EVENTS["events/mennyt.fi.md"]}
    events = section(build_from(past_only, epoch=CLOCK).html("/sv/"), "front-events")
    assert not events.select("ul.item-list")
    assert events.p.get_text(" ", strip=True).startswith("Inga kommande evenemang")
    assert events.p.a["href"] == "/sv/evenemang/#past-heading"
