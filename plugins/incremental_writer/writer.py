"""A Pelican writer that renders a page only when what it is made from
changed since the last build, and renders the rest on every core.

Each page gets a key: the site's templates, settings and plugin code, and
the fingerprint of what its generator gave the template. The other items a
page links to by name (``item_link`` in the templates) are noted while it
renders, and their addresses and titles count too. A page whose key and
links are as in the last build keeps last build's file, which the build
found in its folder (see site_build: the previous output is linked in).
"""

import hashlib
import logging
import multiprocessing
import os
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import meta
from pelican import signals
from pelican.contents import Content
from pelican.utils import sanitised_join
from pelican.writers import Writer

from content_model.check import taken_address
from content_model.messages import editor_translations
from content_model.read_cache import code_fingerprint, settings_fingerprint
from content_model.reader import log_problems
from content_model.workers import build_workers, start_method
from pelican_adapter import page_variables, share_page_siteurl, written_pages
from site_files import remove_files, replace_file

from .fingerprint import Fingerprints, Uncacheable

logger = logging.getLogger(__name__)


@dataclass
class Record:
    """How one output file was made: its key and, for a page, the items it
    linked to by name and their link texts then."""

    key: str
    linked: tuple
    links: str


@dataclass
class RenderState:
    """Kept from one build to the next: what each file of ``output`` was made from."""

    output: str = None
    records: dict = field(default_factory=dict)
    pending: dict = field(default_factory=dict)  # this build's, until it is published
    # The search index kept is older than the pages (see search_index).
    search_index_behind: bool = False
    identity: tuple = None  # of the folder at ``output`` (site_files.folder_identity)
    # The folder published before ``output``, which the next build starts
    # from (see site_build): where it is, what its files were made from,
    # and its identity.
    spare: str | None = None
    spare_records: dict = field(default_factory=dict)
    spare_identity: tuple | None = None
    # What the last link check of ``output`` found (link_crawl.LinkRecords).
    link_records: object = None
    # What the last sitemap read of each page, by the identity of its file
    # (sitemap_xml): a page a build kept is not read again.
    sitemap_entries: dict = field(default_factory=dict)
    # The templates' compiled code (templates.CompiledTemplates), and what
    # each template reads (template_reads) with the theme it is true of.
    compiled_templates: dict = field(default_factory=dict)
    template_reads: tuple = (None, {})


@dataclass
class Job:
    """A page to render: its template and variables."""

    name: str
    template: object
    context: dict
    key: str
    shared: dict  # the context all pages share, which items' links are made in

    def run(self):
        """Render and write the page; the names of the items it linked to,
        and whether its bytes changed."""
        linked = set()
        self.context["linked_items"] = linked
        # As Pelican's writer: an item's links are made relative to the page
        # being written (RELATIVE_URLS).
        share_page_siteurl(self.shared, self.context)
        data = self.template.render(self.context).encode("utf-8")
        # A page made again as it was (its translation changed, say) keeps
        # its file: the link check and the search index then pass it over.
        changed = not same_bytes(self.context["output_path"], data)
        if changed:
            replace_file(self.context["output_path"], data)
        return tuple(sorted(linked)), changed


@dataclass
class FileJob:
    """Another output file (a feed, a calendar): ``make`` returns its bytes."""

    name: str
    path: Path
    make: object
    key: str

    def run(self):
        replace_file(self.path, self.make())
        return (), True


def same_bytes(path, data):
    """Whether the file at ``path`` holds ``data``."""
    try:
        if os.stat(path).st_size != len(data):
            return False
        with open(path, "rb") as file:
            return file.read() == data
    except FileNotFoundError:
        return False


def theme_fingerprint(theme):
    """The templates and the theme's messages; not its static files, which
    are copied into every build, and which no page embeds."""
    digest = hashlib.sha256()
    for path in sorted(Path(theme).rglob("*")):
        if path.is_file() and "static" not in path.relative_to(theme).parts:
            digest.update(str(path.relative_to(theme)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def template_reads(environment, name, known):
    """The names the template ``name`` and those it extends, includes and
    imports read from their context; None when one of them is chosen at
    render time. ``known`` keeps what was found, by template name."""
    if name not in known:
        known[name] = set()  # a template that includes itself adds nothing more
        source = environment.loader.get_source(environment, name)[0]
        tree = environment.parse(source)
        names = set(meta.find_undeclared_variables(tree))
        for other in meta.find_referenced_templates(tree):
            read = None if other is None else template_reads(environment, other, known)
            if read is None:
                names = None
                break
            names |= read
        known[name] = names
    return known[name]


def content_file(kwargs):
    """The content file of an item's page, or of its translation stub, from
    the variables of its template; None for other pages."""
    for value in kwargs.values():
        item = getattr(value, "original", value)
        if isinstance(item, Content):
            return item.relative_source_path
    return None


def keep_jobs(jobs):
    """Start of a forked worker process: it has the parent's ``jobs``
    already (a job holds templates, which cannot be pickled) and keeps them
    on its own process object, which ends with the pool."""
    multiprocessing.current_process().render_jobs = jobs


def run_job(index):
    """Render job ``index`` in a worker process (see keep_jobs)."""
    return multiprocessing.current_process().render_jobs[index].run()


class IncrementalWriter(Writer):
    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings=settings)
        self.state = settings.get("RENDER_STATE") or RenderState()
        # Last build's files are here only when site_build linked them in.
        self.previous = self.state.records if settings.get("PREVIOUS_OUTPUT") else {}
        self.records = self.state.pending = {}  # name -> Record: what this build made
        self.jobs = []
        self.fingerprints = Fingerprints()
        self.site_key = None
        self.context = None
        self.link_texts = {}
        self.claimed = {}  # output file -> the content file it is made from, or None
        self.reads = None  # template name -> the names it reads (template_reads)
        self.theme_key = None
        self.shared_keys = {}  # names of the shared context -> their fingerprint
        self.misplaced = set()  # the files named in a message about a taken address
        self.changed_pages = []  # pages made anew or removed (the search index follows them)
        # Top folders the site writes outside this writer: a page there would
        # be replaced by them, or replace them (the search index, say).
        self.reserved = {settings["THEME_STATIC_DIR"], *settings.get("GENERATED_FOLDERS", ()),
                         *(path.split("/")[0] for path in settings["STATIC_PATHS"])}

    # --- pages -------------------------------------------------------------

    def write_file(self, name, template, context, relative_urls=False, paginated=None,
                   template_name=None, override_output=False, url=None, **kwargs):
        """Pelican's write_file, pagination included, with each page queued
        or kept instead of rendered at once."""
        if not name:
            return
        # Every page of a site with RELATIVE_URLS links relatively, whichever
        # generator writes it (ours pass no relative_urls of their own).
        relative_urls = relative_urls or self.settings["RELATIVE_URLS"]
        for page, variables, neighbours in written_pages(name, url, kwargs, paginated, template_name,
                                                         self.settings):
            # A page links to the next and previous ones; their items are
            # not on it, and do not count.
            described = {key: variables[key] and (variables[key].number, variables[key].url)
                         for key in neighbours}
            self.add_page(page, template, context, variables, relative_urls, {**variables, **described})

    def claim(self, name, made_from=None):
        """Each output file is made once: a second page for the same address
        (an item named like a year page, say) would silently replace the first.
        ``made_from`` is the content file of an item's page: the one to rename."""
        if name in self.claimed or name.split("/")[0] in self.reserved:
            problem = taken_address(name, made_from, self.claimed.get(name))
            # Its translation stub may collide too: one rename fixes both.
            if problem.path not in self.misplaced:
                self.misplaced.add(problem.path)
                log_problems([problem], editor_translations(self.settings))
            return
        self.claimed[name] = made_from

    def add_page(self, name, template, context, kwargs, relative_urls, key_kwargs=None):
        self.claim(name, content_file(kwargs))
        self.context = context
        local = page_variables(context, name, kwargs, relative_urls)
        local["output_path"] = sanitised_join(self.output_path, name)
        key = self.key_of(name, "page", template.name, relative_urls, key_kwargs or kwargs,
                          self.context_read(template, context, kwargs))
        if self.kept(name, key, local["output_path"]):
            signals.content_written.send(local["output_path"], context=local)
        else:
            self.jobs.append(Job(name, template, local, key, context))

    def key_of(self, name, *parts):
        """The key of the output file ``name``, or None if one of its parts
        cannot be described: then it is made every time."""
        try:
            return self.key(name, *parts)
        except Uncacheable as value:
            logger.debug("%s: made every time, because of %s", name, value)
            return None

    def context_read(self, template, context, kwargs):
        """The fingerprint of what ``template`` (with the templates it extends,
        includes and imports) can read of the context all pages share: a
        page's key covers it, so that a template that lists ``articles``,
        say, is made again when an article changes."""
        if self.reads is None:
            self.reads = self.known_reads()
        names = template_reads(template.environment, template.name, self.reads)
        if names is None:  # a template chosen at render time: it may read anything
            names = context.keys()
        shared = sorted(name for name in names if name in context and name not in kwargs
                        and name not in self.settings)  # settings: in the site key
        if tuple(shared) not in self.shared_keys:
            self.shared_keys[tuple(shared)] = self.fingerprints.of(
                [(name, context[name]) for name in shared])
        return self.shared_keys[tuple(shared)]

    def kept(self, name, key, path):
        """Whether last build's file at ``path`` is what ``key`` makes now,
        the items it links to by name included; if so, it stays."""
        previous = self.previous.get(name)
        if (key is None or previous is None or previous.key != key
                or previous.links != self.links_key(previous.linked) or not os.path.exists(path)):
            return False
        self.records[name] = previous
        return True

    def known_reads(self):
        """What the templates read, as the last build found it if the code
        and the templates are the same (parsing them took half a second)."""
        code = (code_fingerprint(), self.theme())
        if self.state.template_reads[0] != code:
            self.state.template_reads = (code, {})
        return self.state.template_reads[1]

    def theme(self):
        if self.theme_key is None:
            self.theme_key = theme_fingerprint(self.settings["THEME"])
        return self.theme_key

    def key(self, *parts):
        if self.site_key is None:
            self.site_key = self.fingerprints.of([
                code_fingerprint(), self.theme(),
                settings_fingerprint(self.settings, None).decode(),
            ])
        return hashlib.sha256((self.site_key + self.fingerprints.of(list(parts))).encode()).hexdigest()

    def links_key(self, linked):
        """Where the items a page links to by name are, and what a link shows
        of them (its title, and what its class names in ``link_attributes``)."""
        by_key = (self.context or {}).get("items_by_key", {})
        seen = []
        for section, name in linked:
            if (section, name) not in self.link_texts:
                item = by_key.get((section, name))
                versions = [item, *item.translations] if item else []
                self.link_texts[section, name] = [
                    (v.lang, v.url, v.title, v.status,
                     *(getattr(v, attribute, None) for attribute in getattr(v, "link_attributes", ())))
                    for v in versions]
            seen.append(self.link_texts[section, name])
        return repr(seen)

    def render_pending(self):
        """Make the queued pages and files, on every core when there are
        enough; returns how many pages were rendered."""
        jobs, self.jobs = self.jobs, []
        workers = min(build_workers(self.settings), len(jobs) // 8)
        # A job holds its template and Pelican's objects, which a spawned
        # worker (Windows, macOS) cannot be sent: there, pages render here.
        if workers >= 2 and start_method(self.settings) == "fork":
            # Forked with the jobs as they are, not pickled (keep_jobs).
            with multiprocessing.get_context("fork").Pool(workers, keep_jobs, (jobs,)) as pool:
                chunk = max(1, len(jobs) // (workers * 8))
                results = pool.map(run_job, range(len(jobs)), chunksize=chunk)
        else:
            results = [job.run() for job in jobs]
        for job, (names, _changed) in zip(jobs, results):
            self.records[job.name] = Record(job.key, names, self.links_key(names))
            if isinstance(job, Job):
                # Sent here, not by the process that wrote it, so that the
                # receivers (a sitemap plugin, say) hear of every page.
                signals.content_written.send(job.context["output_path"], context=job.context)
        # The search index is made again only if a page changed.
        changed = [job.name for job, (_names, changed) in zip(jobs, results)
                   if changed and isinstance(job, Job)]
        self.changed_pages += changed
        return len(changed)

    def remove_stale(self):
        """Remove last build's files this build did not make (a deleted or
        renamed item's pages); returns how many pages went."""
        gone = set(self.previous) - set(self.records)
        remove_files(self.output_path, gone)
        self.changed_pages += sorted(name for name in gone if name.endswith(".html"))
        return sum(name.endswith(".html") for name in gone)

    # --- other files ---------------------------------------------------------

    def produce(self, name, key_parts, make):
        """Write the file ``name`` (relative to the output) from ``make()``,
        which returns bytes, unless what it is made from (``key_parts``) is
        as in the last build and the file is there. Made with the pages, on
        every core: ``make`` must not depend on what runs after this call."""
        self.claim(name)
        path = Path(sanitised_join(self.output_path, name))
        key = self.key_of(name, "file", key_parts)
        if not self.kept(name, key, path):
            self.jobs.append(FileJob(name, path, make, key))
