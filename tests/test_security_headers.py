"""A strict Content Security Policy on every page, and nothing inline that it would block."""

from html.parser import HTMLParser

import pytest
from django.urls import reverse

from tests.factories import OrganisationFactory, UserFactory, network_secretariat

pytestmark = pytest.mark.django_db


class InlineCode(HTMLParser):
    """Collects inline scripts and styles that lack the request's nonce."""

    def __init__(self, nonce: str):
        super().__init__()
        self.nonce = nonce
        self.problems: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if "style" in attributes:
            self.problems.append(f"style attribute on <{tag}>")
        if any(name.startswith("on") for name in attributes):
            self.problems.append(f"event handler attribute on <{tag}>")
        executable = tag == "script" and attributes.get("type", "text/javascript") in {
            "text/javascript",
            "module",
            "application/javascript",
        }
        if ((executable and "src" not in attributes) or tag == "style") and attributes.get(
            "nonce"
        ) != self.nonce:
            self.problems.append(f"<{tag}> without the nonce")


def assert_strict_policy(response):
    policy = response["Content-Security-Policy"]
    directives = dict(
        ([*part.strip().split(" ", 1), ""])[:2] for part in policy.split(";") if part.strip()
    )
    assert "'unsafe-inline'" not in policy
    assert "'unsafe-eval'" not in policy
    assert directives["default-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    assert directives["base-uri"] == "'none'"
    assert directives["frame-ancestors"] == "'none'"
    assert directives["script-src"].startswith("'self'")
    if response["Content-Type"].startswith("text/html"):
        # Django names a nonce in the header only when a page uses one.
        script_src = directives["script-src"]
        nonce = script_src.split("'nonce-")[1].split("'")[0] if "'nonce-" in script_src else None
        parser = InlineCode(nonce)
        parser.feed(response.content.decode())
        assert parser.problems == []


def test_public_pages_have_a_strict_policy(client):
    for url in [
        reverse("home"),
        reverse("reference:objectives"),
        reverse("reference:commissions"),
        reverse("account_login"),
        reverse("account_signup"),
        reverse("account_reset_password"),
        "/en/no-such-page/",
        reverse("healthz"),
    ]:
        response = client.get(url)
        assert response.status_code in {200, 404}, url
        assert_strict_policy(response)


def test_signed_in_pages_have_a_strict_policy(client):
    user = network_secretariat()
    organisation = OrganisationFactory()
    client.force_login(user)
    for url in [
        reverse("home"),
        reverse("accounts:profile"),
        reverse("accounts:organisations"),
        reverse("accounts:organisation", args=[organisation.pk]),
        reverse("accounts:organisation_edit", args=[organisation.pk]),
        reverse("account_change_password"),
        reverse("mfa_index"),
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_strict_policy(response)


def test_admin_pages_have_a_strict_policy(client):
    client.force_login(network_secretariat(user__is_staff=True, user__is_superuser=True))
    for url in [
        "/en/admin/",
        "/en/admin/accounts/user/",
        "/en/admin/accounts/user/add/",
        "/en/admin/reference/country/",
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_strict_policy(response)


def test_pages_cannot_be_framed(client):
    response = client.get(reverse("home"))
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_form_errors_escape_user_text(client):
    user = UserFactory()
    client.force_login(user)
    response = client.post(
        reverse("accounts:profile"),
        {"name": "<script>alert(1)</script>", "preferred_language": "xx"},
    )
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_page_titles_hold_only_text(client, reference_data):
    """Every page's <title> is plain text: no markup leaked into the head."""
    import re

    from tests.factories import make_voluntary_review

    submission = make_voluntary_review()
    urls = [
        reverse("submissions:edit", args=[submission.pk]),
        reverse("submissions:queue", args=[submission.review.pk]),
        reverse("submissions:objectives", args=[submission.pk]),
        reverse("reviews:dashboard", args=[submission.review.pk]),
    ]
    client.force_login(network_secretariat())
    for url in urls:
        head = client.get(url).content.decode().split("</head>")[0]
        title = re.search(r"<title>(.*?)</title>", head, re.S).group(1)
        assert "<" not in title, url
