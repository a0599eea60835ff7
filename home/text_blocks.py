"""The text leaves of every StreamField: Wagtail's text blocks, translatable whatever is stored.

Content saved before a block gained a text field has no value for it (or null). Wagtail reads
that as None, and wagtail-localize cannot extract None: translating or syncing such a page
would fail. These blocks read missing text as "". They are stored and migrated exactly as
Wagtail's blocks, so they change no migration.
"""

import copy

from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock


class EmptyTextMixin:
    """Missing or null stored text reads as an empty text."""

    empty = ""

    def get_default(self):
        default = super().get_default()
        return self.to_python(self.empty) if default is None else default

    def to_python(self, value):
        return super().to_python(self.empty if value is None else value)

    def deconstruct(self):
        path, args, kwargs = super().deconstruct()
        # Only the leaves themselves; a subclass such as ParagraphBlock keeps its own path.
        if "wagtail_path" in type(self).__dict__:
            path = self.wagtail_path
        return path, args, kwargs


class CharBlock(EmptyTextMixin, blocks.CharBlock):
    wagtail_path = "wagtail.blocks.CharBlock"


class TextBlock(EmptyTextMixin, blocks.TextBlock):
    wagtail_path = "wagtail.blocks.TextBlock"


class RichTextBlock(EmptyTextMixin, blocks.RichTextBlock):
    wagtail_path = "wagtail.blocks.RichTextBlock"


class SynchronisedSnippetChooserBlock(SnippetChooserBlock):
    """Chooses a translatable snippet that is synchronised like a foreign key: translating a
    page never creates copies of the snippet, and each reader sees it in their language.
    Subclasses name the model in their own constructor (kept out of migrations' paths)."""

    def bulk_to_python(self, values):
        """The chosen records, as stored (the editor's choice is never swapped), each with its
        translation into the active language read in the same query: `localize_all` then
        needs none of its own."""
        from home.i18n import read_with_translations

        to_python = self.model_class._meta.pk.to_python
        pks = [to_python(value) if value is not None else None for value in values]
        records = read_with_translations(
            self.model_class._default_manager.all(), [pk for pk in pks if pk is not None]
        )
        result, seen = [], set()
        for pk in pks:
            record = records.get(pk)
            if record is not None and record.pk in seen:
                record = copy.copy(record)  # Wagtail's rule: one instance per occurrence
            if record is not None:
                seen.add(record.pk)
            result.append(record)
        return result

    def get_translatable_segments(self, value):
        return []

    def restore_translated_segments(self, value, segments):
        return value

    def deconstruct(self):
        return blocks.Block.deconstruct(self)
