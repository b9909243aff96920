"""API errors in one shape: {"message": "...", "fields": {"field": ["..."]}}."""

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as ModelValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from inzet.core.errors import ApplicationError, NotAllowed


def exception_handler(exc, context):
    if isinstance(exc, NotAllowed):
        return Response({"message": exc.message, "fields": {}}, status=status.HTTP_403_FORBIDDEN)
    if isinstance(exc, ApplicationError):
        fields = {name: [message] for name, message in exc.fields.items()}
        return Response({"message": exc.message, "fields": fields}, status=status.HTTP_400_BAD_REQUEST)
    if isinstance(exc, ModelValidationError):
        # A model's full_clean() caught what the serializer let through: still the caller's input, never a 500.
        if hasattr(exc, "error_dict"):
            fields = {
                name: list(messages) for name, messages in exc.message_dict.items() if name != "__all__"
            }
            message = "; ".join(exc.message_dict.get("__all__", [])) or _("Controleer de invoer.")
        else:
            fields, message = {}, "; ".join(exc.messages) or _("Controleer de invoer.")
        return Response({"message": message, "fields": fields}, status=status.HTTP_400_BAD_REQUEST)
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.ValidationError) and isinstance(response.data, dict):
        fields = {
            key: value if isinstance(value, list) else [value]
            for key, value in response.data.items()
            if key != "non_field_errors"
        }
        message = "; ".join(str(m) for m in response.data.get("non_field_errors", [])) or _(
            "Controleer de invoer."
        )
        response.data = {"message": message, "fields": fields}
    elif isinstance(exc, (Http404, PermissionDenied, exceptions.APIException)):
        detail = response.data.get("detail", "") if isinstance(response.data, dict) else response.data
        response.data = {"message": str(detail), "fields": {}}
    return response
