"""Project pages with their facts and backlinks, the projects index grouped
by phase with a page per region, and the registry as JSON and CSV."""

import logging

from bilingual import in_language, original_items, published_items, write_language_page
from content_model.content_type import N_, ContentType, Scaffold
from content_model.generator import SectionGenerator
from content_model.messages import editor_translations
from content_model.model import KnownNames
from content_model.reader import validated_source
from content_model.scaffold import slugify
from content_model.site_model import site_model

from .backlinks import collect_backlinks
from .contents import Project
from .feeds import project_feeds
from .keys import PHASES, PROJECT_KEYS, active_past_end, check_project_period
from .registry_data import project_record, projects_csv, projects_json

logger = logging.getLogger(__name__)

# Active projects first, then those on their way, then the ended ones.
PHASE_ORDER = ("active", "applied", "planned", "ended")
assert sorted(PHASE_ORDER) == sorted(PHASES)


class ProjectsGenerator(SectionGenerator):
    section = "projects"
    content_class = Project

    def generate_context(self):
        super().generate_context()
        self.registry = site_model(self.context).registry
        today = self.context["BUILD_CLOCK"].date()
        translations = editor_translations(self.settings)
        for project in self.published_items():
            project.regions = [self.registry.regions[key] for key in getattr(project, "region", [])]
        for project in self.items:
            end = getattr(project, "end", None)
            if project.phase == "active" and end and end.last_day < today:
                # Rare: the file is read again for the line to point at.
                source, values, _agenda = validated_source(project.source_path, self.settings, KnownNames())
                problem = active_past_end(source, values, today)
                if problem:
                    logger.warning("%s", problem.text(translations))
        self.items.sort(key=lambda p: (p.acronym if hasattr(p, "acronym") else p.title).lower())

    def generate_output(self, writer):
        super().generate_output(writer)
        index_urls = self.settings["SECTION_URLS"]["projects"]
        regions = [r for r in self.registry.regions.values()
                   if any(r in p.regions for p in self.items)]
        ended_urls = self.settings["ENDED_PROJECTS_URLS"]
        for lang in self.settings["LANGUAGES"]:
            projects = [in_language(p, lang) for p in self.items]
            self.write_index(writer, index_urls, ended_urls, lang, projects, regions=regions, region=None)
            for region in regions:
                urls = {code: f"{url}{region.slug(code)}/" for code, url in index_urls.items()}
                # hankkeet/paattyneet/ -> hankkeet/<region>/paattyneet/
                region_ended = {code: urls[code] + ended_urls[code].rstrip("/").rsplit("/", 1)[-1] + "/"
                                for code in urls}
                in_region = [p for p in projects if region in p.regions]
                self.write_index(writer, urls, region_ended, lang, in_region, regions=regions, region=region)
            records = [project_record(p, self.settings["ABSOLUTE_SITEURL"]) for p in projects]
            for name, make in (("projects.json", projects_json), ("projects.csv", projects_csv)):
                writer.produce(index_urls[lang] + name, records,
                               lambda make=make, records=records: make(records).encode("utf-8"))

    def write_index(self, writer, urls, ended_urls, lang, projects, **extra):
        """The projects of every phase but ended, which are counted and
        linked: ended projects pile up over the years, and get pages of
        their own (of the region, on a region's index)."""
        by_phase = [(phase, [p for p in projects if p.phase == phase]) for phase in PHASE_ORDER]
        ended = sorted((p for p in projects if p.phase == "ended"), key=ended_order, reverse=True)
        write_language_page(self, writer, "projects_index", urls, lang,
                            projects_by_phase=[(p, group) for p, group in by_phase
                                               if group and p != "ended"],
                            ended_count=len(ended), ended_url=ended_urls[lang], **extra)
        if ended or not extra["region"]:
            write_language_page(self, writer, "projects_ended", ended_urls, lang,
                                paginated={"articles": ended}, template_name="projects_ended",
                                region=extra["region"])


def ended_order(project):
    """Latest ended first: by End, else Start (both written YYYY[-MM[-DD]])."""
    return str(getattr(project, "end", None) or getattr(project, "start", None) or "")


def link_projects(generators):
    projects_generator = next(g for g in generators if isinstance(g, ProjectsGenerator))
    items = [item for generator in generators for item in published_items(generator)]
    collect_backlinks(projects_generator.items, original_items(items))


CONTENT_TYPE = ContentType(
    folder="projects",
    noun="project",
    label=N_("Projects"),
    keys=PROJECT_KEYS,
    content_class=Project,
    urls={"fi": "hankkeet/", "sv": "sv/projekt/"},
    checks=(check_project_period,),
    dated_checks=(active_past_end,),
    generator=ProjectsGenerator,
    all_generators_finalized=link_projects,
    feeds=project_feeds,
    scaffold=Scaffold(
        name=lambda slug, values: slugify(values.get("Acronym") or values["Title"]),
        defaults={"Phase": lambda day: "planned"},
    ),
)
