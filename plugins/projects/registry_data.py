"""The projects registry as open data: projects.json and projects.csv."""

import csv
import io
import json

from markupsafe import Markup

from bilingual import in_language

FIELDS = ("name", "title", "acronym", "phase", "start", "end", "lead", "partners",
          "funding", "budget", "region", "contact", "website", "summary", "url",
          "backlinks")


def project_record(project, siteurl):
    """One project as plain data; lists stay lists, dates ISO, euros a number."""
    def absolute(url):
        return f"{siteurl}/{url}"

    budget = getattr(project, "budget", None)
    return {
        "name": project.item_name,
        "title": project.title,
        "acronym": getattr(project, "acronym", ""),
        "phase": project.phase,
        "start": project.start.isoformat() if getattr(project, "start", None) else "",
        "end": project.end.isoformat() if getattr(project, "end", None) else "",
        "lead": getattr(project, "lead", ""),
        "partners": list(getattr(project, "partners", ())),
        "funding": getattr(project, "funding", ""),
        "budget": int(budget) if budget is not None and budget == int(budget) else (
            float(budget) if budget is not None else None),
        "region": list(getattr(project, "region", ())),
        "contact": getattr(project, "contact", ""),
        "website": getattr(project, "website", ""),
        "summary": Markup(project.metadata.get("summary", "")).striptags(),
        "url": absolute(project.url),
        "backlinks": [
            absolute(in_language(link.item, project.lang).url) for link in project.backlinks
        ],
    }


def projects_json(records):
    return json.dumps({"projects": records}, ensure_ascii=False, indent=2) + "\n"


# A spreadsheet runs a cell that starts with one of these as a formula
# (=HYPERLINK(…) that sends the sheet away, =cmd|…): such a cell gets a
# leading single quote, as OWASP advises against CSV injection.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(value):
    """A record's value as a CSV cell that a spreadsheet shows as text."""
    if isinstance(value, list):
        value = "; ".join(value)
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def projects_csv(records):
    out = io.StringIO()
    # Every text cell quoted, numbers (the budget) not.
    writer = csv.DictWriter(out, fieldnames=FIELDS, lineterminator="\n",
                            quoting=csv.QUOTE_NONNUMERIC)
    writer.writeheader()
    for record in records:
        writer.writerow({key: spreadsheet_cell(value) for key, value in record.items()})
    return out.getvalue()
