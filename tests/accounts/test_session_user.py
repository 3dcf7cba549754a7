"""The user of a session is read with the scopes of their roles in one query, on every request."""

import pytest
from django.urls import reverse

from accounts.backends import AuthenticationBackend
from accounts.enums import Role
from accounts.models import RoleAssignment, Scopes, User
from tests.factories import (
    PASSWORD,
    CommissionFactory,
    CountryFactory,
    RoleAssignmentFactory,
    UserFactory,
    commission_secretariat,
)

pytestmark = pytest.mark.django_db


def test_session_user_is_read_with_all_roles_in_one_query(django_assert_num_queries):
    ece, mexico, chile = CommissionFactory(), CountryFactory(), CountryFactory()
    user = commission_secretariat(ece)
    RoleAssignmentFactory(user=user, role=Role.FOCAL_POINT, country=mexico, designated=True)
    RoleAssignmentFactory(user=user, role=Role.FOCAL_POINT, country=chile)

    with django_assert_num_queries(1):
        loaded = AuthenticationBackend().get_user(user.pk)
        scopes = loaded.scopes

    assert (loaded.pk, loaded.email, loaded.password) == (user.pk, user.email, user.password)
    assert scopes == Scopes(
        commission_ids=frozenset({ece.pk}),
        country_ids=frozenset({mexico.pk, chile.pk}),
        designated_country_ids=frozenset({mexico.pk}),
    )
    assert scopes == User.objects.get(pk=user.pk).scopes


def test_session_user_without_roles_has_no_scopes():
    user = UserFactory()

    assert AuthenticationBackend().get_user(user.pk).scopes == Scopes()


def test_session_user_inactive_or_deleted_is_not_read():
    user = UserFactory(is_active=False)

    assert AuthenticationBackend().get_user(user.pk) is None
    assert AuthenticationBackend().get_user(user.pk + 1) is None


def test_session_user_revoked_role_closes_workspace_on_next_request(client):
    ece = CommissionFactory(code="ECE")
    user = commission_secretariat(ece)
    client.force_login(user)
    url = reverse("accounts:commission_team", args=["ECE"])
    assert client.get(url).status_code == 200

    RoleAssignment.objects.filter(user=user).delete()

    assert client.get(url).status_code == 404


def test_sign_in_keeps_the_session_user_with_the_backend_that_reads_roles(client):
    user = UserFactory()

    client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})

    assert client.session["_auth_user_backend"] == "accounts.backends.AuthenticationBackend"
    assert client.get(reverse("accounts:profile")).status_code == 200
