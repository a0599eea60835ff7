"""Test data for the concept tree: editions, chapters, measures, vocabularies."""

import uuid

import factory
import wagtail_factories

from wagtail.models import Locale

from concept.models import (
    ChapterPage,
    ConceptPage,
    CrossCuttingNeed,
    DecidingBody,
    MeasureCatalogPage,
    MeasurePage,
    ProgressReportPage,
    TargetGroup,
)


class DecidingBodyFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Ausschuss {n}")
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = DecidingBody


class TargetGroupFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Zielgruppe {n}")
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = TargetGroup


class CrossCuttingNeedFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Querschnittsthema {n}")
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = CrossCuttingNeed


def decision(bodies, date, subject="Integrationskonzept", outcome="approved"):
    """Raw StreamField data for one decision block."""
    return {
        "type": "decision",
        "id": str(uuid.uuid4()),
        "value": {
            "bodies": [
                {"type": "body", "value": body.pk, "id": str(uuid.uuid4())} for body in bodies
            ],
            "date": date.isoformat(),
            "subject": subject,
            "outcome": outcome,
            "document": None,
            "minutes_url": "",
        },
    }


def progress(year, status, text="Bericht", indicator=""):
    """Raw StreamField data for one yearly state of a measure."""
    return {
        "type": "update",
        "id": str(uuid.uuid4()),
        "value": {"year": year, "status": status, "text": text, "indicator": indicator},
    }


class ConceptPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Integrationskonzept {2016 + n}")
    slug = factory.Sequence(lambda n: f"integrationskonzept-{n}")
    intro = factory.Faker("sentence", locale="de_DE")
    period = "2017"
    edition_status = "adopted"
    live = True

    class Meta:
        model = ConceptPage


class ChapterPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Themenfeld {n}")
    slug = factory.Sequence(lambda n: f"kapitel-{n}")
    number = factory.Sequence(lambda n: n + 1)
    intro = factory.Faker("sentence", locale="de_DE")
    live = True

    class Meta:
        model = ChapterPage


class MeasurePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Maßnahme {n}")
    slug = factory.Sequence(lambda n: f"massnahme-{n}")
    number = factory.Sequence(lambda n: n + 1)
    intro = factory.Faker("sentence", locale="de_DE")
    status = "planned"
    timeframe = "short"
    kind = "district"
    live = True

    class Meta:
        model = MeasurePage


class MeasureCatalogPageFactory(wagtail_factories.PageFactory):
    title = "Maßnahmenkatalog"
    slug = "massnahmenkatalog"
    live = True

    class Meta:
        model = MeasureCatalogPage


class ProgressReportPageFactory(wagtail_factories.PageFactory):
    title = factory.LazyAttribute(lambda o: f"Jahresbericht {o.year}")
    slug = factory.LazyAttribute(lambda o: f"jahresbericht-{o.year}")
    year = 2018
    live = True

    class Meta:
        model = ProgressReportPage


def concept_tree(home, chapters=2, measures_per_chapter=3, **concept_fields):
    """An edition with numbered chapters and measures, a catalogue and a report page."""
    concept = ConceptPageFactory(parent=home, **concept_fields)
    built = {"concept": concept, "chapters": [], "measures": []}
    for chapter_number in range(1, chapters + 1):
        chapter = ChapterPageFactory(
            parent=concept, number=chapter_number, slug=f"kapitel-{chapter_number}"
        )
        built["chapters"].append(chapter)
        for measure_number in range(1, measures_per_chapter + 1):
            built["measures"].append(
                MeasurePageFactory(
                    parent=chapter,
                    number=measure_number,
                    slug=f"massnahme-{chapter_number}-{measure_number}",
                    title=f"Maßnahme {chapter_number}.{measure_number}",
                )
            )
    built["catalogue"] = MeasureCatalogPageFactory(parent=concept)
    built["report"] = ProgressReportPageFactory(parent=concept, year=2018)
    return built
