"""A page's inline links (its Orderable child rows) and the records they choose, read with
few queries; previews, whose links are still in memory, need none for the links."""

from django.db import models

from concept.i18n import localized_by_pk, localized_in_order


def linked_records(links, field, queryset):
    """The records that inline links (a page's relation manager) choose through the foreign
    key `field`, in the editor's order, each in the reader's language: one query."""
    links = links.all()
    if not isinstance(links, models.QuerySet):  # a preview: the links are in memory
        return localized_in_order(queryset, [getattr(link, f"{field}_id") for link in links])
    first_link = links.filter(**{field: models.OuterRef("pk")}).order_by("sort_order", "pk")
    in_link_order = queryset.annotate(
        link_order=models.Subquery(first_link.values("sort_order")[:1]),
        link_pk=models.Subquery(first_link.values("pk")[:1]),
    ).order_by(models.F("link_order").asc(nulls_last=True), "link_pk")
    records = localized_by_pk(in_link_order, links.values(field))
    return list(records.values())  # in the order of the query: the editor's


def linked_values(page, relations):
    """{relation: [value of field, …] in the editor's order} for inline relations given as
    (relation name, field) pairs: one query for a stored page (a union of the link tables),
    none for a preview, whose relations are in memory."""
    linked = {name: [] for name, _field in relations}
    stored = []
    for name, field in relations:
        links = getattr(page, name).all()
        if isinstance(links, models.QuerySet):
            relation = models.Value(name, output_field=models.CharField())
            stored.append(
                links.annotate(relation=relation).values_list("relation", "sort_order", "pk", field)
            )
        else:
            linked[name] = [getattr(link, field) for link in links]
    if stored:
        rows = stored[0].order_by()
        if len(stored) > 1:
            rows = rows.union(*(links.order_by() for links in stored[1:]), all=True)
        # As ordered by the editor (sort_order), links without an order last.
        for name, _order, _pk, value in sorted(
            rows, key=lambda row: (row[1] is None, row[1] or 0, row[2])
        ):
            linked[name].append(value)
    return linked
