"""The shapes of the API's answers. Ids are primary keys: a publication keeps its id through
withdrawal and republication, a review keeps its own."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from knowledge.api import links
from knowledge.enums import PublicationKind
from knowledge.models import Publication
from reference.models import Objective
from reports.enums import VersionKind
from reviews.enums import DocumentKind
from reviews.models import RegionalReview

# The API's own list of each kind, where the address of one item is found.
ROUTE_OF_KIND = {
    PublicationKind.REPORT: "reports",
    PublicationKind.SUBMISSION: "submissions",
    PublicationKind.DOCUMENT: "documents",
}


def api_url(request, route: str, **kwargs) -> str:
    return request.build_absolute_uri(reverse(f"api:{route}-detail", kwargs=kwargs))


@extend_schema_field({"type": "string", "format": "uri"})
class PortalLinkField(serializers.Field):
    """The absolute address of a portal page or file of the object, in the reader's language."""

    def __init__(self, page: str, **kwargs):
        self.page = page
        self.lookup = kwargs.pop("lookup", "pk")
        # The page's other arguments, read from the object: {"language": "language"}.
        self.also = kwargs.pop("also", {})
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, value):
        kwargs = {name: getattr(value, field) for name, field in self.also.items()}
        return links.portal_url(
            self.context["request"], self.page, pk=getattr(value, self.lookup), **kwargs
        )


@extend_schema_field({"type": "string", "format": "uri"})
class ApiLinkField(serializers.Field):
    """The absolute address of the object in this API."""

    def __init__(self, route: str | None = None, *, lookup: str = "pk", **kwargs):
        # Without a route, a publication's own: the list of its kind.
        self.route, self.lookup = route, lookup
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, value):
        route = self.route or ROUTE_OF_KIND[value.kind]
        return api_url(self.context["request"], route, **{self.lookup: getattr(value, self.lookup)})


class CycleSerializer(serializers.Serializer):
    slug = serializers.SlugField(read_only=True, help_text=_("The cycle's short name."))
    title = serializers.CharField(read_only=True)


class CommissionSerializer(serializers.Serializer):
    code = serializers.CharField(read_only=True, help_text=_("The commission's code, e.g. ECE."))
    name = serializers.CharField(read_only=True, help_text=_("In the language asked for."))


class PublishedItemSerializer(serializers.ModelSerializer):
    url = ApiLinkField(help_text=_("Its address in this API."))
    portal_url = PortalLinkField(links.PUBLICATION_PAGE, help_text=_("Its page on the portal."))

    class Meta:
        model = Publication
        fields = ["id", "kind", "url", "portal_url"]


class ReviewSerializer(serializers.ModelSerializer):
    cycle = CycleSerializer(read_only=True)
    commission = CommissionSerializer(read_only=True)
    url = ApiLinkField("reviews", help_text=_("Its address in this API."))
    portal_url = PortalLinkField(links.REVIEW_PAGE, help_text=_("Its page on the portal."))
    publications = PublishedItemSerializer(
        source="public_items",
        many=True,
        read_only=True,
        help_text=_("What is published of the review: reports, inputs and documents."),
    )

    class Meta:
        model = RegionalReview
        fields = [
            "id",
            "title",
            "cycle",
            "commission",
            "status",
            "meeting_start",
            "meeting_end",
            "venue",
            "url",
            "portal_url",
            "publications",
        ]


class PublicationSerializer(serializers.ModelSerializer):
    """What every kind of publication has."""

    review = serializers.PrimaryKeyRelatedField(read_only=True, help_text=_("The review's id."))
    url = ApiLinkField(help_text=_("Its address in this API."))
    portal_url = PortalLinkField(links.PUBLICATION_PAGE, help_text=_("Its page on the portal."))
    country = serializers.SlugRelatedField(
        slug_field="iso3",
        read_only=True,
        allow_null=True,
        help_text=_("ISO 3166 alpha-3 code of the country."),
    )
    objectives = serializers.SlugRelatedField(
        slug_field="number",
        many=True,
        read_only=True,
        help_text=_("Numbers of the GCM objectives it addresses."),
    )

    class Meta:
        model = Publication
        fields = [
            "id",
            "kind",
            "review",
            "title",
            "language",
            "input_kind",
            "country",
            "objectives",
            "published_at",
            "url",
            "portal_url",
        ]


class ReportSerializer(PublicationSerializer):
    version_kind = serializers.ChoiceField(
        VersionKind.choices,
        source="report_version.kind",
        read_only=True,
        help_text=_("The original, or an official translation."),
    )
    pdf_url = PortalLinkField(links.PUBLICATION_PDF, help_text=_("The printed report (PDF)."))

    class Meta(PublicationSerializer.Meta):
        fields = [
            "id",
            "review",
            "language",
            "version_kind",
            "title",
            "objectives",
            "published_at",
            "url",
            "portal_url",
            "pdf_url",
        ]


class SubmissionSerializer(PublicationSerializer):
    """An input as lists show it; its text is in the input's own answer (`url`)."""

    class Meta(PublicationSerializer.Meta):
        fields = [
            "id",
            "review",
            "input_kind",
            "country",
            "language",
            "title",
            "objectives",
            "published_at",
            "url",
            "portal_url",
        ]


class SubmissionDetailSerializer(SubmissionSerializer):
    class Meta(SubmissionSerializer.Meta):
        fields = [*SubmissionSerializer.Meta.fields, "text"]


class DocumentSerializer(PublicationSerializer):
    document_kind = serializers.ChoiceField(
        DocumentKind.choices, source="document.kind", read_only=True
    )
    file_url = PortalLinkField(
        links.PUBLICATION_FILE,
        also={"language": "language"},
        help_text=_("The document's file, in the language of its latest version."),
    )

    class Meta(PublicationSerializer.Meta):
        fields = [
            "id",
            "review",
            "document_kind",
            "language",
            "title",
            "published_at",
            "url",
            "portal_url",
            "file_url",
        ]


class ObjectiveSerializer(serializers.ModelSerializer):
    title = serializers.CharField(read_only=True, help_text=_("In the language asked for."))
    public_publications = serializers.IntegerField(
        read_only=True, help_text=_("How many public publications address it.")
    )
    url = ApiLinkField("objectives", lookup="number", help_text=_("Its address in this API."))

    class Meta:
        model = Objective
        fields = ["number", "title", "public_publications", "url"]


class ProblemSerializer(serializers.Serializer):
    detail = serializers.CharField(read_only=True, help_text=_("What went wrong."))
