"""Travel funding in the browser: the applicant's requests, one request with its messages, the
secretariat's decisions and a review's requests beside its budget lines."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView

from accounts.permissions import PermissionRequiredMixin
from core.fragments import CachedContentMixin, OwnContentMixin
from core.listing import page_of
from core.versions import review_scope
from reviews.views.base import ReviewPageMixin
from stakeholders import funding, selectors_funding
from stakeholders.enums import FundingStatus, Party
from stakeholders.forms_funding import (
    ApplicantMoveForm,
    DecisionForm,
    FundingRequestForm,
    MessageForm,
)
from stakeholders.models import FundingRequest


class MyFundingView(OwnContentMixin, PermissionRequiredMixin, TemplateView):
    permission_required = "stakeholders.see_own_funding"
    template_name = "stakeholders/funding/mine.html"

    def get_content_context(self):
        return {"mine": selectors_funding.my_funding(self.request.user)}


class FundingRequestCreateView(PermissionRequiredMixin, FormView):
    """A registrant asks for travel support; the page proposes their eligibility."""

    permission_required = "stakeholders.add_funding_request"
    write_permission_required = "stakeholders.add_funding_request"
    template_name = "stakeholders/funding/new.html"
    form_class = FundingRequestForm

    def get_permission_object(self):
        return get_object_or_404(
            selectors_funding.registrations_of(self.request.user), pk=self.kwargs["registration"]
        )

    @cached_property
    def proposal(self) -> funding.Eligibility:
        return funding.propose_eligibility(self.permission_object)

    def get_initial(self):
        return {"days": self.proposal.basis.per_diem_days}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            registration=self.permission_object, proposal=self.proposal, **kwargs
        )

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            request = funding.ask_for_funding(
                registration=self.permission_object,
                flight=data["flight"],
                days=data["days"],
                rate=data["rate"],
                justification=data["justification"],
                actor=self.request.user,
            )
        except funding.FundingRefused as refusal:
            form.add_error(None, refusal.message)
            return self.render_to_response(self.get_context_data(form=form), status=409)
        messages.success(self.request, _("Your request for travel support has been sent."))
        return redirect("stakeholders:funding_request", pk=request.pk)


class FundingRequestMixin(CachedContentMixin, PermissionRequiredMixin):
    """One request, found among those the user may see; the page shows the applicant what is
    theirs to read and the secretariat everything, with the budget lines it decides against."""

    permission_required = "stakeholders.see_funding_request"
    template_name = "stakeholders/funding/request.html"
    template_permissions = {
        "decide": "stakeholders.decide_funding_request",
        "respond": "stakeholders.withdraw_funding_request",
        "message": "stakeholders.add_funding_message",
    }

    def get_permission_object(self):
        # Who may see it is the rules' to say (404 otherwise): the request with what they read.
        return get_object_or_404(
            FundingRequest.objects.select_related("event__review", "registration"),
            pk=self.kwargs["pk"],
        )

    @property
    def funding_request(self):
        return self.permission_object

    def content_scopes(self):
        return [review_scope(self.funding_request.event.review_id)]

    def get_content_context(self):
        request, can = self.funding_request, self.can
        context = {"page": selectors_funding.request_page(request, internal=can["decide"])}
        if request.registration_id is not None:
            context["proposal"] = funding.eligibility_of(
                kind=request.kind, country=request.registration.country, event=request.event
            )
        if can["decide"]:
            context["travel"] = selectors_funding.travel_lines(request.event.review)
        return context

    def get_context_data(self, decision_form=None, message_form=None, move_form=None, **kwargs):
        request, can = self.funding_request, self.can
        status = FundingStatus(request.status)
        context = {
            "funding_request": request,
            "message_form": message_form or MessageForm(),
            "move_form": move_form,
            "applicant_moves": status.moves_for(Party.APPLICANT) if can["respond"] else [],
        }
        if can["decide"] and status.moves_for(Party.SECRETARIAT):
            context["decision_form"] = decision_form or DecisionForm(request=request)
        return super().get_context_data(**context, **kwargs)

    def refused(self, refusal, **forms):
        messages.error(self.request, refusal.message)
        return self.render_to_response(self.get_context_data(**forms), status=409)


class FundingRequestView(FundingRequestMixin, TemplateView):
    pass


class FundingDecisionView(FundingRequestMixin, TemplateView):
    """The secretariat offers (recording the commitment), asks for information or rejects."""

    http_method_names = ["post"]
    write_permission_required = "stakeholders.decide_funding_request"

    def post(self, request, *args, **kwargs):
        form = DecisionForm(request.POST, request=self.funding_request)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(decision_form=form), status=422)
        data = form.cleaned_data
        grant = None
        if data["decision"] == FundingStatus.OFFERED:
            grant = funding.Grant(data["flight"], data["days"], data["rate"])
        try:
            funding.move_funding_request(
                request=self.funding_request,
                to=data["decision"],
                actor=request.user,
                expected_version=data["version"],
                note=data["note"],
                grant=grant,
                basis=data["basis"],
                override=data["override"],
                override_reason=data["override_reason"],
            )
        except funding.FundingRefused as refusal:
            if refusal.needs_override:
                form.add_error("override", refusal.message)
                return self.render_to_response(
                    self.get_context_data(decision_form=form), status=409
                )
            return self.refused(refusal, decision_form=form)
        messages.success(
            request,
            _("The request is now “%(status)s”.")
            % {"status": FundingStatus(data["decision"]).label},
        )
        return redirect("stakeholders:funding_request", pk=self.funding_request.pk)


class FundingResponseView(FundingRequestMixin, TemplateView):
    """The applicant's moves: answer a question, accept or decline an offer, withdraw."""

    http_method_names = ["post"]
    write_permission_required = "stakeholders.withdraw_funding_request"

    def post(self, request, *args, **kwargs):
        form = ApplicantMoveForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(move_form=form), status=422)
        data = form.cleaned_data
        try:
            funding.move_funding_request(
                request=self.funding_request,
                to=data["to"],
                actor=request.user,
                expected_version=data["version"],
                note=data["note"],
            )
            if data["note"].strip():
                funding.add_funding_message(
                    request=self.funding_request,
                    author=request.user,
                    text=data["note"],
                    visible_to_applicant=True,
                )
        except funding.FundingRefused as refusal:
            return self.refused(refusal, move_form=form)
        messages.success(
            request,
            _("Your request is now “%(status)s”.") % {"status": FundingStatus(data["to"]).label},
        )
        return redirect("stakeholders:funding_request", pk=self.funding_request.pk)


class FundingMessageView(FundingRequestMixin, TemplateView):
    http_method_names = ["post"]
    write_permission_required = "stakeholders.add_funding_message"

    def post(self, request, *args, **kwargs):
        form = MessageForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(message_form=form), status=422)
        funding.add_funding_message(
            request=self.funding_request,
            author=request.user,
            text=form.cleaned_data["text"],
            visible_to_applicant=form.cleaned_data["visible_to_applicant"],
        )
        messages.success(request, _("The message has been sent."))
        return redirect("stakeholders:funding_request", pk=self.funding_request.pk)


class ReviewFundingView(ReviewPageMixin, TemplateView):
    """The secretariat's view of a review's travel funding: budgeted, committed and remaining on
    the commission's travel lines, and the requests, a page at a time."""

    permission_required = "stakeholders.see_review_funding"
    template_name = "stakeholders/funding/review.html"

    def get_content_context(self):
        return {
            "travel": selectors_funding.travel_lines(self.review),
            **page_of(self.request, selectors_funding.review_funding_requests(self.review)),
        }
