"""POST data of a Wagtail admin edit form, as the editor's browser sends it unchanged.

Built from the real admin form classes – every field, every inline panel and every StreamField
with its blocks – so it follows the models as they gain fields. Used by the benchmark (saving
a measure, benchmark/inprocess.py) and the tests of roles and workflows.
"""

import datetime
import json

from django import forms
from django.db.models import Model

from taggit.forms import TagField
from taggit.utils import edit_string_for_tags
from wagtail import blocks
from wagtail.blocks.base import BlockWidget
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.test.utils.form_data import rich_text


def edit_form_data(page, user):
    """The edit form of a page (its latest revision) as the admin would POST it unchanged:
    every field, every inline panel and every StreamField with its blocks."""
    page = page.specific_class.objects.get(pk=page.pk).get_latest_revision_as_object()
    form_class = page.get_edit_handler().get_form_class()
    form = form_class(instance=page, for_user=user, parent_page=page.get_parent())
    return form_data(form)


def form_data(form, prefix=""):
    """Every field, nested formset and StreamField of a Wagtail admin form, as POST data."""
    data = {}
    for name, field in form.fields.items():
        full_name = f"{prefix}-{name}" if prefix else name
        if isinstance(field.widget, BlockWidget):
            value = form.initial.get(name, getattr(form.instance, name, None))
            data.update(block_data(field.block, value, full_name))
        else:
            data.update(field_data(full_name, field, form[name].value()))
    for formset in getattr(form, "formsets", {}).values():
        data[f"{formset.prefix}-TOTAL_FORMS"] = len(formset.forms)
        data[f"{formset.prefix}-INITIAL_FORMS"] = formset.initial_form_count()
        data[f"{formset.prefix}-MIN_NUM_FORMS"] = 0
        data[f"{formset.prefix}-MAX_NUM_FORMS"] = 1000
        for child in formset.forms:
            child_data = form_data(child, child.prefix)
            data.update({key: value for key, value in child_data.items() if "DELETE" not in key})
    return data


def plain(value):

    if isinstance(value, Model):
        return value.pk
    if isinstance(value, datetime.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    return "" if value is None else value


def field_data(name, field, value):

    widget = field.widget
    if isinstance(field, TagField):
        tags = value if isinstance(value, list | tuple) else []
        return {name: value if isinstance(value, str) else edit_string_for_tags(tags)}
    if isinstance(widget, forms.CheckboxInput):
        return {name: "on"} if value else {}
    if isinstance(widget, forms.MultiWidget):
        parts = widget.decompress(value) if not isinstance(value, list) else value
        return {
            f"{name}{suffix}": plain(part)
            for suffix, part in zip(widget.widgets_names, parts, strict=False)
        }
    if isinstance(value, list | tuple | set) or isinstance(field, forms.MultipleChoiceField):
        return {name: [plain(item) for item in (value or [])]}
    if isinstance(widget, forms.FileInput):
        return {}
    return {name: plain(value)}


def block_data(block, value, prefix):
    """POST data of one block value, as the admin's block widgets submit it."""

    if isinstance(block, blocks.StreamBlock):
        children = list(value or [])
        data = {f"{prefix}-count": len(children)}
        for index, child in enumerate(children):
            data[f"{prefix}-{index}-type"] = child.block_type
            data[f"{prefix}-{index}-deleted"] = ""
            data[f"{prefix}-{index}-order"] = index
            data[f"{prefix}-{index}-id"] = child.id or ""
            data.update(block_data(child.block, child.value, f"{prefix}-{index}-value"))
        return data
    if isinstance(block, blocks.ListBlock):
        children = list(value or [])
        data = {f"{prefix}-count": len(children)}
        for index, child in enumerate(children):
            data[f"{prefix}-{index}-deleted"] = ""
            data[f"{prefix}-{index}-order"] = index
            data[f"{prefix}-{index}-id"] = ""
            data.update(block_data(block.child_block, child, f"{prefix}-{index}-value"))
        return data
    if isinstance(block, blocks.StructBlock):
        data = {}
        for name, child_block in block.child_blocks.items():
            child_value = value.get(name) if value is not None else None
            data.update(block_data(child_block, child_value, f"{prefix}-{name}"))
        return data
    if isinstance(block, blocks.RichTextBlock):
        source = value.source if value is not None else ""
        return {prefix: rich_text(source, features=block.features) if source else ""}
    if isinstance(block, TableBlock):
        return {prefix: json.dumps(value) if value else ""}
    if isinstance(block, blocks.BooleanBlock):
        return {prefix: "on"} if value else {}
    if isinstance(block, blocks.DateTimeBlock):
        return {prefix: value.strftime("%Y-%m-%d %H:%M") if value else ""}
    if isinstance(block, blocks.TimeBlock):
        return {prefix: value.strftime("%H:%M") if value else ""}
    return {prefix: plain(value)}
