"""German stemming on PostgreSQL: inflected forms find each other; other scripts exactly."""

import pytest

from home.factories import StandardPageFactory, translate_page
from tests.search.conftest import requires_postgres, search, titles

pytestmark = [pytest.mark.django_db, requires_postgres]


@pytest.fixture
def pages(home):
    return {
        "kurs": StandardPageFactory(
            parent=home, title="Der Sprachkurs am Abend", intro="Ein Angebot."
        ),
        "kurse": StandardPageFactory(
            parent=home, title="Weitere Sprachkursen-Angebote", intro="Mit Sprachkursen für Eltern."
        ),
        "antrag": StandardPageFactory(parent=home, title="Hilfe beim Antrag", intro="Formulare."),
        "wohnung": StandardPageFactory(parent=home, title="Eine Wohnung finden", intro="Tipps."),
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Sprachkurse", {"Der Sprachkurs am Abend", "Weitere Sprachkursen-Angebote"}),
        ("Sprachkurs", {"Der Sprachkurs am Abend", "Weitere Sprachkursen-Angebote"}),
        ("Anträge", {"Hilfe beim Antrag"}),
        ("Wohnungen", {"Eine Wohnung finden"}),
    ],
)
def test_inflected_german_forms_match(client, pages, query, expected):
    assert set(titles(search(client, query))) == expected


def test_arabic_and_cyrillic_words_match_exactly(client, pages):
    arabic = translate_page(pages["wohnung"], "ar")
    arabic.title = "العثور على شقة"
    arabic.save_revision().publish()
    ukrainian = translate_page(pages["wohnung"], "uk")
    ukrainian.title = "Знайти квартиру"
    ukrainian.save_revision().publish()

    assert titles(search(client, "شقة", language="ar")) == ["العثور على شقة"]
    assert titles(search(client, "квартиру", language="uk")) == ["Знайти квартиру"]
    assert titles(search(client, "شقة", language="uk")) == []
