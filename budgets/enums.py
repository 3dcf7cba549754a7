from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class CostBasis(models.TextChoices):
    """How a line's total is reached: participants × cost each, or one lump sum."""

    PER_PARTICIPANT = "participant", _("per participant")
    LUMP_SUM = "lump_sum", _("lump sum")


class StatedScope(models.TextChoices):
    """What a figure stated in an imported budget totals (Annex 4: cells, rows, columns, all)."""

    CELL = "cell", pgettext_lazy("stated total", "line of a commission")
    CATEGORY = "category", pgettext_lazy("stated total", "category, all commissions")
    COMMISSION = "commission", pgettext_lazy("stated total", "commission, all categories")
    GRAND = "grand", pgettext_lazy("stated total", "grand total")


class BudgetStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("budget status", "draft")
    APPROVED = "approved", pgettext_lazy("budget status", "approved")
