"""Corrections to the generated OpenAPI schema (registered when the app is ready)."""

from __future__ import annotations

from typing import Any

from drf_spectacular.extensions import OpenApiSerializerExtension

from rightstrack.api.serializers import AssessmentChangeSerializer


class AssessmentChangeSchema(OpenApiSerializerExtension):  # type: ignore[no-untyped-call]
    """A PATCH body is documented with nothing required; this one requires ``version``."""

    target_class = AssessmentChangeSerializer

    def map_serializer(self, auto_schema: Any, direction: Any) -> Any:
        schema = auto_schema._map_serializer(self.target_class, direction, bypass_extensions=True)
        schema["required"] = ["version"]
        return schema
