"""Submitting a synced translation to its approval workflow.

wagtail-localize's translation editor offers "Publish" to those who may publish and nothing
to everybody else; translators need to hand their work to the approvers instead.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page, WorkflowState

from roles.localize import enabled_translation, save_translation_draft


class SubmitTranslationView(WagtailAdminTemplateMixin, TemplateView):
    """Save the translated strings as a draft revision and start the page's workflow."""

    template_name = "roles/submit_translation.html"
    page_title = gettext_lazy("Übersetzung zur Freigabe einreichen")
    header_icon = "resubmit"

    def setup(self, request, *args, page_id, **kwargs):
        super().setup(request, *args, **kwargs)
        self.page = get_object_or_404(Page, id=page_id).specific

    def dispatch(self, request, *args, **kwargs):
        self.perms = self.page.permissions_for_user(request.user)
        if not self.perms.can_edit():
            raise PermissionDenied
        self.translation = enabled_translation(self.page)
        if self.translation is None:
            raise Http404
        self.workflow = self.page.get_workflow()
        self.edit_url = reverse("wagtailadmin_pages:edit", args=[self.page.pk])
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.page.get_admin_display_title()

    def refusal(self):
        """Why the page cannot be submitted now, or None."""
        if self.workflow is None:
            return _("Für diese Seite ist keine Freigabe eingerichtet.")
        if self.page.workflow_in_progress:
            return _("Diese Seite wartet bereits auf Freigabe.")
        if self.perms.page_locked():
            return _("Diese Seite ist gesperrt.")
        return None

    def get(self, request, *args, **kwargs):
        if (reason := self.refusal()) is not None:
            messages.error(request, reason)
            return redirect(self.edit_url)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            page=self.page,
            workflow=self.workflow,
            language=self.page.locale.get_display_name(),
            edit_url=self.edit_url,
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        if (reason := self.refusal()) is not None:
            messages.error(request, reason)
            return redirect(self.edit_url)
        try:
            save_translation_draft(self.translation, self.page, request.user)
        except ValidationError as error:
            messages.error(
                request,
                _("Die Übersetzung kann so nicht gespeichert werden: %(errors)s")
                % {"errors": "; ".join(error.messages)},
            )
            return redirect(self.edit_url)
        state = self.page.current_workflow_state
        if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            state.resume(request.user)
        else:
            self.workflow.start(self.page, request.user)
        messages.success(
            request,
            _("„%(title)s“ wurde zur Freigabe eingereicht (%(workflow)s).")
            % {"title": self.page.get_admin_display_title(), "workflow": self.workflow.name},
        )
        return redirect(self.edit_url)
