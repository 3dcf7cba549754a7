from functools import cached_property

from django.views.generic import TemplateView

from accounts.permissions import PermissionRequiredMixin
from core.listing import page_of
from knowledge.forms import SearchForm
from knowledge.search import highlighted, ranked_ids
from knowledge.views.portal import PER_PAGE, FilteredMixin


class SearchView(FilteredMixin, PermissionRequiredMixin, TemplateView):
    """Search everything published, narrowed by the portal's filters; open to everyone.

    A search asked for again (a shared address, the next page and back) is served from the page
    cache for a few minutes, until something is published or withdrawn.
    """

    permission_required = "knowledge.browse"
    public = True
    cached_query_parameters = ("q", *FilteredMixin.cached_query_parameters)
    template_name = "knowledge/search.html"

    @cached_property
    def form(self) -> SearchForm:
        return SearchForm(self.request.GET)

    @property
    def query(self) -> str:
        return self.form.cleaned_data["q"] if self.form.is_valid() else ""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(
            form=self.form, filter=self.filterset, query=self.query, **kwargs
        )
        if self.query:
            found = ranked_ids(self.query, self.rows())
            context.update(page_of(self.request, found, per_page=PER_PAGE))
            context["results"] = highlighted(context["page_obj"].object_list, self.query)
        return context
