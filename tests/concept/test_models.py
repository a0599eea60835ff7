import datetime

import pytest

from django.core.exceptions import ValidationError

from wagtail.models import Page

from concept.factories import (
    ChapterPageFactory,
    DecidingBodyFactory,
    MeasurePageFactory,
    concept_tree,
    decision,
    progress,
)
from concept.models import ChapterPage, ConceptPage, MeasurePage
from home.models import HomePage, StandardPage

pytestmark = pytest.mark.django_db


def test_tree_rules(home):
    assert ConceptPage.can_create_at(home)
    assert not ConceptPage.can_create_at(Page.get_first_root_node())
    assert ConceptPage.allowed_parent_page_models() == [HomePage]
    assert ChapterPage.allowed_parent_page_models() == [ConceptPage]
    assert ChapterPage.allowed_subpage_models() == [MeasurePage]
    assert MeasurePage.allowed_subpage_models() == []
    assert not StandardPage.can_create_at(ChapterPageFactory.build())


def test_measure_number_combines_chapter_and_measure(home):
    tree = concept_tree(home, chapters=2, measures_per_chapter=5)
    measure = MeasurePage.objects.get(slug="massnahme-2-5")
    assert measure.full_number == "2.5"
    chapter = tree["chapters"][1]
    chapter.number = 7
    chapter.save()
    assert MeasurePage.objects.get(slug="massnahme-2-5").full_number == "7.5"


def test_chapter_numbers_are_unique_within_an_edition(home):
    tree = concept_tree(home, chapters=2, measures_per_chapter=0)
    duplicate = ChapterPageFactory.build(number=1, slug="noch-eins")
    with pytest.raises(ValidationError) as error:
        tree["concept"].add_child(instance=duplicate)
    assert "number" in error.value.message_dict
    other_edition = concept_tree(home, chapters=1, measures_per_chapter=0, slug="andere")
    assert other_edition["chapters"][0].number == 1  # the same number in another edition is fine


def test_measure_numbers_are_unique_within_a_chapter(home):
    tree = concept_tree(home, chapters=1, measures_per_chapter=2)
    duplicate = MeasurePageFactory.build(number=2, slug="doppelt")
    with pytest.raises(ValidationError) as error:
        tree["chapters"][0].add_child(instance=duplicate)
    assert "1.2" in str(error.value.message_dict["number"])


def test_end_before_start_is_refused(home):
    tree = concept_tree(home, chapters=1, measures_per_chapter=1)
    measure = tree["measures"][0]
    measure.start_date = datetime.date(2024, 1, 1)
    measure.end_date = datetime.date(2023, 1, 1)
    with pytest.raises(ValidationError) as error:
        measure.full_clean()
    assert "end_date" in error.value.message_dict


def test_current_status_is_the_latest_yearly_state(home):
    tree = concept_tree(home, chapters=1, measures_per_chapter=1)
    measure = tree["measures"][0]
    measure.progress = [progress(2019, "implemented"), progress(2018, "in_progress")]
    measure.save()
    measure.refresh_from_db()
    assert measure.status == "implemented"
    assert [state["year"] for state in measure.progress_history()] == [2019, 2018]


def test_decision_history_newest_first_and_adoption(home):
    council = DecidingBodyFactory(name="Kreistag")
    committee = DecidingBodyFactory(name="Ausschuss für soziale Angelegenheiten")
    tree = concept_tree(home, chapters=0)
    concept = tree["concept"]
    concept.decisions = [
        decision([council], datetime.date(2017, 12, 12), outcome="approved"),
        decision([committee], datetime.date(2024, 6, 18), outcome="approved"),
        decision([committee], datetime.date(2024, 3, 5), outcome="postponed"),
    ]
    concept.save()
    concept = ConceptPage.objects.get(pk=concept.pk)
    dates = [value["date"] for value in concept.decision_history()]
    assert dates == sorted(dates, reverse=True)
    adoption = concept.adoption()
    assert adoption["date"] == datetime.date(2024, 6, 18)
    assert adoption.body_names() == ["Ausschuss für soziale Angelegenheiten"]
