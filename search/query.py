"""What a reader typed, made safe for every search backend.

Readers type anything: quotes, "AND", SQL, HTML, emoji, Arabic mixed with Latin. None of it
reaches a backend as syntax: the text is cut to words (letters and digits of any script),
and the backend gets Wagtail query objects built from those words. Phrase search and
operators are therefore not offered; every word has to match (else, any word).

German stemming happens in the backend (PostgreSQL's `german` configuration, or the
analyser of Elasticsearch/OpenSearch). The Snowball stemmer is inconsistent for some
German plurals: "Sprachkurs" becomes `sprachkur`, "Sprachkurse" and "Sprachkursen"
`sprachkurs`. So each German word also asks for its form without a plural ending and with
an "-e" added; both go through the same stemmer as the indexed text, so exact words always
match, in every language.
"""

import re
import unicodedata
from dataclasses import dataclass, field

from django.utils.translation import gettext

from wagtail.search.query import And, Or, PlainText

MAX_QUERY_LENGTH = 200
MAX_TERMS = 10
# Plural and case endings of German nouns, longest first; one is removed at most.
GERMAN_ENDINGS = ("nen", "en", "er", "es", "e", "n", "s")
MIN_STEM_LENGTH = 4

_WORD = re.compile(r"[^\W_]+")
_MEASURE_NUMBER = re.compile(
    r"^(?:(?P<word>[^\d\s]+)\s*)?(?P<chapter>\d{1,2})\s*[.,]\s*(?P<number>\d{1,3})$"
)
# Words that may precede a measure number, besides "Maßnahme" in the reader's language.
MEASURE_WORDS = {"maßnahme", "massnahme", "maßn", "measure", "m", "nr", "no"}


def fold(text):
    """Lower case without umlauts and accents: how highlighting compares words."""
    text = text.casefold().replace("ß", "ss")
    return "".join(
        char for char in unicodedata.normalize("NFKD", text) if not unicodedata.combining(char)
    )


def normalise_digits(text):
    """Arabic-Indic and Persian digits as 0–9 ("٢٫٥" → "2.5")."""
    result = []
    for char in text:
        if char.isdigit():
            result.append(str(unicodedata.digit(char, char)))
        elif char == "٫":  # Arabic decimal separator
            result.append(".")
        else:
            result.append(char)
    return "".join(result)


def german_variants(word):
    """The word, without one plural/case ending, and with "-e": see the module docstring."""
    lower = word.lower()
    variants = [lower]
    for ending in GERMAN_ENDINGS:
        if lower.endswith(ending) and len(lower) - len(ending) >= MIN_STEM_LENGTH:
            variants.append(lower[: -len(ending)])
            break
    if len(lower) >= MIN_STEM_LENGTH and not lower.endswith("e"):
        variants.append(lower + "e")
    return list(dict.fromkeys(variants))


@dataclass
class SearchText:
    """The reader's input, cleaned: what is shown back, searched and recorded."""

    raw: str
    language: str = "de"
    text: str = ""
    terms: list = field(default_factory=list)
    truncated: bool = False

    def __post_init__(self):
        # Control characters out, whitespace collapsed, length capped.
        cleaned = "".join(
            " " if unicodedata.category(char)[0] in "CZ" else char for char in self.raw or ""
        )
        cleaned = " ".join(cleaned.split())
        if len(cleaned) > MAX_QUERY_LENGTH:
            cleaned = cleaned[:MAX_QUERY_LENGTH].rsplit(" ", 1)[0] or cleaned[:MAX_QUERY_LENGTH]
            self.truncated = True
        self.text = cleaned
        # Combining marks (Arabic vowel signs) would split words; they are dropped.
        letters = "".join(
            char
            for char in unicodedata.normalize("NFC", cleaned)
            if unicodedata.category(char) != "Mn"
        )
        terms = _WORD.findall(letters)
        if len(terms) > MAX_TERMS:
            terms = terms[:MAX_TERMS]
            self.truncated = True
        self.terms = terms

    def __bool__(self):
        return bool(self.terms)

    @property
    def is_german(self):
        return self.language.split("-")[0] == "de"

    def variants(self, term):
        return german_variants(term) if self.is_german else [term.lower()]

    def backend_query(self, operator="and"):
        """Wagtail query objects: every word (or any word), each in its variants."""
        parts = [Or([PlainText(variant) for variant in self.variants(term)]) for term in self.terms]
        if len(parts) == 1:
            return parts[0]
        return And(parts) if operator == "and" else Or(parts)

    @property
    def highlight_prefixes(self):
        """Folded word beginnings to mark in excerpts: the shortest variant of each word."""
        prefixes = set()
        for term in self.terms:
            shortest = min(self.variants(term), key=len)
            if len(shortest) >= 2:
                prefixes.add(fold(shortest))
        return sorted(prefixes, key=len, reverse=True)

    @property
    def recorded_term(self):
        """How the search is counted in the report: lower case, words only, 100 characters."""
        return " ".join(term.lower() for term in self.terms)[:100]

    def measure_number(self):
        """(chapter, number) when the reader typed a measure number: "2.5", "Maßnahme 2.5"."""
        match = _MEASURE_NUMBER.match(normalise_digits(self.text).strip())
        if not match:
            return None
        word = match.group("word")
        if word:
            allowed = MEASURE_WORDS | {gettext("Maßnahme").casefold()}
            if word.casefold().rstrip(".:") not in allowed:
                return None
        return int(match.group("chapter")), int(match.group("number"))
