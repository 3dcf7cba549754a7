"""The base layout's links and languages, worked out once per language, are those of the page."""

import pytest
from django.test import RequestFactory
from django.urls import set_script_prefix
from django.utils import translation

from accounts.context_processors import layout
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_layout_links_are_in_the_language_of_the_page(client):
    english = client.get("/en/objectives/").content.decode()
    arabic = client.get("/ar/objectives/").content.decode()

    assert '<a href="/en/reviews/">Regional reviews</a>' in english
    assert 'href="/ar/reviews/"' in arabic
    assert 'href="/ar/accounts/login/"' in arabic
    assert 'href="/en/' not in arabic
    assert '<button type="submit" name="language" value="ar" lang="ar"\n' in arabic
    assert 'aria-current="true" class="current">العربيّة</button>' in arabic
    assert 'aria-current="true" class="current">English</button>' in english
    assert ">Français</button>" in arabic


def test_layout_links_for_a_signed_in_user(client):
    client.force_login(UserFactory())

    page = client.get("/fr/objectives/").content.decode()

    assert '<a href="/fr/submissions/">' in page
    assert '<a href="/fr/profile/">' in page
    assert '<form method="post" action="/fr/accounts/logout/" class="inline-form">' in page
    assert 'href="/fr/accounts/login/"' not in page


def test_layout_links_follow_the_script_prefix():
    request = RequestFactory().get("/")
    translation.activate("es")
    set_script_prefix("/gcm/")
    try:
        urls = layout(request)["layout_urls"]
    finally:
        set_script_prefix("/")

    assert urls["reviews"] == "/gcm/es/reviews/"
    assert layout(request)["layout_urls"]["reviews"] == "/es/reviews/"
