"""Admin checks that Wagtail leaves to the model permission, and the translators' submit button."""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.urls import path, reverse
from django.utils.translation import gettext as _

from wagtail import hooks
from wagtail.admin.widgets import Button
from wagtail.models import GroupPagePermission, TranslatableMixin
from wagtail.permissions import policy_registry

from roles.localize import enabled_translation, guarded_urls
from roles.models import Role, RoleGroup
from roles.permissions import DistrictSnippetPermissionPolicy, district_roles, translates_only
from roles.views import SubmitTranslationView


@hooks.register("register_admin_urls", order=-10)
def register_admin_urls():
    return [
        *guarded_urls(),
        path(
            "roles/pages/<int:page_id>/submit-translation/",
            SubmitTranslationView.as_view(),
            name="roles_submit_translation",
        ),
    ]


def _sites_user_may_write(user):
    """Sites whose records the user changes as editor or officer; None means no limit."""
    roles = district_roles(user)
    if user.is_superuser or not roles or any(site_id is None for _role, site_id in roles):
        return None
    return {site_id for role, site_id in roles if role in (Role.EDITOR, Role.OFFICER)}


def _check_posted_site(request, model):
    """A record cannot be created in, or moved to, a district the user does not work for."""
    if request.method != "POST" or not any(f.name == "site" for f in model._meta.get_fields()):
        return
    allowed = _sites_user_may_write(request.user)
    posted = request.POST.get("site", "")
    if allowed is not None and posted.isdigit() and int(posted) not in allowed:
        raise PermissionDenied


def _has_instance_policy(model):
    return isinstance(
        policy_registry.get_by_type(model, fallback=False), DistrictSnippetPermissionPolicy
    )


@hooks.register("before_edit_snippet", order=-10)
def check_snippet_edit(request, instance):
    """The edit view checks only the model permission; the record decides here.

    Translators change translations through wagtail-localize's editor, which shows the
    translatable texts only; the plain form would also offer the synchronised fields.
    """
    model = type(instance)
    if not _has_instance_policy(model):
        return None
    user = request.user
    policy = policy_registry.get_by_type(model)
    if not policy.user_has_permission_for_instance(user, "change", instance):
        raise PermissionDenied
    restarting_sync = request.method == "POST" and "localize-restart-translation" in request.POST
    if (
        isinstance(instance, TranslatableMixin)
        and not user.is_superuser
        and translates_only(user, instance)
        and not (restarting_sync or _has_synced_translation(instance))
    ):
        raise PermissionDenied
    _check_posted_site(request, model)
    return None


def _has_synced_translation(instance):
    from wagtail_localize.models import Translation

    return Translation.objects.filter(
        source__object_id=instance.translation_key,
        target_locale_id=instance.locale_id,
        enabled=True,
    ).exists()


@hooks.register("before_delete_snippet", order=-10)
def check_snippet_delete(request, instances):
    for instance in instances:
        model = type(instance)
        if _has_instance_policy(model) and not policy_registry.get_by_type(
            model
        ).user_has_permission_for_instance(request.user, "delete", instance):
            raise PermissionDenied
    return None


@hooks.register("before_create_snippet", order=-10)
def check_snippet_create(request, model):
    if _has_instance_policy(model):
        _check_posted_site(request, model)
    return None


@hooks.register("before_move_page")
def check_page_move(request, page, destination):
    """Wagtail checks the move on POST only; its confirmation page would show anybody the
    (draft) titles of pages they may not even see."""
    if not page.permissions_for_user(request.user).can_move_to(destination):
        raise PermissionDenied


@hooks.register("filter_form_submissions_for_user")
def form_submissions_for_staff(user, form_pages):
    """Submissions hold residents' personal data: only for those who edit the form page as
    editor or officer – never because of a translator role."""
    if user.is_superuser:
        return form_pages
    translator_groups = RoleGroup.objects.filter(role=Role.TRANSLATOR).values("group_id")
    grants = (
        GroupPagePermission.objects.filter(
            group__user=user, permission__codename__in=["change_page", "publish_page"]
        )
        .exclude(group_id__in=translator_groups)
        .values_list("page__path", flat=True)
    )
    within = Q(pk__in=[])
    for page_path in set(grants):
        within |= Q(path__startswith=page_path)
    return form_pages.filter(within)


def submit_translation_buttons(page, user, view_name=None, next_url=None):
    """Offers "Zur Freigabe einreichen" for a synced translation the user may not publish."""
    if page.depth < 2 or enabled_translation(page) is None:
        return
    perms = page.permissions_for_user(user)
    if perms.can_publish() or not perms.can_submit_for_moderation():
        return
    yield Button(
        _("Übersetzung zur Freigabe einreichen"),
        reverse("roles_submit_translation", args=[page.pk]),
        icon_name="resubmit",
        priority=55,
    )


hooks.register("register_page_header_buttons", submit_translation_buttons)
hooks.register("register_page_listing_more_buttons", submit_translation_buttons)
