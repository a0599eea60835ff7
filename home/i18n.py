"""Language helpers shared by all apps."""

from wagtail.models import Locale


def localize_all(objects):
    """Each translatable object in the active language where translated, in one query.

    Objects without a translation stay as they are (the German source), so a list never
    loses an entry; templates may mark those with their own `lang`.
    """
    objects = [obj for obj in objects if obj is not None]
    if not objects:
        return []
    try:
        locale = Locale.get_active()
    except Locale.DoesNotExist:
        return objects
    model = type(objects[0])
    wanted = {obj.translation_key for obj in objects if obj.locale_id != locale.id}
    translations = (
        {
            obj.translation_key: obj
            for obj in model.objects.filter(translation_key__in=wanted, locale=locale)
        }
        if wanted
        else {}
    )
    return [translations.get(obj.translation_key, obj) for obj in objects]
