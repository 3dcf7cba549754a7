"""The one permission path: a read and a write permission per view, `can` for templates."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse
from django.views import View

from accounts.permissions import PermissionRequiredMixin, Permissions, UnknownPermissionName
from reference.models import Country
from tests.factories import UserFactory, focal_point, make_voluntary_review

pytestmark = pytest.mark.django_db


class ForgetfulView(PermissionRequiredMixin, View):
    permission_required = "submissions.see_own_submissions"

    def get(self, request):
        return HttpResponse("read")

    def post(self, request):
        return HttpResponse("written")


def signed_in_request(method: str):
    request = RequestFactory().generic(method, "/")
    request.user = UserFactory()
    return request


def test_view_that_writes_without_a_write_permission_fails_loudly():
    assert ForgetfulView.as_view()(signed_in_request("GET")).content == b"read"
    with pytest.raises(AssertionError, match="ForgetfulView declares no write_permission_required"):
        ForgetfulView.as_view()(signed_in_request("POST"))


def test_method_a_view_does_not_answer_is_405_even_for_anonymous_visitors(client, reference_data):
    submission = make_voluntary_review("MEX", "ECLAC")
    assert client.get(reverse("submissions:submit", args=[submission.pk])).status_code == 405
    assert client.put(reverse("submissions:edit", args=[submission.pk])).status_code == 405


def test_reader_without_the_write_permission_gets_404(client, reference_data):
    submission = make_voluntary_review("MEX", "ECLAC")
    official = focal_point(Country.objects.get(iso3="MEX"))  # drafts, but does not submit
    client.force_login(official)
    assert client.get(reverse("submissions:edit", args=[submission.pk])).status_code == 200
    assert client.post(reverse("submissions:submit", args=[submission.pk])).status_code == 404
    assert client.post(reverse("submissions:withdraw", args=[submission.pk])).status_code == 404


def test_anonymous_write_is_sent_to_sign_in(client, reference_data):
    submission = make_voluntary_review("MEX", "ECLAC")
    response = client.post(reverse("submissions:withdraw", args=[submission.pk]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_can_answers_each_named_permission_for_the_object(reference_data):
    submission = make_voluntary_review("MEX", "ECLAC")
    names = {"edit": "submissions.edit_submission", "submit": "submissions.submit_submission"}
    official = Permissions(focal_point(Country.objects.get(iso3="MEX")), names, submission)
    designated = Permissions(
        focal_point(Country.objects.get(iso3="MEX"), designated=True), names, submission
    )
    anonymous = Permissions(AnonymousUser(), names, submission)
    assert dict(official) == {"edit": True, "submit": False}
    assert dict(designated) == {"edit": True, "submit": True}
    assert dict(anonymous) == {"edit": False, "submit": False}


def test_can_refuses_a_name_its_view_does_not_list(reference_data):
    submission = make_voluntary_review("MEX", "ECLAC")
    can = Permissions(UserFactory(), {"edit": "submissions.edit_submission"}, submission)
    with pytest.raises(UnknownPermissionName, match="decide"):
        can["decide"]
