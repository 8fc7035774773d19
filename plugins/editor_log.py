"""The build's log as editors read it: one message a line, 'Virhe:
news/x.fi.md:2: …', in the editor's language.

Not a Pelican plugin: tasks.py and the preview's build process log with it.
"""

import logging

from content_model.messages import _


class EditorLogFormat(logging.Formatter):
    """'Virhe: news/x.fi.md:2: …': a message a line, as `check` prints them,
    with the file and line first, not wrapped beside the Python source's place."""

    def __init__(self, translations=None):
        super().__init__()
        self.translations = translations

    def format(self, record):
        level = _("Error") if record.levelno >= logging.ERROR else _("Warning")
        text = f"{level.render(self.translations)}: {record.getMessage()}"
        if record.exc_info:  # a template or plugin error: what went wrong, and where
            text += "\n" + self.formatException(record.exc_info)
        return text


def plain_logging(translations=None):
    """Warnings and errors on the terminal, in the editor's words."""
    handler = logging.StreamHandler()
    # Other libraries' loggers pass on their news too: only warnings and
    # errors are for the editor.
    handler.setLevel(logging.WARNING)
    handler.setFormatter(EditorLogFormat(translations))
    logging.basicConfig(level=logging.WARNING, handlers=[handler], force=True)
