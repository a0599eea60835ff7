"""What a cached response shows, as tags, and how a change drops exactly those responses.

While a response is rendered, every model instance loaded from the database adds a tag
(`record_instance`, through Django's `post_init`): pages and translatable snippets by their
translation key, so a change in German also drops the translations that show it ("Die
deutsche Fassung ist neuer"), other records by primary key. Listings add what cannot be seen
from loaded rows – a page that is not there yet – with `depends_on_children`,
`depends_on_descendants` and `depends_on_model`.

A change bumps the version of its tags (`invalidate`); a cached response remembers the
versions it was made with and is a miss as soon as one differs. No key lists to maintain,
any cache backend works (Redis shared by all workers, local memory otherwise), and a
dropped version key only causes a miss, never a stale page.
"""

import uuid
from contextvars import ContextVar

from django.core.cache import caches
from django.db import transaction

TAG_PREFIX = "pagecache:tag:"
# Counts the changes: a response rendered while one happened is not stored (it may show the
# record as it was before).
GENERATION_KEY = "pagecache:generation"
# The cache alias of stored pages and tag versions (settings.CACHES).
CACHE_ALIAS = "pagecache"
# Responses that list pages of any kind and cannot say which (API listings, "mentioned on").
ANY_PAGE = "any-page"
_collected = ContextVar("pagecache_tags", default=None)

# Records loaded for every request that say nothing about what a page shows.
IGNORED_MODELS = {
    "contenttypes.contenttype",
    "sessions.session",
    "wagtailcore.locale",
    "wagtailcore.revision",
    "wagtailcore.site",
    "auth.user",
    "auth.group",
    "auth.permission",
    "search.searchterm",
}


def model_label(model):
    return model._meta.label_lower


def instance_tags(instance):
    """The tags of one record: its primary key, and its translation key where it has one
    (a page or translatable snippet in every language). Rows loaded with `.only()` without
    the translation key are still tagged by primary key."""
    from wagtail.models import Page

    label = "page" if isinstance(instance, Page) else model_label(instance._meta.concrete_model)
    tags = {f"{label}-pk:{instance.pk}"}
    key = instance.__dict__.get("translation_key")
    if key:
        tags.add(f"{label}:{key}")
    return tags


def children_tag(page):
    return f"children:{page.translation_key}"


def descendants_tag(page):
    return f"descendants:{page.translation_key}"


def model_tag(model):
    return f"model:{model_label(model._meta.concrete_model)}"


# -- collecting while a response is rendered ------------------------------------------------


def start_collecting():
    return _collected.set(set())


def stop_collecting(token):
    tags = _collected.get()
    _collected.reset(token)
    return tags or set()


def depends_on(*tags):
    collected = _collected.get()
    if collected is not None:
        collected.update(tags)


def depends_on_children(page):
    depends_on(children_tag(page))


def depends_on_descendants(page):
    depends_on(descendants_tag(page))


def depends_on_model(model):
    depends_on(model_tag(model))


def record_instance(sender, instance, **kwargs):
    """post_init: tag the response being rendered with the record just loaded."""
    collected = _collected.get()
    if collected is None or instance.pk is None:
        return
    if model_label(sender._meta.concrete_model) in IGNORED_MODELS:
        return
    collected.update(instance_tags(instance))


# -- versions -------------------------------------------------------------------------------


def page_cache():
    """The cache that holds stored pages and tag versions (its own alias: see settings)."""
    return caches[CACHE_ALIAS]


def redis_client(store):
    """Django's RedisCache makes a new client (and its table of reply callbacks) for every
    call, which cost more than the lookups of a cache hit: one client per cache instance
    (per thread) is enough. None for other backends."""
    from django.core.cache.backends.redis import RedisCache

    if not isinstance(store, RedisCache):
        return None
    client = store.__dict__.get("_pagecache_client")
    if client is None:
        client = store.__dict__["_pagecache_client"] = store._cache.get_client(write=True)
    return client


def read_entry(key):
    """A stored response (a dict), or None."""
    store = page_cache()
    client = redis_client(store)
    if client is None:
        return store.get(key)
    value = client.get(store.make_key(key))
    return None if value is None else store._cache._serializer.loads(value)


def _get_versions(keys):
    """{key: version or None}; versions are plain strings (raw in Redis, no pickling)."""
    store = page_cache()
    client = redis_client(store)
    if client is None:
        found = store.get_many(keys)
        return {key: found.get(key) for key in keys}
    values = client.mget([store.make_key(key) for key in keys])
    return {key: value.decode() if value else None for key, value in zip(keys, values, strict=True)}


def _set_versions(versions):
    store = page_cache()
    client = redis_client(store)
    if client is None:
        store.set_many(versions, timeout=None)
    else:
        client.mset({store.make_key(key): value for key, value in versions.items()})


def current_versions(tags):
    keys = {TAG_PREFIX + tag: tag for tag in tags}
    found = _get_versions(list(keys))
    return {tag: found[key] for key, tag in keys.items()}


def versions_for_storing(tags):
    """The current version of every tag, creating those that have none yet."""
    versions = current_versions(tags)
    missing = {
        TAG_PREFIX + tag: uuid.uuid4().hex for tag, version in versions.items() if not version
    }
    if missing:
        _set_versions(missing)
        versions.update({key[len(TAG_PREFIX) :]: value for key, value in missing.items()})
    return versions


def is_current(stored_versions):
    current = current_versions(stored_versions)
    return all(current[tag] == version for tag, version in stored_versions.items())


def generation():
    """The number of changes so far (0 when unknown)."""
    store = page_cache()
    client = redis_client(store)
    if client is None:
        return store.get(GENERATION_KEY, 0)
    return int(client.get(store.make_key(GENERATION_KEY)) or 0)


def _count_change():
    store = page_cache()
    client = redis_client(store)
    if client is not None:
        client.incr(store.make_key(GENERATION_KEY))
        return
    try:
        store.incr(GENERATION_KEY)
    except ValueError:
        store.set(GENERATION_KEY, 1, timeout=None)


def _bump(tags):
    from pagecache import files

    _set_versions({TAG_PREFIX + tag: uuid.uuid4().hex for tag in tags})
    _count_change()
    files.drop(tags)  # after the versions: see pagecache/files.py


def invalidate(*tags):
    """Drop every cached response that shows one of these tags: now, and once more when the
    change is committed – a reader's request between the two may have read the data as it was
    before the transaction and stored it as current."""
    if not tags:
        return
    _bump(tags)
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(lambda: _bump(tags))
