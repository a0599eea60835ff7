"""Keeps the roles setup true for districts, languages and editions created after migrating.

The demo and the admin create sites, home page translations and concept editions at any
time; each of them needs its groups' permissions and its workflow at once.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models.signals import m2m_changed, post_save

from wagtail.models import Site, WorkflowPage
from wagtail.signals import post_page_move

from roles.models import DistrictSetup, RoleGroup
from roles.setup import assign_workflow, ensure_district_roles, site_for_page


def site_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        ensure_district_roles(instance)


def home_page_created(sender, instance, created=False, raw=False, **kwargs):
    """A new language of a district's home page gets the district's permissions."""
    if created and not raw:
        site = site_for_page(instance)
        if site is not None:
            ensure_district_roles(site)


def concept_workflow_for(site):
    setup = DistrictSetup.objects.filter(site=site).select_related("concept_workflow").first()
    if setup is None or setup.concept_workflow is None:
        ensure_district_roles(site)
        setup = DistrictSetup.objects.filter(site=site).select_related("concept_workflow").first()
    return setup.concept_workflow if setup else None


def concept_page_created(sender, instance, created=False, raw=False, **kwargs):
    """Every edition, in every language, needs an officer's approval."""
    if created and not raw:
        site = site_for_page(instance)
        workflow = concept_workflow_for(site) if site else None
        if workflow is not None:
            assign_workflow(workflow, [instance.pk])


def page_moved(sender, instance, parent_page_before, parent_page_after, **kwargs):
    """An edition moved into another district gets that district's approval workflow."""
    from concept.models import ConceptPage

    before, after = site_for_page(parent_page_before), site_for_page(parent_page_after)
    if before == after or after is None:
        return
    old_workflows = DistrictSetup.objects.filter(site=before).values_list(
        "concept_workflow", flat=True
    )
    new_workflow = concept_workflow_for(after)
    concepts = ConceptPage.objects.descendant_of(instance, inclusive=True).values_list(
        "pk", flat=True
    )
    WorkflowPage.objects.filter(page_id__in=concepts, workflow_id__in=old_workflows).delete()
    if new_workflow is not None:
        assign_workflow(new_workflow, concepts)


def user_groups_changed(sender, instance, action, reverse, pk_set, **kwargs):
    """Staff added to a role group get German notification mails unless they chose otherwise.

    Wagtail writes a notification in the recipient's preferred language and, without one,
    in the language of the request that triggered it (a translator's English admin).
    """
    if action != "post_add" or not pk_set:
        return
    from wagtail.users.models import UserProfile

    User = get_user_model()
    if reverse:
        if not RoleGroup.objects.filter(group_id=instance.pk).exists():
            return
        users = User.objects.filter(pk__in=pk_set)
    else:
        if not RoleGroup.objects.filter(group_id__in=pk_set).exists():
            return
        users = [instance]
    for user in users:
        profile = UserProfile.get_for_user(user)
        if not profile.preferred_language:
            profile.preferred_language = settings.LANGUAGE_CODE
            profile.save(update_fields=["preferred_language"])


def connect():
    from concept.models import ConceptPage
    from home.models import HomePage

    post_save.connect(site_saved, sender=Site, dispatch_uid="roles_site_saved")
    post_save.connect(home_page_created, sender=HomePage, dispatch_uid="roles_home_created")
    post_save.connect(
        concept_page_created, sender=ConceptPage, dispatch_uid="roles_concept_created"
    )
    post_page_move.connect(page_moved, dispatch_uid="roles_page_moved")
    m2m_changed.connect(
        user_groups_changed,
        sender=get_user_model().groups.through,
        dispatch_uid="roles_user_groups",
    )
