"""The annual report (Jahresbericht): how many measures of each chapter were in which state in
one year, as a table, as a bar chart drawn on the server (SVG), and each measure's update."""

from dataclasses import dataclass, field

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page

from concept.models.status import STATUS_BADGE, Status
from home.navigation import text_direction
from pagecache.tags import depends_on_descendants

NO_REPORT = "none"


@dataclass
class YearState:
    """A measure's state in the report year; quacks like a measure for the status badge."""

    status: str
    text: str = ""
    indicator: str = ""

    def status_label(self):
        if self.status == NO_REPORT:
            return str(_("ohne Bericht"))
        return str(Status(self.status).label)

    def status_badge(self):
        if self.status == NO_REPORT:
            return "info"
        return STATUS_BADGE[Status(self.status)]


@dataclass
class Update:
    measure: object
    state: YearState


@dataclass
class ChapterSummary:
    """One chapter's counts per status (in the order of ``ProgressReport.columns``)."""

    chapter: object
    counts: dict
    updates: list = field(default_factory=list)

    def cells(self, columns):
        return [self.counts.get(key, 0) for key, _label in columns]

    @property
    def total(self):
        return sum(self.counts.values())


@dataclass
class ChartBar:
    is_bar = True

    label: str
    value: int
    variant: str
    y: float
    label_x: float
    bar_x: float
    bar_width: float
    value_x: float
    height: float

    @property
    def text_y(self):
        return self.y + self.height / 2


@dataclass
class ChartHeading:
    is_bar = False

    label: str
    y: float
    x: float


class BarChart:
    """A horizontal bar chart of the report: one labelled bar per chapter and state.

    Every bar carries its state's name and its count as text, so colour is never the only cue.
    Coordinates are mirrored for right-to-left languages.
    """

    WIDTH = 720
    LABEL_WIDTH = 200
    BAR_SPACE = 440
    HEADING_HEIGHT = 32
    ROW_HEIGHT = 26
    BAR_HEIGHT = 18

    def __init__(self, summaries, columns, direction="ltr"):
        self.direction = direction
        self.items = []
        largest = max((count for s in summaries for count in s.counts.values()), default=0) or 1
        y = 0
        labels = dict(columns)
        for summary in summaries:
            y += self.HEADING_HEIGHT
            self.items.append(
                ChartHeading(
                    label=f"{summary.chapter.number} {summary.chapter.title}",
                    y=y - 10,
                    x=self._x(0),
                )
            )
            for key, _label in columns:
                value = summary.counts.get(key, 0)
                if not value:
                    continue
                width = round(self.BAR_SPACE * value / largest, 1)
                bar_start = self.LABEL_WIDTH + 8
                self.items.append(
                    ChartBar(
                        label=str(labels[key]),
                        value=value,
                        variant=YearState(key).status_badge() if key != NO_REPORT else "none",
                        y=y + (self.ROW_HEIGHT - self.BAR_HEIGHT) / 2,
                        label_x=self._x(0),
                        bar_x=self._x(bar_start, width),
                        bar_width=width,
                        value_x=self._x(bar_start + width + 6),
                        height=self.BAR_HEIGHT,
                    )
                )
                y += self.ROW_HEIGHT
        self.height = y + 8

    def _x(self, x, width=0):
        """The horizontal position, measured from the start edge of the reading direction."""
        if self.direction == "rtl":
            return round(self.WIDTH - x - width, 1)
        return round(x, 1)

    def bars(self):
        return [item for item in self.items if isinstance(item, ChartBar)]


class ProgressReport:
    """Every measure of an edition (in the report page's language) in one year."""

    def __init__(self, concept, year, request=None):
        from concept.models import ChapterPage, MeasurePage

        self.concept = concept
        self.year = year
        self.request = request
        depends_on_descendants(concept)
        chapters = list(
            ChapterPage.objects.child_of(concept)
            .live()
            .public()
            .order_by("number")
            .defer_streamfields()
        )
        measures = (
            MeasurePage.objects.descendant_of(concept)
            .live()
            .public()
            .defer("body", "milestones")
            .order_by("chapter_number", "number")
        )
        self.columns = [(value, label) for value, label in Status.choices] + [
            (NO_REPORT, _("ohne Bericht"))
        ]
        summaries = {chapter.path: ChapterSummary(chapter, counts={}) for chapter in chapters}
        for measure in measures:
            summary = summaries.get(measure.path[: -Page.steplen])
            if summary is None:
                continue
            update = measure.progress_for(year)
            if update is None:
                state = YearState(NO_REPORT)
            else:
                state = YearState(
                    update["status"], update["text"] or "", update.get("indicator") or ""
                )
                summary.updates.append(Update(measure, state))
            summary.counts[state.status] = summary.counts.get(state.status, 0) + 1
        self.chapters = list(summaries.values())

    def table_rows(self):
        return [
            (summary.chapter, summary.cells(self.columns), summary.total)
            for summary in self.chapters
        ]

    def totals(self):
        cells = [sum(s.counts.get(key, 0) for s in self.chapters) for key, _label in self.columns]
        return cells, sum(cells)

    def count(self, chapter_number, status):
        """How many measures of a chapter were in a state that year (NO_REPORT: no update)."""
        for summary in self.chapters:
            if summary.chapter.number == chapter_number:
                return summary.counts.get(status, 0)
        return 0

    def chapters_with_updates(self):
        return [summary for summary in self.chapters if summary.updates]

    def chart(self):
        return BarChart(self.chapters, self.columns, text_direction(get_language() or "de"))
