"""The public registration form of an event: exactly N of its M topics, consent, honeypot."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext


class RegistrationForm(forms.Form):
    """Built per event: the topic choices and the number to pick come from the page."""

    name = forms.CharField(label=_("Vor- und Nachname"), max_length=200)
    email = forms.EmailField(label=_("E-Mail-Adresse"), max_length=254)
    phone = forms.CharField(
        label=_("Telefon (freiwillig)"),
        max_length=40,
        required=False,
        help_text=_("Nur für Rückfragen zur Veranstaltung."),
    )
    topics = forms.TypedMultipleChoiceField(
        label=_("Themen"), coerce=int, required=False, widget=forms.CheckboxSelectMultiple
    )
    consent = forms.BooleanField(
        label=_(
            "Ich bin einverstanden, dass meine Angaben zur Organisation der Veranstaltung "
            "gespeichert werden."
        ),
        error_messages={"required": _("Bitte stimmen Sie der Speicherung Ihrer Angaben zu.")},
    )
    # Hidden from people, filled in by bots that fill every field.
    website = forms.CharField(label=_("Bitte dieses Feld leer lassen"), required=False)

    def __init__(self, event, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.event = event
        self.topic_texts = dict(event.topic_choices())
        if self.topic_texts and event.topic_count:
            self.fields["topics"].choices = list(self.topic_texts.items())
        else:
            del self.fields["topics"]

    def topic_count_message(self):
        count = self.event.topic_count
        return ngettext(
            "Bitte wählen Sie genau %(count)s Thema.",
            "Bitte wählen Sie genau %(count)s Themen.",
            count,
        ) % {"count": count}

    def clean_topics(self):
        chosen = self.cleaned_data["topics"]
        if len(set(chosen)) != self.event.topic_count:
            raise forms.ValidationError(self.topic_count_message(), code="topic_count")
        return sorted(set(chosen))

    def clean_website(self):
        if self.cleaned_data["website"]:
            raise forms.ValidationError(
                _("Ihre Anmeldung konnte nicht gesendet werden."), code="honeypot"
            )
        return ""

    def clean(self):
        cleaned_data = super().clean()
        if not self.event.registration_is_open():
            raise forms.ValidationError(self.closed_message(), code="closed")
        return cleaned_data

    def closed_message(self):
        if self.event.is_full():
            return _(
                "Diese Veranstaltung ist leider ausgebucht. Ihre Angaben wurden nicht gespeichert."
            )
        return _("Für diese Veranstaltung ist keine Anmeldung möglich.")

    def is_honeypot(self):
        return "website" in self.errors

    def chosen_topics(self):
        return [self.topic_texts[index] for index in self.cleaned_data.get("topics", [])]
