"""Per-instance rules for the translatable snippets, on top of the model permissions.

Wagtail's model permissions say "may change contacts" – all of them. Two rules narrow that:
a district's staff only change records of their own district (contacts, buildings and
organisations carry a site), and translators only change translations, never the German
source. German records stay readable for everybody with access.
"""

from django.apps import apps
from django.db.models import Q

from wagtail.models import Locale
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from roles.models import Role, RoleGroup

WRITE_ACTIONS = {"change", "delete", "publish", "lock", "unlock"}


def district_roles(user):
    """(role, site id) of the user's role groups, remembered on the user for the request."""
    if not user.is_authenticated:
        return []
    if not hasattr(user, "_district_roles"):
        user._district_roles = list(
            RoleGroup.objects.filter(group__user=user).values_list("role", "site_id")
        )
    return user._district_roles


def roles_for_instance(user, instance):
    """The user's roles that apply to this record (its district, or any if it has none)."""
    site_id = getattr(instance, "site_id", None)
    return {
        role
        for role, role_site_id in district_roles(user)
        if role_site_id is None or site_id is None or role_site_id == site_id
    }


def is_source(instance):
    """German (the source language) records are the ones translators must not change."""
    return instance.locale_id == Locale.get_default().pk


def translates_only(user, instance):
    """The user may touch this record only as a translator."""
    roles = roles_for_instance(user, instance)
    return bool(roles) and roles <= {Role.TRANSLATOR}


def may_write(user, instance):
    """Whether the user's district roles let them change this record."""
    if user.is_superuser or not district_roles(user):
        # Permissions granted outside the role groups are not narrowed.
        return True
    roles = roles_for_instance(user, instance)
    if not roles:
        return False
    if roles <= {Role.TRANSLATOR}:
        return not is_source(instance)
    return True


class DistrictSnippetPermissionPolicy(ModelPermissionPolicy):
    """Model permissions, narrowed to the user's district and (translators) to translations."""

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_any_permission_for_instance(user, [action], instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        granted = [action for action in actions if self.user_has_permission(user, action)]
        return any(action not in WRITE_ACTIONS or may_write(user, instance) for action in granted)

    def instances_user_has_any_permission_for(self, user, actions):
        queryset = super().instances_user_has_any_permission_for(user, actions)
        roles = district_roles(user)
        if user.is_superuser or not roles or not set(actions) <= WRITE_ACTIONS:
            return queryset
        has_site = any(field.name == "site" for field in self.model._meta.get_fields())
        allowed = Q(pk__in=[])
        for role, site_id in roles:
            condition = Q()
            if has_site and site_id is not None:
                condition &= Q(site_id=site_id) | Q(site__isnull=True)
            if role == Role.TRANSLATOR:
                condition &= ~Q(locale=Locale.get_default())
            allowed |= condition
        return queryset.filter(allowed)


def register_snippet_policies():
    """Register the policy for every translatable snippet, before the viewsets need one."""
    from roles.setup import TRANSLATABLE_SNIPPETS

    for label in TRANSLATABLE_SNIPPETS:
        model = apps.get_model(label)
        register_permission_policy(model, DistrictSnippetPermissionPolicy(model), exact_class=True)
