"""Page rules, translation of synchronised fields, and the API fields of news."""

import datetime

import pytest

from wagtail.models import Locale

from concept.factories import concept_tree
from home.factories import translate_page
from home.models import HomePage, StandardPage, Topic
from news.factories import NewsIndexPageFactory, news_item
from news.models import NewsIndexPage, NewsPage

pytestmark = pytest.mark.django_db


def test_page_tree_rules():
    assert NewsIndexPage.parent_page_types == ["home.HomePage"]
    assert NewsIndexPage.subpage_types == ["news.NewsPage"]
    assert NewsPage.parent_page_types == ["news.NewsIndexPage"]
    assert NewsPage.subpage_types == []
    assert "news.NewsIndexPage" in HomePage.subpage_types


def test_one_news_index_per_home(home, other_site):
    assert NewsIndexPage.can_create_at(home)
    assert not NewsIndexPage.can_create_at(StandardPage())
    NewsIndexPageFactory(parent=home)
    assert not NewsIndexPage.can_create_at(home)
    assert NewsIndexPage.can_create_at(other_site.root_page.specific)


def test_news_page_only_under_news_index(home, news_index):
    assert NewsPage.can_create_at(news_index)
    assert not NewsPage.can_create_at(home)


def test_lead_image_needs_alt_text(news_index, image):
    from django.core.exceptions import ValidationError

    page = news_item(news_index, title="Bild")
    page.lead_image = image
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "lead_image_alt" in error.value.message_dict


def test_translation_keeps_date_image_tags_and_links(home, news_index, image):
    tree = concept_tree(home, chapters=1, measures_per_chapter=1)
    topic = Topic.objects.create(name="Wohnen", slug="wohnen", locale=Locale.get_default())
    page = news_item(
        news_index,
        title="Beschluss",
        date=datetime.date(2024, 6, 18),
        lead_image=image,
        lead_image_alt="Sitzungssaal",
        concept=tree["concept"],
        tags=["Beschluss", "Wohnen"],
        related=[tree["measures"][0]],
        topics=[topic],
    )
    translate_page(home, "en")
    english = translate_page(page, "en")
    assert english.date == datetime.date(2024, 6, 18)
    assert english.lead_image_id == image.pk
    assert english.concept_id == tree["concept"].pk
    assert sorted(english.tag_names) == ["Beschluss", "Wohnen"]
    assert english.related_page_ids == [tree["measures"][0].pk]
    assert english.topic_slugs == ["wohnen"]


def test_synchronised_fields_are_declared():
    from wagtail_localize.fields import SynchronizedField

    synchronised = {
        field.field_name
        for field in NewsPage.override_translatable_fields
        if isinstance(field, SynchronizedField)
    }
    assert {"date", "lead_image", "tags", "related_page_links", "topic_links"} <= synchronised


def test_api_fields(client, home, news_index):
    tree = concept_tree(home, chapters=1, measures_per_chapter=1)
    page = news_item(
        news_index,
        title="Arbeitsgruppe",
        date=datetime.date(2017, 5, 8),
        tags=["Arbeitsmarkt"],
        related=[tree["chapters"][0]],
        concept=tree["concept"],
    )
    response = client.get(
        "/api/v2/pages/",
        {
            "type": "news.NewsPage",
            "fields": "date,teaser,tag_names,related_page_ids,concept_id,topic_slugs",
        },
    )
    assert response.status_code == 200
    item = next(i for i in response.json()["items"] if i["id"] == page.pk)
    assert item["date"] == "2017-05-08"
    assert item["teaser"] == page.teaser
    assert item["tag_names"] == ["Arbeitsmarkt"]
    assert item["related_page_ids"] == [tree["chapters"][0].pk]
    assert item["concept_id"] == tree["concept"].pk


def test_factories_build_published_pages(news_index):
    page = news_item(news_index, tags=["A"])
    assert page.live and page.get_parent().pk == news_index.pk
    assert page.tag_names == ["A"]
