"""POST data for a Wagtail edit form (page or snippet), as the editor would send it unchanged.

Read from the form the edit view renders, so it follows whatever fields a model has.
Stream fields and inline panels are sent empty: use it for objects without body blocks or
inline children (the factories' pages and snippets).
"""

from django import forms
from django.urls import reverse

from wagtail.blocks.base import BlockField
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield


def form_data(client, url, **changes):
    """The form of the edit view at `url` as loaded by `client`'s user, with `changes`."""
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    form = response.context["form"]
    data = {}
    for name, field in form.fields.items():
        if isinstance(field, BlockField):
            data.update(nested_form_data({name: streamfield([])}))
        elif isinstance(field.widget, forms.CheckboxInput):
            if form[name].value():
                data[name] = "on"
        else:
            value = field.widget.format_value(form[name].value())
            data[name] = "" if value is None else value
    for name in getattr(form, "formsets", {}):
        data.update(nested_form_data({name: inline_formset([])}))
    data.update(changes)
    return data


def edit_form_data(client, page, **changes):
    """The page edit form of `page`, with `changes`."""
    return form_data(client, reverse("wagtailadmin_pages:edit", args=[page.pk]), **changes)
