"""The build clock: the one "now" of a build.

SOURCE_DATE_EPOCH, when set, is that moment; otherwise the build's start.
Everything time-dependent reads ``context["BUILD_CLOCK"]``.
"""

import logging
import os
from datetime import datetime

from .schema import HELSINKI

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
        logger.info(
            "%s: scheduled for %s, not published yet",
            metadata.get("section", "") + "/" + metadata.get("item_name", ""),
            date.isoformat(),
        )
