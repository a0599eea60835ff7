"""The admin view that imports contacts from a CSV file (all lines or none)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Site
from wagtail.permission_policies import ModelPermissionPolicy

from contacts.importer import COLUMNS, ContactImporter
from contacts.models import Contact


class ContactImportForm(forms.Form):
    site = forms.ModelChoiceField(
        label=gettext_lazy("Landkreis (Website)"),
        queryset=Site.objects.all(),
        empty_label=None,
    )
    file = forms.FileField(
        label=gettext_lazy("CSV-Datei"),
        help_text=gettext_lazy(
            "UTF-8, Trennzeichen Komma oder Semikolon, erste Zeile mit den Spaltennamen."
        ),
    )


class ContactImportView(WagtailAdminTemplateMixin, FormView):
    """Upload a CSV file; every failing line is listed and nothing is saved unless all pass."""

    template_name = "contacts/admin/import.html"
    form_class = ContactImportForm
    page_title = gettext_lazy("Kontakte aus CSV importieren")
    header_icon = "upload"
    index_url_name = None

    def dispatch(self, request, *args, **kwargs):
        policy = ModelPermissionPolicy(Contact)
        if not policy.user_has_permission(request.user, "add"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        default = Site.objects.filter(is_default_site=True).first()
        return {"site": default}

    def get_breadcrumbs_items(self):
        items = list(self.breadcrumbs_items)
        if self.index_url_name:
            from django.urls import reverse

            items.append({"url": reverse(self.index_url_name), "label": _("Kontakte")})
        items.append({"url": "", "label": self.get_page_title()})
        return items

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("columns", COLUMNS)
        return context

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        result = ContactImporter(form.cleaned_data["site"]).run(upload.read())
        if not result.ok:
            messages.error(
                self.request,
                _("Die Datei enthält Fehler. Es wurde nichts importiert."),
            )
            return self.render_to_response(
                self.get_context_data(form=form, import_errors=result.errors)
            )
        messages.success(
            self.request,
            _("%(count)s Kontakte importiert.") % {"count": len(result.created)},
        )
        if self.index_url_name:
            return redirect(self.index_url_name)
        return self.render_to_response(self.get_context_data(form=self.get_form_class()()))
