"""The preview's builds, in a process of their own.

The process imports the plugins and reads pelicanconf.py when it starts, and
keeps what it built in memory (a BuildCache), so that a save rebuilds only
what it touched. When the plugins or the settings change, the preview starts
a new process: Python never imports a changed module again in a running one.
It is spawned, not forked, so that it starts the same on every system.
"""

import logging
import multiprocessing
import queue
import signal
import threading
import traceback
from pathlib import Path

from content_model.messages import _

# After a build, the search index is brought up to date once no save has
# come for this long (seconds): an edit shows first, its search a bit later.
SEARCH_INDEX_DELAY = 2.0
# How often the build process looks whether the search index is made (seconds).
INDEX_POLL = 0.1


class ErrorLines(logging.Handler):
    """The errors a build logs, as the terminal shows them."""

    def __init__(self, formatter):
        super().__init__(level=logging.ERROR)
        self.setFormatter(formatter)
        self.lines = []

    def emit(self, record):
        self.lines.append(self.format(record))


def run_builder(connection, settings_file, overrides):
    """The build process: builds on each request and answers with
    {"ok": bool, "lines": the errors}, and with {"first": True} when a saved
    item's page is in place before its build; ends when the preview says
    "stop" or closes the connection. Whatever else stops a build is answered
    too, then ends the process: the preview starts a new one for the next save."""
    # Ctrl+C in the terminal reaches this process too: the preview ends it
    # by saying so, once a build under way is in place.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        serve_requests(connection, Path(settings_file), overrides)
    except (BrokenPipeError, ConnectionResetError):
        return  # the preview stopped during the build
    except Exception:
        connection.send({"ok": False, "lines": traceback.format_exc().splitlines(), "ended": True})
        raise


def serve_requests(connection, settings_file, overrides):
    from pelican import signals
    from pelican.settings import read_settings

    from content_model.messages import editor_translations
    from editor_log import EditorLogFormat, plain_logging
    from link_crawl import link_problems
    from site_build import (BuildCache, BuildFailed, build_site, finish_search_index_catch_up,
                            start_search_index_catch_up)

    from .quick import LastSite, render_first

    translations = editor_translations(read_settings(str(settings_file)))
    plain_logging(translations)
    cache = BuildCache()  # an edit re-reads and re-renders only what it touched
    refresh = None  # the search index being made, in the background
    last_site = LastSite()  # to render a saved file's page before the build
    signals.all_generators_finalized.connect(last_site.keep)
    sending = threading.Lock()

    def send(message):
        with sending:
            connection.send(message)

    def first_pages(changed):
        """A saved item's page at once, also while a build is under way."""
        site = last_site.generators
        if changed and site and render_first(site, changed, cache.render.output) is not None:
            send({"ok": True, "lines": [], "first": True})

    requests = queue.Queue()  # builds asked for; None: the preview has stopped

    def listen():
        while True:
            try:
                request = connection.recv()
            except (EOFError, OSError):
                request = "stop"
            if request == "stop":
                requests.put(None)
                return
            changed = request.get("changed") if isinstance(request, dict) else None
            try:
                first_pages(changed)
            except Exception:  # noqa: BLE001 - the build that follows shows what is wrong
                logging.getLogger(__name__).debug("first page not made", exc_info=True)
            requests.put(changed or [])

    threading.Thread(target=listen, name="preview-requests", daemon=True).start()
    while True:
        if refresh is not None:
            wait = INDEX_POLL
        else:
            wait = SEARCH_INDEX_DELAY if cache.render.search_index_behind else None
        try:
            changed = requests.get(timeout=wait)
        except queue.Empty:
            output = Path(cache.render.output)
            if refresh is None:
                refresh = start_search_index_catch_up(cache, output)
            elif refresh.done():
                finish_search_index_catch_up(cache, output, refresh)
                refresh = None
            continue
        # Saves that came during the last build: one build takes them all in.
        pending = [changed]
        while not requests.empty():
            pending.append(requests.get_nowait())
        if None in pending:  # the preview has stopped
            return
        if refresh is not None:
            # A save came: its page first. The index starts again once the
            # saves stop for a moment.
            refresh.cancel()
            refresh = None
        errors = ErrorLines(EditorLogFormat(translations))
        logging.getLogger().addHandler(errors)
        try:
            # A link that leads nowhere stops the preview too, at its line,
            # as it stops `build`, `check` and `publish`.
            build_site(settings_file, overrides=overrides, cache=cache, checks=[link_problems])
        except BuildFailed as failure:
            stopped = _("The build stopped: {reason}; the preview shows the last good build",
                        reason=failure).render(translations)
            print(stopped, flush=True)
            last_site.built(False)
            send({"ok": False, "lines": errors.lines + [stopped]})
            continue
        finally:
            logging.getLogger().removeHandler(errors)
        last_site.built(True)
        # A save that came during this build has its page made again on the
        # new site, so that the page shown does not step back.
        waiting = list(requests.queue)
        first_pages([path for saved in waiting if saved for path in saved])
        send({"ok": True, "lines": []})


class Builder:
    """The preview's end of the build process. request() asks for a build
    and returns at once; the outcomes come from next_outcome(), in order: a
    saved item's first page ({"first": True}) as soon as it is in place,
    then each build's. build() asks and waits for the build's outcome.
    restart() starts a process with fresh code."""

    def __init__(self, settings_file, overrides, translations):
        self.arguments = (str(settings_file), dict(overrides))
        self.translations = translations
        self.process = self.connection = None
        self.outcomes = queue.Queue()
        self.stopping = False

    def start(self):
        self.stopping = False
        context = multiprocessing.get_context("spawn")
        self.connection, theirs = context.Pipe()
        # Not a daemon: a build uses worker processes of its own. It ends
        # when the connection does, however the preview ends.
        self.process = context.Process(target=run_builder, args=(theirs, *self.arguments),
                                       name="preview-build")
        self.process.start()
        theirs.close()
        threading.Thread(target=self.receive, args=(self.connection,), name="preview-outcomes",
                         daemon=True).start()

    def receive(self, connection):
        """Pass on the process's outcomes until its connection ends."""
        while True:
            try:
                outcome = connection.recv()
            except (EOFError, OSError):
                if not self.stopping:  # killed, or out of memory: its traceback is on the terminal
                    self.outcomes.put({"ok": False, "ended": True, "lines": [_(
                        "The build process ended unexpectedly; see the terminal").render(self.translations)]})
                return
            self.outcomes.put(outcome)
            if outcome.get("ended"):
                return

    def request(self, changed=()):
        """Ask for a build; ``changed``: the content files saved since the
        last one, whose pages are made first if the last build can make them."""
        if self.process is None:
            self.start()
        try:
            self.connection.send({"changed": [str(path) for path in changed]})
        except OSError:  # the process has ended: its outcome says so
            pass

    def next_outcome(self):
        """{"ok": bool, "lines": the errors, as on the terminal, "first":
        whether it is a first page}. After an outcome that says the process
        "ended", the next request starts a new one."""
        outcome = self.outcomes.get()
        if outcome.get("ended"):
            self.process.join()
            self.process = None
        return outcome

    def build(self, changed=(), first=None):
        """request() and wait for the build's outcome; ``first`` is called
        with a first page's outcome."""
        self.request(changed)
        while True:
            outcome = self.next_outcome()
            if not outcome.get("first"):
                return outcome
            if first:
                first(outcome)

    def restart(self):
        self.stop()
        self.start()

    def stop(self):
        if self.process is None:
            return
        self.stopping = True
        try:
            # Said, not only closed: the thread receiving the outcomes still
            # holds the connection open until the process ends it.
            self.connection.send("stop")
        except OSError:
            pass  # ended already
        self.process.join(timeout=30)
        if self.process.is_alive():  # still bringing the search index up to date
            self.process.terminate()
            self.process.join()
        self.connection.close()
        self.process = None
