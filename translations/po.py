"""PO files for external translators: batch download and upload, and a stricter single upload.

wagtail-localize writes one PO file per Translation and names it in the header
``X-WagtailLocalize-TranslationID``. Every upload here is matched by that header and checked
completely before anything is stored, so a wrong file (another page, another language,
broken syntax, not a PO file at all, a translation the user may not edit) changes nothing.
"""

import contextlib
import io
import os
import re
import tempfile
import uuid
import zipfile
from dataclasses import dataclass

import polib

from django import forms
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.text import slugify
from django.utils.translation import get_language_info, gettext_lazy, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import View

from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.pages.utils import get_valid_next_url_from_request
from wagtail.admin.widgets import AdminPageChooser
from wagtail.admin.widgets.button import HeaderButton
from wagtail.models import DraftStateMixin, Locale, Page, Site
from wagtail_localize.models import (
    CannotSaveDraftError,
    SourceDeletedError,
    String,
    StringSegment,
    StringTranslation,
    Translation,
    TranslationLog,
)

from roles.localize import can_edit, can_publish

TRANSLATION_HEADER = "X-WagtailLocalize-TranslationID"
TOOL_NAME = "PO-Datei"
MAX_FILE_SIZE = 10 * 1024 * 1024
IGNORED_ZIP_MEMBERS = ("__MACOSX/",)


class POFileError(Exception):
    """A file that cannot be imported, with the reason in the editor's words."""

    def __init__(self, name, message):
        super().__init__(message)
        self.name = name
        self.message = message


def language_name(locale):
    """The language of a locale as the German admin names it ("Arabisch")."""
    try:
        return get_language_info(locale.language_code)["name_translated"]
    except KeyError:
        return locale.get_display_name()


def language_matches(header, locale):
    """Whether a PO `Language` header ("ar", "ar_EG", "fa-IR") names the locale's language."""
    given = header.strip().lower().replace("_", "-")
    wanted = locale.language_code.lower().replace("_", "-")
    return given == wanted or ("-" not in wanted and given.split("-")[0] == wanted)


def parse_po(name, data):
    """Read PO text with polib; anything that is not a readable PO file raises POFileError."""
    if len(data) > MAX_FILE_SIZE:
        raise POFileError(name, _("Die Datei ist zu groß für eine PO-Datei."))
    # polib reads a file name or PO text from the same argument; going through a temporary
    # file keeps an uploaded "text" that happens to be a server path from being read.
    with tempfile.NamedTemporaryFile(suffix=".po", delete=False) as handle:
        handle.write(data)
    try:
        return polib.pofile(handle.name)
    except UnicodeDecodeError:
        raise POFileError(name, _("Keine PO-Datei: Der Inhalt ist kein Text in UTF-8.")) from None
    except (OSError, ValueError) as error:
        line = re.search(r"\(line (\d+)\)", str(error))
        if line:
            message = _("Keine gültige PO-Datei: Syntaxfehler in Zeile %(line)s.") % {
                "line": line.group(1)
            }
        else:
            message = _("Keine gültige PO-Datei.")
        raise POFileError(name, message) from None
    finally:
        with contextlib.suppress(OSError):
            os.unlink(handle.name)


def describe(translation):
    """„Kapitel 1“ (Arabisch): the object and target language of a translation."""
    return _("„%(title)s“ (%(language)s)") % {
        "title": translation.source.object_repr,
        "language": language_name(translation.target_locale),
    }


@dataclass
class CheckedFile:
    """A PO file that passed every check and can be imported into its translation."""

    name: str
    po: polib.POFile
    translation: Translation
    instance: object
    filled: int
    unknown: int


@dataclass
class ImportResult:
    """What importing one checked file changed."""

    checked: CheckedFile
    changed: int
    saved: str
    edit_url: str = ""

    @property
    def title(self):
        return self.checked.translation.source.object_repr

    @property
    def language(self):
        return language_name(self.checked.translation.target_locale)


def entry_keys(translation):
    """(msgid hash, msgctxt) pairs that import_po would store for this translation."""
    source = translation.source
    keys = set(
        StringSegment.objects.filter(source=source).values_list(
            "string__data_hash", "context__path"
        )
    )
    # import_po also accepts strings that are no longer in the source but were translated
    # before (wagtail-localize exports them as obsolete entries).
    keys.update(
        StringTranslation.objects.filter(context__object_id=source.object_id).values_list(
            "translation_of__data_hash", "context__path"
        )
    )
    return keys


def check_po(name, po, user, publish=False, expected=None, saving=False):
    """Every check before an import; returns a CheckedFile or raises POFileError.

    `saving`: the target will be saved (not only its strings stored), so a lock counts.
    """
    raw_id = po.metadata.get(TRANSLATION_HEADER, "").strip()
    if not raw_id:
        raise POFileError(
            name,
            _(
                "Die Datei wurde nicht aus dem Integrationsportal heruntergeladen: "
                "die Kopfzeile „%(header)s“ fehlt."
            )
            % {"header": TRANSLATION_HEADER},
        )
    try:
        translation_uuid = uuid.UUID(raw_id)
    except ValueError:
        translation_uuid = None
    translation = (
        Translation.objects.select_related("source", "target_locale")
        .filter(uuid=translation_uuid)
        .first()
        if translation_uuid
        else None
    )
    if translation is None:
        raise POFileError(name, _("Zu dieser Datei gibt es keine Übersetzung (mehr)."))

    if expected is not None and translation.pk != expected.pk:
        if translation.source_id == expected.source_id:
            message = _(
                "Die Datei gehört zur Übersetzung in die Sprache %(other)s, nicht "
                "%(expected)s. Es wurde nichts geändert."
            ) % {
                "other": language_name(translation.target_locale),
                "expected": language_name(expected.target_locale),
            }
        else:
            message = _(
                "Die Datei gehört zu %(other)s, nicht zu %(expected)s. Es wurde nichts geändert."
            ) % {"other": describe(translation), "expected": describe(expected)}
        raise POFileError(name, message)

    if not translation.enabled:
        raise POFileError(
            name,
            _(
                "Die Übersetzung %(what)s wird direkt bearbeitet und nicht mehr "
                "synchronisiert; PO-Dateien gelten für sie nicht."
            )
            % {"what": describe(translation)},
        )
    try:
        instance = translation.get_target_instance()
    except ObjectDoesNotExist:
        raise POFileError(
            name,
            _("Die übersetzte Fassung von %(what)s gibt es nicht mehr.")
            % {"what": describe(translation)},
        ) from None
    if not can_edit(user, instance):
        raise POFileError(
            name,
            _("Sie dürfen %(what)s nicht bearbeiten.") % {"what": describe(translation)},
        )
    if saving and isinstance(instance, Page) and instance.permissions_for_user(user).page_locked():
        raise POFileError(
            name,
            _("%(what)s ist gesperrt und kann nicht gespeichert werden.")
            % {"what": describe(translation)},
        )
    if publish and not can_publish(user, instance):
        raise POFileError(
            name,
            _(
                "Sie dürfen %(what)s nicht veröffentlichen. Laden Sie die Datei ohne "
                "„Übersetzungen veröffentlichen“ hoch, dann entsteht ein Entwurf."
            )
            % {"what": describe(translation)},
        )

    language = po.metadata.get("Language", "").strip()
    if language and not language_matches(language, translation.target_locale):
        raise POFileError(
            name,
            _(
                "Die Datei ist als Sprache „%(header)s“ gekennzeichnet, gehört aber zur "
                "Übersetzung %(what)s."
            )
            % {"header": language, "what": describe(translation)},
        )

    filled = [entry for entry in po if entry.msgstr]
    known = entry_keys(translation)
    unknown = sum(
        1 for entry in filled if (String._get_data_hash(entry.msgid), entry.msgctxt) not in known
    )
    if filled and unknown == len(filled):
        raise POFileError(
            name,
            _(
                "Keiner der übersetzten Texte passt zum aktuellen deutschen Text von "
                "„%(title)s“. Laden Sie die PO-Datei neu herunter."
            )
            % {"title": translation.source.object_repr},
        )
    return CheckedFile(name, po, translation, instance, len(filled), unknown)


def check_files(files, user, publish=False):
    """Check (name, bytes) pairs; returns (checked files, errors as (name, message))."""
    checked, errors, seen = [], [], {}
    for name, data in files:
        try:
            item = check_po(name, parse_po(name, data), user, publish=publish, saving=True)
        except POFileError as error:
            errors.append((error.name, error.message))
            continue
        if item.translation.pk in seen:
            errors.append(
                (
                    name,
                    _("Dieselbe Übersetzung wie „%(other)s“; bitte nur eine Datei hochladen.")
                    % {"other": seen[item.translation.pk]},
                )
            )
            continue
        seen[item.translation.pk] = name
        checked.append(item)
    return checked, errors


def stored_strings(translation):
    return dict(
        StringTranslation.objects.filter(
            context__object_id=translation.source.object_id, locale=translation.target_locale
        ).values_list("pk", "data")
    )


def import_checked(item, user):
    """Store the strings of one checked file; returns how many were new or changed."""
    before = stored_strings(item.translation)
    item.translation.import_po(item.po, user=user, tool_name=TOOL_NAME)
    after = stored_strings(item.translation)
    return sum(1 for pk, data in after.items() if before.get(pk) != data)


SAVED_PUBLISHED = "published"
SAVED_DRAFT = "draft"
SAVED_STRINGS = "strings"


def import_all(checked, user, publish=False):
    """Import checked files in one transaction, then publish or save drafts of the targets.

    Snippets without drafts are only saved when publishing, since saving them is publishing.
    Raises POFileError (and rolls everything back) if a target cannot be saved.
    """
    results = []
    with transaction.atomic():
        for item in checked:
            changed = import_checked(item, user)
            if publish:
                saved = SAVED_PUBLISHED
            elif isinstance(item.instance, DraftStateMixin):
                saved = SAVED_DRAFT
            else:
                saved = SAVED_STRINGS
            if saved != SAVED_STRINGS:
                try:
                    if publish:
                        item.translation.save_target(user=user, publish=True)
                    else:
                        save_draft(item.translation, user)
                except (ValidationError, SourceDeletedError, CannotSaveDraftError) as error:
                    transaction.set_rollback(True)
                    raise POFileError(
                        item.name,
                        _("%(what)s konnte nicht gespeichert werden: %(error)s")
                        % {"what": describe(item.translation), "error": error},
                    ) from error
            results.append(ImportResult(item, changed, saved, edit_url(item.translation)))
    return results


def save_draft(translation, user):
    """A new draft revision of the translated page or snippet; its live version stays as it is.

    wagtail-localize's `save_target(publish=False)` also writes the translated fields into the
    live row, so readers would see the "draft" at once; here only a revision is added.
    """
    source, locale = translation.source, translation.target_locale
    instance = source.get_ephemeral_translated_instance(locale, fallback=True)
    if getattr(instance, "alias_of_id", None):
        # An alias becomes a page of its own first; wagtail-localize knows how.
        translation.save_target(user=user, publish=False)
        return
    revision = instance.save_revision(user=user, log_action=True)
    TranslationLog.objects.create(source=source, locale=locale, revision=revision)


def edit_url(translation):
    with contextlib.suppress(ObjectDoesNotExist):
        return translation.get_target_instance_edit_url()
    return ""


# Batch download


def file_name(obj, folders, language_code):
    """`<site-or-snippets>/<slug-or-model>-<id>.<lang>.po` for a German source object."""
    if isinstance(obj, Page):
        folder = next((name for root, name in folders if obj.path.startswith(root)), "ohne-website")
        return f"{folder}/{obj.slug}-{obj.pk}.{language_code}.po"
    return f"snippets/{obj._meta.model_name}-{obj.pk}.{language_code}.po"


def site_folders():
    """(root path, folder name) of every site, deepest root first."""
    sites = Site.objects.select_related("root_page").order_by("-root_page__depth")
    return [
        (site.root_page.path, slugify(site.site_name or site.hostname) or f"site-{site.pk}")
        for site in sites
    ]


def translations_for_download(locale, user, site=None, section=None):
    """(file name, Translation) of every German source translated into `locale` in the filter.

    Only translations the user may edit in that language, and whose target still exists.
    """
    default = Locale.get_default()
    translations = list(
        Translation.objects.filter(target_locale=locale, enabled=True, source__locale=default)
        .select_related("source", "source__specific_content_type", "target_locale")
        .defer("source__content_json")
    )
    by_model = {}
    for translation in translations:
        model = translation.source.specific_content_type.model_class()
        if model is None:
            continue
        base = Page if issubclass(model, Page) else model
        by_model.setdefault(base, {})[translation.source.object_id] = translation

    prefixes = [scope.path for scope in (site and site.root_page, section) if scope]

    files = []
    folders = site_folders()
    for model, keyed in by_model.items():
        sources = model.objects.filter(translation_key__in=list(keyed), locale=default)
        targets = model.objects.filter(translation_key__in=list(keyed), locale=locale)
        if model is Page:
            for prefix in prefixes:
                sources = sources.filter(path__startswith=prefix)
            sources = sources.only("pk", "slug", "path", "translation_key")
        else:
            if section is not None:
                continue
            if site is not None and any(f.name == "site" for f in model._meta.fields):
                sources = sources.filter(site=site)
        target_by_key = {target.translation_key: target for target in targets}
        for obj in sources.order_by("pk"):
            target = target_by_key.get(obj.translation_key)
            if target is None:
                continue
            if not can_edit(user, target):
                continue
            translation = keyed[obj.translation_key]
            files.append((file_name(obj, folders, locale.language_code), translation))
    files.sort(key=lambda pair: (pair[0].startswith("snippets/"), pair[0]))
    return files


def build_zip(files):
    """A ZIP with each translation's PO file exactly as wagtail-localize exports it."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, translation in files:
            archive.writestr(name, str(translation.export_po()).encode("utf-8"))
    return buffer.getvalue()


class DownloadForm(forms.Form):
    language = forms.ChoiceField(label=gettext_lazy("Sprache"))
    site = forms.ModelChoiceField(
        label=gettext_lazy("Landkreis (Website)"),
        queryset=Site.objects.order_by("site_name"),
        required=False,
        empty_label=gettext_lazy("Alle Landkreise"),
    )
    section = forms.ModelChoiceField(
        label=gettext_lazy("Bereich"),
        queryset=Page.objects.all(),
        required=False,
        widget=AdminPageChooser(can_choose_root=False),
        help_text=gettext_lazy(
            "Nur diese Seite und ihre Unterseiten (dann ohne Snippets). Leer: alles."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        default = Locale.get_default()
        self.fields["language"].choices = [("", "---------")] + [
            (locale.language_code, language_name(locale))
            for locale in Locale.objects.exclude(pk=default.pk).order_by("language_code")
        ]

    def clean_language(self):
        return Locale.objects.get(language_code=self.cleaned_data["language"])

    def clean_section(self):
        section = self.cleaned_data.get("section")
        if section is None:
            return None
        german = section.get_translation_or_none(Locale.get_default())
        if german is None:
            raise ValidationError(_("Dieser Bereich hat keine deutsche Fassung."))
        return german


class POViewMixin(WagtailAdminTemplateMixin):
    """Breadcrumbs and a header button that leads to the other PO view."""

    other_url_name = ""
    other_label = ""
    other_icon = ""

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_header_buttons(self):
        return [
            HeaderButton(self.other_label, reverse(self.other_url_name), icon_name=self.other_icon)
        ]


class DownloadView(POViewMixin, View):
    """GET with a language: a ZIP of PO files; otherwise the form to choose what to download."""

    template_name = "translations/po/download.html"
    page_title = gettext_lazy("PO-Dateien herunterladen")
    header_icon = "download"
    other_url_name = "translations_po_upload"
    other_label = gettext_lazy("PO-Dateien hochladen")
    other_icon = "upload"

    def get(self, request):
        form = DownloadForm(request.GET if "language" in request.GET else None)
        empty = False
        if form.is_bound and form.is_valid():
            data = form.cleaned_data
            files = translations_for_download(
                data["language"], request.user, site=data["site"], section=data["section"]
            )
            if files:
                return self.zip_response(files, data)
            empty = True
        context = self.get_context_data(form=form, empty=empty)
        return TemplateResponse(request, self.template_name, context)

    def zip_response(self, files, data):
        parts = ["po", data["language"].language_code]
        if data["section"] is not None:
            parts.append(data["section"].slug)
        elif data["site"] is not None:
            parts.append(slugify(data["site"].site_name or data["site"].hostname))
        response = HttpResponse(build_zip(files), content_type="application/zip")
        response["Content-Disposition"] = f'attachment; filename="{"-".join(parts)}.zip"'
        return response


# Batch upload


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field (Django's documented pattern)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".po,.zip"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple) and data:
            return [single(item, initial) for item in data]
        return [single(data or None, initial)]


class UploadForm(forms.Form):
    files = MultipleFileField(
        label=gettext_lazy("PO-Dateien"),
        help_text=gettext_lazy(
            "Eine oder mehrere PO-Dateien oder eine ZIP-Datei, wie sie hier heruntergeladen wurde."
        ),
    )
    publish = forms.BooleanField(
        label=gettext_lazy("Übersetzungen veröffentlichen"),
        required=False,
        help_text=gettext_lazy(
            "Ohne Häkchen werden Seiten als Entwurf gespeichert; Snippets ohne Entwurf "
            "übernehmen die Texte erst beim Veröffentlichen."
        ),
    )


def expand_uploads(uploads):
    """(name, bytes) of every uploaded PO file, ZIP files unpacked; ZIP problems as errors."""
    files, errors = [], []
    for upload in uploads:
        if not upload.name.lower().endswith(".zip"):
            files.append((upload.name, upload.read()))
            continue
        try:
            with zipfile.ZipFile(upload) as archive:
                members = [
                    info
                    for info in archive.infolist()
                    if not info.is_dir()
                    and not info.filename.startswith(IGNORED_ZIP_MEMBERS)
                    and not os.path.basename(info.filename).startswith(".")
                ]
                if not members:
                    errors.append((upload.name, _("Die ZIP-Datei enthält keine Dateien.")))
                for info in members:
                    name = f"{upload.name}: {info.filename}"
                    if info.file_size > MAX_FILE_SIZE:
                        errors.append((name, _("Die Datei ist zu groß für eine PO-Datei.")))
                        continue
                    files.append((name, archive.read(info)))
        except zipfile.BadZipFile:
            errors.append((upload.name, _("Keine gültige ZIP-Datei.")))
    return files, errors


def strings_count(count):
    return ngettext(
        "%(count)s neuer oder geänderter Text", "%(count)s neue oder geänderte Texte", count
    ) % {"count": count}


def summary(results):
    """The success message: files, strings in total, new or changed strings per page."""
    per_page = "; ".join(
        _("%(what)s: %(count)s")
        % {"what": describe(result.checked.translation), "count": result.changed}
        for result in results
    )
    return ngettext(
        "%(files)s Datei importiert, %(strings)s – %(pages)s.",
        "%(files)s Dateien importiert, %(strings)s – %(pages)s.",
        len(results),
    ) % {
        "files": len(results),
        "strings": strings_count(sum(result.changed for result in results)),
        "pages": per_page,
    }


class UploadView(POViewMixin, View):
    """Check every uploaded PO file first; import all of them in one transaction or none."""

    template_name = "translations/po/upload.html"
    page_title = gettext_lazy("PO-Dateien hochladen")
    header_icon = "upload"
    other_url_name = "translations_po_download"
    other_label = gettext_lazy("PO-Dateien herunterladen")
    other_icon = "download"

    def render(self, form, **extra):
        context = self.get_context_data(form=form, **extra)
        return TemplateResponse(self.request, self.template_name, context)

    def get(self, request):
        return self.render(UploadForm())

    def post(self, request):
        form = UploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render(form)
        publish = form.cleaned_data["publish"]
        files, errors = expand_uploads(form.cleaned_data["files"])
        checked, check_errors = check_files(files, request.user, publish=publish)
        errors += check_errors
        if not errors and not checked:
            errors.append(("", _("Keine PO-Datei gefunden.")))
        if not errors:
            try:
                results = import_all(checked, request.user, publish=publish)
            except POFileError as error:
                errors.append((error.name, error.message))
        if errors:
            messages.error(
                request,
                ngettext(
                    "%(count)s Datei wurde abgelehnt. Es wurde nichts importiert.",
                    "%(count)s Dateien wurden abgelehnt. Es wurde nichts importiert.",
                    len(errors),
                )
                % {"count": len(errors)},
            )
            return self.render(form, file_errors=errors, file_count=len(files))
        messages.success(request, summary(results))
        return self.render(UploadForm(), results=results)


# Single upload in wagtail-localize's editor


@require_POST
def upload_single(request, translation_id):
    """wagtail-localize's PO upload with our checks: it answers a PO without the header with
    a server error, accepts a `Language` header of another language, and reports success
    when nothing matched."""
    translation = get_object_or_404(Translation, id=translation_id)
    try:
        instance = translation.get_target_instance()
    except ObjectDoesNotExist:
        raise Http404 from None
    if not can_edit(request.user, instance):
        raise PermissionDenied
    upload = request.FILES.get("file")
    next_url = get_valid_next_url_from_request(request) or reverse("wagtailadmin_home")
    if upload is None:
        messages.error(request, _("Bitte wählen Sie eine PO-Datei aus."))
        return redirect(next_url)
    try:
        po = parse_po(upload.name, upload.read())
        item = check_po(upload.name, po, request.user, expected=translation)
    except POFileError as error:
        messages.error(request, error.message)
        return redirect(next_url)
    with transaction.atomic():
        changed = import_checked(item, request.user)
    if changed:
        messages.success(
            request,
            ngettext(
                "%(count)s neuer oder geänderter Text aus der PO-Datei übernommen.",
                "%(count)s neue oder geänderte Texte aus der PO-Datei übernommen.",
                changed,
            )
            % {"count": changed},
        )
    else:
        messages.warning(
            request,
            _("Keine neuen oder geänderten Übersetzungen in der PO-Datei; nichts wurde geändert."),
        )
    if item.unknown:
        messages.warning(
            request,
            ngettext(
                "%(count)s Eintrag passt nicht zum aktuellen deutschen Text und wurde "
                "übersprungen.",
                "%(count)s Einträge passen nicht zum aktuellen deutschen Text und wurden "
                "übersprungen.",
                item.unknown,
            )
            % {"count": item.unknown},
        )
    return redirect(next_url)


# Registration


@hooks.register("register_admin_urls", order=-1)
def register_admin_urls():
    """Our views, and wagtail-localize's single PO upload URL answered by `upload_single`
    (registered before wagtail-localize's own pattern, which it thereby shadows)."""
    return [
        path("translations/po/download/", DownloadView.as_view(), name="translations_po_download"),
        path("translations/po/upload/", UploadView.as_view(), name="translations_po_upload"),
        path(
            "localize/translate/<int:translation_id>/pofile/upload/",
            upload_single,
            name="translations_po_upload_single",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_po_menu_item():
    return MenuItem(
        gettext_lazy("PO-Dateien"),
        reverse("translations_po_download"),
        name="po-files",
        icon_name="download",
        order=1310,
    )
