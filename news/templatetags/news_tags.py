"""News on other pages: the latest news on the home page, "Aktuelles" on chapters and measures."""

from django import template

from news.models import latest_news, news_about

register = template.Library()


@register.simple_tag
def latest_news_of(home, limit=3):
    """The newest news of this home page's district and language."""
    return latest_news(home, limit)


@register.simple_tag
def news_about_page(page, limit=5):
    """News in the page's language that refer to this chapter or measure."""
    return news_about(page, limit)
