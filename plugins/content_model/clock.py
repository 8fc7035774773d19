"""The build clock: the one "now" of a build.

SOURCE_DATE_EPOCH, when set, is that moment; otherwise the build's start.
Everything time-dependent reads ``context["BUILD_CLOCK"]``.
"""

import logging
import os
from datetime import datetime
from pathlib import Path

from .messages import _, editor_translations
from .schema import HELSINKI
from .source import KEY_LINE, Problem

logger = logging.getLogger(__name__)


def read_build_clock(environ=os.environ):
    epoch = environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.fromtimestamp(int(epoch), tz=HELSINKI)
    return datetime.now(tz=HELSINKI)


def start_build_clock(generator):
    """Give the build one clock, shared by all its generators."""
    generator.context.setdefault("BUILD_CLOCK", read_build_clock())


def hold_scheduled_item(generator, metadata):
    """An item dated after the build clock waits, like a draft, until a build
    runs after that moment."""
    date = metadata.get("date")
    if (
        date is not None
        and metadata.get("status", "published") == "published"
        and date > generator.context["BUILD_CLOCK"]
    ):
        metadata["status"] = "draft"
        metadata["scheduled"] = True  # see leaving_the_site
        logger.info(
            "%s: scheduled for %s, not published yet",
            metadata.get("section", "") + "/" + metadata.get("item_name", ""),
            date.isoformat(),
        )


def leaving_the_site(content):
    """A warning for an item held back by its Date that the published site
    has now: a year typed wrong ('2021' for '2020') would take it off the
    site without a word. The published folder (PUBLISHED_FOLDER, the one
    this build replaces) tells what readers have now; the build cache would
    not: it is not there after `invoke clean` or on another machine."""
    previous = content.settings.get("PUBLISHED_FOLDER")
    if not (getattr(content, "scheduled", False) and previous):
        return
    # Where it is published: a draft's own address is another (DRAFT_URL).
    content.status = "published"
    try:
        save_as, url = content.save_as, content.url
    finally:
        content.status = "draft"
    if not (Path(previous) / save_as).is_file():
        return
    source = Path(content.source_path)
    keys = (KEY_LINE.match(line) for line in source.read_text(encoding="utf-8-sig").split("\n"))
    date_line = next((number for number, key in enumerate(keys, start=1)
                      if key and key["key"].lower() == "date"), None)
    if date_line is None:
        return  # the Date is the translation's: told in its file, once
    problem = Problem(Path(content.relative_source_path).as_posix(), date_line, _(
        "the item is now dated {date} and leaves the site until then (it is published at "
        "/{url} now); if the date is a typo, correct it", date=content.date.strftime("%Y-%m-%d"),
        url=url), "warning")
    logger.warning("%s", problem.text(editor_translations(content.settings)),
                   extra={"problem": problem})
