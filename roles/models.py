"""Who may do what in which district, and the approval step that needs a second person."""

from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from wagtail.models import AbstractGroupApprovalTask, Collection, Revision, Site, Workflow


class Role(models.TextChoices):
    """The four kinds of people who work in the admin (see PRODUCT.md)."""

    EDITOR = "editor", _("Redaktion")
    OFFICER = "officer", _("Integrationsbeauftragte")
    TRANSLATOR = "translator", _("Übersetzung")
    ADMINISTRATION = "administration", _("Administration")


DISTRICT_ROLES = (Role.EDITOR, Role.OFFICER, Role.TRANSLATOR)


class RoleGroup(models.Model):
    """Marks a Wagtail group as the group of one role, in one district or (administration) all."""

    group = models.OneToOneField(
        Group, verbose_name=_("Gruppe"), on_delete=models.CASCADE, related_name="role"
    )
    role = models.CharField(_("Rolle"), max_length=20, choices=Role.choices)
    site = models.ForeignKey(
        Site,
        verbose_name=_("Landkreis (Website)"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="role_groups",
    )

    class Meta:
        verbose_name = _("Rollengruppe")
        verbose_name_plural = _("Rollengruppen")
        constraints = [
            models.UniqueConstraint(fields=["role", "site"], name="unique_role_per_site"),
            models.UniqueConstraint(
                fields=["role"], condition=Q(site__isnull=True), name="unique_global_role"
            ),
        ]

    def __str__(self):
        return self.group.name


class DistrictSetup(models.Model):
    """What the roles setup created for one district, so that running it again finds it."""

    site = models.OneToOneField(
        Site, verbose_name=_("Landkreis (Website)"), on_delete=models.CASCADE, related_name="+"
    )
    collection = models.ForeignKey(
        Collection,
        verbose_name=_("Sammlung für Bilder und Dokumente"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    concept_workflow = models.ForeignKey(
        Workflow,
        verbose_name=_("Fachliche Freigabe"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    four_eyes_workflow = models.ForeignKey(
        Workflow,
        verbose_name=_("Vier-Augen-Freigabe"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("Einrichtung eines Landkreises")
        verbose_name_plural = _("Einrichtungen der Landkreise")

    def __str__(self):
        return str(self.site)


def authors_of(workflow_state):
    """Ids of the people who submitted the content under review or wrote any of it: the
    requester and the authors of every revision since the object was last published."""
    revisions = Revision.objects.filter(
        base_content_type_id=workflow_state.base_content_type_id,
        object_id=workflow_state.object_id,
    )
    content_object = workflow_state.content_object
    live_revision_id = getattr(content_object, "live_revision_id", None)
    if live_revision_id is not None:
        revisions = revisions.filter(id__gt=live_revision_id)
    authors = {workflow_state.requested_by_id, *revisions.values_list("user_id", flat=True)}
    authors.discard(None)
    return authors


class FourEyesApprovalTask(AbstractGroupApprovalTask):
    """Approval by a member of the chosen groups who neither submitted nor wrote the change."""

    def _is_author(self, obj, user):
        if "_four_eyes_authors" not in obj.__dict__:
            state = obj.current_workflow_state
            obj.__dict__["_four_eyes_authors"] = authors_of(state) if state else set()
        return user.pk in obj.__dict__["_four_eyes_authors"]

    def get_actions(self, obj, user):
        if self._is_author(obj, user):
            return []
        return super().get_actions(obj, user)

    def on_action(self, task_state, user, action_name, **kwargs):
        if user.pk in authors_of(task_state.workflow_state):
            raise PermissionDenied
        return super().on_action(task_state, user, action_name, **kwargs)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        return (
            super()
            .get_task_states_user_can_moderate(user, **kwargs)
            .exclude(workflow_state__requested_by=user)
        )

    @classmethod
    def get_description(cls):
        return _(
            "Mitglieder der gewählten Gruppen geben frei – aber nie die Person, die eingereicht "
            "oder zuletzt geändert hat."
        )

    class Meta:
        verbose_name = _("Vier-Augen-Freigabe")
        verbose_name_plural = _("Vier-Augen-Freigaben")
