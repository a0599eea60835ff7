"""What a reader types, as the search understands it."""

import pytest

from search.query import SearchText, german_variants


@pytest.mark.parametrize(
    ("word", "variants"),
    [
        ("Sprachkurse", ["sprachkurse", "sprachkurs"]),
        ("Sprachkurs", ["sprachkurs", "sprachkur", "sprachkurse"]),
        ("Wohnungen", ["wohnungen", "wohnung", "wohnungene"]),
        ("Amt", ["amt"]),
    ],
)
def test_german_words_also_ask_for_their_plural_forms(word, variants):
    assert german_variants(word) == variants


def test_other_languages_are_searched_exactly():
    assert SearchText("Courses", language="en").variants("Courses") == ["courses"]
    assert SearchText("دورات", language="ar").variants("دورات") == ["دورات"]


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ('"Sprach kurs" AND -x', ["Sprach", "kurs", "AND", "x"]),
        ("'; DROP TABLE x; --", ["DROP", "TABLE", "x"]),
        ("<script>alert(1)</script>", ["script", "alert", "1", "script"]),
        ("🙂 Wohnung 🏠", ["Wohnung"]),
        ("دُورَات اللغة", ["دورات", "اللغة"]),  # vowel signs do not split words
        ("snake_case", ["snake", "case"]),
        ("a\x00b", ["a", "b"]),
        ("   ", []),
    ],
)
def test_only_words_reach_the_backend(text, terms):
    assert SearchText(text).terms == terms


def test_long_input_is_cut_and_says_so():
    text = SearchText("Wohnung " * 100)
    assert text.truncated and len(text.text) <= 200 and len(text.terms) == 10
    assert not SearchText("Wohnung").truncated


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("2.5", (2, 5)),
        ("2,5", (2, 5)),
        (" 12 . 3 ", (12, 3)),
        ("Maßnahme 2.5", (2, 5)),
        ("maßnahme 2.5", (2, 5)),
        ("Massnahme 2.5", (2, 5)),
        ("Measure 1.7", (1, 7)),
        ("٢٫٥", (2, 5)),
        ("۲.۵", (2, 5)),
        ("Wohnung 2.5", None),
        ("2.5.1", None),
        ("2", None),
        ("Sprachkurs", None),
    ],
)
def test_measure_numbers(text, number):
    assert SearchText(text).measure_number() == number


def test_highlighting_marks_word_beginnings_without_umlaut_differences():
    from search.highlight import excerpt, highlight

    text = SearchText("Anträge", language="de")
    assert (
        highlight("Zum Antrag & mehr", text.highlight_prefixes)
        == "Zum <mark>Antrag</mark> &amp; mehr"
    )
    long_text = "Vorne. " * 80 + "Hier steht der Antrag <b>fett</b>." + " Hinten." * 80
    result = excerpt(long_text, text.highlight_prefixes)
    assert result.startswith("… ") and result.endswith(" …")
    assert "<mark>Antrag</mark> fett." in result
    assert len(result) < 300
