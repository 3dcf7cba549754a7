from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from reference.models import (
    Commission,
    CommissionMembership,
    Country,
    GuidingPrinciple,
    Objective,
    StakeholderCategory,
)

# Reference facts come from the data files (load_reference); the admin only shows them.


class ReadOnlyAdmin(TranslationAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class MembershipInline(admin.TabularInline):
    model = CommissionMembership
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Commission)
class CommissionAdmin(ReadOnlyAdmin):
    list_display = ["code", "name", "headquarters"]
    search_fields = ["code", "name"]


@admin.register(Country)
class CountryAdmin(ReadOnlyAdmin):
    list_display = ["name", "iso3", "m49_subregion", "un_member_state", "ldc", "lldc"]
    list_filter = ["un_member_state", "ldc", "lldc", "commissions", "m49_region"]
    search_fields = ["name", "iso3", "iso2"]
    inlines = [MembershipInline]


@admin.register(Objective)
class ObjectiveAdmin(ReadOnlyAdmin):
    list_display = ["number", "title", "imrf_roundtable"]
    list_filter = ["imrf_roundtable"]


@admin.register(GuidingPrinciple)
class GuidingPrincipleAdmin(ReadOnlyAdmin):
    list_display = ["title", "slug"]


@admin.register(StakeholderCategory)
class StakeholderCategoryAdmin(ReadOnlyAdmin):
    list_display = ["label", "slug"]
