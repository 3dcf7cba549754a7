"""A participant's own data: download it all, or delete the account."""

import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView

from accounts.permissions import PermissionRequiredMixin
from core.fragments import OwnContentMixin
from stakeholders import personal_data
from stakeholders.forms_funding import DeleteAccountForm


class PersonalDataView(OwnContentMixin, PermissionRequiredMixin, FormView):
    """What we hold, how long we keep it, the download, and deleting the account (POST)."""

    permission_required = "stakeholders.see_own_personal_data"
    write_permission_required = "stakeholders.manage_own_personal_data"
    template_name = "stakeholders/personal_data.html"
    form_class = DeleteAccountForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    @cached_property
    def blockers(self) -> list[str]:
        return personal_data.deletion_blockers(self.request.user)

    def content_vary(self):
        # What blocks a deletion (roles, authorship) is not the person's own scope: read it anew.
        return [*super().content_vary(), self.blockers]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            blockers=self.blockers,
            retention_days=settings.PERSONAL_DATA_RETENTION_DAYS,
            **kwargs,
        )

    def form_valid(self, form):
        user = self.request.user
        try:
            personal_data.delete_account(user=user)
        except personal_data.DeletionRefused as refusal:
            form.add_error(None, refusal.message)
            return self.render_to_response(self.get_context_data(form=form), status=409)
        logout(self.request)
        messages.success(self.request, _("Your account and your personal data have been deleted."))
        return redirect("home")


class PersonalDataExportView(PermissionRequiredMixin, View):
    permission_required = "stakeholders.see_own_personal_data"

    def get(self, request, *args, **kwargs):
        data = personal_data.export_personal_data(request.user)
        response = HttpResponse(
            json.dumps(data, ensure_ascii=False, indent=2),
            content_type="application/json; charset=utf-8",
        )
        day = timezone.localdate().isoformat()
        response["Content-Disposition"] = f'attachment; filename="my-data-{day}.json"'
        return response
