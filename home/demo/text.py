"""Multilingual demo text and the StreamField values built from it."""

import html
import uuid
from dataclasses import asdict, dataclass, field, fields


@dataclass(frozen=True)
class T:
    """One demo text in German with its English and Arabic translations.

    A few key texts also carry Persian, Turkish or Ukrainian: the demo translates only some
    pages into those languages, as an office does that starts with what newcomers need most.
    """

    de: str
    en: str = ""
    ar: str = ""
    fa: str = ""
    tr: str = ""
    uk: str = ""

    def format(self, **values):
        return T(**{code: text.format(**values) for code, text in asdict(self).items()})

    def get(self, language_code):
        return getattr(self, language_code, "") or ""

    @classmethod
    def same(cls, text):
        """A name or number that stays as it is in every language; translators copy it."""
        return cls(**{item.name: text for item in fields(cls)})

    def languages(self):
        """The codes of the languages this text is translated into."""
        return [code for code, text in asdict(self).items() if text and code != "de"]


@dataclass
class Glossary:
    """Collects every T used for one page so its segments can be translated by source text."""

    texts: list = field(default_factory=list)

    def add(self, text):
        if isinstance(text, T):
            self.texts.append(text)
            return text.de
        return text

    def translations(self, language_code):
        mapping = {}
        for text in self.texts:
            target = text.get(language_code)
            if target:
                # Segments hold HTML-escaped text for rich text and plain text for char fields.
                mapping[text.de] = target
                mapping[html.escape(text.de, quote=False)] = html.escape(target, quote=False)
        return mapping


def _id():
    return str(uuid.uuid4())


class StreamBuilder:
    """Builds raw StreamField data for the shared BodyBlock from demo texts."""

    def __init__(self, glossary):
        self.glossary = glossary
        self.blocks = []

    def _t(self, text):
        return self.glossary.add(text)

    def _rich(self, *paragraphs):
        return "".join(f"<p>{html.escape(self._t(p), quote=False)}</p>" for p in paragraphs)

    def heading(self, text, level="h2"):
        self.blocks.append(
            {"type": "heading", "value": {"text": self._t(text), "level": level}, "id": _id()}
        )
        return self

    def paragraph(self, *paragraphs):
        self.blocks.append({"type": "paragraph", "value": self._rich(*paragraphs), "id": _id()})
        return self

    def bullets(self, *items):
        lis = "".join(f"<li>{html.escape(self._t(item), quote=False)}</li>" for item in items)
        self.blocks.append({"type": "paragraph", "value": f"<ul>{lis}</ul>", "id": _id()})
        return self

    def info_box(self, heading, *paragraphs, kind="info"):
        value = {"kind": kind, "heading": self._t(heading), "text": self._rich(*paragraphs)}
        self.blocks.append({"type": "info_box", "value": value, "id": _id()})
        return self

    def quote(self, text, attribution):
        value = {"text": self._t(text), "attribution": self._t(attribution)}
        self.blocks.append({"type": "quote", "value": value, "id": _id()})
        return self

    def table(self, caption, rows, header=True):
        value = {
            "table_caption": self._t(caption),
            "first_row_is_table_header": header,
            "first_col_is_header": False,
            "data": [[self._t(cell) for cell in row] for row in rows],
        }
        self.blocks.append({"type": "table", "value": value, "id": _id()})
        return self

    def accordion(self, heading, items):
        value = {
            "heading": self._t(heading),
            "items": [
                {
                    "type": "item",
                    "value": {"question": self._t(q), "answer": self._rich(a)},
                    "id": _id(),
                }
                for q, a in items
            ],
        }
        self.blocks.append({"type": "accordion", "value": value, "id": _id()})
        return self

    def link_list(self, heading, links):
        value = {
            "heading": self._t(heading),
            "links": [
                {
                    "type": "link",
                    "value": {"text": self._t(text), "page": page_id, "url": url},
                    "id": _id(),
                }
                for text, page_id, url in links
            ],
        }
        self.blocks.append({"type": "link_list", "value": value, "id": _id()})
        return self

    def document(self, document_id, title):
        value = {"document": document_id, "title": self._t(title)}
        self.blocks.append({"type": "document", "value": value, "id": _id()})
        return self

    def image(self, image_id, alt_text, caption="", credit=""):
        value = {
            "image": image_id,
            "alt_text": self._t(alt_text),
            "caption": self._t(caption),
            "credit": self._t(credit),
        }
        self.blocks.append({"type": "image", "value": value, "id": _id()})
        return self
