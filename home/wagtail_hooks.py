from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.models import Topic
from home.rich_text import LocalizedPageLinkHandler


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = _("Themen")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "slug", "locale"]
    list_filter = ["locale"]
    search_fields = ["name"]


register_snippet(TopicViewSet)


@hooks.register("register_rich_text_features", order=100)  # after Wagtail's own
def register_localized_page_links(features):
    features.register_link_type(LocalizedPageLinkHandler)
