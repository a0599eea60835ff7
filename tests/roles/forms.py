"""POST data for admin edit forms, as a browser would send them for an unchanged object.

Built from the real admin form classes, so the tests keep working when models gain fields.
StreamFields are sent empty (the test objects have none).
"""

import datetime

from django import forms
from django.db.models import Model

from taggit.forms import TagField
from taggit.utils import edit_string_for_tags
from wagtail.blocks.base import BlockWidget
from wagtail.test.utils.form_data import streamfield


def _plain(value):
    if isinstance(value, Model):
        return value.pk
    if isinstance(value, datetime.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    if value is None:
        return ""
    return value


def _field_data(name, field, value):
    widget = field.widget
    if isinstance(widget, BlockWidget):
        return {f"{name}-{key}": item for key, item in streamfield([]).items()}
    if isinstance(field, TagField):
        tags = value if isinstance(value, list | tuple) else []
        return {name: value if isinstance(value, str) else edit_string_for_tags(tags)}
    if isinstance(widget, forms.CheckboxInput):
        return {name: "on"} if value else {}
    if isinstance(widget, forms.MultiWidget):
        parts = widget.decompress(value) if not isinstance(value, list) else value
        return {
            f"{name}{suffix}": _plain(part)
            for suffix, part in zip(widget.widgets_names, parts, strict=False)
        }
    if isinstance(value, list | tuple | set) or isinstance(field, forms.MultipleChoiceField):
        return {name: [_plain(item) for item in (value or [])]}
    if isinstance(widget, forms.FileInput):
        return {}
    return {name: _plain(value)}


def form_data(form, prefix=""):
    """Every field and nested formset of a Wagtail admin form, with its current values."""
    data = {}
    for name, field in form.fields.items():
        full_name = f"{prefix}-{name}" if prefix else name
        data.update(_field_data(full_name, field, form[name].value()))
    for formset in getattr(form, "formsets", {}).values():
        data.update(formset_data(formset))
    return data


def formset_data(formset):
    data = {
        f"{formset.prefix}-TOTAL_FORMS": len(formset.forms),
        f"{formset.prefix}-INITIAL_FORMS": formset.initial_form_count(),
        f"{formset.prefix}-MIN_NUM_FORMS": 0,
        f"{formset.prefix}-MAX_NUM_FORMS": 1000,
    }
    for child in formset.forms:
        child_data = form_data(child, child.prefix)
        data.update({key: value for key, value in child_data.items() if "DELETE" not in key})
    return data


def page_form_data(page, user, **changes):
    """The edit form of a page (its latest revision) as POST data, with `changes` applied."""
    page = page.get_latest_revision_as_object()
    form_class = page.get_edit_handler().get_form_class()
    form = form_class(instance=page, for_user=user, parent_page=page.get_parent())
    data = form_data(form)
    data.update(changes)
    return data


def snippet_form_data(instance, user, **changes):
    """The edit form of a snippet as POST data, with `changes` applied."""
    form_class = instance.snippet_viewset.get_edit_handler().get_form_class()
    form = form_class(instance=instance, for_user=user)
    data = form_data(form)
    data.update(changes)
    return data
