from modeltranslation.translator import TranslationOptions, register

from reference.models import Commission, Country, GuidingPrinciple, Objective, StakeholderCategory


@register(Commission)
class CommissionTranslation(TranslationOptions):
    fields = ("name", "headquarters")


@register(Country)
class CountryTranslation(TranslationOptions):
    fields = ("name", "m49_region", "m49_subregion")


@register(Objective)
class ObjectiveTranslation(TranslationOptions):
    fields = ("title",)


@register(GuidingPrinciple)
class GuidingPrincipleTranslation(TranslationOptions):
    fields = ("title", "description")


@register(StakeholderCategory)
class StakeholderCategoryTranslation(TranslationOptions):
    fields = ("label",)
