"""Machine-translate pages and snippets from the command line, in batches, without a browser."""

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q

from wagtail.models import Page
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.models import Translation

from translations.tasks import (
    enqueue_machine_translation,
    machine_translate_task,
    missing_segments,
)


class Command(BaseCommand):
    help = (
        "Fill the untranslated strings of wagtail-localize translations with the configured "
        "machine translator (DeepL). Runs the same task as the admin's button, here and now "
        "(or with --queue on the background worker). Nothing is published: translators check "
        "the machine strings in the editor and publish."
    )

    def add_arguments(self, parser):
        which = parser.add_mutually_exclusive_group(required=True)
        which.add_argument("--page", type=int, help="ID of a page (any language version).")
        which.add_argument("--section", type=int, help="ID of a page: it and all below it.")
        which.add_argument(
            "--all-incomplete",
            action="store_true",
            help="Every translation (pages and snippets) with untranslated strings.",
        )
        parser.add_argument(
            "--language",
            action="append",
            default=[],
            help="Target language code, e.g. ar; repeat or separate by commas (default: all).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Only list what would be translated."
        )
        parser.add_argument(
            "--queue",
            action="store_true",
            help="Queue the translations for `manage.py db_worker` instead of running them.",
        )

    def handle(self, *args, **options):
        translator = get_machine_translator()
        if translator is None:
            raise CommandError("Machine translation is off: set DEEPL_AUTH_KEY.")

        translations = self.translations(options)
        done = strings = 0
        for translation in translations:
            label = f"{translation.source.object_repr} → {translation.target_locale.language_code}"
            if not translator.can_translate(translation.source.locale, translation.target_locale):
                self.stdout.write(f"{label}: skipped, {translator.display_name} cannot do it")
                continue
            missing, _total = missing_segments(translation)
            if not missing:
                continue
            if options["dry_run"]:
                self.stdout.write(f"{label}: {len(missing)} strings to translate")
                continue
            if options["queue"]:
                outcome = enqueue_machine_translation(translation)
                self.stdout.write(f"{label}: {outcome.replace('_', ' ')}")
                done += outcome == "queued"
                continue
            result = machine_translate_task.call(translation_id=translation.pk)
            done += 1
            strings += result["translated"]
            self.stdout.write(
                f"{label}: {result['translated']} strings machine-translated, "
                f"{result['kept']} already translated"
                + (f", {result['failed']} left for a person" if result["failed"] else "")
            )

        if options["dry_run"]:
            return
        if options["queue"]:
            self.stdout.write(self.style.SUCCESS(f"{done} translations queued."))
        else:
            self.stdout.write(
                self.style.SUCCESS(
                    f"{done} translations, {strings} strings machine-translated with "
                    f"{translator.display_name}. Check them in the editor and publish."
                )
            )

    def translations(self, options):
        translations = Translation.objects.filter(enabled=True).select_related(
            "source__locale", "target_locale"
        )
        languages = [
            code.strip()
            for value in options["language"]
            for code in value.split(",")
            if code.strip()
        ]
        if languages:
            translations = translations.filter(target_locale__language_code__in=languages)
        if options["page"] or options["section"]:
            page_id = options["page"] or options["section"]
            page = Page.objects.filter(pk=page_id).first()
            if page is None:
                raise CommandError(f"There is no page with ID {page_id}.")
            if options["page"]:
                keys = Q(source__object_id=page.translation_key)
            else:
                keys = Q(
                    source__object_id__in=Page.objects.descendant_of(page, inclusive=True).values(
                        "translation_key"
                    )
                )
            translations = translations.filter(keys)
        return translations.order_by("source__object_repr", "target_locale__language_code")
