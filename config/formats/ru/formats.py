# Django's Russian dates end in "г." — inside a sentence that ends with a full stop this
# printed "2024 г..". The year alone reads naturally in running text.
from django.conf.locale.ru.formats import *  # noqa: F403

DATE_FORMAT = "j E Y"
DATETIME_FORMAT = "j E Y G:i"
