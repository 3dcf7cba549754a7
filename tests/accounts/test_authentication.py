"""Sign-up, sign-in, password reset and two-factor rules, through allauth's real views."""

import re

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.core import mail
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import User
from tests.factories import PASSWORD, CommissionFactory, UserFactory, commission_secretariat

pytestmark = pytest.mark.django_db


def signup(client, email, name="Amina Diallo"):
    return client.post(
        reverse("account_signup"),
        {
            "email": email,
            "name": name,
            "preferred_language": "fr",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )


def test_signup_requires_email_verification_before_sign_in(client):
    response = signup(client, "amina@example.org")
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    user = User.objects.get(email="amina@example.org")
    assert (user.name, user.preferred_language) == ("Amina Diallo", "fr")
    assert client.get(reverse("accounts:profile")).status_code == 302  # not signed in yet
    assert len(mail.outbox) == 1
    link = re.search(r"https?://\S+/confirm-email/\S+/", mail.outbox[0].body).group(0)
    client.post(link.split("testserver", 1)[-1])
    assert client.get(reverse("accounts:profile")).status_code == 200


def test_signup_with_known_address_does_not_reveal_it(client):
    UserFactory(email="known@example.org")
    known = signup(client, "known@example.org")
    client.logout()
    unknown = signup(client, "unknown@example.org")
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    assert User.objects.filter(email="known@example.org").count() == 1


def test_password_reset_answers_the_same_for_unknown_addresses(client):
    UserFactory(email="known@example.org")
    known = client.post(reverse("account_reset_password"), {"email": "known@example.org"})
    unknown = client.post(reverse("account_reset_password"), {"email": "nobody@example.org"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]


def test_sign_in_with_email_and_password(client):
    UserFactory(email="focal@example.org")
    response = client.post(
        reverse("account_login"), {"login": "focal@example.org", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert client.get(reverse("accounts:profile")).status_code == 200


def test_sign_in_redirects_to_the_preferred_language(client):
    UserFactory(email="ru@example.org", preferred_language="ru")
    response = client.post(
        reverse("account_login"), {"login": "ru@example.org", "password": PASSWORD}
    )
    assert response["Location"] == "/ru/"


def test_repeated_failed_sign_ins_are_rate_limited(client):
    UserFactory(email="target@example.org")
    pages = [
        client.post(
            reverse("account_login"), {"login": "target@example.org", "password": "wrong-guess"}
        ).content.decode()
        for _ in range(6)
    ]
    assert "Too many failed login attempts" not in pages[0]
    assert "Too many failed login attempts" in pages[-1]
    # Even the right password is refused while the limit holds.
    right = client.post(
        reverse("account_login"), {"login": "target@example.org", "password": PASSWORD}
    )
    assert right.status_code == 200
    assert "Too many failed login attempts" in right.content.decode()


def test_admin_login_goes_through_the_rate_limited_sign_in(client):
    response = client.get("/en/admin/login/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@override_settings(REQUIRE_STAFF_MFA=True)
def test_secretariat_without_mfa_must_set_it_up_first(client):
    user = commission_secretariat(CommissionFactory(code="ESCAP"))
    client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")
    # allauth asks for the password again before a second factor is added.
    reauthenticate = client.get(reverse("mfa_activate_totp"))
    assert reauthenticate["Location"].startswith(reverse("account_reauthenticate"))
    client.post(reauthenticate["Location"], {"password": PASSWORD})
    activation = client.get(reverse("mfa_activate_totp"))
    assert activation.status_code == 200
    assert "Authenticator code" in activation.content.decode()


def sign_in_secretariat_with_totp(client):
    user = commission_secretariat(CommissionFactory(code="ESCAP"))
    Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={"secret": "x"})
    client.force_login(user)
    return user


@override_settings(REQUIRE_STAFF_MFA=True)
def test_secretariat_with_totp_passes(client):
    sign_in_secretariat_with_totp(client)
    assert client.get(reverse("home")).status_code == 200


@override_settings(REQUIRE_STAFF_MFA=True)
def test_secretariat_with_totp_is_not_queried_for_it_on_every_request(client):
    sign_in_secretariat_with_totp(client)
    client.get(reverse("home"))

    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("home")).status_code == 200

    assert [q["sql"] for q in queries if "mfa_authenticator" in q["sql"]] == []


@override_settings(REQUIRE_STAFF_MFA=True)
def test_secretariat_removing_totp_must_set_it_up_again_at_once(client):
    user = sign_in_secretariat_with_totp(client)
    assert client.get(reverse("home")).status_code == 200

    Authenticator.objects.filter(user=user).delete()

    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")


@override_settings(REQUIRE_STAFF_MFA=True)
def test_stakeholder_is_not_asked_for_mfa(client):
    client.force_login(UserFactory())
    assert client.get(reverse("home")).status_code == 200


def test_language_switch_is_remembered_for_signed_in_user(client):
    user = UserFactory()
    client.force_login(user)
    response = client.post(reverse("set_language"), {"language": "ar", "next": "/en/objectives/"})
    assert response.status_code == 302
    assert response["Location"] == "/ar/objectives/"
    user.refresh_from_db()
    assert user.preferred_language == "ar"


def test_signup_stores_the_address_in_lower_case_for_allauth_too(client):
    signup(client, "Amina.Diallo@Example.ORG")
    user = User.objects.get()
    assert user.email == "amina.diallo@example.org"
    assert list(EmailAddress.objects.values_list("user", "email")) == [
        (user.pk, "amina.diallo@example.org")
    ]


def test_signup_with_known_address_in_other_case_adds_no_user(client):
    known = UserFactory(email="known@example.org")
    signup(client, "KNOWN@Example.org")
    assert list(User.objects.values_list("email", flat=True)) == ["known@example.org"]
    assert list(EmailAddress.objects.values_list("user", "email")) == [
        (known.pk, "known@example.org")
    ]
