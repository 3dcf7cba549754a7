"""Focal points write in the browser: live counts, autosave, conflicts that lose no text."""

import re

import pytest
from playwright.sync_api import expect

from core.richtext import LINK_REL, sanitise
from reference.models import Country
from submissions.models import OutlineSection, SectionText
from tests.factories import focal_point, make_voluntary_review
from tests.signing_in import submit_sign_in_form

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def setup(transactional_reference_data):
    submission = make_voluntary_review("MEX", "ECLAC")
    mexico = Country.objects.get(iso3="MEX")
    return submission, focal_point(mexico, designated=True), focal_point(mexico)


def section(page, number):
    """Section `number` of the outline: the region its numbered heading names."""
    return page.get_by_role("region", name=re.compile(rf"^{number}\. "))


def editor(page, number):
    return section(page, number).get_by_role("textbox")


def shows_saved(page, number):
    """The section's save state, once it says the text is saved ("Not saved" does not match)."""
    return section(page, number).get_by_role("status").filter(has_text=re.compile(r"^Saved$"))


def test_draft_autosaves_with_a_live_word_count(signed_in_page, live_server, setup):
    submission, designated, _official = setup
    page = signed_in_page(designated)
    page.goto(f"{live_server.url}/en/submissions/{submission.pk}/")
    editor(page, 1).click()
    page.keyboard.type("México adoptó un plan nacional en 2021.")
    expect(editor(page, 1)).to_have_accessible_description(re.compile(r"^7 / 500 words"))
    expect(shows_saved(page, 1)).to_be_visible()
    saved = SectionText.objects.get(submission=submission, section__key="methodology")
    assert "México adoptó un plan nacional en 2021." in saved.text
    assert saved.word_count == 7
    page.reload()
    expect(editor(page, 1)).to_contain_text("México adoptó un plan nacional en 2021.")


def test_two_focal_points_editing_one_section_get_a_conflict(signed_in_page, live_server, setup):
    submission, designated, official = setup
    ana = signed_in_page(designated)
    luis = signed_in_page(official)
    for page in (ana, luis):
        page.goto(f"{live_server.url}/en/submissions/{submission.pk}/")
    editor(ana, 1).click()
    ana.keyboard.type("Texto de Ana.")
    expect(shows_saved(ana, 1)).to_be_visible()
    editor(luis, 1).click()
    luis.keyboard.type("Texto de Luis.")
    panel = (
        section(luis, 1)
        .get_by_role("alert")
        .filter(has_text="Someone else saved this section while you were writing")
    )
    expect(panel).to_be_visible()
    expect(panel.get_by_role("group", name="Your text")).to_have_text("Texto de Luis.")
    expect(panel.get_by_role("group", name="Their text")).to_have_text("Texto de Ana.")
    # Luis merges both texts and keeps the merge: nothing typed by either is lost.
    editor(luis, 1).click()
    luis.keyboard.press("End")
    luis.keyboard.type(" Texto de Ana.")
    panel.get_by_role("button", name="Keep my (merged) text").click()
    expect(shows_saved(luis, 1)).to_be_visible()
    saved = SectionText.objects.get(submission=submission, section__key="methodology")
    assert "Texto de Luis." in saved.text and "Texto de Ana." in saved.text
    assert saved.version == 2


def test_expired_session_keeps_the_text_and_asks_to_sign_in(signed_in_page, live_server, setup):
    submission, designated, _official = setup
    page = signed_in_page(designated)
    page.goto(f"{live_server.url}/en/submissions/{submission.pk}/")
    page.context.clear_cookies()
    editor(page, 2).click()
    page.keyboard.type("Written after the session ended.")
    signed_out = page.get_by_role("alert").filter(has_text="You have been signed out.")
    expect(signed_out).to_be_visible()
    stored = page.evaluate("Object.values(localStorage).join(' ')")
    assert "Written after the session ended." in stored
    # Signing in again in the tab the page offers lets the page save by itself.
    with page.context.expect_page() as new_tab:
        signed_out.get_by_role("link", name="Sign in again in a new tab").click()
    submit_sign_in_form(new_tab.value, email=designated.email)
    expect(shows_saved(page, 2)).to_be_visible(timeout=20000)
    saved = SectionText.objects.get(submission=submission, section__key="policy")
    assert "Written after the session ended." in saved.text


def test_submit_return_revise_and_resubmit_in_the_browser(signed_in_page, live_server, setup):
    from reference.models import Commission
    from submissions import services
    from tests.factories import commission_secretariat

    submission, designated, _official = setup
    for section in submission.sections.exclude(section__key="next-steps"):
        services.save_section(section_text=section, text="<p>Texto</p>", base_version=0, actor=None)
    page = signed_in_page(designated)
    page.goto(f"{live_server.url}/en/submissions/{submission.pk}/")
    page.get_by_role("button", name="Validate and submit").click()
    expect(page.get_by_text("Section 5, “Next steps”, is empty.").first).to_be_visible()
    editor(page, 5).click()
    page.keyboard.type("Difusión de resultados en 2022.")
    expect(shows_saved(page, 5)).to_be_visible()
    page.get_by_role("button", name="Validate and submit").click()
    expect(page.get_by_text("The submission has been sent to the secretariat.")).to_be_visible()
    # No more editing while the submission is with the secretariat.
    expect(page.get_by_role("textbox")).to_have_count(0)

    staff = signed_in_page(commission_secretariat(Commission.objects.get(code="ECLAC")))
    staff.goto(f"{live_server.url}/en/submissions/{submission.pk}/")
    staff.get_by_label("Decision").select_option("returned")
    staff.get_by_label("Comment to the authors").fill("Añadan datos sobre remesas.")
    staff.get_by_role("button", name="Record the decision").click()
    expect(staff.get_by_text("The decision has been recorded.")).to_be_visible()

    page.reload()
    expect(page.get_by_role("note", name="Comment from the secretariat")).to_contain_text(
        "Añadan datos sobre remesas."
    )
    assert list(submission.audit_events.order_by("pk").values_list("action", flat=True)) == [
        "created",
        "submitted",
        "returned",
    ]
    editor(page, 3).click()
    page.keyboard.press("End")
    page.keyboard.type(" Las remesas crecieron un 11 %.")
    expect(shows_saved(page, 3)).to_be_visible()
    page.get_by_role("button", name="Validate and submit").click()
    expect(page.get_by_text("The submission has been sent to the secretariat.")).to_be_visible()
    submission.refresh_from_db()
    assert submission.status == "resubmitted"
    progress = submission.sections.get(section__key="progress")
    assert "Las remesas crecieron un 11 %." in progress.text


def test_over_limit_warning_follows_the_count_live(signed_in_page, live_server, setup):
    submission, designated, _official = setup
    OutlineSection.objects.filter(outline=submission.outline, key="methodology").update(
        word_limit=3
    )
    page = signed_in_page(designated)
    page.goto(f"{live_server.url}/en/submissions/{submission.pk}/")
    title = "1. Methodology for preparing the voluntary GCM review"
    methodology = page.get_by_role("region", name=title)
    warning = methodology.get_by_role("status").filter(has_text="over the suggested limit")

    methodology.get_by_role("textbox", name=title).click()
    page.keyboard.type("uno dos tres")
    expect(methodology.get_by_text("3 / 3 words")).to_be_visible()
    expect(warning).to_have_count(0)
    # The count changes with every keystroke, so it sits outside any live region.
    assert methodology.get_by_text("3", exact=True).evaluate(
        "el => el.closest('[aria-live], [role=status], [role=alert], [role=log]') === null"
    )
    page.keyboard.type(" cuatro")
    expect(warning).to_be_visible()

    # Further words past the limit change the count, not the announced warning.
    warning.evaluate(
        "el => { window.warningChanges = 0; new MutationObserver(m => window.warningChanges "
        "+= m.length).observe(el, {childList: true, characterData: true, subtree: true}); }"
    )
    page.keyboard.type(" cinco seis")
    expect(methodology.get_by_text("6 / 3 words")).to_be_visible()
    assert page.evaluate("window.warningChanges") == 0

    for _ in " cuatro cinco seis":
        page.keyboard.press("Backspace")
    expect(methodology.get_by_text("3 / 3 words")).to_be_visible()
    expect(warning).to_have_count(0)
    expect(shows_saved(page, 1)).to_be_visible()


def test_editor_keeps_the_markup_the_server_keeps(signed_in_page, live_server, setup):
    submission, designated, _official = setup
    page = signed_in_page(designated)
    page.goto(f"{live_server.url}/en/submissions/{submission.pk}/")
    expect(page.get_by_role("toolbar").first).to_be_visible()  # the editor has started
    samples = [
        '<p onclick="x()">Hola <script>alert(1)</script><strong>2021</strong></p>',
        "<h1>Título</h1><ul><li><em>uno</em></li><li><i>dos</i> <b>tres</b></li></ul>",
        '<a href="https://example.org/?a=1&amp;b=2" target="_blank" class="x">enlace</a>',
        '<a href="javascript:alert(1)">no</a> <a href="/en/">relativo</a> '
        '<a href="MAILTO:ana@example.org">correo</a>',
        '<div>bloque</div><span style="color:red">rojo</span><table><tr><td>celda</td></tr>'
        "</table><ol><li>a<br>b</li></ol>",
        "<p>a &lt;b&gt; &amp; c</p><style>p{}</style><img src=x onerror=alert(1)>",
    ]
    in_browser = page.evaluate("samples => samples.map(window.gcmEditor.clean)", samples)
    on_server = [sanitise(sample).replace(f' rel="{LINK_REL}"', "") for sample in samples]
    assert in_browser == on_server


def test_new_paragraphs_typed_in_the_editor_are_kept(signed_in_page, live_server, setup):
    submission, designated, _official = setup
    page = signed_in_page(designated)
    page.goto(f"{live_server.url}/en/submissions/{submission.pk}/")
    title = "1. Methodology for preparing the voluntary GCM review"
    methodology = page.get_by_role("region", name=title)
    methodology.get_by_role("textbox", name=title).click()
    page.keyboard.type("Primer párrafo.")
    page.keyboard.press("Enter")
    page.keyboard.type("Segundo párrafo.")
    expect(shows_saved(page, 1)).to_be_visible()
    saved = SectionText.objects.get(submission=submission, section__key="methodology")
    assert saved.text == "<p>Primer párrafo.</p><p>Segundo párrafo.</p>"
