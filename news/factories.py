"""Test data for news: the news index of a district and its news items."""

import datetime

import factory
import wagtail_factories

from news.models import NewsIndexPage, NewsPage


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "Aktuelles"
    slug = "aktuelles"
    intro = factory.Faker("sentence", locale="de_DE")
    live = True

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Nachricht {n}")
    slug = factory.Sequence(lambda n: f"nachricht-{n}")
    date = factory.Sequence(lambda n: datetime.date(2024, 1, 1) + datetime.timedelta(days=n))
    teaser = factory.Faker("sentence", locale="de_DE")
    live = True

    class Meta:
        model = NewsPage


def news_item(index, tags=(), related=(), topics=(), **fields):
    """A published news item with tags, related chapters/measures and topics."""
    from news.models import NewsRelatedPage, NewsTopic

    page = NewsPageFactory.build(**fields)
    page.related_page_links = [NewsRelatedPage(target=target) for target in related]
    page.topic_links = [NewsTopic(topic=topic) for topic in topics]
    if tags:
        page.tags.add(*tags)
    index.add_child(instance=page)
    page.save_revision().publish()
    return NewsPage.objects.get(pk=page.pk)
