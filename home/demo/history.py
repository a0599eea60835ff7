"""What happened after the first translations, so the demo shows a real translation status.

An office never has every page in every language in the same state. After the German pages
and their English and Arabic translations exist, this step plays a little history:

- the key pages (start page, contacts, the current concept) are translated into Turkish and
  Ukrainian, the start page also into Persian; every other page stays missing there, and
  Russian has no translated page at all;
- one Ukrainian translation is saved in the editor but not published yet (in progress);
- two German pages are corrected and republished after their translation (outdated).

Everything goes through wagtail-localize and page revisions, as editors and translators
would do it; no status is stored anywhere.
"""

from dataclasses import dataclass

from wagtail.models import Locale

from home.demo import demo_step
from home.demo.text import Glossary
from home.demo.translate import translate

# Pages by their slug path below the district's start page ("" is the start page), with
# the languages their texts in the demo modules carry beyond English and Arabic.
KEY_PAGE_TRANSLATIONS = {
    "rastatt": [
        ("", ("fa", "tr", "uk")),
        ("kontakte", ("tr", "uk")),
        ("integrationskonzept-2024", ("tr", "uk")),
    ],
    "rems-murr": [
        ("", ("fa", "tr", "uk")),
        ("kontakte", ("tr", "uk")),
        ("integrationsplan-2017", ("tr",)),
    ],
}

# Saved by a translator, not published yet: title, short title, intro and figures are done.
DRAFT_TRANSLATIONS = {"rems-murr": [("integrationsplan-2017", "uk")]}

NEWS_TEASER = (
    "Am 18. Juni 2024 hat der Ausschuss für soziale Angelegenheiten der Fortschreibung des "
    "Integrationskonzepts zugestimmt. Sie entstand in drei Workshops mit rund 130 "
    "Teilnehmenden."
)
MEASURE_PROGRESS = (
    "Die Übersicht über die Bildungsangebote für Zugewanderte liegt vor und wird laufend ergänzt."
)


def correct_teaser(page):
    """The news teaser said "gebilligt" and missed the workshops; the editor corrects it."""
    if page.teaser == NEWS_TEASER:
        return False
    page.teaser = NEWS_TEASER
    return True


def report_progress(page):
    """Measure 1.3 is implemented, but its 2018 state still said that work had begun."""
    blocks = page.progress.get_prep_value()
    changed = False
    for block in blocks:
        if block["value"].get("year") == 2018 and block["value"]["text"] != MEASURE_PROGRESS:
            block["value"]["text"] = MEASURE_PROGRESS
            changed = True
    if changed:
        page.progress = blocks
    return changed


@dataclass(frozen=True)
class Correction:
    """A change to a German page, published after the page was translated."""

    path: str
    change: object  # callable(page) -> bool, True if it changed the page


CORRECTIONS = {
    "rastatt": [Correction("aktuelles/integrationskonzept-beschlossen", correct_teaser)],
    "rems-murr": [
        Correction("integrationsplan-2017/bildung-und-sprache/massnahme-1-3", report_progress)
    ],
}


def page_at(home, path):
    """The German page at this slug path below the start page, or None."""
    page = home
    for slug in filter(None, path.split("/")):
        page = page.get_children().filter(slug=slug, locale=home.locale).first()
        if page is None:
            return None
    return page.specific


def translate_page(builder, page, code, publish=True):
    """Translate a German page with its demo texts, unless that language exists already."""
    if page is None or page.get_translation_or_none(Locale.objects.get(language_code=code)):
        return
    glossary = builder.glossaries.get(page.pk, Glossary())
    translate(page, code, glossary.translations(code), builder.admin, publish=publish)
    builder.created += 1


@demo_step(order=90)
def build_translation_history(builder, district, site, home):
    for path, codes in KEY_PAGE_TRANSLATIONS.get(district.key, []):
        for code in codes:
            translate_page(builder, page_at(home, path), code)

    for path, code in DRAFT_TRANSLATIONS.get(district.key, []):
        translate_page(builder, page_at(home, path), code, publish=False)

    for correction in CORRECTIONS.get(district.key, []):
        page = page_at(home, correction.path)
        if page is None:
            continue
        latest = page.get_latest_revision_as_object()
        if correction.change(latest):
            latest.save_revision(user=builder.admin).publish(user=builder.admin)
            builder.created += 1
