"""The posting as a document a person reads: Markdown, an HTML page, or plain text."""

from __future__ import annotations

from markupsafe import Markup

from bot.posting import Posting
from bot.render.env import environment
from bot.render.escaping import script_json
from bot.render.jsonld import to_jsonld
from bot.render.outline import Footnotes, outline
from bot.roles.template import RoleTemplate


def to_markdown(posting: Posting, role: RoleTemplate | None = None) -> str:
    template = environment("markdown").get_template("posting.md.j2")
    return template.render(outline=outline(posting, role))


def to_text(posting: Posting, role: RoleTemplate | None = None) -> str:
    """For a terminal: sources are cited by number and spelled out once, at the end."""
    template = environment("text").get_template("posting.txt.j2")
    return template.render(outline=outline(posting, role), footnotes=Footnotes())


def to_html(posting: Posting, role: RoleTemplate | None = None) -> str:
    """A whole page; its JSON-LD is escaped so no text can close the script tag."""
    template = environment("html").get_template("posting.html.j2")
    return template.render(
        outline=outline(posting, role),
        company=posting.organisation.name,
        jsonld=Markup(script_json(to_jsonld(posting))),
        notes=True,
    )
