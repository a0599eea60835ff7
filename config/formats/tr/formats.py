# Turkish dates without a leading zero on the day ("8 Mayıs 2017", not "08 Mayıs 2017").
from django.conf.locale.tr.formats import *  # noqa: F403

DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y H:i"
