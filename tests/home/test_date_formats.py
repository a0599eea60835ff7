"""Dates read naturally inside sentences in every language."""

import datetime

import pytest

from django.utils import formats, translation

DAY = datetime.date(2017, 5, 8)


@pytest.mark.parametrize(
    "language, expected",
    [("tr", "8 Mayıs 2017"), ("uk", "8 травня 2017"), ("ru", "8 мая 2017"), ("de", "8. Mai 2017")],
)
def test_long_dates_have_no_leading_zero_and_no_abbreviation_that_doubles_a_full_stop(
    language, expected
):
    with translation.override(language):
        assert formats.date_format(DAY) == expected
