"""Read one content section with its content class, the way Pelican's
PagesGenerator reads pages, and write each item with its template."""

from blinker import signal
from pelican.generators import Generator
from pelican.utils import process_translations

from pelican_adapter import record_failed_source

from .reader import ContentError

# Sent with (generator, metadata) before each item's content object is made,
# like Pelican's page_generator_context.
section_generator_context = signal("section_generator_context")


class SectionGenerator(Generator):
    """Subclasses set ``section`` (the folder under content/) and
    ``content_class``; the items land in ``context[section]``."""

    section = None
    content_class = None

    def generate_context(self):
        published = []
        for path in self.get_files(self.section):
            try:
                item = self.readers.read_file(
                    base_path=self.path,
                    path=path,
                    content_class=self.content_class,
                    context=self.context,
                    context_signal=section_generator_context,
                    context_sender=self,
                )
            except ContentError:
                # The reader has logged the reasons, as errors: the build fails.
                record_failed_source(self, path)
                continue
            if not item.is_valid():
                record_failed_source(self, path)
                continue
            self.add_source_path(item)
            self.add_static_links(item)
            if item.status == "published":
                published.append(item)
        self.items, self.translations = process_translations(
            published, translation_id="item_name"
        )
        self.context[self.section] = self.items

    def published_items(self):
        return self.items + self.translations

    def generate_output(self, writer):
        kind = self.content_class.__name__.lower()
        for item in self.published_items():
            writer.write_file(
                item.save_as,
                self.get_template(item.template),
                self.context,
                **{kind: item},
                url=item.url,
                relative_urls=self.settings["RELATIVE_URLS"],
            )
