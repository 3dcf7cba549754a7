from django.urls import reverse

from core.links import url_for_each


def test_url_for_each_gives_what_reverse_gives():
    speaker_url = url_for_each("reviews:speaker_edit", vary="speaker", pk=7, session=12)
    document_url = url_for_each("reviews:document")
    message_url = url_for_each("outbox:message", vary="message", pk=4)
    assert [speaker_url(3), speaker_url(45), document_url(9), message_url(11)] == [
        reverse("reviews:speaker_edit", kwargs={"pk": 7, "session": 12, "speaker": 3}),
        reverse("reviews:speaker_edit", kwargs={"pk": 7, "session": 12, "speaker": 45}),
        reverse("reviews:document", kwargs={"pk": 9}),
        reverse("outbox:message", kwargs={"pk": 4, "message": 11}),
    ]
