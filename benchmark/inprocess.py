"""Measurements inside one Django process with the test client (`manage.py bench_measure`).

For each public page type in German and Arabic: the database queries of an uncached request
(after two warm-up requests, so process-wide caches such as content types are filled), the
queries of a request served from the page cache, and the server time of many uncached
requests. For the admin: the page listing of the chapter with the most measures and saving a
measure through the edit view, as a logged-in superuser.
"""

import time
from urllib.parse import quote

from django.contrib.auth import get_user_model
from django.db import connection
from django.db.models import Count
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings

from wagtail.models import Locale, Page, Site

from benchmark.report import LANGUAGES, PAGE_KINDS, summary_ms
from benchmark.texts import COMMON_TERM, RARE_TERM
from home.form_data import edit_form_data
from pagecache.tags import page_cache

HOST = "localhost"
ADMIN_USER = "bench-admin"


def path_of(page):
    """The path (with language prefix) of a page on its own site."""
    return page.specific.get_url_parts()[2]


def bench_urls(language_code):
    """{kind: path} of one page of each type on the default site in this language: the
    adopted edition, its chapter with the most measures and that chapter's second measure."""
    from concept.models import (
        ConceptPage,
        MeasureCatalogPage,
        MeasurePage,
        ProgressReportPage,
    )
    from contacts.models import Contact, ContactDirectoryPage
    from events.models import EventIndexPage, EventPage
    from news.models import NewsIndexPage, NewsPage

    site = Site.objects.get(is_default_site=True)
    locale = Locale.objects.get(language_code=language_code)
    home = Page.objects.get(translation_key=site.root_page.translation_key, locale=locale)
    concept = (
        ConceptPage.objects.child_of(home).live().filter(edition_status="adopted").first()
        or ConceptPage.objects.child_of(home).live().first()
    )
    chapter = chapter_with_most_measures(concept)
    measures = list(MeasurePage.objects.child_of(chapter).live().order_by("number")[:2])
    news_index = NewsIndexPage.objects.child_of(home).live().first()
    event_index = EventIndexPage.objects.child_of(home).live().first()
    # The latest event (the generated data's featured workshop with registration), the
    # oldest news item and the first contact: the same entities in the full and half data.
    event = EventPage.objects.child_of(event_index).live().order_by("-start", "pk").first()
    news = NewsPage.objects.child_of(news_index).live().order_by("date", "pk").first()
    directory = ContactDirectoryPage.objects.child_of(home).live().first()
    contact = Contact.objects.filter(site=site, locale=locale, is_public=True).order_by("pk")[0]
    catalogue = MeasureCatalogPage.objects.child_of(concept).live().first()
    contact_path = path_of(directory) + directory.reverse_subpage(
        "contact", kwargs={"contact_id": contact.pk, "slug": contact.slug}
    ).lstrip("/")
    return {
        "home": path_of(home),
        "concept": path_of(concept),
        "chapter": path_of(chapter),
        "measure": path_of(measures[-1]),
        "catalogue": path_of(catalogue),
        "catalogue_csv": path_of(catalogue) + "export/csv/",
        "report": path_of(ProgressReportPage.objects.child_of(concept).live().first()),
        "news_index": path_of(news_index),
        "news": path_of(news),
        "event": path_of(event),
        "contacts": path_of(directory),
        "contact": contact_path,
        "search_common": f"/{language_code}/search/?q={quote(COMMON_TERM[language_code])}",
        "search_rare": f"/{language_code}/search/?q={quote(RARE_TERM[language_code])}",
        "api_measures": f"/api/v2/pages/?type=concept.MeasurePage&locale={language_code}",
    }


def chapter_with_most_measures(concept):
    from concept.models import ChapterPage

    return ChapterPage.objects.child_of(concept).live().order_by("-numchild", "number").first()


def fetch(client, url, **extra):
    """GET `url` and read the whole body (streaming responses too)."""
    response = client.get(url, HTTP_HOST=HOST, **extra)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return response, body


def count_queries(client, url):
    with CaptureQueriesContext(connection) as context:
        response, body = fetch(client, url)
    return response, body, len(context.captured_queries)


def measure_page(url, requests, timing=True):
    """Queries (uncached and from the page cache) and server time of one URL."""
    result = {"url": url}
    client = Client()
    response, body, cold = count_queries(client, url)
    fetch(client, url)
    response, body, warm = count_queries(client, url)
    result.update(
        status=response.status_code,
        bytes=len(body),
        content_type=response.get("Content-Type", ""),
        queries={"full": warm, "cold": cold},
    )
    if response.status_code != 200:
        result["error"] = f"{url}: status {response.status_code}"
        return result

    # From the page cache: a reader without cookies asks twice; the second is served stored.
    with override_settings(PAGE_CACHE_ENABLED=True):
        page_cache().clear()
        reader = Client()
        fetch(reader, url)
        cached_response, _body, cached = count_queries(reader, url)
        page_cache().clear()
    result["queries"]["cached"] = cached
    result["queries"]["cache_header"] = cached_response.get("X-Page-Cache", "")

    if timing:
        durations = []
        for _ in range(requests):
            started = time.perf_counter()
            response, _body = fetch(client, url)
            durations.append(time.perf_counter() - started)
            if response.status_code != 200:
                result["error"] = f"{url}: status {response.status_code} while timing"
                break
        result["inprocess"] = summary_ms(durations)
    return result


def measure_pages(requests, timing=True, log=print):
    rows = []
    for lang in LANGUAGES:
        urls = bench_urls(lang)
        for kind, _label, _category in PAGE_KINDS:
            row = {"kind": kind, "lang": lang}
            try:
                row.update(measure_page(urls[kind], requests, timing=timing))
            except Exception as error:  # reported; fails the run
                row.update(url=urls[kind], error=f"{urls[kind]}: {type(error).__name__}: {error}")
            rows.append(row)
            log(
                f"  {kind:<14} {lang}  {row.get('status', '-')}  "
                f"{(row.get('queries') or {}).get('full', '-')} queries  "
                f"p95 {(row.get('inprocess') or {}).get('p95_ms', '-')} ms"
            )
    return rows


# --- admin -----------------------------------------------------------------------------------


def admin_user():
    User = get_user_model()
    user, _created = User.objects.get_or_create(
        username=ADMIN_USER,
        defaults={"email": "bench-admin@example.org", "is_staff": True, "is_superuser": True},
    )
    if not (user.is_staff and user.is_superuser):
        user.is_staff = user.is_superuser = True
        user.save(update_fields=["is_staff", "is_superuser"])
    return user


def measure_admin(requests, log=print):
    """The page listing of the chapter with the most measures, and saving a measure."""
    from concept.models import ConceptPage, MeasurePage

    site = Site.objects.get(is_default_site=True)
    german = Locale.get_default()
    concepts = ConceptPage.objects.descendant_of(site.root_page).filter(locale=german)
    chapter = max(
        (chapter_with_most_measures(concept) for concept in concepts),
        key=lambda page: (page.numchild, -page.pk),
    )
    measure = MeasurePage.objects.child_of(chapter).order_by("number").first()
    user = admin_user()
    client = Client()
    client.force_login(user)
    results = {}

    listing_url = f"/admin/pages/{chapter.pk}/"
    durations, errors = [], []
    for attempt in range(requests + 1):
        started = time.perf_counter()
        response = client.get(listing_url, HTTP_HOST=HOST)
        elapsed = time.perf_counter() - started
        if response.status_code != 200:
            errors.append(f"{listing_url}: status {response.status_code}")
            break
        if attempt:  # the first request warms up the admin's caches
            durations.append(elapsed)
    results["listing"] = {
        "subject": f"{listing_url} ({chapter.numchild} measures)",
        "url": listing_url,
        **summary_ms(durations),
    }
    log(f"  admin listing  {results['listing']}")

    edit_url = f"/admin/pages/{measure.pk}/edit/"
    durations = []
    for attempt in range(max(2, requests // 2) + 1):
        data = edit_form_data(measure, user)
        started = time.perf_counter()
        response = client.post(edit_url, data, HTTP_HOST=HOST)
        elapsed = time.perf_counter() - started
        if response.status_code != 302:
            errors.append(
                f"saving {edit_url}: status {response.status_code} {form_errors(response)}".strip()
            )
            break
        if attempt:
            durations.append(elapsed)
    results["save"] = {
        "subject": f"{edit_url} (save draft)",
        "url": edit_url,
        **summary_ms(durations),
    }
    log(f"  admin save     {results['save']}")
    return results, errors


def form_errors(response):
    """The error messages of a re-rendered admin form (first few), for the report."""
    import re

    text = response.content.decode(errors="replace")
    found = re.findall(r'class="error-message"[^>]*>\s*<p>(.*?)</p>', text, re.S)
    found += re.findall(r'<p class="error-message">(.*?)</p>', text, re.S)
    return "; ".join(item.strip() for item in found[:5])


def collect(requests, timing=True, admin=True, log=print):
    """Everything this process measures, as the JSON part `bench_measure` writes."""
    from django.conf import settings

    result = {
        "settings": settings.SETTINGS_MODULE,
        "debug": settings.DEBUG,
        "page_cache_backend": settings.CACHES["pagecache"]["BACKEND"],
        "rows": measure_pages(requests, timing=timing, log=log),
        "errors": [],
    }
    result["errors"] += [row["error"] for row in result["rows"] if row.get("error")]
    if admin:
        try:
            result["admin"], errors = measure_admin(max(3, min(20, requests // 5)), log=log)
            result["errors"] += errors
        except Exception as error:  # reported; fails the run
            result["errors"].append(f"admin: {type(error).__name__}: {error}")
    return result


def page_counts():
    """How many pages of each measured type the database holds (for the report)."""
    from django.contrib.contenttypes.models import ContentType

    return {
        f"{ct.app_label}.{ct.model}": count
        for ct, count in (
            (ContentType.objects.get_for_id(row["content_type"]), row["n"])
            for row in Page.objects.values("content_type").annotate(n=Count("pk"))
        )
    }
