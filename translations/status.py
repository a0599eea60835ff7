"""Translation status of German pages and snippets per reader language: derived, never stored.

The status of a translation is read from what wagtail-localize and Wagtail already record —
the frozen German content a translation was made from (``TranslationSource``), each saved
translation (``TranslationLog``), the translated strings (``StringTranslation``) and the pages'
publication fields — so it can never disagree with them (Integreat #1887: a stored flag
drifted after draft saves and page moves).

Only three events move a translation out of "up to date":

* the German page is **published** after the translation was last saved from its source
  (a German draft, a move or a translation in another language changes nothing here);
* the German source is **synchronised** ("Übersetzungen aktualisieren", ``update_from_db``)
  after the translation was last saved, or the current source has strings that have no
  translation in that language yet;
* for snippets, which have neither revisions nor a publication date, the German snippet's
  translated and synchronised fields **differ** from the content frozen in the source.

A page translation whose synced translation was stopped in wagtail-localize (edited by hand
since), or that was made without wagtail-localize, is up to date while its own last
publication is later than the German one.
"""

import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import Count, Exists, F, Max, OuterRef, Subquery
from django.utils.translation import gettext_lazy as _

from modelcluster.models import get_field_value, get_serializable_data_for_fields
from wagtail.models import DraftStateMixin, Locale, Page
from wagtail_localize.fields import get_translatable_fields
from wagtail_localize.models import (
    StringSegment,
    Translation,
    TranslationLog,
    TranslationSource,
)


class Status(models.TextChoices):
    """The state of one object in one language, in order of priority (first wins)."""

    MISSING = "missing", _("fehlt")
    IN_PROGRESS = "in_progress", _("in Arbeit")
    OUTDATED = "outdated", _("veraltet")
    MACHINE = "machine", _("maschinell, ungeprüft")
    UP_TO_DATE = "up_to_date", _("aktuell")


@dataclass(frozen=True)
class TranslationState:
    """The status of one German page or snippet in one target language."""

    source: object  # the German page or snippet
    locale: Locale
    status: str
    translation_id: object = None  # primary key of the translated page or snippet
    translation_source_id: int | None = None  # wagtail-localize TranslationSource
    last_synced_at: datetime | None = None  # last save of this translation from the source

    @property
    def status_label(self):
        return Status(self.status).label


def source_locale():
    """The locale translations are made from (German)."""
    return Locale.objects.get(language_code=settings.LANGUAGE_CODE)


def target_locales(language_codes=None):
    """The reader languages other than German, in the order of ``settings.LANGUAGES``."""
    order = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
    if language_codes is not None:
        order = [code for code in order if code in set(language_codes)]
    locales = {
        locale.language_code: locale for locale in Locale.objects.filter(language_code__in=order)
    }
    return [locales[code] for code in order if code in locales]


def translation_states(objects, locales=None, german=None):
    """The status of each German object in each target locale, in a fixed number of queries.

    ``objects`` are German pages (plain ``Page`` rows are enough; they need ``last_published_at``)
    and snippets; objects in other locales are skipped (they have no German source). Snippets
    that are ClusterableModels should come with their child relations prefetched
    (``snippet_queryset``), since their content is compared field by field.
    Returns one ``TranslationState`` per object and locale, objects first, then locales.
    """
    german = german or source_locale()
    locales = target_locales() if locales is None else list(locales)
    objects = [obj for obj in objects if obj.locale_id == german.id]
    if not objects or not locales:
        return []
    locale_ids = [locale.id for locale in locales]
    keys = {obj.translation_key for obj in objects}

    sources = {
        source.object_id: source
        for source in TranslationSource.objects.filter(
            object_id__in=keys, locale_id=german.id
        ).only("id", "object_id", "last_updated_at")
    }
    source_ids = [source.id for source in sources.values()]
    snippet_keys = {obj.translation_key for obj in objects if not isinstance(obj, Page)}
    frozen = _frozen_snippet_content(sources, snippet_keys)
    last_logs = _last_logs(source_ids, locale_ids)
    manual = _stopped_translations(source_ids, locale_ids)
    totals, translated, machine = _segment_counts(source_ids, locale_ids)
    targets = _targets(objects, locale_ids)

    states = []
    for obj in objects:
        source = sources.get(obj.translation_key)
        changed = (
            obj.translation_key in snippet_keys
            and source is not None
            and _snippet_changed(obj, frozen.get(source.id))
        )
        for locale in locales:
            target = targets.get((obj.translation_key, locale.id))
            last_log = last_logs.get((source.id, locale.id)) if source else None
            status = _status(
                obj,
                target,
                source,
                last_log,
                manual=source is not None and (source.id, locale.id) in manual,
                changed=changed,
                untranslated=source is not None
                and translated.get((source.id, locale.id), 0) < totals.get(source.id, 0),
                machine=source is not None and machine.get((source.id, locale.id), 0) > 0,
            )
            states.append(
                TranslationState(
                    source=obj,
                    locale=locale,
                    status=status,
                    translation_id=target["pk"] if target else None,
                    translation_source_id=source.id if source else None,
                    last_synced_at=last_log,
                )
            )
    return states


def summarise(states):
    """Counts per status, every status present (in priority order)."""
    counts = dict.fromkeys(Status.values, 0)
    for state in states:
        counts[state.status] += 1
    return counts


def _status(obj, target, source, last_log, *, manual, changed, untranslated, machine):
    if target is None or target.get("alias_of_id"):
        # An alias shows the German content under the other language's address.
        return Status.MISSING
    if "live" in target and (not target["live"] or target["has_unpublished_changes"]):
        return Status.IN_PROGRESS
    published = getattr(obj, "last_published_at", None) if isinstance(obj, Page) else None
    if source is None or manual:
        # Translated without wagtail-localize, or its synced translation was stopped and the
        # page is now edited by hand: its own publication is when it was last brought in line.
        synced = _latest(last_log, target.get("last_published_at"))
        outdated = published is not None and synced is not None and published > synced
        outdated = outdated or changed
        return Status.OUTDATED if outdated else Status.UP_TO_DATE
    synced = last_log or source.last_updated_at
    outdated = (
        (published is not None and published > synced)
        or (last_log is not None and source.last_updated_at > last_log)
        or untranslated
        or changed
    )
    if outdated:
        return Status.OUTDATED
    if machine:
        return Status.MACHINE
    return Status.UP_TO_DATE


def _latest(*moments):
    moments = [moment for moment in moments if moment is not None]
    return max(moments) if moments else None


def _stopped_translations(source_ids, locale_ids):
    """(source id, locale id) of translations whose sync was stopped in wagtail-localize."""
    if not source_ids:
        return set()
    return set(
        Translation.objects.filter(
            source_id__in=source_ids, target_locale_id__in=locale_ids, enabled=False
        ).values_list("source_id", "target_locale_id")
    )


def _last_logs(source_ids, locale_ids):
    if not source_ids:
        return {}
    rows = (
        TranslationLog.objects.filter(source_id__in=source_ids, locale_id__in=locale_ids)
        .values("source_id", "locale_id")
        .annotate(last=Max("created_at"))
        .order_by()
    )
    return {(row["source_id"], row["locale_id"]): row["last"] for row in rows}


def _segment_counts(source_ids, locale_ids):
    """String segments per source, and per (source, locale) how many are translated (without
    errors) and how many of those by a machine: two grouped queries for any number of sources."""
    if not source_ids:
        return {}, {}, {}
    totals = {
        row["source_id"]: row["n"]
        for row in StringSegment.objects.filter(source_id__in=source_ids)
        .values("source_id")
        .annotate(n=Count("id"))
        .order_by()
    }
    rows = (
        StringSegment.objects.filter(
            source_id__in=source_ids,
            string__translations__locale_id__in=locale_ids,
            string__translations__context_id=F("context_id"),
            string__translations__has_error=False,
        )
        .values(
            "source_id",
            "string__translations__locale_id",
            "string__translations__translation_type",
        )
        .annotate(n=Count("id"))
        .order_by()
    )
    translated = defaultdict(int)
    machine = defaultdict(int)
    for row in rows:
        key = (row["source_id"], row["string__translations__locale_id"])
        translated[key] += row["n"]
        if row["string__translations__translation_type"] == "machine":
            machine[key] += row["n"]
    return totals, translated, machine


def _targets(objects, locale_ids):
    """The existing translations of the objects, by (translation key, locale id): one query for
    all pages and one per snippet model."""
    by_model = defaultdict(set)
    for obj in objects:
        model = Page if isinstance(obj, Page) else obj.get_translation_model()
        by_model[model].add(obj.translation_key)
    targets = {}
    for model, keys in by_model.items():
        fields = ["pk", "translation_key", "locale_id"]
        if model is Page:
            fields += ["alias_of_id", "last_published_at"]
        if issubclass(model, DraftStateMixin):
            fields += ["live", "has_unpublished_changes"]
        for row in model.objects.filter(translation_key__in=keys, locale_id__in=locale_ids).values(
            *fields
        ):
            targets[(row["translation_key"], row["locale_id"])] = row
    return targets


# Snippets ---------------------------------------------------------------------------------


def snippet_queryset(model):
    """A snippet model's objects with what ``translation_states`` compares loaded up front."""
    queryset = model.objects.all()
    relations = _child_relations(model)
    if relations:
        queryset = queryset.prefetch_related(*relations)
    return queryset


def _compared_fields(model):
    """Names of the translated and synchronised fields of a snippet model."""
    return [field.field_name for field in get_translatable_fields(model)]


def _child_relations(model):
    names = set(_compared_fields(model))
    return [
        rel.get_accessor_name()
        for rel in getattr(model._meta, "child_relations", [])
        if rel.get_accessor_name() in names
    ]


def _frozen_snippet_content(sources, snippet_keys):
    """The content frozen in the sources of snippets, by source id (one query, snippets only;
    a page's source can be large and is never needed)."""
    ids = [source.id for key, source in sources.items() if key in snippet_keys]
    if not ids:
        return {}
    return {
        pk: json.loads(content)
        for pk, content in TranslationSource.objects.filter(id__in=ids).values_list(
            "id", "content_json"
        )
    }


def _snippet_changed(obj, frozen):
    """Whether a German snippet's translated or synchronised fields differ from its source.

    Snippets have no publication date, so the live row is compared with the content that
    wagtail-localize froze in ``TranslationSource.content_json`` when the source was last
    synchronised — exact, and cheap: the row is loaded for the report anyway and the compared
    fields are plain columns (plus prefetched child rows). Other fields (internal flags, the
    primary key) are ignored. Child rows are compared without their primary keys, so
    re-creating an identical inline row does not count as a change.
    """
    if frozen is None:
        return False
    model = type(obj)
    concrete = {field.name: field for field in model._meta.fields if field.serialize}
    relations = set(_child_relations(model))
    live, stored = {}, {}
    for name in _compared_fields(model):
        if name in concrete:
            live[name] = get_field_value(concrete[name], obj)
        elif name in relations:
            live[name] = [_child_data(child) for child in getattr(obj, name).all()]
            frozen_children = frozen.get(name) or []
            stored[name] = [_without_keys(child) for child in frozen_children]
            continue
        else:
            continue
        stored[name] = frozen.get(name)
    return _normalised(live) != _normalised(stored)


def _child_data(child):
    data = (
        child.serializable_data()
        if hasattr(child, "serializable_data")
        else get_serializable_data_for_fields(child)
    )
    return _without_keys(data)


def _without_keys(data):
    return {key: value for key, value in data.items() if key not in ("pk", "id")}


def _normalised(data):
    """Round-trip through JSON, as the source was stored (dates and decimals become strings)."""
    return json.loads(json.dumps(data, cls=DjangoJSONEncoder))


# One page in the public site --------------------------------------------------------------


def source_is_newer(page):
    """The live German page if it was published after this translated page was last saved
    from it, else None. One query, and none for German pages.

    "Last saved from it" is the latest ``TranslationLog`` of this language, else the source's
    last synchronisation; for a translation made without wagtail-localize, or whose synced
    translation was stopped (edited by hand since), the translated page's own last publication
    counts as well.
    """
    if not isinstance(page, Page) or page.pk is None:
        return None
    if page.locale.language_code == settings.LANGUAGE_CODE:
        return None
    sources = TranslationSource.objects.filter(
        object_id=OuterRef("translation_key"), locale_id=OuterRef("locale_id")
    )
    german = (
        Page.objects.live()
        .filter(translation_key=page.translation_key, locale__language_code=settings.LANGUAGE_CODE)
        .select_related("locale")
        .annotate(
            _last_log=Subquery(
                TranslationLog.objects.filter(
                    source__object_id=OuterRef("translation_key"),
                    source__locale_id=OuterRef("locale_id"),
                    locale_id=page.locale_id,
                )
                .order_by("-created_at")
                .values("created_at")[:1]
            ),
            _source_updated=Subquery(sources.values("last_updated_at")[:1]),
            _stopped=Exists(
                Translation.objects.filter(
                    source__object_id=OuterRef("translation_key"),
                    source__locale_id=OuterRef("locale_id"),
                    target_locale_id=page.locale_id,
                    enabled=False,
                )
            ),
        )
        .only(
            "id",
            "title",
            "path",
            "depth",
            "url_path",
            "translation_key",
            "locale",
            "last_published_at",
        )
        .first()
    )
    if german is None or german.last_published_at is None:
        return None
    if german._stopped or (german._last_log is None and german._source_updated is None):
        synced = _latest(german._last_log, page.last_published_at)
    else:
        synced = german._last_log or german._source_updated
    if synced is not None and german.last_published_at > synced:
        return german
    return None
