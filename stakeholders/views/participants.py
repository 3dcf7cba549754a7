from django.http import HttpResponse
from django.views.generic import TemplateView

from core.spreadsheets import csv_bytes, neutralise, xlsx_bytes
from stakeholders.participants import participant_list, participant_table
from stakeholders.views.registration import EventMixin

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class ParticipantListView(EventMixin, TemplateView):
    """The approved participants by category and country; names as each participant chose,
    personal data for the secretariat; as CSV or XLSX with ?export=."""

    permission_required = "stakeholders.see_participant_list"
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

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            event=self.event,
            review=self.event.review,
            participants=participant_list(self.event, self.request.user),
            **kwargs,
        )
