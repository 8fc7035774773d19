"""Fingerprints of what a template is given: equal fingerprints, equal page.

A content item's fingerprint covers all its attributes, those plugins add
(backlinks, language versions, previous and next meeting) included. Another
item it refers to counts by its reference: where it is and the key of its
source files (both languages' bytes, see content_model.read_cache), which
covers everything a page can show of it.

Values are serialised with pickle, whose C implementation is many times
faster than walking them in Python; what must not be serialised whole (other
items, which hold the settings) is replaced by a short description on the way.
"""

import hashlib
import io
import pickle

from markupsafe import Markup
from pelican.contents import Content
from pelican.paginator import Page, Paginator
from pelican.urlwrappers import URLWrapper

# Attributes that are the whole settings or context, not the item's own.
NOT_OWN = {"settings", "_context", "metadata"}
# Made from the item's source files alone, which its source key covers...
FROM_SOURCE = {"_content"}
# ...except the links Pelican resolves to other files' addresses as it renders.
RESOLVED_LINKS = ("{filename}", "{static}", "|filename|", "|static|")


class Uncacheable(Exception):
    """A value that cannot be described (a lambda, an open file): its page is
    rendered every time."""


class Describer(pickle.Pickler):
    """Pickles a value, with items described by ``describe_item``."""

    def __init__(self, describe_item):
        self.buffer = io.BytesIO()
        super().__init__(self.buffer, protocol=pickle.HIGHEST_PROTOCOL)
        # No memo: the same value pickles the same, whichever objects it
        # shares with others in this build.
        self.fast = True
        self.describe_item = describe_item

    def reducer_override(self, value):
        # Not called for str, int, list, dict and the like: cheap enough to
        # be asked about every other object.
        if type(value) is Markup:
            return str, (str(value),)
        if isinstance(value, Content):
            return described(self.describe_item(value))
        if isinstance(value, URLWrapper):
            return described((type(value).__name__, value.name, value.url))
        if isinstance(value, Paginator):
            # A listing page shows how many pages there are, not the others' items.
            return described(("Paginator", value.name, value.url, value.count, value.num_pages))
        if isinstance(value, Page):
            return described(("Page", value.number, value.save_as, value.url,
                              [self.describe_item(item) for item in value.object_list]))
        return NotImplemented


def described(description):
    """Pickle ``description`` in place of the value."""
    return tuple, (description,)


class Fingerprints:
    """One per build: an item's fingerprint is worked out once."""

    def __init__(self):
        self.items = {}

    def of(self, value):
        """The fingerprint of a template's variables: items in full."""
        return self.digest(value, self.item)

    def digest(self, value, describe_item):
        describer = Describer(describe_item)
        try:
            describer.dump(value)
        except (pickle.PicklingError, TypeError, AttributeError, ValueError) as error:
            raise Uncacheable(str(error)) from error
        return hashlib.sha256(describer.buffer.getvalue()).hexdigest()

    def item(self, item):
        key = id(item)
        if key not in self.items:
            skipped = NOT_OWN | (FROM_SOURCE if getattr(item, "source_key", None) else set())
            own = {name: value for name, value in vars(item).items() if name not in skipped}
            own["url"] = item.url
            if any(marker in (getattr(item, "_content", None) or "") for marker in RESOLVED_LINKS):
                own["content"] = item.content
            self.items[key] = (self.reference(item), self.digest(own, self.reference))
        return self.items[key]

    @staticmethod
    def reference(item):
        return (type(item).__name__, item.source_path, item.lang, item.status,
                getattr(item, "source_key", None), getattr(item, "upcoming", None))
