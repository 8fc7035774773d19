"""Addresses that subscribe a calendar program to a calendar, as plain
links (no script: the site's policy allows none from other sites).

An https:// link to an .ics file is, in most programs, a one-time import
of the events as they are that day; webcal:// and the subscribe pages of
Google Calendar and Outlook make the program fetch the calendar again by
itself."""

from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit, urlunsplit

GOOGLE_SUBSCRIBE = "https://calendar.google.com/calendar/render"
OUTLOOK_SUBSCRIBE = "https://outlook.live.com/calendar/0/addfromweb"


@dataclass(frozen=True)
class Subscription:
    name: str
    path: str  # of the .ics file, under the site
    https: str
    webcal: str
    google: str
    outlook: str


def webcal_url(url):
    """The same address with the scheme calendar programs subscribe to."""
    return urlunsplit(("webcal", *urlsplit(url)[1:]))


def subscription(name, path, siteurl):
    https = f"{siteurl}/{path}"
    webcal = webcal_url(https)
    return Subscription(
        name=name, path=path, https=https, webcal=webcal,
        # Google takes the webcal:// address as the calendar's id (cid).
        google=f"{GOOGLE_SUBSCRIBE}?{urlencode({'cid': webcal})}",
        outlook=f"{OUTLOOK_SUBSCRIBE}?{urlencode({'url': https, 'name': name})}",
    )
