"""OPTIONS answers: what an endpoint is and which formats it speaks."""

from rest_framework.metadata import BaseMetadata


class ApiMetadata(BaseMetadata):
    """Name, description and media types; the OpenAPI schema documents fields and methods."""

    def determine_metadata(self, request, view) -> dict:
        return {
            "name": view.get_view_name(),
            "description": view.get_view_description(),
            "renders": [renderer.media_type for renderer in view.renderer_classes],
            "parses": [parser.media_type for parser in view.parser_classes],
            "schema": "/api/v1/schema/",
        }
