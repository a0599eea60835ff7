"""Creates the groups, permissions and approval workflows of every district (idempotent).

Per district site: "Redaktion", "Integrationsbeauftragte" and "Übersetzung" groups with page
permissions on the district's home page in every language (translators only on the
translated ones), a collection for its images and documents, and two workflows: "Fachliche
Freigabe" (an officer approves) on every integration concept edition, "Vier-Augen-Freigabe"
(someone other than the author approves) on the home pages, so on news and general pages.
One global "Administration" group runs users, groups, sites, settings, workflows and the
promoted search results.

Running it again adds what is missing and never takes away what an administrator granted or
changed (a workflow assigned by hand stays). Queries select only the columns they need, so
the data migration keeps working when page models gain fields later.
"""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.utils import translation

from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from roles.models import DISTRICT_ROLES, DistrictSetup, FourEyesApprovalTask, Role, RoleGroup

ADMIN_ACCESS = ["wagtailadmin.access_admin"]


def crud(label, actions=("add", "change", "delete", "view")):
    """Model permission labels ("contacts.change_contact", …) for "app_label.model"."""
    app_label, model_name = label.split(".")
    return [f"{app_label}.{action}_{model_name}" for action in actions]


TRANSLATABLE_SNIPPETS = [
    "contacts.contact",
    "contacts.location",
    "contacts.organisation",
    "home.topic",
    "concept.decidingbody",
    "concept.targetgroup",
    "concept.crosscuttingneed",
]

EDITOR_MODEL_PERMISSIONS = [
    *ADMIN_ACCESS,
    *crud("contacts.contact"),
    *crud("contacts.location"),
    "wagtail_localize.submit_translation",
]

MODEL_PERMISSIONS = {
    Role.EDITOR: EDITOR_MODEL_PERMISSIONS,
    Role.OFFICER: [
        *EDITOR_MODEL_PERMISSIONS,
        *crud("contacts.organisation"),
        *crud("home.topic"),
        *crud("concept.decidingbody"),
        *crud("concept.targetgroup"),
        *crud("concept.crosscuttingneed"),
    ],
    # Translators change the translations of snippets; the permission policy keeps the
    # German instances read-only for them (roles.permissions).
    Role.TRANSLATOR: [
        *ADMIN_ACCESS,
        *(perm for label in TRANSLATABLE_SNIPPETS for perm in crud(label, ("change", "view"))),
    ],
    Role.ADMINISTRATION: [
        *ADMIN_ACCESS,
        *crud("auth.user"),
        *crud("auth.group"),
        *crud("wagtailcore.site"),
        *crud("wagtailcore.locale"),
        *crud("wagtailcore.workflow"),
        *crud("wagtailcore.task"),
        *crud("home.districtsettings", ("change",)),
        # Promoted search results apply in every district, so only Administration has them.
        *crud("wagtailsearchpromotions.searchpromotion", ("add", "change", "delete")),
    ],
}

# Page permissions on the district's home pages; publishing is the officers' (and the
# approved workflow's) business.
PAGE_PERMISSIONS = {
    Role.EDITOR: ["add_page", "change_page"],
    Role.OFFICER: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    Role.TRANSLATOR: ["add_page", "change_page"],
}

COLLECTION_PERMISSIONS = {
    Role.EDITOR: ["add_image", "change_image", "choose_image"]
    + ["add_document", "change_document", "choose_document"],
    Role.OFFICER: ["add_image", "change_image", "choose_image"]
    + ["add_document", "change_document", "choose_document"],
    Role.TRANSLATOR: ["choose_image", "choose_document"],
}


def role_label(role):
    with translation.override("de"):
        return str(Role(role).label)


def district_name(site):
    return site.site_name or site.hostname


def permissions(labels):
    """The Permission rows for "app_label.codename" labels; a missing one is an error."""
    wanted = {tuple(label.split(".")) for label in labels}
    query = Q()
    for app_label, codename in wanted:
        query |= Q(content_type__app_label=app_label, codename=codename)
    found = list(Permission.objects.filter(query).select_related("content_type"))
    missing = wanted - {(p.content_type.app_label, p.codename) for p in found}
    if missing:
        raise LookupError(f"Permissions missing (run migrate first): {sorted(missing)}")
    return found


def _named_group(role_group, name, hostname):
    """Rename the role's group if its district was renamed; avoid clashing names."""
    if Group.objects.filter(name=name).exclude(pk=role_group.group_id).exists():
        name = f"{name} ({hostname})"
    if role_group.group.name != name:
        role_group.group.name = name
        role_group.group.save(update_fields=["name"])
    return role_group.group


def ensure_group(role, site=None):
    """The group of a role in a district (or, for administration, the global one)."""
    name = role_label(role) if site is None else f"{role_label(role)} – {district_name(site)}"
    role_group = RoleGroup.objects.select_related("group").filter(role=role, site=site).first()
    if role_group is None:
        group = Group.objects.filter(name=name, role__isnull=True).first()
        if group is None:
            if Group.objects.filter(name=name).exists():
                name = f"{name} ({site.hostname})"
            group = Group.objects.create(name=name)
        role_group = RoleGroup.objects.create(group=group, role=role, site=site)
    group = _named_group(role_group, name, site.hostname if site else "")
    group.permissions.add(*permissions(MODEL_PERMISSIONS[role]))
    return group


def ensure_administration_group():
    return ensure_group(Role.ADMINISTRATION)


def district_root(site):
    """Translation key, depth and content type of the site's root page, or None."""
    return (
        Page.objects.filter(pk=site.root_page_id)
        .values("translation_key", "depth", "content_type_id", "locale_id")
        .first()
    )


def is_district_site(site):
    """A site whose root is a district home page (not Wagtail's welcome page)."""
    from home.models import HomePage

    root = district_root(site)
    return root is not None and root["content_type_id"] == (
        ContentType.objects.get_for_model(HomePage).pk
    )


def district_home_pages(site):
    """(id, path, locale id) of the district's home page in every language."""
    root = district_root(site)
    return list(
        Page.objects.filter(translation_key=root["translation_key"], depth=root["depth"])
        .order_by("path")
        .values_list("pk", "path", "locale_id")
    )


def site_for_page(page):
    """The district site a page belongs to, in whichever language tree it stands."""
    if page.depth < 2:
        return None
    path = page.path[: Page.steplen * 2]
    translation_key = Page.objects.filter(path=path).values_list("translation_key", flat=True)
    return (
        Site.objects.filter(root_page__translation_key__in=translation_key)
        .order_by("-is_default_site", "pk")
        .first()
    )


def _ensure_collection(setup, site):
    name = district_name(site)
    collection = setup.collection
    if collection is None:
        root = Collection.get_first_root_node()
        collection = root.get_children().filter(name=name).first() or root.add_child(name=name)
        setup.collection = collection
        setup.save(update_fields=["collection"])
    elif collection.name != name:
        collection.name = name
        collection.save(update_fields=["name"])
    return collection


def _media_permission(codename):
    return f"{'wagtailimages' if codename.endswith('image') else 'wagtaildocs'}.{codename}"


def _grant_collection_permissions(collection, groups):
    codenames = {codename for names in COLLECTION_PERMISSIONS.values() for codename in names}
    perms = {p.codename: p for p in permissions(_media_permission(c) for c in codenames)}
    for role, names in COLLECTION_PERMISSIONS.items():
        for codename in names:
            GroupCollectionPermission.objects.get_or_create(
                group=groups[role], collection=collection, permission=perms[codename]
            )


def _grant_page_permissions(site, groups):
    codenames = {codename for names in PAGE_PERMISSIONS.values() for codename in names}
    perms = {p.codename: p for p in permissions(f"wagtailcore.{c}" for c in codenames)}
    default_locale_id = Locale.get_default().pk
    existing = set(
        GroupPagePermission.objects.filter(group__in=groups.values()).values_list(
            "group_id", "page_id", "permission_id"
        )
    )
    missing = []
    for page_id, _path, locale_id in district_home_pages(site):
        for role, codenames in PAGE_PERMISSIONS.items():
            if role == Role.TRANSLATOR and locale_id == default_locale_id:
                continue
            for codename in codenames:
                key = (groups[role].pk, page_id, perms[codename].pk)
                if key not in existing:
                    missing.append(
                        GroupPagePermission(
                            group=groups[role], page_id=page_id, permission=perms[codename]
                        )
                    )
    GroupPagePermission.objects.bulk_create(missing)


def _ensure_workflow(setup, field, workflow_name, task_model, task_name, task_groups):
    """The district's workflow with its single approval task, named after the district."""
    workflow = getattr(setup, field)
    if workflow is None:
        workflow = Workflow.objects.create(name=workflow_name)
        task = task_model.objects.create(name=task_name)
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
        setattr(setup, field, workflow)
        setup.save(update_fields=[field])
    else:
        if workflow.name != workflow_name:
            workflow.name = workflow_name
            workflow.save(update_fields=["name"])
        task = task_model.objects.filter(workflow_tasks__workflow=workflow).first()
        if task is None:
            return workflow
        if task.name != task_name:
            task.name = task_name
            task.save(update_fields=["name"])
    task.groups.add(*task_groups)
    return workflow


def _assign_workflows(setup, site):
    from concept.models import ConceptPage

    homes = district_home_pages(site)
    if not homes:
        return
    if setup.four_eyes_workflow is not None:
        assign_workflow(setup.four_eyes_workflow, [pk for pk, _path, _locale in homes])
    if setup.concept_workflow is not None:
        in_district = Q()
        for _pk, path, _locale in homes:
            in_district |= Q(path__startswith=path)
        concept_ids = ConceptPage.objects.filter(in_district).values_list("pk", flat=True)
        assign_workflow(setup.concept_workflow, concept_ids)


def assign_workflow(workflow, page_ids):
    """Give pages this workflow unless they already have one (an admin's choice stays)."""
    page_ids = set(page_ids)
    assigned = set(
        WorkflowPage.objects.filter(page_id__in=page_ids).values_list("page_id", flat=True)
    )
    WorkflowPage.objects.bulk_create(
        WorkflowPage(page_id=pk, workflow=workflow) for pk in page_ids - assigned
    )


@transaction.atomic
def ensure_district_roles(site):
    """Groups, permissions, collection and workflows of one district; None if not a district."""
    if not is_district_site(site):
        return None
    setup, _created = DistrictSetup.objects.get_or_create(site=site)
    groups = {role: ensure_group(role, site) for role in DISTRICT_ROLES}
    ensure_administration_group()
    _grant_page_permissions(site, groups)
    _grant_collection_permissions(_ensure_collection(setup, site), groups)

    name = district_name(site)
    _ensure_workflow(
        setup,
        "concept_workflow",
        f"Fachliche Freigabe – {name}",
        GroupApprovalTask,
        f"Freigabe durch Integrationsbeauftragte – {name}",
        [groups[Role.OFFICER]],
    )
    _ensure_workflow(
        setup,
        "four_eyes_workflow",
        f"Vier-Augen-Freigabe – {name}",
        FourEyesApprovalTask,
        f"Freigabe durch eine zweite Person – {name}",
        [groups[Role.EDITOR], groups[Role.OFFICER]],
    )
    _assign_workflows(setup, site)
    return groups


def ensure_all_districts():
    """Run the setup for every district site (the data migration and `manage.py` use it)."""
    ensure_administration_group()
    return {site.pk: ensure_district_roles(site) for site in Site.objects.order_by("pk")}
