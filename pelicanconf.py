"""Development settings of the SONet BOTNIA portal.

publishconf.py imports these and adds what only production needs.
"""

AUTHOR = "SONet BOTNIA"
SITENAME = "SONet BOTNIA"
SITEURL = ""
RELATIVE_URLS = False

PATH = "content"
THEME = "theme"
OUTPUT_PATH = "output"
TIMEZONE = "Europe/Helsinki"
# Dates and words come from Babel, never from the machine's locales.
LOCALE = ("C.UTF-8", "C")
# Messages for editors: "fi", "sv" or "en"; unset, the LANG of the machine decides.
EDITOR_LANG = None

# Finnish is the default language at /, Swedish lives under /sv/.
DEFAULT_LANG = "fi"
LANGUAGES = ("fi", "sv")

# The kinds of content: each a package of plugins/ that declares its keys,
# class, addresses, feeds and what `invoke new` writes (its CONTENT_TYPE),
# with its items in content/<folder>/. Pelican's URL settings of each kind
# (ARTICLE_URL, MEETING_URL…) and SECTION_URLS follow from the declarations.
CONTENT_TYPES = ["news", "pages", "meetings", "projects", "events"]

PLUGIN_PATHS = ["plugins"]
# Registered in this order, and blinker calls each signal's receivers in it:
# a plugin comes after those it needs (site_indexes after bilingual, whose
# pairing of the items it checks the navigation against). Each plugin names
# them in its AFTER; the build checks the order before it reads anything.
PLUGINS = [
    "content_model",
    "localization",
    "bilingual",
    "site_indexes",
    "feeds",
    "theme_assets",
    "incremental_writer",
    "sitemap_xml",
    "search_index",
]

# Nothing but the site's own files may load; no inline script or style.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'"
)
# The search page runs Pagefind as WebAssembly, which needs 'wasm-unsafe-eval';
# only that page's policy allows it. The server sends the same policies as
# headers, with the other security headers (docs/deploy/nginx.conf).
SEARCH_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace(
    "script-src 'self'", "script-src 'self' 'wasm-unsafe-eval'"
)

# Subscribable calendars of upcoming and recent events, one per language.
EVENT_CALENDAR_URLS = {"fi": "tapahtumat/tapahtumat.ics", "sv": "sv/evenemang/evenemang.ics"}
CALENDAR_NAMES = {"fi": "SONet BOTNIA – tapahtumat", "sv": "SONet BOTNIA – evenemang"}
# Every event ever announced, per language.
EVENT_ARCHIVE_CALENDAR_URLS = {"fi": "tapahtumat/arkisto.ics", "sv": "sv/evenemang/arkiv.ics"}
ARCHIVE_CALENDAR_NAMES = {"fi": "SONet BOTNIA – tapahtumat (arkisto)",
                          "sv": "SONet BOTNIA – evenemang (arkiv)"}
# The subscribable calendars keep an event this many days after it ended:
# at least a year, so that a subscription never empties out (a synchronising
# client such as vdirsyncer refuses a calendar that lost every event).
CALENDAR_KEEP_PAST_DAYS = 400
# How often a subscribed client should fetch the calendars again, in hours
# (REFRESH-INTERVAL and X-PUBLISHED-TTL); the site is rebuilt daily.
CALENDAR_REFRESH_HOURS = 12
# How long a calendar shows an event with a Start time but no End, in minutes.
EVENT_DEFAULT_DURATION_MINUTES = 120
# Calendar entry UIDs are <section>-<name>@ this domain: stable across builds.
CALENDAR_UID_DOMAIN = "sonetbotnia.fi"
DECISION_REGISTER_URLS = {"fi": "kokoukset/paatokset/", "sv": "sv/moten/beslut/"}
# Agenda items are anchored by number in the page's language: #pykala-6.
AGENDA_ANCHOR_WORDS = {"fi": "pykala", "sv": "paragraf"}
HOME_URLS = {"fi": "", "sv": "sv/"}
FEEDS_PAGE_URLS = {"fi": "syotteet/", "sv": "sv/floden/"}
SEARCH_URLS = {"fi": "haku/", "sv": "sv/sok/"}
OG_LOCALES = {"fi": "fi_FI", "sv": "sv_FI"}
# Feeds, calendars and open data need absolute addresses even in
# development, where SITEURL is empty: they point to `invoke serve`.
ABSOLUTE_SITEURL = "http://127.0.0.1:8000"
# Entries per feed.
FEED_SIZE = 20
# Feed entry ids are tag: URIs (RFC 4151) under this authority and date,
# fixed once: ids must never change with content or addresses.
FEED_TAG_AUTHORITY = "sonetbotnia.fi,2016"
# The date of a feed that has never had an entry (a body before its first minutes).
FEEDS_SINCE = "2016-01-01"

# Entries of the main navigation in order: a section key or a page's <name>.
# Sections of later content types join this list when they exist.
MAIN_MENU = [
    ("section", "news"),
    ("section", "events"),
    ("section", "projects"),
    ("section", "meetings"),
    ("page", "tietoa"),
]
# Pages linked from every footer, by <name>.
FOOTER_PAGES = ["yhteystiedot", "saavutettavuusseloste", "tietosuojaseloste", "in-english"]

# Ended projects, newest first, on pages of their own.
ENDED_PROJECTS_URLS = {"fi": "hankkeet/paattyneet/", "sv": "sv/projekt/avslutade/"}
# Dates come from the Date key only, never from a file name such as
# 2020-06-01-monni-hanke.fi.md (Pelican's default would read it, without a
# time zone and even where the editor left Date out on purpose).
FILENAME_METADATA = ""
# Translations pair up by the shared <name> of their files, not by slug.
ARTICLE_TRANSLATION_ID = "item_name"
PAGE_TRANSLATION_ID = "item_name"

# Drafts and scheduled items stay off the public site entirely.
DRAFT_SAVE_AS = ""
DRAFT_LANG_SAVE_AS = ""
DRAFT_PAGE_SAVE_AS = ""
DRAFT_PAGE_LANG_SAVE_AS = ""
# Scheduling is decided against the build clock by content_model.
WITH_FUTURE_DATES = True

# Pelican's own listings are replaced by language-aware ones (site_indexes).
DIRECT_TEMPLATES = []
PAGINATED_TEMPLATES = {"news_index": 10, "projects_ended": 20}
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/{number}/", "{base_name}/{number}/index.html"),
)
HOME_NEWS_COUNT = 5
# How many of the rest the front page shows: events running and upcoming
# (each), the latest minutes with their decisions, active projects.
HOME_COUNTS = {"events": 4, "meetings": 2, "projects": 4}
CATEGORY_SAVE_AS = ""
CATEGORIES_SAVE_AS = ""
TAG_SAVE_AS = ""
TAGS_SAVE_AS = ""
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
ARCHIVES_SAVE_AS = ""
YEAR_ARCHIVE_SAVE_AS = ""
MONTH_ARCHIVE_SAVE_AS = ""
DAY_ARCHIVE_SAVE_AS = ""
USE_FOLDER_AS_CATEGORY = False
DEFAULT_CATEGORY = "news"

# Every feed is built with feedgen, never by Pelican.
FEED_ALL_ATOM = None
FEED_ALL_RSS = None
CATEGORY_FEED_ATOM = None
CATEGORY_FEED_RSS = None
TRANSLATION_FEED_ATOM = None
TRANSLATION_FEED_RSS = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
TAG_FEED_ATOM = None
TAG_FEED_RSS = None

# Everything from content is escaped in templates unless it is HTML that the
# content reader made and cleaned (bodies, summaries, agenda parts).
# Every build makes its environments anew, so templates never change under one:
# no need to check their files before each use.
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "autoescape": True,
                     "auto_reload": False}

MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        "markdown.extensions.sane_lists": {},
    },
    "output_format": "html5",
}

# Content files may come from anywhere (content_model/untrusted_text.py):
# a longer line, or brackets that make Markdown read further than this in
# all (characters from each '[', '(' or '<' to its closing one), stop the
# build with the line to fix. Measured: 2,000,000 take Markdown under half a
# second; the real content's largest file needs under 1 % of it.
TEXT_LIMITS = {"line_length": 10_000, "bracket_scan": 2_000_000}

# Content is Markdown in .md files only (content_model reads them).
READERS = {ext: None for ext in ("html", "htm", "rst", "markdown", "mkd", "mdown")}

STATIC_PATHS = ["attachments", "images"]
# The theme's files are published under fingerprinted names by theme_assets.
THEME_STATIC_PATHS = []
# Folders the build writes beside the pages: Pagefind's search index.
GENERATED_FOLDERS = ["pagefind"]
# Whether the build makes the search index (search_index); False for a build
# whose index nobody reads: `invoke check`'s trial build, tests that do not search.
SEARCH_INDEX = True
# The largest file of each kind in them, in megabytes (10^6 bytes); which
# types are accepted is listed in plugins/content_model/files.py.
STATIC_FILE_MAX_MB = {"image": 5, "document": 20}
# The real 404 pages are written per language by site_indexes.
IGNORE_FILES = [".#*", "*~"]

# Contact details shown in every footer.
CONTACT_EMAIL = "info@sonetbotnia.fi"

CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
# Each build writes into a new folder (site_build), which holds links to the
# last build's files that are still current: nothing to delete.
DELETE_OUTPUT_DIRECTORY = False
