"""POST data for admin edit forms, as a browser would send them, with changes applied
(home/form_data.py builds them from the real admin form classes)."""

from home.form_data import edit_form_data, form_data


def page_form_data(page, user, **changes):
    """The edit form of a page (its latest revision) as POST data, with `changes` applied."""
    data = edit_form_data(page, user)
    data.update(changes)
    return data


def snippet_form_data(instance, user, **changes):
    """The edit form of a snippet as POST data, with `changes` applied."""
    form_class = instance.snippet_viewset.get_edit_handler().get_form_class()
    data = form_data(form_class(instance=instance, for_user=user))
    data.update(changes)
    return data
