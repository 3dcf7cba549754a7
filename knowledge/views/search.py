from functools import cached_property

from django.views.generic import TemplateView

from accounts.permissions import PermissionRequiredMixin
from core.listing import page_of
from knowledge.filters import PublicationFilter
from knowledge.forms import SearchForm
from knowledge.search import highlighted, search_publications
from knowledge.selectors import public_publications

RESULTS_PER_PAGE = 20


class SearchView(PermissionRequiredMixin, TemplateView):
    """Search everything published, narrowed by the portal's filters; open to everyone.

    Not kept in the cache: any visitor could fill it with queries (the address without a query,
    the empty form, is kept as every public page is).
    """

    permission_required = "knowledge.browse"
    public = True
    template_name = "knowledge/search.html"

    @cached_property
    def form(self) -> SearchForm:
        return SearchForm(self.request.GET)

    @cached_property
    def filter(self) -> PublicationFilter:
        return PublicationFilter(self.request.GET, queryset=public_publications())

    @property
    def query(self) -> str:
        return self.form.cleaned_data["q"] if self.form.is_valid() else ""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(
            form=self.form, filter=self.filter, query=self.query, **kwargs
        )
        if self.query:
            context.update(
                page_of(
                    self.request,
                    search_publications(self.query, self.filter.qs),
                    per_page=RESULTS_PER_PAGE,
                )
            )
            context["results"] = highlighted(context["page_obj"], self.query)
        return context
