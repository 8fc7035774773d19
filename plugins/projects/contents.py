"""The content class of projects. Pelican finds its URL settings by its name
(PROJECT_URL…), which content_type.derived_settings derives."""

from pelican.contents import Page


class Project(Page):
    """A development project with its facts."""

    default_template = "project"
    # What a link to a project shows besides its title: a page that links
    # to it changes when this does.
    link_attributes = ("acronym",)
