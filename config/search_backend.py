"""Which search backend the site uses, from the environment.

    SEARCH_BACKEND=database          (default) Wagtail's database backend: PostgreSQL full-text
                                     search with the German configuration, SQLite FTS5 locally
    SEARCH_BACKEND=opensearch2|opensearch3|elasticsearch8|elasticsearch9
    SEARCH_URL=https://user:password@search.example.org:9200
    SEARCH_INDEX=integrationsportal  (index name prefix, one per installation)

An index holds one text-search configuration (wagtail#9253): the source language German
stems, other scripts (Arabic, Persian, Cyrillic) pass the German stemmer unchanged and match
exactly; the query side adds German plural variants (see search/query.py). On
Elasticsearch/OpenSearch the index's default analyser is "german" for the same reason.
"""

BACKENDS = {
    "database": "wagtail.search.backends.database",
    "elasticsearch8": "wagtail.search.backends.elasticsearch8",
    "elasticsearch9": "wagtail.search.backends.elasticsearch9",
    "opensearch2": "wagtail.search.backends.opensearch2",
    "opensearch3": "wagtail.search.backends.opensearch3",
}
# The PostgreSQL text-search configuration for the whole index.
POSTGRES_SEARCH_CONFIG = "german"


def search_backend(environ, database_engine):
    """The WAGTAILSEARCH_BACKENDS["default"] entry for these environment variables."""
    name = environ.get("SEARCH_BACKEND", "database").strip().lower() or "database"
    if name not in BACKENDS:
        raise ValueError(f"SEARCH_BACKEND={name!r} is not one of {', '.join(sorted(BACKENDS))}.")
    if name == "database":
        backend = {"BACKEND": BACKENDS[name]}
        if "postgresql" in database_engine:
            backend["SEARCH_CONFIG"] = POSTGRES_SEARCH_CONFIG
        return backend
    url = environ.get("SEARCH_URL", "").strip()
    if not url:
        raise ValueError(
            f"SEARCH_BACKEND={name} needs SEARCH_URL (for example http://localhost:9200)."
        )
    return {
        "BACKEND": BACKENDS[name],
        "URLS": [url],
        "INDEX": environ.get("SEARCH_INDEX", "integrationsportal"),
        "TIMEOUT": int(environ.get("SEARCH_TIMEOUT", "5")),
        "OPTIONS": {},
        "INDEX_SETTINGS": {"settings": {"analysis": {"analyzer": {"default": {"type": "german"}}}}},
    }
