"""Pull an article's text and metadata out of an HTML page.

The standard library's HTMLParser is enough: we need the readable text in
block order (scripts, styles and navigation dropped) plus a few meta tags.
"""
from dataclasses import dataclass, field
from html.parser import HTMLParser
import re

SKIP = {"script", "style", "noscript", "template", "svg", "nav", "footer", "form", "iframe", "head"}
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
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.skip_depth = 0
        self.in_title = False
        self.title = []
        self.metadata = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta":
            key = (attrs.get("property") or attrs.get("name") or "").lower()
            if key in META_FIELDS and attrs.get("content"):
                self.metadata.setdefault(META_FIELDS[key], attrs["content"].strip())
            return
        if tag == "link" and (attrs.get("rel") or "").lower() == "canonical" and attrs.get("href"):
            self.metadata.setdefault("url", attrs["href"].strip())
        if tag == "time" and attrs.get("datetime"):
            self.metadata.setdefault("published", attrs["datetime"].strip())
        if tag == "title":
            self.in_title = True
        if tag in SKIP:
            self.skip_depth += 1
        elif tag in BLOCK:
            self.parts.append("\n")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag in SKIP:
            self.skip_depth -= 1

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False
        if tag in SKIP:
            self.skip_depth = max(0, self.skip_depth - 1)
        elif tag in BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if self.in_title:
            self.title.append(data)
        if not self.skip_depth:
            self.parts.append(data)


def html_to_text(html: str) -> Page:
    from .articles import parse_date  # late import: articles imports this module

    parser = _Extractor()
    parser.feed(html)
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
