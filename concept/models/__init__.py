"""The integration concept: editions, chapters (fields of action), measures and their progress."""

from concept.models.pages import (
    ChapterPage,
    ConceptPage,
    MeasureCatalogPage,
    MeasurePage,
    ProgressReportPage,
)
from concept.models.snippets import CrossCuttingNeed, DecidingBody, TargetGroup
from concept.models.status import Kind, Status, Timeframe

__all__ = [
    "ChapterPage",
    "ConceptPage",
    "CrossCuttingNeed",
    "DecidingBody",
    "Kind",
    "MeasureCatalogPage",
    "MeasurePage",
    "ProgressReportPage",
    "Status",
    "TargetGroup",
    "Timeframe",
]
