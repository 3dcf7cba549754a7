from django import forms
from django.utils.translation import gettext_lazy as _

from core.concurrency import VersionedForm
from outbox.models import OutboxMessage


class OutboxMessageForm(VersionedForm):
    class Meta:
        model = OutboxMessage
        fields = ["subject", "body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 12})}


class OutboxSendForm(forms.Form):
    message = forms.ModelMultipleChoiceField(
        queryset=OutboxMessage.objects.none(),
        error_messages={"required": _("Choose the messages to send.")},
    )

    def __init__(self, *args, messages, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["message"].queryset = messages
