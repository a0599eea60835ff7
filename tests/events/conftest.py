import pytest

from events.factories import EventIndexPageFactory, EventPageFactory


@pytest.fixture
def index(home):
    return EventIndexPageFactory(parent=home)


@pytest.fixture
def workshop(index):
    """An upcoming workshop with registration open: exactly 2 of 5 topics, 3 places."""
    return EventPageFactory(
        parent=index, title="Workshop in Bühl", slug="workshop-buehl", workshop=True, capacity=3
    )
