"""A save's own page first: the preview renders the page of an edited
content file from the last build's site (its generators, their context and
templates) and puts it in place at once; the whole incremental build, which
brings the listings, feeds and links up to date, follows and replaces it.

What the page shows of other items (its language versions, backlinks, the
previous and next meeting) is the last build's until the build is in. A
file that is new, gone, moved to another address or wrong is left to the
build, which says what is wrong."""

import os
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path

from pelican.contents import Content
from pelican.generators import Generator
from pelican.readers import Readers

from content_model.read_cache import ReadCache
from content_model.reader import ContentError

# What the last build's item had that is not carried over to its new
# reading: its own memos (see Meeting.memo_attributes), and its summary,
# which Pelican sets only when the file has one.
NOT_CARRIED = {"_summary"}


class LastSite:
    """The generators of the last build that went through, kept in the
    build process between saves and during the next build (a save that
    comes while it runs gets its page from them); ``keep`` is connected to
    Pelican's all_generators_finalized for the build under way."""

    def __init__(self) -> None:
        self.generators: Sequence[Generator] | None = None
        self.pending: Sequence[Generator] | None = None

    def keep(self, generators: Sequence[Generator]) -> None:
        self.pending = generators

    def built(self, ok: bool) -> None:
        self.generators, self.pending = (self.pending if ok else None), None


def published_item(generators: Iterable[Generator], source_path: str
                   ) -> tuple[Generator, Content] | tuple[None, None]:
    """(generator, item) of the published item read from ``source_path``."""
    for generator in generators:
        for name in ("items", "articles", "pages", "translations"):
            for item in getattr(generator, name, None) or ():
                if getattr(item, "source_path", None) == source_path:
                    return generator, item
    return None, None


def render_first(generators: Sequence[Generator], changed: Iterable[str | os.PathLike[str]],
                 output: str | os.PathLike[str]) -> list[str] | None:
    """Render the pages of the content files ``changed`` (absolute paths)
    from ``generators`` into the served folder ``output``; returns the
    addresses written, or None when one of them is the build's to show."""
    if generators[0].settings["RELATIVE_URLS"]:
        return None  # every page's links depend on its place: the writer's to make
    written: list[str] = []
    # A reader of its own: the build under way reads with the build's cache.
    readers = Readers({**generators[0].settings, "READ_CACHE": ReadCache()})
    for path in changed:
        generator, old = published_item(generators, str(path))
        if generator is None or old is None:  # found both, or neither
            return None
        try:
            new = readers.read_file(
                base_path=generator.path, path=os.path.relpath(path, generator.path),
                content_class=type(old), context=generator.context)
        except (ContentError, OSError):
            return None
        if new is None or (new.save_as, new.status, new.lang) != (old.save_as, old.status, old.lang):
            return None
        skipped = NOT_CARRIED | set(getattr(old, "memo_attributes", ()))
        for name, value in vars(old).items():
            # What plugins added to the item after reading: its translations,
            # language versions, backlinks and the like.
            if name not in skipped:
                vars(new).setdefault(name, value)
        write_page(generator, new, Path(output))
        written.append(new.url)
    return written


def write_page(generator: Generator, item: Content, output: Path) -> None:
    """The item's page, as its generator writes it, replacing the served
    file at once (a reader fetching it sees the old page or the new one)."""
    template = generator.get_template(item.template)
    context = dict(generator.context)
    context.update({type(item).__name__.lower(): item, "url": item.url, "localsiteurl": None,
                    "output_file": item.save_as, "output_path": str(output / item.save_as)})
    html = template.render(context)
    target = output / item.save_as
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=target.parent, delete=False,
                                     prefix=".quick-") as temporary:
        temporary.write(html)
    os.chmod(temporary.name, 0o644)
    os.replace(temporary.name, target)
