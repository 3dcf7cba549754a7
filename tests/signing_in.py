"""How browser tests sign a person in: one way through the sign-in form, one with a session.

A journey in which signing in is what is tested goes through the form, as a person does; every
other test starts with a session made on the server, so it spends no time on the form.
"""

from django.conf import settings
from django.test import Client
from playwright.sync_api import Page, expect

from tests.factories import PASSWORD


def submit_sign_in_form(page: Page, *, email: str, password: str = PASSWORD) -> None:
    """Fill in the sign-in form open in `page` and wait for the person's workspaces."""
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign In").click()
    expect(page.get_by_role("heading", name="Your workspaces")).to_be_visible()


def sign_in_through_form(page: Page, live_server, *, email: str, password: str = PASSWORD) -> None:
    page.goto(f"{live_server.url}/en/accounts/login/")
    submit_sign_in_form(page, email=email, password=password)


def sign_in_with_session(page: Page, live_server, user) -> None:
    """Give the page's browser context the session cookie of `user`, signed in on the server."""
    client = Client()
    client.force_login(user)
    session = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies(
        [
            {
                "name": session.key,
                "value": session.value,
                "url": live_server.url,
                "httpOnly": True,
                "sameSite": "Lax",
            }
        ]
    )
