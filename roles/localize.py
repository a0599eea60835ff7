"""Permission checks in front of wagtail-localize's admin views, and submitting a translation.

wagtail-localize checks only the global "submit translation" permission (or, for snippets,
the model permission) in several views, so on its own it would let an editor of one district
translate into another district's tree, let anybody who may submit translations publish all
translations of a page through "sync", and let a translator publish a German draft in their
language by converting the page into an alias. These guards answer at the same URLs (our
patterns come first) and hand over to wagtail-localize once the user may do what the request
asks. Superusers pass unchecked.
"""

from functools import wraps

from django.contrib.admin.utils import unquote
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils.text import slugify

from wagtail.coreutils import find_available_slug
from wagtail.models import DraftStateMixin, Locale, Page
from wagtail.permissions import page_permission_policy, policy_registry
from wagtail_localize.fields import copy_synchronised_fields
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.segments.ingest import ingest_segments
from wagtail_localize.views import convert, edit_translation, submit_translations
from wagtail_localize.views import update_translations as update_views

from roles.permissions import may_write


def can_edit(user, instance):
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_edit()
    policy = policy_registry.get_by_type(type(instance))
    return policy.user_has_permission_for_instance(user, "change", instance) and may_write(
        user, instance
    )


def can_publish(user, instance):
    """Whether saving this translation live is the user's to decide."""
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_publish()
    if isinstance(instance, DraftStateMixin):
        policy = policy_registry.get_by_type(type(instance))
        return policy.user_has_permission_for_instance(user, "publish", instance)
    return can_edit(user, instance)


def translated_root(page, locale):
    """The district's home page in `locale` that the translation of `page` will stand under."""
    if page.depth < 2:
        return None
    home = Page.objects.filter(path=page.path[: Page.steplen * 2]).first()
    return home.get_translation_or_none(locale) if home else None


def may_translate_page_into(user, page, locale, include_subtree=False):
    """Creating a translation needs "add" in that language's tree of the same district.

    Translating again saves over the existing translation – published, or written into the
    page row readers see even as a "draft" – so a live translation needs publishing rights.
    """
    root = translated_root(page, locale)
    if root is None:
        return False
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        perms = existing.permissions_for_user(user)
        if not (perms.can_publish() if existing.live or page.live else perms.can_edit()):
            return False
    if include_subtree and not page_permission_policy.user_has_permission_for_instance(
        user, "publish", root
    ):
        # Existing translations below are saved again, and published if their source is live.
        descendants = page.get_descendants().values("translation_key")
        if Page.objects.filter(locale=locale, translation_key__in=descendants).exists():
            return False
    return page_permission_policy.user_has_permission_for_instance(user, "add", root)


def _guard(view, check):
    """Run `check(request, **kwargs)` (raises PermissionDenied) before wagtail-localize."""

    @wraps(view)
    def guarded(request, *args, **kwargs):
        if not request.user.is_superuser:
            check(request, **kwargs)
        return view(request, *args, **kwargs)

    return guarded


def check_submit_page(request, page_id):
    page = get_object_or_404(Page, id=page_id).specific
    user = request.user
    if request.method == "POST":
        locales = Locale.objects.filter(pk__in=request.POST.getlist("locales"))
        subtree = bool(request.POST.get("include_subtree"))
        if not all(may_translate_page_into(user, page, locale, subtree) for locale in locales):
            raise PermissionDenied
    elif not any(
        may_translate_page_into(user, page, locale)
        for locale in Locale.objects.exclude(pk=page.locale_id)
    ):
        raise PermissionDenied


def check_submit_snippet(request, app_label, model_name, pk):
    from django.apps import apps

    try:
        model = apps.get_model(app_label, model_name)
    except LookupError as err:
        raise Http404 from err
    instance = get_object_or_404(model, pk=unquote(pk))
    if not can_edit(request.user, instance):
        raise PermissionDenied
    if request.method == "POST":
        for locale in Locale.objects.filter(pk__in=request.POST.getlist("locales")):
            existing = instance.get_translation_or_none(locale)
            if existing is not None and not can_publish(request.user, existing):
                raise PermissionDenied


def _targets(source):
    targets = []
    for translation in source.translations.filter(enabled=True).select_related("target_locale"):
        try:
            targets.append(source.get_translated_instance(translation.target_locale))
        except ObjectDoesNotExist:  # deleted: a sync creates it again
            continue
    return targets


def check_update(request, translation_source_id):
    source = get_object_or_404(TranslationSource, id=translation_source_id)
    try:
        instance = source.get_source_instance()
    except ObjectDoesNotExist as err:  # the source was deleted
        raise Http404 from err
    user = request.user
    targets = _targets(source)
    if not (can_edit(user, instance) or any(can_edit(user, target) for target in targets)):
        raise PermissionDenied
    if request.method == "POST":
        if request.POST.get("publish_translations") and not all(
            can_publish(user, target) for target in targets
        ):
            raise PermissionDenied
        if request.POST.get("use_machine_translation") and not all(
            can_edit(user, target) for target in targets
        ):
            raise PermissionDenied


def check_translation_target(request, translation_id, **kwargs):
    translation = get_object_or_404(Translation, id=translation_id)
    try:
        instance = translation.get_target_instance()
    except ObjectDoesNotExist as err:  # no target yet
        raise Http404 from err
    if not can_edit(request.user, instance):
        raise PermissionDenied


def check_convert_to_alias(request, page_id):
    page = get_object_or_404(Page, id=page_id)
    # An alias shows the source's latest revision, which may be an unapproved draft.
    if request.method == "POST" and not page.permissions_for_user(request.user).can_publish():
        raise PermissionDenied


def guarded_urls():
    """Patterns with the same paths as wagtail-localize's, so they answer first."""
    target = check_translation_target
    return [
        path(
            "localize/submit/page/<int:page_id>/",
            _guard(submit_translations.SubmitPageTranslationView.as_view(), check_submit_page),
            name="submit_page_translation",
        ),
        path(
            "localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
            _guard(
                submit_translations.SubmitSnippetTranslationView.as_view(), check_submit_snippet
            ),
            name="submit_snippet_translation",
        ),
        path(
            "localize/update/<int:translation_source_id>/",
            _guard(update_views.UpdateTranslationsView.as_view(), check_update),
            name="update_translations",
        ),
        path(
            "localize/translate/<int:translation_id>/strings/<int:string_segment_id>/edit/",
            _guard(edit_translation.edit_string_translation, target),
            name="edit_string_translation",
        ),
        path(
            "localize/translate/<int:translation_id>/overrides/<int:overridable_segment_id>/edit/",
            _guard(edit_translation.edit_override, target),
            name="edit_override",
        ),
        path(
            "localize/translate/<int:translation_id>/pofile/download/",
            _guard(edit_translation.download_pofile, target),
            name="download_pofile",
        ),
        path(
            "localize/translate/<int:translation_id>/preview/",
            _guard(edit_translation.preview_translation, target),
            name="preview_translation",
        ),
        path(
            "localize/translate/<int:translation_id>/preview/<str:mode>/",
            _guard(edit_translation.preview_translation, target),
            name="preview_translation",
        ),
        path(
            "localize/translate/<int:translation_id>/disable/",
            _guard(edit_translation.stop_translation, target),
            name="stop_translation",
        ),
        path(
            "localize/page/<int:page_id>/convert_to_alias/",
            _guard(convert.convert_to_alias, check_convert_to_alias),
            name="convert_to_alias",
        ),
    ]


def enabled_translation(page):
    """The synced wagtail-localize translation that fills this page, if any."""
    return (
        Translation.objects.filter(
            source__object_id=page.translation_key,
            target_locale_id=page.locale_id,
            enabled=True,
        )
        .select_related("source", "target_locale")
        .first()
    )


@transaction.atomic
def save_translation_draft(translation, page, user):
    """A new revision of the translated page from the translator's strings; the live page
    stays as it is until the approval publishes the revision.

    wagtail-localize's own draft saving (`save_target(publish=False)`) also writes the page
    row, which is what readers see – so for a live page it would publish without approval.
    """
    source = translation.source
    original = source.as_instance()
    copy_synchronised_fields(original, page)
    segments = source._get_segments_for_translation(translation.target_locale, fallback=True)
    ingest_segments(original, page, source.locale, translation.target_locale, segments)
    # As wagtail-localize does: a translated slug must still be a valid, free slug.
    page.slug = find_available_slug(page.get_parent(), slugify(page.slug), ignore_page_id=page.pk)
    if not page.live:
        page.save()
    return page.save_revision(user=user, log_action=True)
