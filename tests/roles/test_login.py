"""Login protection: lock-out after failed logins per user and per address, unlocking,
strong passwords in Wagtail's user form, and the end of an admin session."""

import datetime
from io import StringIO

import pytest
from freezegun import freeze_time

from django.conf import settings
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.test import RequestFactory
from django.urls import reverse

from wagtail.models import ModelLogEntry

pytestmark = pytest.mark.django_db

PASSWORD = "Richtiges-Passwort-2024"
OFFICE = "192.0.2.10"  # documentation addresses (RFC 5737)
HOME_OFFICE = "198.51.100.7"
LOCKED_TEXT = "Anmeldung vorübergehend gesperrt"


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_user(
        "redakteurin", "redaktion@example.org", PASSWORD, is_staff=False
    )


@pytest.fixture
def colleague(django_user_model):
    return django_user_model.objects.create_user("kollege", "kollege@example.org", PASSWORD)


@pytest.fixture(autouse=True)
def admin_access(editor, colleague):
    from django.contrib.auth.models import Permission

    access = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    editor.user_permissions.add(access)
    colleague.user_permissions.add(access)


def sign_in(client, username, password, address=OFFICE, **extra):
    return client.post(
        reverse("wagtailadmin_login"),
        {"username": username, "password": password, **extra},
        REMOTE_ADDR=address,
    )


def is_signed_in(client):
    return client.get(reverse("wagtailadmin_home")).status_code == 200


def fail(client, username, times, address=OFFICE):
    return [sign_in(client, username, "falsch", address) for _ in range(times)]


def test_the_settings_lock_after_five_failures_for_thirty_minutes():
    assert settings.AXES_FAILURE_LIMIT == 5
    assert datetime.timedelta(minutes=30) == settings.AXES_COOLOFF_TIME
    assert settings.AXES_LOCKOUT_PARAMETERS == ["username", "ip_address"]


def test_a_wrong_password_is_refused_with_the_login_form(client, editor):
    response = sign_in(client, "redakteurin", "falsch")
    assert response.status_code == 200
    assert 'name="password"' in response.content.decode()
    assert not is_signed_in(client)


def test_five_wrong_passwords_lock_the_user_out_even_with_the_right_one(client, editor):
    responses = fail(client, "redakteurin", 5)
    assert [r.status_code for r in responses] == [200, 200, 200, 200, 429]

    locked = sign_in(client, "redakteurin", PASSWORD)
    assert locked.status_code == 429
    page = locked.content.decode()
    assert LOCKED_TEXT in page
    assert "Nach 5 Fehlversuchen" in page
    assert "30 Minuten" in page
    assert "Administration des Integrationsportals" in page
    assert 'name="password"' not in page
    assert not is_signed_in(client)


def test_the_lock_out_page_names_the_contact_address(client, editor, settings):
    settings.LOGIN_HELP_EMAIL = "it-service@example.org"
    fail(client, "redakteurin", 5)
    page = sign_in(client, "redakteurin", PASSWORD).content.decode()
    assert 'href="mailto:it-service@example.org"' in page


def test_four_wrong_passwords_do_not_lock(client, editor):
    fail(client, "redakteurin", 4)
    assert sign_in(client, "redakteurin", PASSWORD).status_code == 302
    assert is_signed_in(client)


def test_the_lock_is_per_user_another_address_does_not_help(client, editor):
    fail(client, "redakteurin", 5, address=OFFICE)
    response = sign_in(client, "redakteurin", PASSWORD, address=HOME_OFFICE)
    assert response.status_code == 429
    assert LOCKED_TEXT in response.content.decode()
    assert not is_signed_in(client)


def test_the_lock_is_per_address_another_user_name_does_not_help(client, editor, colleague):
    fail(client, "redakteurin", 5, address=OFFICE)
    response = sign_in(client, "kollege", PASSWORD, address=OFFICE)
    assert response.status_code == 429
    assert not is_signed_in(client)
    # The colleague is not locked elsewhere.
    assert sign_in(client, "kollege", PASSWORD, address=HOME_OFFICE).status_code == 302
    assert is_signed_in(client)


def test_failures_spread_over_user_names_lock_the_address(client, editor, colleague):
    for name in ("redakteurin", "kollege", "admin", "root", "test"):
        sign_in(client, name, "falsch")
    assert sign_in(client, "kollege", PASSWORD).status_code == 429


def test_the_lock_ends_after_the_cool_off(client, editor):
    with freeze_time("2025-03-03 09:00:00") as clock:
        fail(client, "redakteurin", 5)
        clock.tick(datetime.timedelta(minutes=29))
        assert sign_in(client, "redakteurin", PASSWORD).status_code == 429
        # That attempt extended the lock by another 30 minutes.
        clock.tick(datetime.timedelta(minutes=31))
        assert sign_in(client, "redakteurin", PASSWORD).status_code == 302
        assert is_signed_in(client)


def test_every_login_through_django_authenticate_is_refused_while_locked(client, editor):
    """Not only Wagtail's login view: Django's admin or any other form uses authenticate()."""
    fail(client, "redakteurin", 5)
    request = RequestFactory().post("/django-admin/login/", REMOTE_ADDR=HOME_OFFICE)
    assert authenticate(request, username="redakteurin", password=PASSWORD) is None
    other = RequestFactory().post("/django-admin/login/", REMOTE_ADDR="203.0.113.5")
    assert authenticate(other, username="kollege", password=PASSWORD) is not None


def test_the_management_commands_unlock_a_user_name(client, editor):
    fail(client, "redakteurin", 5)
    out = StringIO()
    call_command("axes_reset_username", "redakteurin", stdout=out)
    assert "attempts removed" in out.getvalue()
    assert sign_in(client, "redakteurin", PASSWORD).status_code == 302
    assert is_signed_in(client)


def spread_failures(client, address):
    """Five wrong logins with five different user names from one address."""
    for name in ("admin", "root", "test", "redaktion", "info"):
        sign_in(client, name, "falsch", address)


def test_the_management_commands_unlock_an_address(client, colleague):
    spread_failures(client, HOME_OFFICE)
    assert sign_in(client, "kollege", PASSWORD, HOME_OFFICE).status_code == 429
    call_command("axes_reset_ip", HOME_OFFICE, stdout=StringIO())
    assert sign_in(client, "kollege", PASSWORD, HOME_OFFICE).status_code == 302
    assert is_signed_in(client)


@pytest.fixture
def administrator(django_user_model):
    return django_user_model.objects.create_superuser("admin", "admin@example.org", PASSWORD)


def test_the_administration_sees_a_locked_user_and_lifts_the_lock(client, editor, administrator):
    fail(client, "redakteurin", 5)
    client.force_login(administrator)
    url = reverse("accounts_lockouts")

    listing = client.get(url)
    assert listing.status_code == 200
    content = listing.content.decode()
    assert "Gesperrte Benutzernamen" in content and "Gesperrte Adressen" in content
    assert "„redakteurin“ entsperren" in content
    # All five failures came from the office: its address is locked as well.
    assert f"„{OFFICE}“ entsperren" in content

    response = client.post(url, {"kind": "username", "value": "redakteurin"}, follow=True)
    content = response.content.decode()
    assert "Die Sperre für „redakteurin“ ist aufgehoben." in content
    # Her failed attempts are forgotten, so they no longer lock the address either.
    assert "„redakteurin“ entsperren" not in content
    assert f"„{OFFICE}“ entsperren" not in content
    assert content.count("Keine Sperre.") == 2

    # Lifting a lock is in the account's history, with who did it.
    entry = ModelLogEntry.objects.get(action="accounts.unlock")
    assert entry.user == administrator
    assert entry.object_id == str(editor.pk)
    history = client.get(reverse("wagtailusers_users:history", args=[editor.pk]))
    assert "Anmeldesperre aufgehoben" in history.content.decode()

    client.logout()
    assert sign_in(client, "redakteurin", PASSWORD).status_code == 302
    assert is_signed_in(client)


def test_the_administration_lifts_the_lock_of_an_address(client, colleague, administrator):
    spread_failures(client, HOME_OFFICE)
    client.force_login(administrator)
    url = reverse("accounts_lockouts")
    content = client.get(url).content.decode()
    assert f"„{HOME_OFFICE}“ entsperren" in content
    assert "„admin“ entsperren" not in content  # one failure each: no user name is locked

    client.post(url, {"kind": "ip_address", "value": HOME_OFFICE})
    assert f"„{HOME_OFFICE}“ entsperren" not in client.get(url).content.decode()
    client.logout()
    assert sign_in(client, "kollege", PASSWORD, HOME_OFFICE).status_code == 302


def test_the_settings_menu_offers_the_locks_to_the_administration_only(
    client, editor, administrator
):
    client.force_login(administrator)
    assert reverse("accounts_lockouts") in client.get(reverse("wagtailadmin_home")).content.decode()

    client.force_login(editor)
    home = client.get(reverse("wagtailadmin_home"))
    assert home.status_code == 200
    assert reverse("accounts_lockouts") not in home.content.decode()
    # Wagtail turns a refused admin view into a redirect to the dashboard with a message.
    refused = client.get(reverse("accounts_lockouts"), follow=True)
    assert refused.redirect_chain[-1][0] == reverse("wagtailadmin_home")
    assert "Gesperrte Benutzernamen" not in refused.content.decode()


def test_an_editor_cannot_lift_a_lock(client, editor, colleague):
    fail(client, "kollege", 5, address=HOME_OFFICE)
    client.force_login(editor)
    response = client.post(reverse("accounts_lockouts"), {"kind": "username", "value": "kollege"})
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")
    assert sign_in(client, "kollege", PASSWORD, address="203.0.113.9").status_code == 429


def test_the_test_clients_login_still_works(client, editor):
    assert client.login(username="redakteurin", password=PASSWORD)
    assert is_signed_in(client)


# Strong passwords


def user_form(password, **fields):
    return {
        "username": "neue.kollegin",
        "email": "neue.kollegin@example.org",
        "first_name": "Neue",
        "last_name": "Kollegin",
        "password1": password,
        "password2": password,
        **fields,
    }


@pytest.mark.parametrize(
    "password, message",
    [
        ("kurz-2024", "Dieses Passwort ist zu kurz. Es muss mindestens 12 Zeichen enthalten."),
        ("password1234", "Dieses Passwort ist zu üblich."),
        ("738204619357", "Dieses Passwort ist komplett numerisch."),
        ("neue.kollegin1", "Das Passwort ist zu ähnlich zu"),
    ],
)
def test_a_weak_password_is_refused_and_the_typed_values_are_kept(
    client, administrator, django_user_model, password, message
):
    client.force_login(administrator)
    response = client.post(reverse("wagtailusers_users:add"), user_form(password))
    assert response.status_code == 200
    content = response.content.decode()
    assert message in content
    assert 'value="neue.kollegin"' in content
    assert 'value="neue.kollegin@example.org"' in content
    assert 'value="Kollegin"' in content
    assert not django_user_model.objects.filter(username="neue.kollegin").exists()


def test_a_strong_password_is_accepted(client, administrator, django_user_model):
    client.force_login(administrator)
    response = client.post(reverse("wagtailusers_users:add"), user_form("Sprachkurs-Rastatt-2024"))
    assert response.status_code == 302
    user = django_user_model.objects.get(username="neue.kollegin")
    assert user.check_password("Sprachkurs-Rastatt-2024")


def test_the_password_rules_are_shown_in_the_form(client, administrator):
    client.force_login(administrator)
    content = client.get(reverse("wagtailusers_users:add")).content.decode()
    assert "mindestens 12 Zeichen" in content


# Session expiry


def test_the_admin_session_lasts_eight_hours_and_ends_with_the_browser():
    assert settings.SESSION_COOKIE_AGE == 8 * 60 * 60
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE is True


def test_without_remember_me_the_session_cookie_ends_with_the_browser(client, editor):
    response = sign_in(client, "redakteurin", PASSWORD)
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie.value
    assert not cookie["max-age"] and not cookie["expires"]


def test_with_remember_me_the_session_cookie_lasts_eight_hours(client, editor):
    response = sign_in(client, "redakteurin", PASSWORD, remember="on")
    assert response.cookies[settings.SESSION_COOKIE_NAME]["max-age"] == 8 * 60 * 60


def test_an_expired_admin_session_asks_for_the_password_again(client, editor):
    with freeze_time("2025-03-03 08:00:00") as clock:
        assert sign_in(client, "redakteurin", PASSWORD, remember="on").status_code == 302
        clock.tick(datetime.timedelta(hours=7, minutes=59))
        assert is_signed_in(client)
        clock.tick(datetime.timedelta(minutes=2))
        response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("wagtailadmin_login"))
