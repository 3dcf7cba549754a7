from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View
from django.views.generic import FormView, TemplateView

from accounts.permissions import PermissionRequiredMixin
from budgets import selectors, services
from budgets.charts import budget_charts
from budgets.committed import committed_totals
from budgets.forms import (
    AcknowledgeForm,
    BudgetTableForm,
    BudgetUploadForm,
    CategoryForm,
    commissions_named_in,
)
from budgets.importing import BudgetFileError, read_budget
from budgets.models import StatedTotal
from budgets.table import build_table
from budgets.views.base import BudgetMixin, BudgetPageMixin
from core.concurrency import ConcurrentEditError, ConflictMixin
from reviews.models import ReviewCycle


class BudgetListView(BudgetPageMixin, PermissionRequiredMixin, TemplateView):
    """The budgets of every cycle (or of one, `?cycle=<slug>`), with status and grand total."""

    permission_required = "budgets.see_budget"
    template_permissions = {"manage_budget": "budgets.manage_budget"}
    template_name = "budgets/budget_list.html"

    def get_context_data(self, **kwargs):
        slug = self.cycle_slug
        cycle = get_object_or_404(ReviewCycle, slug=slug) if slug else None
        return super().get_context_data(cycle=cycle, **kwargs)

    @property
    def cycle_slug(self) -> str | None:
        return self.request.GET.get("cycle") or None

    def get_content_context(self):
        return {"rows": selectors.budget_list(self.request.user, cycle_slug=self.cycle_slug)}


class BudgetTableMixin(BudgetPageMixin, BudgetMixin):
    """The budget page: the Annex 4 table of one version, with inputs in the columns the user may
    change, and what the data says about it."""

    template_name = "budgets/budget.html"

    def requested_version(self) -> int | None:
        raw = self.request.POST.get("version") or self.request.GET.get("version")
        if raw is None:
            return None
        if not raw.isdigit():
            raise Http404
        return int(raw)

    @cached_property
    def page(self) -> selectors.BudgetPage:
        page = selectors.budget_page(self.budget, self.requested_version())
        if page is None:
            raise Http404
        return page

    @cached_property
    def editable_commissions(self) -> list:
        """The columns that get inputs: the user's own (every one for the Network secretariat);
        none for a commission secretariat on the approved version, which changes only as a new
        version."""
        user, page = self.request.user, self.page
        if page.is_approved_version and not user.has_perm("budgets.manage_budget"):
            return []
        return [
            commission
            for commission in page.commissions
            if user.has_perm("budgets.edit_budget_column", commission)
        ]

    def table_form(self, data=None) -> BudgetTableForm:
        return BudgetTableForm(
            data,
            lines=self.page.lines,
            categories=self.page.categories,
            commissions=self.editable_commissions,
        )

    def get_context_data(self, form=None, what_if=None, conflict_line=None, **kwargs):
        # What a post brings back (typed figures, a conflict) replaces what the page shows.
        self.shown = {"form": form, "what_if": what_if, "conflict_line": conflict_line}
        return super().get_context_data(**kwargs)

    def get_content_context(self):
        form, what_if, conflict_line = (
            self.shown["form"],
            self.shown["what_if"],
            self.shown["conflict_line"],
        )
        page = self.page
        form = form or self.table_form()
        lines = what_if if what_if is not None else page.lines
        table = build_table(
            version=page.version,
            lines=lines,
            categories=page.categories,
            commissions=page.commissions,
            editable_commission_ids=frozenset(c.pk for c in self.editable_commissions),
            form=form,
        )
        return dict(
            page=page,
            table=table,
            # The charts show what is saved, whatever figures a what-if has typed.
            budget_charts=budget_charts(
                page.version,
                totals=page.totals,
                committed=committed_totals(self.budget),
                commissions=page.commissions,
                categories=page.categories,
            ),
            form=form,
            what_if=what_if is not None,
            conflict_line=conflict_line,
            acknowledge_form=AcknowledgeForm(),
            category_form=CategoryForm(),
        )

    def check_columns(self) -> None:
        """A request naming a column the user may not change is refused whole."""
        allowed = {commission.pk for commission in self.editable_commissions}
        if not commissions_named_in(self.request.POST) <= allowed:
            raise Http404


class BudgetView(BudgetTableMixin, TemplateView):
    write_permission_required = "budgets.edit_budget"

    def post(self, request, *args, **kwargs):
        self.check_columns()
        new_version = "save_as_new_version" in request.POST
        if new_version and not request.user.has_perm("budgets.manage_budget"):
            raise Http404
        form = self.table_form(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=422)
        edits = form.edits()
        try:
            if new_version:
                version = services.save_as_new_version(
                    version=self.page.version,
                    edits=edits,
                    note=form.cleaned_data["note"],
                    actor=request.user,
                )
                messages.success(
                    request, _("Saved as version %(number)s.") % {"number": version.number}
                )
                return redirect(self.budget_url(version))
            if not edits:
                messages.info(request, _("Nothing was changed."))
                return redirect(self.budget_url(self.page.version))
            services.update_lines(version=self.page.version, edits=edits, actor=request.user)
        except ConcurrentEditError as conflict:
            # The typed figures stay; the cell now starts from the stored line, so saving again,
            # knowingly, goes through.
            messages.warning(request, ConflictMixin.conflict_message)
            form = self.table_form(form.started_from(conflict.current))
            form.is_valid()
            context = self.get_context_data(form=form, conflict_line=conflict.current)
            return self.render_to_response(context, status=409)
        except services.BudgetChangeRefused as refusal:
            form.add_error(None, refusal.message)
            return self.render_to_response(self.get_context_data(form=form), status=409)
        messages.success(
            request,
            ngettext(
                "%(count)s cell has been saved.", "%(count)s cells have been saved.", len(edits)
            )
            % {"count": len(edits)},
        )
        return redirect(self.budget_url(self.page.version))


class BudgetPreviewView(BudgetTableMixin, TemplateView):
    """The what-if: the totals as they would be with the figures typed, nothing saved.

    With htmx, only the totals come back (swapped in place by id); without, the whole page with
    the typed figures."""

    http_method_names = ["post"]
    write_permission_required = "budgets.edit_budget"

    def post(self, request, *args, **kwargs):
        self.check_columns()
        form = self.table_form(request.POST)
        valid = form.is_valid()
        context = self.get_context_data(form=form, what_if=form.what_if_lines() if valid else None)
        if request.htmx:
            return render(request, "budgets/budget.html#what-if", context)
        return render(request, self.template_name, context, status=200 if valid else 422)


class BudgetUploadView(PermissionRequiredMixin, FormView):
    """Import the Annex 4 files as a new budget of a cycle, or as a new version of a budget
    (`pk`); nothing is loaded from a refused file."""

    permission_required = "budgets.manage_budget"
    write_permission_required = "budgets.manage_budget"
    template_name = "budgets/upload.html"
    form_class = BudgetUploadForm

    def get_permission_object(self):
        if "pk" not in self.kwargs:
            return None
        return get_object_or_404(
            selectors.budgets_visible_to(self.request.user), pk=self.kwargs["pk"]
        )

    @property
    def budget(self):
        return self.permission_object

    def get_initial(self):
        cycle = ReviewCycle.objects.filter(slug=self.request.GET.get("cycle") or "").first()
        return {"cycle": cycle} if cycle else {}

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "budget": self.budget}

    def get_context_data(self, **kwargs):
        return super().get_context_data(budget=self.budget, **kwargs)

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            parsed = read_budget(data["lines_file"], data["stated_totals_file"])
        except BudgetFileError as error:
            return self.render_to_response(
                self.get_context_data(form=form, problems=error.problems), status=422
            )
        version = services.import_budget(
            parsed=parsed,
            actor=self.request.user,
            budget=self.budget,
            cycle=data.get("cycle"),
            title=data.get("title", ""),
            notes=data.get("notes", ""),
            note=data["note"],
        )
        messages.success(
            self.request,
            ngettext("%(count)s line imported.", "%(count)s lines imported.", len(parsed.lines))
            % {"count": len(parsed.lines)},
        )
        url = reverse("budgets:budget", args=[version.budget_id])
        return redirect(f"{url}?version={version.number}")


class AcknowledgeView(BudgetMixin, View):
    """Say why a stated figure that does not add up stands; it leaves the list of problems."""

    http_method_names = ["post"]
    permission_required = "budgets.manage_budget"
    write_permission_required = "budgets.manage_budget"

    def post(self, request, *args, **kwargs):
        stated = get_object_or_404(
            StatedTotal.objects.select_related("version"),
            pk=self.kwargs["stated"],
            version__budget=self.budget,
        )
        form = AcknowledgeForm(request.POST)
        if form.is_valid():
            services.acknowledge_stated_total(
                stated=stated, reason=form.cleaned_data["reason"], actor=request.user
            )
            messages.success(request, _("The stated figure is acknowledged."))
        else:
            messages.error(request, _("Say why the stated figure stands."))
        return redirect(f"{self.budget_url(stated.version)}#discrepancies")


class CategoryCreateView(BudgetMixin, View):
    """Add a category (interpretation, translation, venue…): a new row in every budget's table."""

    http_method_names = ["post"]
    permission_required = "budgets.manage_budget"
    write_permission_required = "budgets.manage_budget"

    def post(self, request, *args, **kwargs):
        form = CategoryForm(request.POST)
        if form.is_valid():
            category = services.add_category(**form.cleaned_data)
            messages.success(
                request, _("The category “%(name)s” has been added.") % {"name": category.name}
            )
        else:
            messages.error(request, _("Give the category a name and say how it is counted."))
        return redirect(self.budget_url())
