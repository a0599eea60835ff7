"""Participation: residents send suggestions and needs to the integration office online."""

from django.core.exceptions import ValidationError
from django.db import models
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.mail import send_mail
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.fields import RichTextField
from wagtail.models import Locale, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.models import BasePage, Topic
from participation import ratelimit
from participation.forms import (
    CONSENT,
    RESERVED_NAMES,
    TOPIC,
    SuggestionForm,
    SuggestionFormBuilder,
)

RATE_LIMIT_SCOPE = "suggestions"


class SuggestionFormField(TranslatableMixin, AbstractFormField):
    """A field an editor adds to the suggestion form ("Name", "Ihr Vorschlag").

    Translatable with wagtail-localize: label, help text and choices are translated with
    the page; the field's name (the key of the stored answers), type and "required" stay
    synchronised, so answers in every language land in the same export columns.
    """

    page = ParentalKey(
        "participation.SuggestionFormPage", on_delete=models.CASCADE, related_name="form_fields"
    )

    translatable_fields = [
        TranslatableField("label"),
        TranslatableField("help_text"),
        TranslatableField("choices"),
        TranslatableField("default_value"),
        SynchronizedField("clean_name"),
        SynchronizedField("field_type"),
        SynchronizedField("required"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]
        verbose_name = _("Formularfeld")
        verbose_name_plural = _("Formularfelder")

    def clean(self):
        super().clean()
        if (self.clean_name or self.get_field_clean_name()) in RESERVED_NAMES:
            raise ValidationError(
                {"label": _("Diese Bezeichnung ist für ein eingebautes Feld reserviert.")}
            )


class SuggestionFormPage(AbstractEmailForm, BasePage):
    """The form "Vorschläge und Bedarfe melden": residents send ideas and needs to the office.

    Every submission is stored on the German page (one list and export for the office, with
    the reader's language as a column) and e-mailed only to the office's address.
    """

    thank_you_text = RichTextField(
        _("Dankeschön-Text"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Wird nach dem Absenden angezeigt."),
    )

    form_builder = SuggestionFormBuilder

    content_panels = BasePage.content_panels + [
        InlinePanel("form_fields", label=_("Formularfelder")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("to_address"), FieldPanel("from_address")]),
                FieldPanel("subject"),
            ],
            heading=_("Benachrichtigung der Dienststelle per E-Mail"),
        ),
    ]

    # The notification goes to the office in German: its settings are not translated.
    override_translatable_fields = BasePage.override_translatable_fields + [
        SynchronizedField("to_address"),
        SynchronizedField("from_address"),
        SynchronizedField("subject"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Vorschlagsformular")
        verbose_name_plural = _("Vorschlagsformulare")

    # --- the form ----------------------------------------------------------------------

    def get_source_page(self):
        """The page in the default language, where submissions are kept."""
        default = Locale.get_default()
        if self.locale_id == default.pk:
            return self
        return self.get_translation_or_none(default) or self

    def get_data_fields(self):
        fields = [
            ("submit_time", _("Eingegangen am")),
            (TOPIC, _("Handlungsfeld")),
            *((field.clean_name, field.label) for field in self.get_form_fields()),
            (CONSENT, _("Einwilligung Datenschutz")),
            ("language", _("Sprache")),
        ]
        return fields

    def submission_data(self, form):
        """The answers as stored: the topic by its German name, no honeypot."""
        data = {
            field.clean_name: form.cleaned_data.get(field.clean_name)
            for field in self.get_form_fields()
        }
        topic = Topic.objects.filter(
            slug=form.cleaned_data[TOPIC], locale=Locale.get_default()
        ).first()
        data[TOPIC] = topic.name if topic else form.cleaned_data[TOPIC]
        data[CONSENT] = bool(form.cleaned_data.get(CONSENT))
        data["language"] = translation.get_language()
        return data

    def process_form_submission(self, form):
        source = self.get_source_page()
        submission = source.get_submission_class().objects.create(
            form_data=self.submission_data(form), page=source
        )
        if source.to_address:
            source.notify_office(submission)
        return submission

    def notify_office(self, submission):
        """E-mail the submission to the office, in German, and to nobody else."""
        default_language = Locale.get_default().language_code
        with translation.override(default_language):
            lines = []
            data = submission.get_data()
            for name, label in self.get_data_fields():
                value = data.get(name)
                if name == "submit_time":
                    value = value.strftime("%d.%m.%Y %H:%M") if value else ""
                elif isinstance(value, bool):
                    value = gettext("ja") if value else gettext("nein")
                elif isinstance(value, list):
                    value = ", ".join(value)
                lines.append(f"{label}: {value if value not in (None, '') else '–'}")
            subject = self.subject or gettext("Neuer Vorschlag: %(title)s") % {"title": self.title}
            addresses = [address.strip() for address in self.to_address.split(",")]
            send_mail(subject, "\n".join(lines), addresses, self.from_address or None)

    def serve(self, request, *args, **kwargs):
        status = 200
        message = None
        if request.method == "POST":
            if ratelimit.is_limited(request, RATE_LIMIT_SCOPE):
                form = self.get_form(request.POST, page=self, user=request.user, request=request)
                form.errors  # noqa: B018 - validate, so what was typed is shown as typed
                status, message = 429, "rate_limited"
            elif SuggestionForm.is_spam(request.POST):
                ratelimit.record(request, RATE_LIMIT_SCOPE)
                form = self.get_form(page=self, user=request.user, request=request)
                status, message = 400, "refused"
            else:
                form = self.get_form(request.POST, page=self, user=request.user, request=request)
                if form.is_valid():
                    ratelimit.record(request, RATE_LIMIT_SCOPE)
                    submission = self.process_form_submission(form)
                    return self.render_landing_page(request, submission, *args, **kwargs)
        else:
            form = self.get_form(page=self, user=request.user, request=request)
        form.prepare_widgets()
        context = self.get_context(request)
        context.update({"form": form, "message": message})
        response = TemplateResponse(request, self.get_template(request), context, status=status)
        if status == 429:
            response["Retry-After"] = str(ratelimit.retry_after())
        return response

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        context["form"].prepare_widgets()
        return context
