"""The content class of minutes. Pelican finds its URL settings by its name
(MEETING_URL…), which content_type.derived_settings derives."""

from dataclasses import replace

from markupsafe import Markup
from pelican.contents import Page

from pelican_adapter import resolve_links


class Meeting(Page):
    """Minutes of one meeting of a body, with its agenda items."""

    default_template = "meeting"

    def item_anchor(self, number):
        """The anchor of agenda item ``number`` on this version's page
        ('pykala-6', 'paragraf-6'): every page, feed and register that links
        to an item takes it from here, in the language of the page it links to."""
        return f"{self.settings['AGENDA_ANCHOR_WORDS'][self.lang]}-{number}"

    # Parts Pelican's links are resolved in as they are shown, besides the
    # body: the incremental writer's fingerprint covers their targets.
    resolved_attributes = ("agenda",)
    # Kept on the item, but not part of what it is: the fingerprint leaves it out.
    memo_attributes = ("resolved_agenda",)

    @property
    def agenda(self):
        """The agenda items, their links resolved as in any other text:
        {filename}, {static} and relative links lead where they do in the
        body, on the meeting page, in feeds and in the decision register.
        Resolved once per address the links are relative to (as Pelican's
        get_content is), when first shown: every address is final by then."""
        siteurl = self.get_siteurl()
        resolved = self.__dict__.setdefault("resolved_agenda", {})
        if siteurl not in resolved:
            resolved[siteurl] = tuple(replace(entry, **{
                part: Markup(resolve_links(self, str(getattr(entry, part)), siteurl))
                for part in ("proposal", "decision", "discussion")}) for entry in self.__dict__["agenda"])
        return resolved[siteurl]

    @agenda.setter
    def agenda(self, items):
        # Set by Pelican from the reader's metadata: kept as read, under its
        # own name, as the writer's fingerprint expects of what the reader made.
        self.__dict__["agenda"] = items

    @property
    def sort_date(self):
        """The start, or the last day it can have been held when the minutes
        only tell a range."""
        if getattr(self, "date", None):
            return self.date
        return self.date_range[1]
