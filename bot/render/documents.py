"""The posting as a document a candidate reads: Markdown, an HTML page, or plain text.

Only what the employer says is in them; reference material stays with the manager."""

from __future__ import annotations

from markupsafe import Markup

from bot.posting import Posting
from bot.render.env import environment
from bot.render.escaping import script_json
from bot.render.jsonld import to_jsonld
from bot.render.outline import outline


def to_markdown(posting: Posting) -> str:
    template = environment("markdown").get_template("posting.md.j2")
    return template.render(outline=outline(posting))


def to_text(posting: Posting) -> str:
    template = environment("text").get_template("posting.txt.j2")
    return template.render(outline=outline(posting))


def to_html(posting: Posting) -> str:
    """A whole page; its JSON-LD is escaped so no text can close the script tag."""
    template = environment("html").get_template("posting.html.j2")
    return template.render(
        outline=outline(posting),
        company=posting.organisation.name,
        jsonld=Markup(script_json(to_jsonld(posting))),
        notes=True,
    )
