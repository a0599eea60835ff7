"""Machine translation as a background task, so that a long page never blocks a web request.

The translation editor's "Übersetzen mit …" button and `manage.py machine_translate` both end in
`machine_translate_task`; the admin queues it on the "translations" task backend (a database
queue worked off by `manage.py db_worker`), the command calls it directly.
"""

from collections import defaultdict
from dataclasses import asdict, dataclass
from itertools import islice

from django_tasks import TaskResultStatus, task
from django_tasks_db import DatabaseBackend
from django_tasks_db.models import DBTaskResult

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.translation import override

from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.models import StringSegment, StringTranslation, Translation

TASK_BACKEND = "translations"
TASK_QUEUE = "machine_translation"
# Strings sent to the translator at a time; each chunk is stored before the next is sent,
# so an interrupted run keeps what it has done and a second run only does the rest.
CHUNK_SIZE = 50


@dataclass
class MachineTranslationOutcome:
    """What one run did for one translation (counted in segments, i.e. places on the page)."""

    translated: int = 0
    kept: int = 0
    failed: int = 0
    skipped: str = ""

    def as_dict(self):
        return asdict(self)


def missing_segments(translation):
    """The source's string segments without a translation in the target language, in order,
    and how many segments the source has in all (two queries)."""
    segments = list(
        StringSegment.objects.filter(source_id=translation.source_id)
        .select_related("string")
        .order_by("order")
    )
    done = set(
        StringTranslation.objects.filter(
            locale_id=translation.target_locale_id,
            context__object_id=translation.source.object_id,
        ).values_list("translation_of_id", "context_id")
    )
    missing = [s for s in segments if (s.string_id, s.context_id) not in done]
    return missing, len(segments)


def chunks(items, size):
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def translate_missing_strings(translation, translator, user=None, chunk_size=CHUNK_SIZE):
    """Machine-translate every segment of a translation that nobody has translated yet.

    The same logic as wagtail-localize's `apply_machine_translation`, without the request:
    equal strings are sent once, each chunk is stored in its own transaction, and a segment
    a person translated meanwhile is never overwritten (`get_or_create`). The new
    translations are marked `machine` with the translator's name until a person saves them.
    """
    source_locale = translation.source.locale
    target_locale = translation.target_locale
    segments, total = missing_segments(translation)
    outcome = MachineTranslationOutcome(kept=total - len(segments))

    places = defaultdict(list)
    for segment in segments:
        places[segment.string.as_value()].append((segment.string_id, segment.context_id))

    for strings in chunks(list(places), chunk_size):
        translated = translator.translate(source_locale, target_locale, strings)
        with transaction.atomic():
            for string in strings:
                value = translated.get(string)
                if value is None or value.data is None:
                    outcome.failed += len(places[string])
                    continue
                for string_id, context_id in places[string]:
                    _obj, created = StringTranslation.objects.get_or_create(
                        translation_of_id=string_id,
                        locale=target_locale,
                        context_id=context_id,
                        defaults={
                            "data": value.data,
                            "translation_type": StringTranslation.TRANSLATION_TYPE_MACHINE,
                            "tool_name": translator.display_name,
                            "last_translated_by": user,
                            "has_error": False,
                            "field_error": "",
                        },
                    )
                    if created:
                        outcome.translated += 1
                    else:
                        outcome.kept += 1
    return outcome


@task(backend=TASK_BACKEND, queue_name=TASK_QUEUE)
def machine_translate_task(translation_id, user_id=None):
    """Fill the untranslated strings of one translation with the configured machine translator."""
    translation = (
        Translation.objects.select_related("source__locale", "target_locale")
        .filter(pk=translation_id)
        .first()
    )
    translator = get_machine_translator()
    if translation is None:
        return MachineTranslationOutcome(skipped="translation deleted").as_dict()
    if translator is None:
        return MachineTranslationOutcome(skipped="machine translation off").as_dict()
    if not translator.can_translate(translation.source.locale, translation.target_locale):
        return MachineTranslationOutcome(skipped="language not supported").as_dict()
    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    # The tool's name is stored with each string, in the admin's language.
    with override(settings.LANGUAGE_CODE):
        return translate_missing_strings(translation, translator, user=user).as_dict()


def is_queued(translation):
    """Whether a machine translation of this translation already waits in the database queue."""
    if not isinstance(machine_translate_task.get_backend(), DatabaseBackend):
        return False
    return DBTaskResult.objects.filter(
        backend_name=TASK_BACKEND,
        task_path=machine_translate_task.module_path,
        status=TaskResultStatus.READY,
        args_kwargs__kwargs__translation_id=translation.pk,
    ).exists()


def enqueue_machine_translation(translation, user=None):
    """Queue the machine translation of `translation` unless there is nothing to do.

    Returns "queued", "already_queued" or "complete".
    """
    segments, _total = missing_segments(translation)
    if not segments:
        return "complete"
    if is_queued(translation):
        return "already_queued"
    machine_translate_task.enqueue(
        translation_id=translation.pk, user_id=user.pk if user is not None else None
    )
    return "queued"
