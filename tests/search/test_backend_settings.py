"""SEARCH_BACKEND: the database by default, Elasticsearch/OpenSearch by environment."""

import pytest

from config.search_backend import search_backend


def test_database_backend_by_default_with_german_on_postgresql():
    assert search_backend({}, "django.db.backends.sqlite3") == {
        "BACKEND": "wagtail.search.backends.database"
    }
    assert search_backend({}, "django.db.backends.postgresql") == {
        "BACKEND": "wagtail.search.backends.database",
        "SEARCH_CONFIG": "german",
    }


@pytest.mark.parametrize("name", ["opensearch2", "opensearch3", "elasticsearch8", "elasticsearch9"])
def test_opensearch_and_elasticsearch_from_the_environment(name):
    backend = search_backend(
        {
            "SEARCH_BACKEND": name,
            "SEARCH_URL": "https://search.example.org:9200",
            "SEARCH_INDEX": "lk",
        },
        "django.db.backends.postgresql",
    )
    assert backend["BACKEND"] == f"wagtail.search.backends.{name}"
    assert backend["URLS"] == ["https://search.example.org:9200"]
    assert backend["INDEX"] == "lk"
    analyzer = backend["INDEX_SETTINGS"]["settings"]["analysis"]["analyzer"]["default"]
    assert analyzer == {"type": "german"}


def test_a_wrong_backend_or_a_missing_url_stops_the_start_with_a_message():
    with pytest.raises(ValueError, match="not one of"):
        search_backend({"SEARCH_BACKEND": "solr"}, "")
    with pytest.raises(ValueError, match="needs SEARCH_URL"):
        search_backend({"SEARCH_BACKEND": "opensearch2"}, "")


def test_the_settings_use_the_environment(monkeypatch):
    import importlib

    from config.settings import base

    monkeypatch.setenv("SEARCH_BACKEND", "opensearch2")
    monkeypatch.setenv("SEARCH_URL", "http://localhost:9200")
    try:
        reloaded = importlib.reload(base)
        assert reloaded.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] == (
            "wagtail.search.backends.opensearch2"
        )
    finally:
        monkeypatch.undo()
        importlib.reload(base)
