# Django's Ukrainian dates end in "р." — inside a sentence that ends with a full stop this
# printed "2024 р..". The year alone reads naturally in running text.
from django.conf.locale.uk.formats import *  # noqa: F403

DATE_FORMAT = "j E Y"
DATETIME_FORMAT = "j E Y H:i"
