"""Content classes of the sections beyond Pelican's articles and pages.

Pelican finds each class's URL settings by its name: Meeting uses
MEETING_URL, MEETING_SAVE_AS, MEETING_LANG_URL and MEETING_LANG_SAVE_AS.
"""

from pelican.contents import Page


class Meeting(Page):
    """Minutes of one meeting of a body, with its agenda items."""

    default_template = "meeting"

    @property
    def sort_date(self):
        """The start, or the last day it can have been held when the minutes
        only tell a range."""
        if getattr(self, "date", None):
            return self.date
        return self.date_range[1]


class Project(Page):
    """A development project with its facts."""

    default_template = "project"
