"""The one family of domain errors. Services raise it; views show it on the form, the API as JSON."""


class ApplicationError(Exception):
    def __init__(self, message: str, extra: dict | None = None):
        super().__init__(message)
        self.message = message
        # extra["fields"] maps form field names to messages, for errors that belong to one field.
        self.extra = extra or {}

    @property
    def fields(self) -> dict[str, str]:
        return self.extra.get("fields", {})


class NotAllowed(ApplicationError):
    """The actor may not do this (raised by services when a caller forgot to check)."""
