"""The public search page of a district and language, and its suggestions endpoint."""

from django.http import HttpResponseRedirect, JsonResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from wagtail.models import Page

from home.i18n import localize_all
from home.navigation import SiteChrome
from search.models import SearchTerm
from search.promotions import promotions_for
from search.query import MAX_QUERY_LENGTH, SearchText
from search.services import Kind, SiteSearch

SUGGESTION_LIMIT = 8
MIN_SUGGEST_LENGTH = 2


def _scope(request):
    """(site, home page in the reader's language or German) of the request."""
    chrome = SiteChrome(request)
    return chrome, chrome.site, chrome.home


def topic_options(home):
    """Fields of action of the district's concept chapters, in the reader's language."""
    from concept.models import ChapterPage
    from home.models import Topic

    topics = Topic.objects.filter(
        pk__in=ChapterPage.objects.live().descendant_of(home).values("topic_id")
    )
    localized = localize_all(list(topics))
    return sorted({topic.slug: topic for topic in localized}.values(), key=lambda t: t.name)


@require_GET
def search_view(request):
    chrome, site, home = _scope(request)
    raw = request.GET.get("q", "")
    kind = request.GET.get("typ", "")
    topic = request.GET.get("thema", "")
    context = {
        "chrome": chrome,
        "search_query": raw[: MAX_QUERY_LENGTH * 2],
        "kinds": Kind.choices(),
        "selected_kind": kind if kind in Kind.LABELS else "",
        "selected_topic": topic,
    }
    if home is None:
        return TemplateResponse(request, "search/search_results.html", context)

    text = SearchText(raw, language=home.locale.language_code)
    search = SiteSearch(request, site, home, text, kind, topic)
    first_page = request.GET.get("page", "1") in ("", "1")
    context.update(
        {
            "search_text": text,
            "topics": topic_options(home),
            "is_filtered": bool(search.kind or topic),
        }
    )
    if not text:
        return TemplateResponse(request, "search/search_results.html", context)

    jump = search.measure_matches
    if len(jump) == 1 and first_page and not topic:
        SearchTerm.record(site, chrome.language_code, text.recorded_term, 1)
        return HttpResponseRedirect(jump[0].get_url(request))

    results = search.page(request.GET.get("page"))
    promotions = promotions_for(text, home, search) if first_page else []
    if first_page:
        SearchTerm.record(site, chrome.language_code, text.recorded_term, results.paginator.count)
    context.update(
        {
            "results": results,
            "promotions": promotions,
            "any_word": search.any_word,
            "measure_matches": jump,
            "popular_terms": (
                SearchTerm.popular(site, chrome.language_code)
                if not results.paginator.count and not promotions
                else []
            ),
            "filter_query": _filter_query(text.text, search.kind, topic),
        }
    )
    return TemplateResponse(request, "search/search_results.html", context)


def _filter_query(text, kind, topic):
    from urllib.parse import urlencode

    return urlencode([(k, v) for k, v in (("q", text), ("typ", kind), ("thema", topic)) if v])


def _error(message):
    return JsonResponse({"error": message}, status=400, json_dumps_params={"ensure_ascii": False})


@require_GET
def suggest_view(request):
    """Titles of pages and names of contacts beginning like the typed text, as JSON."""
    raw = request.GET.get("q", "")
    if len(raw) > MAX_QUERY_LENGTH:
        return _error(
            _("Die Suchanfrage ist zu lang (höchstens %(max)s Zeichen).")
            % {"max": MAX_QUERY_LENGTH}
        )
    text = SearchText(raw)
    if len(" ".join(text.terms)) < MIN_SUGGEST_LENGTH:
        return _error(
            _("Bitte geben Sie mindestens %(min)s Buchstaben oder Ziffern ein.")
            % {"min": MIN_SUGGEST_LENGTH}
        )
    chrome, site, home = _scope(request)
    suggestions = []
    if home is not None:
        search = SiteSearch(request, site, home, text)
        words = " ".join(text.terms)
        pages = Page.objects.live().descendant_of(home, inclusive=True).autocomplete(words)
        for page in pages[: SUGGESTION_LIMIT * 2]:
            if search.is_visible(page) and len(suggestions) < SUGGESTION_LIMIT:
                suggestions.append(
                    {"label": page.title, "type": Kind.for_page(page), "url": page.get_url(request)}
                )
        directory = _directory(home)
        contacts = search._contact_queryset().autocomplete(words)[: SUGGESTION_LIMIT // 2]
        for contact in contacts:
            suggestions.append(
                {
                    "label": contact.name,
                    "type": Kind.CONTACT,
                    "url": directory.contact_url(contact, request) if directory else "",
                }
            )
    response = JsonResponse(
        {"query": text.text, "suggestions": suggestions}, json_dumps_params={"ensure_ascii": False}
    )
    response["Cache-Control"] = "public, max-age=300"
    return response


def _directory(home):
    from contacts.models import ContactDirectoryPage

    return ContactDirectoryPage.objects.live().descendant_of(home).first()
