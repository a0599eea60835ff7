from django.db.models import Q

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from pagecache.tags import depends_on_descendants


class PortalSitemap(Sitemap):
    """All live public pages of the requested district, in every language it has."""

    def items(self):
        site = self.get_wagtail_site()
        depends_on_descendants(site.root_page)
        roots = Page.objects.filter(translation_key=site.root_page.translation_key).values_list(
            "path", flat=True
        )
        under_a_root = Q()
        for path in roots:
            under_a_root |= Q(path__startswith=path)
        return Page.objects.live().public().filter(under_a_root).order_by("path")

    def location(self, obj):
        # Relative to the requested host, so the port of a local run is kept.
        return self.request.build_absolute_uri(obj.get_url(self.request))

    def lastmod(self, obj):
        return obj.last_published_at

    def _urls(self, page, protocol, domain):
        return [
            {"item": item, "location": self.location(item), "lastmod": self.lastmod(item)}
            for item in self.paginator.page(page).object_list
        ]
