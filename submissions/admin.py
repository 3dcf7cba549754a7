from django.contrib import admin

from submissions.models import Outline, OutlineSection, Submission


class OutlineSectionInline(admin.TabularInline):
    model = OutlineSection
    extra = 0
    fields = ["number", "key", "title", "word_limit"]
    readonly_fields = ["number", "key", "title"]

    def has_add_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Outline)
class OutlineAdmin(admin.ModelAdmin):
    """Word limits and whether they are rules are settings of an outline; its text is shipped."""

    list_display = ["title", "kind", "version", "limits_are_rules"]
    fields = ["title", "kind", "version", "limits_are_rules"]
    readonly_fields = ["title", "kind", "version"]
    inlines = [OutlineSectionInline]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Submission)
class SubmissionAdmin(admin.ModelAdmin):
    list_display = ["__str__", "review", "country", "organisation", "language", "status"]
    list_filter = ["kind", "status", "review__commission"]
    search_fields = ["country__name", "organisation__name", "author__email"]

    def has_change_permission(self, request, obj=None):
        # The text belongs to its authors; the secretariat decides through the workspace.
        return False

    def has_add_permission(self, request):
        return False
