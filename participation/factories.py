"""Test data for participation: a suggestion form page with the usual editor fields."""

import factory
import wagtail_factories

from participation.models import SuggestionFormField, SuggestionFormPage


class SuggestionFormPageFactory(wagtail_factories.PageFactory):
    title = "Vorschläge und Bedarfe melden"
    slug = factory.Sequence(lambda n: f"vorschlaege-{n}")
    intro = factory.Faker("sentence", locale="de_DE")
    to_address = "integration@example.org"
    thank_you_text = "<p>Danke, wir lesen jede Nachricht.</p>"
    live = True

    class Meta:
        model = SuggestionFormPage
        skip_postgeneration_save = True

    @factory.post_generation
    def fields(page, create, extracted, **kwargs):
        """Name and e-mail (optional) and the suggestion (required), unless given."""
        specs = (
            extracted
            if extracted is not None
            else [
                ("name", "Name", "singleline", False),
                ("email", "E-Mail-Adresse", "email", False),
                ("suggestion", "Ihr Vorschlag", "multiline", True),
            ]
        )
        for index, (clean_name, label, field_type, required) in enumerate(specs):
            SuggestionFormField.objects.create(
                page=page,
                sort_order=index,
                clean_name=clean_name,
                label=label,
                field_type=field_type,
                required=required,
            )
        if create and specs:
            page.save_revision().publish()
