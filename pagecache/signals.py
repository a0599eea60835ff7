"""Which cached responses a change drops (see pagecache/tags.py)."""

from django.db.models.signals import post_delete, post_init, post_save
from django.dispatch import receiver

from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from pagecache.tags import (
    ANY_PAGE,
    IGNORED_MODELS,
    descendants_tag,
    instance_tags,
    invalidate,
    model_label,
    model_tag,
    record_instance,
)

# Every record loaded while a response is rendered tags it.
post_init.connect(record_instance, dispatch_uid="pagecache_record_instance")


def structure_tags(page, parent_path=None):
    """A page appeared, disappeared or moved under the parent at `parent_path` (default: its
    current parent): that parent's list of children and the descendants of each ancestor are
    different now (listings, menus, feeds, sitemap, latest news)."""
    parent_path = parent_path or page.path[: -Page.steplen]
    steps = Page.steplen
    paths = [parent_path[:end] for end in range(steps, len(parent_path) + 1, steps)]
    keys = list(
        Page.objects.filter(path__in=paths)
        .order_by("path")
        .values_list("translation_key", flat=True)
    )
    tags = {f"descendants:{key}" for key in keys}
    if keys:
        tags.add(f"children:{keys[-1]}")
    tags.add(model_tag(type(page)))
    tags.add(ANY_PAGE)
    return tags


@receiver(post_save, dispatch_uid="pagecache_saved")
@receiver(post_delete, dispatch_uid="pagecache_deleted")
def record_changed(sender, instance, raw=False, **kwargs):
    """Any record saved or deleted: the responses that loaded it, and listings of its kind."""
    if raw or instance.pk is None or model_label(sender._meta.concrete_model) in IGNORED_MODELS:
        return
    tags = instance_tags(instance) | {model_tag(sender)}
    if isinstance(instance, Page) and (
        kwargs.get("signal") is post_delete or (kwargs.get("created") and instance.live)
    ):
        # Deleted, or created live (imports, generated data) without a publish signal.
        tags |= structure_tags(instance)
    invalidate(*tags)


@receiver(page_published, dispatch_uid="pagecache_published")
@receiver(page_unpublished, dispatch_uid="pagecache_unpublished")
def page_went_live_or_offline(sender, instance, **kwargs):
    invalidate(*instance_tags(instance), *structure_tags(instance))


@receiver(post_page_move, dispatch_uid="pagecache_moved")
def page_moved(sender, instance, parent_page_before, parent_page_after, **kwargs):
    invalidate(
        *instance_tags(instance),
        descendants_tag(instance),  # addresses and breadcrumbs below it changed too
        *structure_tags(instance, parent_path=parent_page_before.path),
        *structure_tags(instance, parent_path=parent_page_after.path),
    )
