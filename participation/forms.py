"""The public suggestion form: the editor's fields plus the built-in ones every form needs."""

from django import forms
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from wagtail.contrib.forms.forms import BaseForm, FormBuilder
from wagtail.models import Locale

from home.i18n import localize_all
from home.models import DistrictSettings, Topic

# Names of the built-in fields; editors cannot give a field one of them.
TOPIC, CONSENT, HONEYPOT = "topic", "consent", "website"
RESERVED_NAMES = {TOPIC, CONSENT, HONEYPOT, "language", "submit_time"}

SINGLELINE_MAX_LENGTH = 255
MULTILINE_MAX_LENGTH = 4000
EMAIL_MAX_LENGTH = 254


def topic_choices():
    """(slug, name) of every topic, named in the reader's language where translated."""
    topics = localize_all(Topic.objects.filter(locale=Locale.get_default()))
    return sorted(((topic.slug, topic.name) for topic in topics), key=lambda c: c[1].casefold())


def privacy_url(page, request=None):
    """The district's privacy statement in the reader's language, if the district set one."""
    site = page.get_site()
    if site is None:
        return ""
    return DistrictSettings.for_site(site).localized_page_url("privacy_page", request)


class SuggestionFormBuilder(FormBuilder):
    """Wagtail's form builder with a length limit on every text field."""

    def create_singleline_field(self, field, options):
        options["max_length"] = SINGLELINE_MAX_LENGTH
        return forms.CharField(**options)

    def create_multiline_field(self, field, options):
        options["max_length"] = MULTILINE_MAX_LENGTH
        options.setdefault("widget", forms.Textarea(attrs={"rows": 6}))
        return forms.CharField(**options)

    def create_email_field(self, field, options):
        options["max_length"] = EMAIL_MAX_LENGTH
        return forms.EmailField(**options)

    def create_url_field(self, field, options):
        options["max_length"] = SINGLELINE_MAX_LENGTH
        return super().create_url_field(field, options)

    def create_hidden_field(self, field, options):
        options["max_length"] = SINGLELINE_MAX_LENGTH
        return super().create_hidden_field(field, options)

    def get_form_class(self):
        return type("SuggestionForm", (SuggestionForm,), self.formfields)


class SuggestionForm(BaseForm):
    """Adds the field of action, the privacy consent and a honeypot to the editor's fields."""

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, **kwargs)
        editor_fields = list(self.fields)
        self.fields[TOPIC] = forms.ChoiceField(
            label=_("Handlungsfeld"),
            help_text=_("Zu welchem Thema gehört Ihr Vorschlag?"),
            choices=[("", _("Bitte wählen"))] + topic_choices(),
        )
        self.privacy_url = privacy_url(self.page, request) if self.page else ""
        consent_text = _(
            "Ich willige ein, dass der Landkreis meine Angaben speichert, um meinen "
            "Vorschlag zu bearbeiten."
        )
        if self.privacy_url:
            consent_label = format_html(
                '{} <a class="kern-link" href="{}">{}</a>',
                consent_text,
                self.privacy_url,
                _("Zur Datenschutzerklärung"),
            )
        else:
            consent_label = consent_text
        self.fields[CONSENT] = forms.BooleanField(
            label=consent_label,
            error_messages={
                "required": _("Bitte willigen Sie ein, sonst können wir nichts speichern.")
            },
        )
        self.fields[HONEYPOT] = forms.CharField(
            label=_("Dieses Feld bitte leer lassen"), required=False, max_length=200
        )
        self.order_fields([TOPIC, *editor_fields, CONSENT, HONEYPOT])

    @staticmethod
    def is_spam(data):
        """A person never fills the honeypot, which is hidden from sight."""
        return bool((data.get(HONEYPOT) or "").strip())

    def visible_fields(self):
        return [field for field in super().visible_fields() if field.name != HONEYPOT]

    def prepare_widgets(self):
        """KERN classes, hints and errors linked with aria-describedby, after validation."""
        for bound in self:
            widget = bound.field.widget
            attrs = widget.attrs
            has_error = self.is_bound and bool(bound.errors)
            if isinstance(widget, forms.CheckboxSelectMultiple):
                attrs["class"] = "kern-form-check__checkbox"
            elif isinstance(widget, forms.RadioSelect):
                attrs["class"] = "kern-form-check__radio"
            elif isinstance(widget, forms.CheckboxInput):
                attrs["class"] = "kern-form-check__checkbox" + (
                    " kern-form-check__checkbox--error" if has_error else ""
                )
            elif isinstance(widget, forms.Select):
                attrs["class"] = "kern-form-input__select" + (
                    " kern-form-input__select--error" if has_error else ""
                )
            elif not isinstance(widget, forms.HiddenInput):
                attrs["class"] = "kern-form-input__input" + (
                    " kern-form-input__input--error" if has_error else ""
                )
            described_by = []
            if bound.help_text:
                described_by.append(f"{bound.auto_id}-hint")
            if has_error:
                described_by.append(f"{bound.auto_id}-error")
                attrs["aria-invalid"] = "true"
            if described_by:
                attrs["aria-describedby"] = " ".join(described_by)
            if bound.name == HONEYPOT:
                attrs.update({"tabindex": "-1", "autocomplete": "off"})
            elif isinstance(widget, forms.EmailInput):
                attrs["autocomplete"] = "email"
