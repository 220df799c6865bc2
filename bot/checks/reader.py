"""Reading a pasted posting into blocks: headings, paragraphs and list items, whatever its format.

Markdown is read with markdown-it-py (CommonMark): headings, lists, emphasis and links come from
the parser, HTML blocks and comments are dropped. HTML is read with the standard library's HTML
parser into the same blocks. Plain text pasted from a job board has its own conventions, which no
Markdown parser knows, so every paragraph the parser leaves is read again line by line: a short
line in capitals or ending in a colon is a heading, lines starting with `-`, `--`, `*`, `•`, `·`
or a number are list items, and a run of short lines without full stops is one sentence a line.
The same posting in Markdown, plain text or HTML gives the same blocks.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Literal

from markdown_it import MarkdownIt
from markdown_it.token import Token

Kind = Literal["heading", "paragraph", "item"]


@dataclass(frozen=True)
class Block:
    """One heading, paragraph or list item, as plain text (markup taken out)."""

    kind: Kind
    text: str
    level: int = 0  # heading level (1 for a title, 2 for a section) or list depth
    explicit: bool = True  # a heading the markup declares, not one guessed from a line's look


@dataclass
class Reading:
    blocks: list[Block] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    # The page's schema.org JSON-LD (<script type="application/ld+json">), as written.
    jsonld: list[str] = field(default_factory=list)


# A list item in plain text: -, --, *, +, •, ·, ‣, ◦, ▪, ●, –, — or "1." / "1)" / "a)".
_BULLET = re.compile(r"^\s*(?:[-*+•·‣◦▪●■□➢►–—]{1,2}|\d{1,2}[.)]|[a-z][.)])\s+(?=\S)")
_END = re.compile(r"[.!?…:;,)\]\"”']$")
_HTML_START = re.compile(
    r"^\s*(?:<!doctype html|<html|<body|<(?:div|section|article|p|h[1-6]|ul|ol)\b)", re.I
)
_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")


def _tidy(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def looks_like_html(text: str) -> bool:
    """An HTML document or fragment, rather than Markdown that happens to hold a tag."""
    if _HTML_START.match(text):
        return True
    tags = len(_TAG.findall(text[:5000]))
    return tags >= 6 and tags * 25 > len(text[:5000].split())


def read(text: str) -> Reading:
    """The blocks of a posting in Markdown, plain text or HTML."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")
    if looks_like_html(text):
        return _relines(read_html(text))
    return _relines(read_markdown(text))


# ------------------------------------------------------------------------------------ Markdown

_MD = MarkdownIt("commonmark", {"html": True}).disable("code")


def _inline(token: Token, links: list[str]) -> tuple[str, bool]:
    """(plain text with line breaks kept, whether all of it is bold), links collected."""
    parts: list[str] = []
    strong = depth = 0
    plain_outside = False
    for child in token.children or []:
        if child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
        elif child.type in ("text", "code_inline"):
            parts.append(child.content)
            if depth == 0 and child.content.strip():
                plain_outside = True
        elif child.type == "strong_open":
            depth += 1
            strong += 1
        elif child.type == "strong_close":
            depth -= 1
        elif child.type == "link_open":
            href = str(child.attrs.get("href") or "")
            if href:
                links.append(href)
        elif child.type == "image":
            parts.append(child.content)
        elif child.type == "html_inline" and child.content.lower().startswith("<br"):
            parts.append("\n")
    return "".join(parts), strong > 0 and not plain_outside


def _bold_heading(text: str) -> bool:
    """A paragraph all in bold reads as a heading when short; a bold "[to fill in: Pay]" is
    a draft's marker, and a bold sentence is emphasis."""
    stripped = text.strip()
    return (
        "\n" not in stripped
        and len(stripped.split()) <= 8
        and not stripped.startswith("[")
        and not stripped.endswith((".", "!", "?"))
    )


def read_markdown(text: str) -> Reading:
    reading = Reading()
    tokens = _MD.parse(text)
    depth = 0
    in_item = False
    heading_level = 0
    for index, token in enumerate(tokens):
        if token.type in ("bullet_list_open", "ordered_list_open"):
            depth += 1
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            depth -= 1
        elif token.type == "list_item_open":
            in_item = True
        elif token.type == "heading_open":
            heading_level = int(token.tag[1])
        elif token.type == "heading_close":
            heading_level = 0
        elif token.type == "inline":
            content, bold = _inline(token, reading.links)
            if heading_level:
                reading.blocks.append(Block("heading", _tidy(content), heading_level))
            elif in_item:
                reading.blocks.append(Block("item", content.strip(), depth))
                in_item = False  # later paragraphs of the same item read as paragraphs
            elif bold and _bold_heading(content):
                reading.blocks.append(Block("heading", _tidy(content).rstrip(":"), 2))
            else:
                reading.blocks.append(Block("paragraph", content))
        elif token.type in ("code_block", "fence"):
            reading.blocks.append(Block("paragraph", token.content))
        elif token.type == "html_block":
            # Comments, scripts and layout tags: what a reader of the posting doesn't see.
            inner = _html_text(token.content)
            if inner:
                reading.blocks.extend(read_html(token.content).blocks)
        del index
    return reading


def _html_text(fragment: str) -> str:
    without = re.sub(r"<!--.*?(?:-->|$)", " ", fragment, flags=re.S)
    without = re.sub(r"<(script|style)\b.*?</\1>", " ", without, flags=re.S | re.I)
    return _tidy(html.unescape(_TAG.sub(" ", without)))


# ---------------------------------------------------------------------------------------- HTML

_BLOCK_TAGS = {
    "p", "div", "section", "article", "header", "footer", "main", "table", "tr", "td", "th",
    "blockquote", "pre", "dl", "dt", "dd", "ul", "ol", "body", "html", "aside", "nav", "form",
}  # fmt: skip
_SKIP_TAGS = {"script", "style", "head", "title", "template", "noscript", "svg"}


class _HtmlBlocks(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.reading = Reading()
        self._text: list[str] = []
        self._kind: Kind = "paragraph"
        self._level = 0
        self._skip = 0
        self._depth = 0
        self._bold_chars = 0
        self._bold = 0
        self._jsonld = False

    def _flush(self) -> None:
        content = "".join(self._text)
        self._text = []
        if content.strip():
            stripped = _tidy(content)
            bold_only = self._bold_chars >= len(stripped.replace(" ", "")) > 0
            if self._kind == "heading":
                self.reading.blocks.append(Block("heading", stripped, self._level))
            elif self._kind == "item":
                self.reading.blocks.append(Block("item", content.strip(), self._depth))
            elif bold_only and _bold_heading(stripped):
                self.reading.blocks.append(Block("heading", stripped.rstrip(":"), 2))
            else:
                self.reading.blocks.append(Block("paragraph", content.strip()))
        self._bold_chars = 0
        self._kind, self._level = "paragraph", 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self._skip += 1
            kind = (dict(attrs).get("type") or "").lower()
            self._jsonld = tag == "script" and kind == "application/ld+json"
            return
        if tag in ("ul", "ol"):
            self._flush()
            self._depth += 1
        elif tag == "li":
            self._flush()
            self._kind, self._level = "item", self._depth
        elif re.fullmatch(r"h[1-6]", tag):
            self._flush()
            self._kind, self._level = "heading", int(tag[1])
        elif tag in _BLOCK_TAGS:
            self._flush()
        elif tag == "br":
            self._text.append("\n")
        elif tag in ("strong", "b"):
            self._bold += 1
        elif tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.reading.links.append(href)

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self._skip = max(0, self._skip - 1)
            self._jsonld = False
            return
        if tag in ("ul", "ol"):
            self._flush()
            self._depth = max(0, self._depth - 1)
        elif tag == "li" or re.fullmatch(r"h[1-6]", tag) or tag in _BLOCK_TAGS:
            self._flush()
        elif tag in ("strong", "b"):
            self._bold = max(0, self._bold - 1)

    def handle_data(self, data: str) -> None:
        if self._skip:
            if self._jsonld:
                self.reading.jsonld.append(data)
            return
        # Source line breaks inside HTML are spaces, as a browser shows them.
        text = _SPACE.sub(" ", data)
        self._text.append(text)
        if self._bold:
            self._bold_chars += len(text.replace(" ", ""))


def read_html(text: str) -> Reading:
    parser = _HtmlBlocks()
    parser.feed(text)
    parser.close()
    parser._flush()
    return parser.reading


# ------------------------------------------------------------------------ plain-text line rules


_SMALL = {"and", "&", "or", "of", "the", "to", "a", "an", "for", "in", "on", "with", "you", "we"}
_OPENERS = {"what", "about", "how", "why", "who", "where", "when", "your", "our", "nice"}


def _heading_line(line: str, known: bool, alone: bool = False, shouting: bool = False) -> bool:
    """A line that reads as a heading in pasted text: short, and in capitals, or ending in a
    colon, or (`known`) naming a section."""
    stripped = line.strip()
    words = stripped.rstrip(":").split()
    if not words or len(words) > 8 or _BULLET.match(line) or ":" in stripped.rstrip(":"):
        return False  # "Location: Denver, CO" is a label and its value
    if not stripped[:1].isupper() and not stripped[:1].isdigit():
        return False  # "Location: Denver, CO" is a label and its value
    if stripped.endswith(":") and len(words) <= 6:
        return True
    letters = [ch for ch in stripped if ch.isalpha()]
    if not shouting and len(letters) > 3 and all(ch.isupper() for ch in letters):
        return True
    if not known or len(words) > 5 or _END.search(stripped):
        return False
    # A section name on a line of its own: "Responsibilities", "Key Responsibilities", "What
    # you'll do"; not a requirement that happens to contain "experience".
    titled = all(word[:1].isupper() or word.lower() in _SMALL for word in words)
    # A line standing alone ("Pay and benefits" above a list) names its section.
    return alone or len(words) <= 2 or titled or words[0].lower() in _OPENERS


def _relines(reading: Reading) -> Reading:
    """Read every paragraph again line by line, with the conventions of pasted text.

    In a posting written all in capitals, capitals mark no heading: only colons and section
    names do."""
    letters = [ch for block in reading.blocks for ch in block.text if ch.isalpha()]
    shouting = len(letters) > 200 and sum(ch.isupper() for ch in letters) > 0.8 * len(letters)
    out: list[Block] = []
    for block in reading.blocks:
        if block.kind == "heading":
            out.append(block)
            continue
        if block.kind == "item":
            # A list item is one unit of its own; wrapped lines of it join up.
            lines = [line for line in block.text.split("\n") if line.strip()]
            out.append(Block("item", _tidy(" ".join(lines)), block.level))
            continue
        out.extend(_paragraph_lines(block.text, shouting=shouting))
    return Reading(out, reading.links, reading.jsonld)


def _paragraph_lines(text: str, *, shouting: bool = False) -> list[Block]:
    """One paragraph's lines read as pasted text: headings, list items and prose."""
    from bot.checks.document import heading_kind

    out: list[Block] = []
    pending: list[str] = []
    item: list[str] = []

    def flush() -> None:
        if item:
            out.append(Block("item", _tidy(" ".join(item)), 1))
            item.clear()
        if pending:
            out.extend(Block("paragraph", run) for run in _split_run(pending))
            pending.clear()

    lines = [line.rstrip() for line in text.split("\n") if line.strip()]
    for line in lines:
        known = heading_kind(line) != "other"
        alone = len(lines) == 1 and heading_kind(line, leading=True) != "other"
        if _heading_line(line, known, alone=alone, shouting=shouting) and (
            known or not _END.search(line.strip(" :"))
        ):
            flush()
            out.append(Block("heading", _tidy(line).rstrip(":").strip(), 2, explicit=False))
        elif bullet := _BULLET.match(line):
            flush()
            item.append(line[bullet.end() :])
        elif item and (line.startswith((" ", "\u00a0")) or line.strip()[:1].islower()):
            item.append(line)  # a wrapped list item goes on, indented or in lower case
        else:
            if item:
                flush()
            pending.append(line)
    flush()
    return out


def _split_run(lines: list[str]) -> list[str]:
    """A paragraph's lines: wrapped prose joins up; a run of short lines that each start with a
    capital and don't end a sentence (a list pasted without its bullets) is one line each."""
    if len(lines) < 2:
        return [_tidy(" ".join(lines))]
    stripped = [line.strip() for line in lines]
    # Wrapped prose fills its lines to about the same width; listed lines are short and vary.
    listy = all(
        len(line) <= 60 and line[:1].isupper() and not line.endswith((",", "-", "–"))
        for line in stripped
    ) and not all(line.endswith((".", "!", "?")) for line in stripped)
    if listy:
        return stripped
    return [_tidy(" ".join(stripped))]
