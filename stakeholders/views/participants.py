from django.http import HttpResponse
from django.views.generic import TemplateView

from core.fragments import CachedContentMixin
from core.spreadsheets import csv_bytes, neutralise, xlsx_bytes
from core.versions import review_scope
from stakeholders.participants import participant_list, participant_table
from stakeholders.views.registration import EventMixin

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class ParticipantListView(EventMixin, CachedContentMixin, TemplateView):
    """The approved participants by category and country; names as each participant chose,
    personal data for the secretariat; as CSV or XLSX with ?export=."""

    permission_required = "stakeholders.see_participant_list"
    template_permissions = {
        "names": "stakeholders.see_participant_names",
        "personal": "stakeholders.see_personal_data",
        "badges": "stakeholders.manage_event",
    }
    public = True
    template_name = "stakeholders/registration/participants.html"

    def get(self, request, *args, **kwargs):
        export = request.GET.get("export")
        if export not in {"csv", "xlsx"}:
            return super().get(request, *args, **kwargs)
        table = participant_table(participant_list(self.event, request.user))
        rows = [[neutralise(cell) for cell in row] for row in table]
        if export == "csv":
            response = HttpResponse(csv_bytes(rows), content_type="text/csv; charset=utf-8")
        else:
            response = HttpResponse(xlsx_bytes(rows, title="Participants"), content_type=XLSX)
        filename = f"participants-{self.event.review.commission.code.lower()}-{self.event.pk}"
        response["Content-Disposition"] = f'attachment; filename="{filename}.{export}"'
        response["Cache-Control"] = "private, no-store"
        return response

    def content_scopes(self):
        return [review_scope(self.event.review_id)]

    def content_vary(self) -> list:
        # A participant also sees their own name, whoever else may.
        own = self.can["names"] and not self.can["personal"]
        return [*super().content_vary(), self.request.user.pk if own else None]

    def get_content_context(self) -> dict:
        return {"participants": participant_list(self.event, self.request.user)}

    def get_context_data(self, **kwargs):
        return super().get_context_data(event=self.event, review=self.event.review, **kwargs)
