"""Events as iCalendar (RFC 5545) files that calendar programs import."""

import zoneinfo

from icalendar import Calendar, Event, Timezone

from django.http import HttpResponse
from django.utils import timezone

EVENT_TIME_ZONE = "Europe/Berlin"


def event_component(event, request):
    berlin = zoneinfo.ZoneInfo(EVENT_TIME_ZONE)
    component = Event()
    # The same event in every language is one calendar entry.
    component.add("uid", f"{event.translation_key}@{request.get_host().split(':')[0]}")
    stamp = event.last_published_at or timezone.now()
    component.add("dtstamp", stamp.astimezone(zoneinfo.ZoneInfo("UTC")))
    component.add("dtstart", event.start.astimezone(berlin))
    component.add("dtend", event.end.astimezone(berlin))
    component.add("summary", event.title)
    component.add("location", ", ".join(part for part in (event.place, event.address) if part))
    component.add("url", event.get_full_url(request))
    if event.intro:
        component.add("description", event.intro)
    return component


def build_calendar(events, request, name=""):
    calendar = Calendar()
    calendar.add("prodid", "-//Integrationsportal//Veranstaltungen//DE")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    if name:
        calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", EVENT_TIME_ZONE)
    if events:
        # Only the years the events need, not 1970 to 2038.
        first = min(event.start for event in events).date().replace(month=1, day=1)
        last = max(event.end for event in events).date().replace(month=12, day=31)
        calendar.add_component(
            Timezone.from_tzid(EVENT_TIME_ZONE, first_date=first, last_date=last)
        )
    for event in events:
        calendar.add_component(event_component(event, request))
    return calendar


def calendar_response(request, events, filename, name=""):
    calendar = build_calendar(events, request, name=name)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
