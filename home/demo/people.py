"""The demo's staff: one login per role and district, so every workflow can be tried out.

Created only by `manage.py load_demo` (never by a migration), with invented names and
example.org addresses. They all sign in with the demo password that `load_demo` prints
(DEMO_PASSWORD, else the one generated once and kept in data/demo-password.txt). Running the
demo again leaves existing accounts alone: a changed name, password or group stays; only a
missing (unusable) password is set again.
"""

import functools
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import CommandError

from wagtail.users.models import UserProfile

from home.demo import demo_step
from roles.models import Role, RoleGroup
from roles.setup import role_label


@dataclass(frozen=True)
class DemoPerson:
    username: str
    first_name: str
    last_name: str
    role: str
    district: str | None  # DistrictSpec.key; None for the administration of all districts

    @property
    def email(self):
        return f"{self.first_name}.{self.last_name}@example.org".lower()

    @property
    def full_name(self):
        return f"{self.first_name} {self.last_name}"


DEMO_PEOPLE = [
    DemoPerson("redaktion", "Jana", "Redlich", Role.EDITOR, "rastatt"),
    DemoPerson("integration", "Selin", "Arslan", Role.OFFICER, "rastatt"),
    DemoPerson("uebersetzung", "Taras", "Koval", Role.TRANSLATOR, "rastatt"),
    DemoPerson("redaktion-rm", "Moritz", "Feder", Role.EDITOR, "rems-murr"),
    DemoPerson("integration-rm", "Hanna", "Lindner", Role.OFFICER, "rems-murr"),
    DemoPerson("uebersetzung-rm", "Rana", "Haddad", Role.TRANSLATOR, "rems-murr"),
    DemoPerson("verwaltung", "Uwe", "Kern", Role.ADMINISTRATION, None),
]


def login_lines(districts):
    """("user name", "what they do") for the printed list of demo logins."""
    names = {district.key: district.name for district in districts}
    lines = []
    for person in DEMO_PEOPLE:
        role = role_label(person.role)
        where = names.get(person.district, "alle Landkreise")
        lines.append((person.username, f"{role} – {where} ({person.full_name})"))
    return lines


def _check_password(password, person):
    User = get_user_model()
    candidate = User(
        username=person.username,
        first_name=person.first_name,
        last_name=person.last_name,
        email=person.email,
    )
    try:
        validate_password(password, user=candidate)
    except ValidationError as error:
        raise CommandError(
            f"The demo password cannot be used for '{person.username}': "
            + " ".join(error.messages)
            + " Set DEMO_PASSWORD to a stronger one (or unset it to generate one)."
        ) from error


@functools.cache
def _hashed(password):
    """One hash for the shared demo password: the key stretching takes a noticeable moment per
    account, and the password is no secret between the demo accounts."""
    return make_password(password)


def ensure_person(builder, person, group):
    """The person's account in their role group, with German as admin language."""
    User = get_user_model()
    user = User.objects.filter(username=person.username).first()
    created = user is None
    if created:
        user = User(
            username=person.username,
            first_name=person.first_name,
            last_name=person.last_name,
            email=person.email,
        )
    if created or not user.has_usable_password():
        _check_password(builder.password, person)
        user.password = _hashed(builder.password)
        user.save()
        builder.created += 1
    if created:
        user.groups.add(group)
        profile = UserProfile.get_for_user(user)
        if profile.preferred_language != "de":
            profile.preferred_language = "de"
            profile.save(update_fields=["preferred_language"])
    return user


@demo_step(order=5)
def build_people(builder, district, site, home):
    """The district's editor, officer and translator, and the administration once."""
    for person in DEMO_PEOPLE:
        if person.district == district.key:
            group = RoleGroup.objects.get(site=site, role=person.role).group
        elif person.district is None:
            group = RoleGroup.objects.get(site=None, role=person.role).group
        else:
            continue
        builder.people[person.username] = ensure_person(builder, person, group)
