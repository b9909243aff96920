"""The audit trail: `log(actor, "organisation.approved", organisation, {"reason": ...})` from services."""

from django.contrib.contenttypes.models import ContentType
from django.db import models

from inzet.core.models import AuditEntry


def log(actor, action: str, target: models.Model | None = None, data: dict | None = None) -> AuditEntry:
    is_user = actor is not None and getattr(actor, "is_authenticated", False)
    return AuditEntry.objects.create(
        actor=actor if is_user else None,
        actor_label=actor.email if is_user else "systeem",
        action=action,
        target_type=ContentType.objects.get_for_model(target) if target is not None else None,
        target_id=str(target.pk) if target is not None else "",
        target_label=str(target)[:300] if target is not None else "",
        data=data or {},
    )


def entries_for(target: models.Model):
    return AuditEntry.objects.filter(
        target_type=ContentType.objects.get_for_model(target), target_id=str(target.pk)
    ).select_related("actor")
