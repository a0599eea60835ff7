"""The read-only Wagtail API v2: pages, images, documents and public contacts."""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from contacts.api import ContactsAPIViewSet


class PortalPagesAPIViewSet(PagesAPIViewSet):
    """Wagtail's pages endpoint, with each page's locale read in the same query (the listing
    shows `meta.locale`, which otherwise costs one query per page)."""

    def get_queryset(self):
        return super().get_queryset().select_related("locale")


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PortalPagesAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
api_router.register_endpoint("documents", DocumentsAPIViewSet)
api_router.register_endpoint("contacts", ContactsAPIViewSet)
