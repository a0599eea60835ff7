"""Excerpts with the reader's words marked: escaped text, `<mark>` added by us only."""

import re

from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe

from search.query import fold

EXCERPT_LENGTH = 240
_WORD = re.compile(r"[^\W_]+")


def _matches(word, prefixes):
    folded = fold(word)
    return any(folded.startswith(prefix) for prefix in prefixes)


def highlight(text, prefixes):
    """The text, HTML-escaped, with every word that begins with one of the prefixes marked."""
    if not text:
        return ""
    parts = []
    position = 0
    for match in _WORD.finditer(text):
        if _matches(match.group(), prefixes):
            parts.append(escape(text[position : match.start()]))
            parts.append(f"<mark>{escape(match.group())}</mark>")
            position = match.end()
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))  # noqa: S308 – every piece of text is escaped above


_BLOCK_TAG = re.compile(
    r"<(?:/?(?:p|li|ul|ol|h[1-6]|div|blockquote|tr|td|th|table|dd|dt)\b[^>]*|br\s*/?)>", re.I
)


def plain_text(text):
    """Text of an HTML fragment, on one line; block ends become spaces."""
    return " ".join(strip_tags(_BLOCK_TAG.sub(" ", text or "")).split())


def excerpt(text, prefixes, length=EXCERPT_LENGTH):
    """About `length` characters of the text around the first matching word, highlighted."""
    text = plain_text(text)
    if not text:
        return ""
    start = 0
    for match in _WORD.finditer(text):
        if _matches(match.group(), prefixes):
            start = max(0, match.start() - length // 3)
            break
    if start:
        # Begin at a word boundary.
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < start + 30 else start
    end = start + length
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    snippet = text[start:end]
    prefix = "… " if start else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(f"{prefix}{highlight(snippet, prefixes)}{suffix}")  # noqa: S308


def stream_text(value, limit=4000):
    """Readable text of a StreamField value from its stored data, without rendering it (no
    queries): strings that contain a space, i.e. sentences rather than ids, URLs or choices."""
    raw = getattr(value, "raw_data", value)
    found = []
    size = 0

    def walk(node):
        nonlocal size
        if size > limit:
            return
        if isinstance(node, str):
            if " " in node.strip():
                text = plain_text(node)
                found.append(text)
                size += len(text)
        elif isinstance(node, dict):
            for key, item in node.items():
                if key not in {"id", "type"}:
                    walk(item)
        elif isinstance(node, (list, tuple)):
            for item in node:
                walk(item)
        elif hasattr(node, "raw_data"):
            walk(node.raw_data)

    walk(list(raw) if raw is not None else [])
    return " ".join(found)
