from modeltranslation.translator import TranslationOptions, register

from budgets.models import BudgetCategory


@register(BudgetCategory)
class BudgetCategoryTranslation(TranslationOptions):
    fields = ("name",)
