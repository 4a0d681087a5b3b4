"""Pull an article's text and metadata out of an HTML page.

The standard library's HTMLParser is enough: we need the readable text in
block order (scripts, styles and navigation dropped) plus a few meta tags.
"""
from dataclasses import dataclass, field
from html.parser import HTMLParser
import re

from .metadata import parse_date

# Never article text: code, styling, navigation, embedded documents, controls.
SKIP = {
    "script", "style", "noscript", "template", "svg", "math", "nav", "footer", "form", "iframe", "head",
    "object", "embed", "canvas", "select", "button", "textarea", "title",
}
BLOCK = {
    "p", "div", "section", "article", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
    "blockquote", "figcaption", "figure", "header", "br", "tr", "table", "pre", "aside", "main",
}
META_FIELDS = {
    "og:site_name": "outlet",
    "article:published_time": "published",
    "og:url": "url",
    "og:title": "headline",
    "date": "published",
    "pubdate": "published",
}


@dataclass
class Page:
    text: str
    metadata: dict = field(default_factory=dict)


class _Extractor(HTMLParser):
    """Collects the text outside SKIP elements. Open SKIP elements are kept
    on a stack, so a stray or missing end tag cannot hide the rest of the
    page (`<head>` left open is closed by `<body>`, as browsers do)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.skipping = []  # open SKIP elements, innermost last
        self.in_title = False
        self.title = []
        self.metadata = {}

    def handle_starttag(self, tag, attrs):
        attrs = {k: v for k, v in attrs if v is not None}
        if tag == "meta":
            key = (attrs.get("property") or attrs.get("name") or "").lower()
            if key in META_FIELDS and attrs.get("content", "").strip():
                self.metadata.setdefault(META_FIELDS[key], attrs["content"].strip())
            return
        if tag == "link" and (attrs.get("rel") or "").lower() == "canonical" and attrs.get("href", "").strip():
            self.metadata.setdefault("url", attrs["href"].strip())
        if tag == "time" and attrs.get("datetime", "").strip():
            self.metadata.setdefault("published", attrs["datetime"].strip())
        if tag == "body" and "head" in self.skipping:
            del self.skipping[self.skipping.index("head"):]
        if tag == "title":
            self.in_title = True
        if tag in SKIP:
            self.skipping.append(tag)
        elif tag in BLOCK:
            self.parts.append("\n")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag in SKIP:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False
        if tag in SKIP:
            if tag in self.skipping:  # close it and anything left open inside it
                last = len(self.skipping) - 1 - self.skipping[::-1].index(tag)
                del self.skipping[last:]
        elif tag in BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if self.in_title:
            self.title.append(data)
        if not self.skipping:
            self.parts.append(data)


_NAMELESS_SECTION = re.compile(r"<!\[(?![A-Za-z])")


def html_to_text(html: str) -> Page:

    parser = _Extractor()
    # html.parser asserts on a marked section with no name ("<![ "): such
    # debris is text
    parser.feed(_NAMELESS_SECTION.sub("&lt;![", html))
    parser.close()
    text = "".join(parser.parts)
    # Collapse the markup's whitespace: one blank line between blocks.
    lines = [re.sub(r"[ \t\r\f\v\u00a0]+", " ", line).strip() for line in text.split("\n")]
    paragraphs, current = [], []
    for line in lines:
        if line:
            current.append(line)
        elif current:
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    metadata = dict(parser.metadata)
    if "headline" not in metadata and parser.title:
        metadata["headline"] = " ".join("".join(parser.title).split())
    if "published" in metadata:
        metadata["published"] = parse_date(metadata["published"][:10])
    return Page(text="\n\n".join(paragraphs), metadata=metadata)
