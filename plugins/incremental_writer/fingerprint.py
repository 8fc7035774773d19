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
from datetime import date, time

from pelican.contents import Content
from pelican.paginator import Page, Paginator
from pelican.urlwrappers import URLWrapper

from pelican_adapter import (RAW_BODY, is_heap_type, own_attributes, page_fields, paginator_fields,
                             pickle_by_memo, raw_body, wrapper_fields)

# Made from the item's source files alone, which its source key covers...
FROM_SOURCE = {RAW_BODY}
# ...except the links Pelican resolves to other files' addresses as it renders.
RESOLVED_LINKS = ("{filename}", "{static}", "|filename|", "|static|")


class Uncacheable(Exception):
    """A value that cannot be described (a lambda, an open file): its page is
    rendered every time."""


class Describer(pickle.Pickler):
    """Pickles a value, with items described by ``describe_item``."""

    def __init__(self, describe_item, wrappers, describers):
        self.buffer = io.BytesIO()
        super().__init__(self.buffer, protocol=pickle.HIGHEST_PROTOCOL)
        # No memo: the same value pickles the same, whichever objects it
        # shares with others in this build...
        self.fast = True
        # ...but for ``tuple``, which every description below is rebuilt
        # with: found there, it is not another call of reducer_override.
        pickle_by_memo(self, [tuple])
        self.describe_item = describe_item
        self.wrappers = wrappers
        self.describers = describers

    def wrapper(self, value):
        """A tag, category or author: its name and address, which Pelican
        works out anew each time it is asked."""
        name, url = wrapper_fields(value)
        key = (type(value).__name__, name)
        if key not in self.wrappers:
            self.wrappers[key] = (*key, url)
        return self.wrappers[key]

    def reducer_override(self, value):
        # Not called for str, int, list, dict and the like.
        kind = type(value)
        if kind is type:
            return NotImplemented
        if kind not in self.describers:
            self.describers[kind] = describer_of(kind)
        describe = self.describers[kind]
        return describe(self, value) if describe else NotImplemented


def described(description):
    """Pickle ``description`` in place of the value."""
    return tuple, (description,)


def describer_of(kind):
    """How a value of ``kind`` is described, or None for pickle's own way."""
    if issubclass(kind, Content):
        return lambda describer, item: described(describer.describe_item(item))
    if issubclass(kind, URLWrapper):
        return lambda describer, value: described(describer.wrapper(value))
    if issubclass(kind, Paginator):
        # A listing page shows how many pages there are, not the others' items.
        return lambda _, value: described(("Paginator", *paginator_fields(value)))
    if issubclass(kind, Page):
        def describe_page(describer, page):
            number, save_as, url, items = page_fields(page)
            return described(("Page", number, save_as, url, [describer.describe_item(item) for item in items]))
        return describe_page
    if issubclass(kind, str):
        return lambda _, value: described((kind.__name__, str(value)))
    if issubclass(kind, (date, time)):
        # With the zone's name: two zones at the same offset print differently.
        return lambda _, value: described(
            (kind.__name__, value.isoformat(), str(getattr(value, "tzinfo", None))))
    if is_plain(kind):
        # A plain object or dataclass is what its attributes are; described
        # so, it is one call here instead of pickle's several.
        name = f"{kind.__module__}.{kind.__qualname__}"
        return lambda _, value: described((name, vars(value)))
    return None


def is_plain(kind):
    """Whether a value of ``kind`` is all in its attributes: a class written
    in Python (not a function, not a subclass of list or dict), without
    __slots__, pickled the default way."""
    return (all(base is object or (is_heap_type(base) and "__slots__" not in vars(base))
                for base in kind.__mro__)
            and kind.__reduce_ex__ is object.__reduce_ex__
            and kind.__reduce__ is object.__reduce__
            and kind.__getstate__ is object.__getstate__)


class Fingerprints:
    """One per build: an item's fingerprint is worked out once."""

    def __init__(self):
        self.items = {}
        self.wrappers = {}
        self.describers = {}  # type -> how its values are described (describer_of)

    def of(self, value):
        """The fingerprint of a template's variables: items in full."""
        return self.digest(value, self.item)

    def digest(self, value, describe_item):
        describer = Describer(describe_item, self.wrappers, self.describers)
        try:
            describer.dump(value)
        except (pickle.PicklingError, TypeError, AttributeError, ValueError) as error:
            raise Uncacheable(str(error)) from error
        return hashlib.sha256(describer.buffer.getvalue()).hexdigest()

    def item(self, item):
        key = id(item)
        if key not in self.items:
            memo = getattr(item, "memo_attributes", ())
            own = {name: value for name, value in own_attributes(item).items() if name not in memo}
            if getattr(item, "source_key", None):
                # What the reader made, unchanged (plugins add attributes,
                # they do not change these), is covered by the source key.
                read = item.metadata
                own = {name: value for name, value in own.items()
                       if name not in FROM_SOURCE and not (name in read and read[name] is value)}
            own["url"] = item.url
            # The body, and what else a content class resolves links in as it
            # is shown (Meeting's agenda), as written.
            resolved = getattr(item, "resolved_attributes", ())
            written = [raw_body(item) or ""] + [
                repr(vars(item).get(name)) for name in resolved]
            if any(marker in text for text in written for marker in RESOLVED_LINKS):
                own["content"] = item.content
                own.update((name, getattr(item, name)) for name in resolved)
            self.items[key] = (self.reference(item), self.digest(own, self.reference))
        return self.items[key]

    @staticmethod
    def reference(item):
        return (type(item).__name__, item.source_path, item.lang, item.status,
                getattr(item, "source_key", None),
                tuple(getattr(item, name, None) for name in getattr(item, "clock_attributes", ())))
