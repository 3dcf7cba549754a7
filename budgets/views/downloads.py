"""Downloads of a budget version: the Annex 4 table as XLSX or CSV, and its charts as SVG."""

from django.http import Http404, HttpResponse
from django.utils.csp import CSP
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.csp import csp_override

from budgets import charts, exports
from budgets.annex4 import version_table
from budgets.views.base import BudgetVersionMixin


class BudgetExportView(BudgetVersionMixin, View):
    http_method_names = ["get"]
    export_format = ""  # "xlsx" or "csv"

    def get(self, request, *args, **kwargs):
        table = version_table(self.version)
        if self.export_format == "xlsx":
            content, content_type = exports.as_xlsx(table), exports.XLSX_CONTENT_TYPE
        else:
            content, content_type = exports.as_csv(table), exports.CSV_CONTENT_TYPE
        response = HttpResponse(content, content_type=content_type)
        filename = f"budget-{self.budget.pk}-version-{self.version.number}.{self.export_format}"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response


# The SVG is a document of its own: matplotlib styles its shapes with style attributes, and it
# runs nothing, so inline styles are allowed in it and everything else is refused.
SVG_POLICY = {"default-src": [CSP.NONE], "style-src": [CSP.UNSAFE_INLINE]}


@method_decorator(csp_override(SVG_POLICY), name="dispatch")
class BudgetChartView(BudgetVersionMixin, View):
    http_method_names = ["get"]

    def get(self, request, *args, **kwargs):
        if self.kwargs["kind"] not in charts.KINDS:
            raise Http404
        chart = next(c for c in charts.charts_for(self.version) if c.kind == self.kwargs["kind"])
        response = HttpResponse(charts.chart_svg(chart), content_type="image/svg+xml")
        response["Cache-Control"] = "private, max-age=300"
        return response
