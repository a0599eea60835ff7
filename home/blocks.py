"""The one shared StreamBlock for body content, and the blocks it is made of."""

from django.template.defaultfilters import filesizeformat
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail_localize.segments import StringSegmentValue

from contacts.blocks import ContactBlock
from home import text_blocks

BLOCK_TEMPLATES = "components/streamfield/blocks"


class HeadingValue(blocks.StructValue):
    """A heading's anchor for the table of contents, in any script (Arabic, Cyrillic)."""

    def anchor(self):
        return slugify(self.get("text") or "", allow_unicode=True)


class HeadingBlock(blocks.StructBlock):
    """A section heading; h2–h4 so that every page keeps one h1 and a clean outline."""

    text = text_blocks.CharBlock(label=_("Überschrift"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Ebene"),
        choices=[("h2", _("Ebene 2")), ("h3", _("Ebene 3")), ("h4", _("Ebene 4"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        template = f"{BLOCK_TEMPLATES}/heading_block.html"
        value_class = HeadingValue
        label = _("Überschrift")
        description = _("Eine Zwischenüberschrift; sie erscheint im Inhaltsverzeichnis.")
        preview_value = {"text": "Bildung und Sprache", "level": "h2"}


class ParagraphBlock(text_blocks.RichTextBlock):
    """Running text with links, lists and emphasis."""

    def __init__(self, **kwargs):
        kwargs.setdefault("features", ["bold", "italic", "link", "document-link", "ol", "ul"])
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        template = f"{BLOCK_TEMPLATES}/paragraph_block.html"
        label = _("Text")
        description = _("Fließtext mit Links, Listen und Hervorhebungen.")
        preview_value = (
            "<p>Das Sachgebiet Integration berät Neuzugewanderte, Ehrenamtliche und "
            "Organisationen im Landkreis.</p>"
        )


class ImageBlock(blocks.StructBlock):
    """An image with the alternative text that screen readers read, a caption and a credit."""

    image = ImageChooserBlock(label=_("Bild"))
    alt_text = text_blocks.CharBlock(
        label=_("Alternativtext"),
        max_length=300,
        help_text=_("Beschreibt, was auf dem Bild zu sehen ist (für Screenreader)."),
    )
    caption = text_blocks.CharBlock(label=_("Bildunterschrift"), required=False, max_length=300)
    credit = text_blocks.CharBlock(label=_("Bildnachweis"), required=False, max_length=200)

    class Meta:
        icon = "image"
        template = f"{BLOCK_TEMPLATES}/image_block.html"
        label = _("Bild")
        description = _("Ein Bild mit Alternativtext, Bildunterschrift und Bildnachweis.")
        preview_value = {"alt_text": "Teilnehmende eines Workshops", "caption": "Workshop"}


class DocumentValue(blocks.StructValue):
    """Shows a document's type and size next to its link, e.g. "PDF, 2 MB"."""

    def get_title(self):
        document = self.get("document")
        return self.get("title") or (document.title if document else "")

    def get_type_label(self):
        document = self.get("document")
        return document.file_extension.upper() if document else ""

    def get_size_label(self):
        document = self.get("document")
        if not document:
            return ""
        size = document.get_file_size()
        return filesizeformat(size) if size else ""

    def get_meta_label(self):
        return ", ".join(part for part in (self.get_type_label(), self.get_size_label()) if part)


class DocumentBlock(blocks.StructBlock):
    """A link to a document (flyer, concept PDF) that states its type and size by itself."""

    document = DocumentChooserBlock(label=_("Dokument"))
    title = text_blocks.CharBlock(
        label=_("Linktext"),
        required=False,
        max_length=200,
        help_text=_("Leer lassen, um den Titel des Dokuments zu verwenden."),
    )

    class Meta:
        icon = "doc-full"
        template = f"{BLOCK_TEMPLATES}/document_block.html"
        label = _("Dokument")
        description = _("Link zu einem Dokument mit Dateityp und Größe, z. B. „PDF, 2 MB“.")
        value_class = DocumentValue
        preview_value = {"title": "Flyer zum Workshop"}


class QuoteBlock(blocks.StructBlock):
    """A quotation with the person or source it comes from."""

    text = text_blocks.TextBlock(label=_("Zitat"))
    attribution = text_blocks.CharBlock(label=_("Quelle"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        template = f"{BLOCK_TEMPLATES}/quote_block.html"
        label = _("Zitat")
        description = _("Ein hervorgehobenes Zitat mit Quelle.")
        preview_value = {
            "text": "Integration gelingt dort, wo Menschen einander begegnen.",
            "attribution": "Teilnehmerin eines Workshops",
        }


class LinkValue(blocks.StructValue):
    """Resolves a link to an internal page (in the reader's language) or an external URL."""

    def target_page(self):
        """The linked page in the reader's language, else the chosen (German) page; looked up
        once per language. Templates mark a German target with its language."""
        page = self.get("page")
        if not page:
            return None
        language = get_language()
        cache = self.__dict__.setdefault("_targets", {})
        if language not in cache:
            cache[language] = page.localized
        return cache[language]

    def get_url(self):
        page = self.target_page()
        if page:
            return page.url
        return self.get("url") or ""

    def get_text(self):
        if self.get("text"):
            return self.get("text")
        page = self.target_page()
        return page.title if page else self.get("url", "")

    def is_external(self):
        return not self.get("page") and bool(self.get("url"))


class LinkBlock(blocks.StructBlock):
    """One link: to a page of this site or to an external address."""

    text = text_blocks.CharBlock(label=_("Linktext"), required=False, max_length=200)
    page = blocks.PageChooserBlock(label=_("Seite"), required=False)
    url = blocks.URLBlock(label=_("Externe Adresse"), required=False)

    class Meta:
        icon = "link"
        label = _("Link")
        value_class = LinkValue

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            raise blocks.StructBlockValidationError(
                block_errors={"page": [_("Bitte eine Seite oder eine externe Adresse angeben.")]}
            )
        return value


class LinkListBlock(blocks.StructBlock):
    """A titled list of links; a StreamBlock inside so that wagtail-localize can translate it."""

    heading = text_blocks.CharBlock(label=_("Überschrift"), required=False, max_length=200)
    links = blocks.StreamBlock([("link", LinkBlock())], label=_("Links"), min_num=1)

    class Meta:
        icon = "list-ul"
        template = f"{BLOCK_TEMPLATES}/link_list_block.html"
        label = _("Linkliste")
        description = _("Eine Liste weiterführender Links.")
        preview_value = {
            "heading": "Weitere Informationen",
            "links": [("link", {"text": "Bundesamt für Migration", "url": "https://www.bamf.de"})],
        }


class CallToActionBlock(blocks.StructBlock):
    """A short prompt with one prominent button, e.g. "Vorschlag einreichen"."""

    heading = text_blocks.CharBlock(label=_("Überschrift"), max_length=200)
    text = text_blocks.TextBlock(label=_("Text"), required=False)
    link = LinkBlock(label=_("Button"))

    class Meta:
        icon = "pick"
        template = f"{BLOCK_TEMPLATES}/call_to_action_block.html"
        label = _("Handlungsaufforderung")
        description = _("Ein hervorgehobener Hinweis mit einem Button.")
        preview_value = {
            "heading": "Ihre Ideen sind gefragt",
            "text": "Schicken Sie uns Ihre Vorschläge.",
            "link": {"text": "Zum Formular", "url": "https://example.org"},
        }


class AccordionItemBlock(blocks.StructBlock):
    """One question with its answer."""

    question = text_blocks.CharBlock(label=_("Frage"), max_length=300)
    answer = text_blocks.RichTextBlock(
        label=_("Antwort"), features=["bold", "italic", "link", "document-link", "ol", "ul"]
    )

    class Meta:
        icon = "help"
        label = _("Eintrag")


class AccordionBlock(blocks.StructBlock):
    """Questions and answers that open in place (works without JavaScript)."""

    heading = text_blocks.CharBlock(label=_("Überschrift"), required=False, max_length=200)
    items = blocks.StreamBlock([("item", AccordionItemBlock())], label=_("Einträge"), min_num=1)

    class Meta:
        icon = "list-ol"
        template = f"{BLOCK_TEMPLATES}/accordion_block.html"
        label = _("Akkordeon (FAQ)")
        description = _("Aufklappbare Fragen und Antworten.")
        preview_value = {
            "heading": "Häufige Fragen",
            "items": [
                (
                    "item",
                    {
                        "question": "Wo finde ich einen Sprachkurs?",
                        "answer": "<p>Die Migrationsberatung hilft weiter.</p>",
                    },
                )
            ],
        }


class TranslatableTableBlock(TableBlock):
    """A table whose caption and cells wagtail-localize extracts for translation."""

    def get_translatable_segments(self, value):
        if not value:
            return []
        segments = []
        if value.get("table_caption"):
            segments.append(StringSegmentValue("caption", value["table_caption"]))
        for row_index, row in enumerate(value.get("data") or []):
            for col_index, cell in enumerate(row):
                if cell and str(cell).strip():
                    segments.append(StringSegmentValue(f"{row_index}.{col_index}", str(cell)))
        return segments

    def restore_translated_segments(self, value, segments):
        value = dict(value)
        value["data"] = [list(row) for row in value.get("data") or []]
        for segment in segments:
            text = segment.render_text()
            if segment.path == "caption":
                value["table_caption"] = text
            else:
                row_index, col_index = (int(part) for part in segment.path.split("."))
                value["data"][row_index][col_index] = text
        return value

    class Meta:
        icon = "table"
        template = f"{BLOCK_TEMPLATES}/table_block.html"
        label = _("Tabelle")
        description = _("Eine Tabelle mit Überschrift, optional mit Kopfzeile.")
        preview_value = {
            "first_row_is_table_header": True,
            "table_caption": "Workshops 2023",
            "data": [["Ort", "Datum"], ["Rastatt", "Juli 2023"]],
        }


class InfoBoxBlock(blocks.StructBlock):
    """A highlighted notice: information, warning or success."""

    kind = blocks.ChoiceBlock(
        label=_("Art"),
        choices=[("info", _("Information")), ("warning", _("Warnung")), ("success", _("Erfolg"))],
        default="info",
    )
    heading = text_blocks.CharBlock(label=_("Überschrift"), max_length=200)
    text = text_blocks.RichTextBlock(label=_("Text"), features=["bold", "italic", "link", "ul"])

    class Meta:
        icon = "info-circle"
        template = f"{BLOCK_TEMPLATES}/info_box_block.html"
        label = _("Infobox")
        description = _("Ein hervorgehobener Hinweis.")
        preview_value = {
            "kind": "info",
            "heading": "Hinweis",
            "text": "<p>Die Beratung ist kostenlos.</p>",
        }


class GalleryImageBlock(blocks.StructBlock):
    """One photo of a gallery; the alternative text is required, the large view is a link."""

    image = ImageChooserBlock(label=_("Bild"))
    alt_text = text_blocks.CharBlock(
        label=_("Alternativtext"),
        max_length=300,
        help_text=_("Beschreibt, was auf dem Bild zu sehen ist (für Screenreader)."),
    )
    caption = text_blocks.CharBlock(label=_("Bildunterschrift"), required=False, max_length=300)
    credit = text_blocks.CharBlock(label=_("Bildnachweis"), required=False, max_length=200)

    class Meta:
        icon = "image"
        label = _("Bild")


class GalleryBlock(blocks.StructBlock):
    """A photo gallery ("Impressionen"): thumbnails that each open the large image."""

    heading = text_blocks.CharBlock(label=_("Überschrift"), required=False, max_length=200)
    images = blocks.StreamBlock([("image", GalleryImageBlock())], label=_("Bilder"), min_num=1)

    class Meta:
        icon = "image"
        template = f"{BLOCK_TEMPLATES}/gallery_block.html"
        label = _("Bildergalerie")
        description = _("Mehrere Bilder; ein Klick auf ein Bild öffnet die große Ansicht.")
        preview_value = {"heading": "Impressionen vom Workshop", "images": []}


class DocumentListBlock(blocks.StructBlock):
    """Several documents (flyers, minutes), each with its type and size, e.g. "PDF, 2 MB"."""

    heading = text_blocks.CharBlock(label=_("Überschrift"), required=False, max_length=200)
    documents = blocks.StreamBlock([("document", DocumentBlock())], label=_("Dokumente"), min_num=1)

    class Meta:
        icon = "doc-full-inverse"
        template = f"{BLOCK_TEMPLATES}/document_list_block.html"
        label = _("Dokumentenliste")
        description = _("Eine Liste von Dokumenten mit Dateityp und Größe.")
        preview_value = {"heading": "Unterlagen zum Download", "documents": []}


class PressMentionValue(blocks.StructValue):
    """A press report links to the outlet's site, which is always external."""

    def is_external(self):
        return bool(self.get("url"))


class PressMentionBlock(blocks.StructBlock):
    """One press report about the office's work: outlet, date, headline and link."""

    outlet = text_blocks.CharBlock(label=_("Medium"), max_length=200)
    date = blocks.DateBlock(label=_("Datum"), required=False)
    title = text_blocks.CharBlock(label=_("Titel des Beitrags"), max_length=300)
    url = blocks.URLBlock(label=_("Link zum Beitrag"), required=False)

    class Meta:
        icon = "link-external"
        label = _("Pressebericht")
        value_class = PressMentionValue


class PressBlock(blocks.StructBlock):
    """Press coverage ("Pressespiegel"): reports of newspapers about the office's work."""

    heading = text_blocks.CharBlock(label=_("Überschrift"), required=False, max_length=200)
    mentions = blocks.StreamBlock(
        [("mention", PressMentionBlock())], label=_("Presseberichte"), min_num=1
    )

    class Meta:
        icon = "openquote"
        template = f"{BLOCK_TEMPLATES}/press_block.html"
        label = _("Pressespiegel")
        description = _("Berichte der Presse mit Medium, Datum und Link.")
        preview_value = {
            "heading": "Pressespiegel",
            "mentions": [
                (
                    "mention",
                    {
                        "outlet": "Kreiszeitung",
                        "date": "2017-05-10",
                        "title": "Kreis beschließt Integrationsplan",
                        "url": "https://example.org/artikel",
                    },
                )
            ],
        }


class BodyBlock(blocks.StreamBlock):
    """The shared body of every page type."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = ImageBlock()
    document = DocumentBlock()
    quote = QuoteBlock()
    link_list = LinkListBlock()
    call_to_action = CallToActionBlock()
    accordion = AccordionBlock()
    table = TranslatableTableBlock()
    info_box = InfoBoxBlock()
    contact = ContactBlock()
    gallery = GalleryBlock()
    document_list = DocumentListBlock()
    press = PressBlock()
