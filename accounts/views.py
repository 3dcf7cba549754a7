from django.conf import settings
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import DetailView, ListView, TemplateView, UpdateView
from django.views.i18n import set_language

from accounts import selectors, services
from accounts.forms import OrganisationForm, OrganisationVerificationForm, ProfileForm
from accounts.permissions import PermissionRequiredMixin
from core.fragments import CachedContentMixin, OwnContentMixin
from reference.models import Commission, Country


@require_POST
def switch_language(request):
    """Django's language switch, remembering the choice as the user's preferred language.

    Public: anyone may choose a language; only a signed-in user's own preference is written.
    """
    response = set_language(request)
    language = request.POST.get("language")
    if request.user.is_authenticated and language in dict(settings.LANGUAGES):
        services.set_preferred_language(user=request.user, language=language)
    return response


class PeoplePageMixin(CachedContentMixin):
    """A page about people and organisations: kept until any of them changes (they move the
    EVERYTHING version, which every cached body depends on)."""

    def content_scopes(self):
        return []


class ProfileView(OwnContentMixin, PermissionRequiredMixin, UpdateView):
    permission_required = "accounts.see_own_account"
    write_permission_required = "accounts.edit_own_account"
    form_class = ProfileForm
    template_name = "accounts/profile.html"

    def get_object(self, queryset=None):
        return self.request.user

    def get_success_url(self):
        return reverse("accounts:profile")

    def form_valid(self, form):
        services.update_profile(user=self.request.user, **form.cleaned_data)
        messages.success(self.request, _("Your profile has been saved."))
        return redirect(self.get_success_url())

    def get_context_data(self, **kwargs):
        roles = self.request.user.role_assignments.select_related(
            "commission", "country", "organisation"
        )
        return super().get_context_data(roles=roles, **kwargs)


class OrganisationListView(PeoplePageMixin, PermissionRequiredMixin, ListView):
    permission_required = "accounts.see_organisations"
    template_name = "accounts/organisation_list.html"
    context_object_name = "organisations"
    paginate_by = 50

    def get_queryset(self):
        return selectors.organisations_visible_to(self.request.user)


class OrganisationMixin(PermissionRequiredMixin):
    def get_permission_object(self):
        return get_object_or_404(
            selectors.organisations_visible_to(self.request.user), pk=self.kwargs["pk"]
        )

    def get_object(self, queryset=None):
        return self.permission_object


class OrganisationDetailView(PeoplePageMixin, OrganisationMixin, DetailView):
    permission_required = "accounts.see_organisation"
    template_permissions = {
        "edit": "accounts.edit_organisation",
        "verify": "accounts.verify_organisation",
    }
    template_name = "accounts/organisation_detail.html"
    context_object_name = "organisation"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            verification_form=OrganisationVerificationForm(
                initial={"verification": self.object.verification}
            ),
            representatives=self.object.role_assignments.select_related("user"),
            **kwargs,
        )


class OrganisationUpdateView(OrganisationMixin, UpdateView):
    permission_required = "accounts.edit_organisation"
    write_permission_required = "accounts.edit_organisation"
    form_class = OrganisationForm
    template_name = "accounts/organisation_form.html"
    context_object_name = "organisation"

    def form_valid(self, form):
        organisation = services.update_organisation(
            organisation=self.permission_object, **form.cleaned_data
        )
        messages.success(self.request, _("The organisation has been saved."))
        return redirect(organisation)


class OrganisationVerifyView(OrganisationMixin, DetailView):
    permission_required = "accounts.see_organisation"
    write_permission_required = "accounts.verify_organisation"
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        organisation = self.permission_object
        form = OrganisationVerificationForm(request.POST)
        if form.is_valid():
            services.set_organisation_verification(
                organisation=organisation,
                state=form.cleaned_data["verification"],
                actor=request.user,
            )
            messages.success(request, _("The verification state has been recorded."))
        else:
            messages.error(request, _("Choose a verification state."))
        return redirect(organisation)


class CommissionTeamView(PeoplePageMixin, PermissionRequiredMixin, TemplateView):
    permission_required = "accounts.see_commission_team"
    template_name = "accounts/commission_team.html"

    def get_permission_object(self):
        return get_object_or_404(Commission, code=self.kwargs["code"])

    def get_context_data(self, **kwargs):
        commission = self.permission_object
        return super().get_context_data(
            commission=commission,
            secretariat=selectors.commission_secretariat(commission),
            focal_points=selectors.focal_points_of_commission(commission),
            **kwargs,
        )


class CountryTeamView(PeoplePageMixin, PermissionRequiredMixin, TemplateView):
    permission_required = "accounts.see_country_team"
    template_name = "accounts/country_team.html"

    def get_permission_object(self):
        return get_object_or_404(Country, iso3=self.kwargs["iso3"].upper())

    def get_context_data(self, **kwargs):
        country = self.permission_object
        return super().get_context_data(
            country=country,
            focal_points=selectors.focal_points_of_country(country),
            commissions=country.memberships.select_related("commission"),
            **kwargs,
        )
