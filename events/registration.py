"""Storing a registration and confirming it to the participant in their language."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from events.models import Registration
from home.models import DistrictSettings


def register(event, form, request):
    """Store the registration on the source-language event and send the confirmation."""
    data = form.cleaned_data
    registration = Registration.objects.create(
        event=event.source_event,
        name=data["name"],
        email=data["email"],
        phone=data.get("phone", ""),
        topics=form.chosen_topics(),
        topic_indices=data.get("topics", []),
        language=get_language() or settings.LANGUAGE_CODE,
        consent=data["consent"],
    )
    send_confirmation(event, registration, request)
    return registration


def send_confirmation(event, registration, request):
    """The participant's confirmation, in the language they registered in."""
    district = DistrictSettings.for_request(request)
    context = {
        "event": event,
        "registration": registration,
        "district": district,
        "url": event.get_full_url(request),
    }
    send_mail(
        subject=_("Ihre Anmeldung: %(title)s") % {"title": event.title},
        message=render_to_string("events/email/confirmation.txt", context, request=request),
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[registration.email],
        fail_silently=False,
    )
