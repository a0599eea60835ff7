"""Events of the integration office: workshops and meetings, their calendar files and the
registrations readers send for them."""

from events.models.pages import EventIndexPage, EventPage, EventTopic, RegistrationStatus
from events.models.registration import Registration

__all__ = ["EventIndexPage", "EventPage", "EventTopic", "Registration", "RegistrationStatus"]
