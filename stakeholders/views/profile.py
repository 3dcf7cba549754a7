from django.contrib import messages
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.generic import FormView

from accounts.permissions import PermissionRequiredMixin
from core.fragments import OwnContentMixin
from stakeholders import profiles
from stakeholders.forms import OrganisationProposalForm, ProfileForm
from stakeholders.models import Profile


class ProfileEditView(OwnContentMixin, PermissionRequiredMixin, FormView):
    """A participant's profile, filled in once after signing up and kept for every event."""

    permission_required = "stakeholders.edit_own_profile"
    write_permission_required = "stakeholders.edit_own_profile"
    template_name = "stakeholders/registration/profile.html"
    form_class = ProfileForm

    def get_form_kwargs(self):
        profile = Profile.objects.filter(user=self.request.user).first()
        return {
            **super().get_form_kwargs(),
            "instance": profile or Profile(user=self.request.user),
            "user": self.request.user,
        }

    def form_valid(self, form):
        profiles.save_profile(user=self.request.user, **form.cleaned_data)
        messages.success(self.request, _("Your participant profile has been saved."))
        next_url = self.request.GET.get("next", "")
        if url_has_allowed_host_and_scheme(next_url, allowed_hosts={self.request.get_host()}):
            return redirect(next_url)
        return redirect("stakeholders:mine")


class ProposeOrganisationView(PermissionRequiredMixin, FormView):
    permission_required = "stakeholders.propose_organisation"
    write_permission_required = "stakeholders.propose_organisation"
    template_name = "stakeholders/registration/organisation_proposal.html"
    form_class = OrganisationProposalForm

    def form_valid(self, form):
        organisation = profiles.propose_organisation(actor=self.request.user, **form.cleaned_data)
        messages.success(
            self.request,
            _(
                "Thank you: the secretariat will verify “%(name)s”. Once it is verified, choose it "
                "in your profile."
            )
            % {"name": organisation.name},
        )
        return redirect(organisation)
