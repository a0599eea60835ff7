"""The measure catalogue (Maßnahmenkatalog): filters from the query string, rows, exports.

One service object serves the HTML table and both exports, so that a download contains
exactly the measures the reader filtered, in the reader's language.
"""

import csv
import io
from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.http import HttpResponse, QueryDict
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from concept.i18n import localized_by_pk
from concept.models.status import STATUS_BADGE, Kind, Status, Timeframe
from home.i18n import localize_all
from home.navigation import text_direction
from pagecache.tags import depends_on_descendants

PAGE_SIZE = 50

# (key, column heading): the table and both exports share these columns in this order.
COLUMNS = [
    ("number", _("Nr.")),
    ("title", _("Maßnahme")),
    ("chapter", _("Kapitel")),
    ("lead", _("Federführung")),
    ("status", _("Umsetzungsstand")),
    ("timeframe", _("Zeitrahmen")),
    ("kind", _("Art")),
    ("target_groups", _("Zielgruppen")),
]

FILTER_NAMES = ("chapter", "status", "lead", "target_group", "kind", "timeframe")


def localized_names(objects):
    """{pk: name in the active language} for translatable snippets, one query per model."""
    objects = [obj for obj in objects if obj is not None]
    return {obj.pk: local.name for obj, local in zip(objects, localize_all(objects), strict=True)}


FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    """Text that spreadsheet programs show as text, never run as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


@dataclass
class Option:
    value: str
    label: str
    selected: bool = False


@dataclass
class Filter:
    """One select of the filter form: its GET name, label, options and chosen value."""

    name: str
    label: str
    options: list
    value: str = ""

    def __post_init__(self):
        for option in self.options:
            option.selected = option.value == self.value

    @property
    def field_id(self):
        return f"filter-{self.name}"


@dataclass
class Row:
    """One measure as the catalogue shows and exports it."""

    measure: object
    number: str
    title: str
    url: str
    chapter: str
    lead: str
    status: str
    status_label: str
    timeframe: str
    kind: str
    target_groups: list = field(default_factory=list)

    def status_badge(self):
        return STATUS_BADGE[Status(self.status)]

    def export_values(self):
        return [
            self.number,
            self.title,
            self.chapter,
            self.lead,
            self.status_label,
            self.timeframe,
            self.kind,
            ", ".join(self.target_groups),
        ]


class MeasureCatalogue:
    """The measures of one edition in one language, filtered by the request's GET parameters."""

    def __init__(self, page, request):
        from concept.models.pages import ChapterPage, MeasurePage, MeasureTargetGroup

        self.page = page
        self.request = request
        self.concept = page.concept
        depends_on_descendants(self.concept)
        self._link_model = MeasureTargetGroup
        self.all_measures = (
            MeasurePage.objects.descendant_of(self.concept).live().public().defer_streamfields()
        )
        self.chapters = list(
            ChapterPage.objects.child_of(self.concept)
            .live()
            .public()
            .order_by("number")
            .only("id", "title", "number")
        )
        self.values = self._parse(request.GET)

    # Filters ---------------------------------------------------------------------------

    def _lead_options(self):
        from contacts.models import Organisation

        leads = localized_by_pk(
            Organisation.objects.all(),
            self.all_measures.exclude(lead_organisation=None).values("lead_organisation_id"),
        )
        # The rows name their leads from here: every row's lead is one of these.
        self.lead_names = {pk: lead.name for pk, lead in leads.items()}
        return sorted(
            (Option(str(pk), name) for pk, name in self.lead_names.items()),
            key=lambda o: o.label.lower(),
        )

    def _target_group_options(self):
        from concept.models import TargetGroup

        groups = localized_by_pk(
            TargetGroup.objects.all(),
            self._link_model.objects.filter(page__in=self.all_measures.values("pk")).values(
                "target_group_id"
            ),
        )
        self.group_names = {pk: group.name for pk, group in groups.items()}
        return sorted(
            (Option(str(pk), name) for pk, name in self.group_names.items()),
            key=lambda o: o.label.lower(),
        )

    def _options(self):
        return {
            "chapter": [
                Option(str(chapter.number), f"{chapter.number} {chapter.title}")
                for chapter in self.chapters
            ],
            "status": [Option(value, str(label)) for value, label in Status.choices],
            "lead": self._lead_options(),
            "target_group": self._target_group_options(),
            "kind": [Option(value, str(label)) for value, label in Kind.choices],
            "timeframe": [Option(value, str(label)) for value, label in Timeframe.choices],
        }

    def _parse(self, query):
        """The chosen filter values; values that are not an option are ignored."""
        self.options = self._options()
        values = {}
        for name in FILTER_NAMES:
            value = query.get(name, "")
            if value and any(option.value == value for option in self.options[name]):
                values[name] = value
        return values

    @property
    def filters(self):
        labels = {
            "chapter": _("Kapitel"),
            "status": _("Umsetzungsstand"),
            "lead": _("Federführung"),
            "target_group": _("Zielgruppe"),
            "kind": _("Art"),
            "timeframe": _("Zeitrahmen"),
        }
        return [
            Filter(name, labels[name], self.options[name], self.values.get(name, ""))
            for name in FILTER_NAMES
        ]

    @property
    def is_filtered(self):
        return bool(self.values)

    @property
    def query_string(self):
        """The active filters as a query string, for export links and pagination."""
        query = QueryDict(mutable=True)
        for name in FILTER_NAMES:
            if name in self.values:
                query[name] = self.values[name]
        return query.urlencode()

    # Measures and rows -------------------------------------------------------------------

    def queryset(self):
        measures = self.all_measures
        values = self.values
        if "chapter" in values:
            measures = measures.filter(chapter_number=int(values["chapter"]))
        if "status" in values:
            measures = measures.filter(status=values["status"])
        if "lead" in values:
            measures = measures.filter(lead_organisation_id=int(values["lead"]))
        if "target_group" in values:
            measures = measures.filter(
                pk__in=self._link_model.objects.filter(
                    target_group_id=int(values["target_group"])
                ).values("page_id")
            )
        if "kind" in values:
            measures = measures.filter(kind=values["kind"])
        if "timeframe" in values:
            measures = measures.filter(timeframe=values["timeframe"])
        return measures.prefetch_related("target_group_links").order_by(
            "chapter_number", "number", "pk"
        )

    def rows(self, measures):
        """Rows of these measures; the names of leads and target groups come from the
        filter options, which hold those of every measure of the edition."""
        measures = list(measures)
        leads, groups = self.lead_names, self.group_names
        chapters = {chapter.number: chapter for chapter in self.chapters}
        statuses = dict(Status.choices)
        timeframes = dict(Timeframe.choices)
        kinds = dict(Kind.choices)
        rows = []
        for measure in measures:
            chapter = chapters.get(measure.chapter_number)
            rows.append(
                Row(
                    measure=measure,
                    number=measure.full_number,
                    title=measure.title,
                    url=measure.get_url(self.request) or "",
                    chapter=f"{chapter.number} {chapter.title}" if chapter else "",
                    lead=leads.get(measure.lead_organisation_id, ""),
                    status=measure.status,
                    status_label=str(statuses.get(measure.status, "")),
                    timeframe=str(timeframes.get(measure.timeframe, "")),
                    kind=str(kinds.get(measure.kind, "")),
                    target_groups=[
                        groups[link.target_group_id]
                        for link in measure.target_group_links.all()
                        if link.target_group_id in groups
                    ],
                )
            )
        return rows

    def page_of_rows(self):
        """The requested page of the table; a page past the end shows the last page."""
        paginator = Paginator(self.queryset(), PAGE_SIZE)
        page = paginator.get_page(self.request.GET.get("page"))
        page.rows = self.rows(page.object_list)
        return page

    def export_rows(self):
        """Every filtered measure (not only one page), as lists of cell values."""
        return [
            [spreadsheet_safe(value) for value in row.export_values()]
            for row in self.rows(self.queryset())
        ]

    @staticmethod
    def headers():
        return [str(label) for _key, label in COLUMNS]

    # Exports -------------------------------------------------------------------------------

    def filename(self, extension):
        return f"{self.page.slug or 'massnahmenkatalog'}.{extension}"

    def csv_response(self):
        buffer = io.StringIO()
        buffer.write("\ufeff")  # the byte order mark makes Excel read UTF-8 (umlauts, Arabic)
        writer = csv.writer(buffer, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
        writer.writerow(self.headers())
        writer.writerows(self.export_rows())
        response = HttpResponse(buffer.getvalue().encode("utf-8"), content_type="text/csv")
        response["Content-Type"] = "text/csv; charset=utf-8"
        response["Content-Disposition"] = f'attachment; filename="{self.filename("csv")}"'
        return response

    def xlsx_response(self):
        from openpyxl import Workbook
        from openpyxl.styles import Font

        workbook = Workbook()
        sheet = workbook.active
        sheet.title = gettext("Maßnahmen")[:31]
        sheet.sheet_view.rightToLeft = text_direction(get_language() or "de") == "rtl"
        sheet.append(self.headers())
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for values in self.export_rows():
            sheet.append(values)
        sheet.freeze_panes = "A2"
        for letter, width in zip("ABCDEFGH", (8, 50, 30, 30, 18, 16, 30, 40), strict=True):
            sheet.column_dimensions[letter].width = width
        buffer = io.BytesIO()
        workbook.save(buffer)
        response = HttpResponse(
            buffer.getvalue(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = f'attachment; filename="{self.filename("xlsx")}"'
        return response
