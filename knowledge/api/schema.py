"""What the OpenAPI schema says of every operation besides its answer: the language parameter
and the refusals every operation may give."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse

from knowledge.api.serializers import ProblemSerializer

LANGUAGE_PARAMETER = "lang"

# What a refused filter or language says: the parameter's name and its messages.
_INVALID_PARAMETERS = {
    "type": "object",
    "additionalProperties": {"type": "array", "items": {"type": "string"}},
}


class OpenDataSchema(AutoSchema):
    def get_override_parameters(self):
        return [
            OpenApiParameter(
                LANGUAGE_PARAMETER,
                OpenApiTypes.STR,
                enum=[code for code, _name in settings.LANGUAGES],
                description=_(
                    "Language of translated fields (names and titles); without it, the "
                    "Accept-Language header decides."
                ),
            ),
            OpenApiParameter(
                "Retry-After",
                OpenApiTypes.INT,
                location=OpenApiParameter.HEADER,
                response=[429],
                description=_("Seconds to wait before the next request."),
            ),
        ]

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        refusals = {
            "400": OpenApiResponse(_INVALID_PARAMETERS, _("A filter or the language is invalid.")),
            "404": OpenApiResponse(ProblemSerializer, _("No such public item, or no such page.")),
            "429": OpenApiResponse(ProblemSerializer, _("Too many requests: wait and retry.")),
        }
        for code, refusal in refusals.items():
            responses.setdefault(code, self._get_response_for_code(refusal, code, None, direction))
        return responses
