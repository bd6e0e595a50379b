"""Reading server-rendered pages as a visitor's browser or a search engine would."""

from html.parser import HTMLParser


class Document(HTMLParser):
    """The parts of a page the tests look at: tags with their attributes, and the visible text."""

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.elements = []
        self.text_parts = []
        self._skip = 0
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        if tag in ("script", "style"):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.text_parts.append(data)

    @property
    def text(self):
        return " ".join(" ".join(self.text_parts).split())

    def find_all(self, tag, **attrs):
        return [
            found
            for name, found in self.elements
            if name == tag
            and all(found.get(key.rstrip("_")) == value for key, value in attrs.items())
        ]

    def find(self, tag, **attrs):
        matches = self.find_all(tag, **attrs)
        return matches[0] if matches else None

    def meta(self, key):
        element = self.find("meta", property=key) or self.find("meta", name=key)
        return element.get("content") if element else None


def parse(response):
    return Document(response.content.decode())
