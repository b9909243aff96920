from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils.translation import gettext_lazy as _


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra):
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email, password=None, **extra):
        extra.update(is_staff=True, is_superuser=True)
        return self._create_user(email, password, **extra)


class User(AbstractUser):
    """A person. Logs in with email; `is_staff` marks a platform administrator."""

    username = None
    first_name = None
    last_name = None
    email = models.EmailField(_("e-mailadres"), unique=True)
    name = models.CharField(_("naam"), max_length=150, blank=True)
    phone = models.CharField(_("telefoon"), max_length=30, blank=True)
    language = models.CharField(
        _("taal"), max_length=5, choices=[("nl", "Nederlands"), ("en", "English")], default="nl"
    )
    # Accounts from before signup asked a name are asked once after logging in; a "later" is remembered here.
    name_prompt_skipped_at = models.DateTimeField(null=True, blank=True, editable=False)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []
    objects = UserManager()

    class Meta:
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")

    def __str__(self):
        return self.name or self.email

    def get_full_name(self):
        return self.name or self.email

    def get_short_name(self):
        return self.name.split(" ")[0] if self.name else self.email

    @property
    def should_be_asked_name(self) -> bool:
        return not self.name.strip() and self.name_prompt_skipped_at is None


class Membership(models.Model):
    """A person's role in a volunteer organisation."""

    class Role(models.TextChoices):
        COORDINATOR = "coordinator", _("coördinator")
        MEMBER = "member", _("lid")

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("rol"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("lidmaatschap organisatie")
        verbose_name_plural = _("lidmaatschappen organisaties")
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="membership_unique_user_org")
        ]

    def __str__(self):
        return f"{self.user} — {self.organisation} ({self.get_role_display()})"


class StaffMembership(models.Model):
    """A person working for a support point (steunpunt vrijwilligerswerk / vrijwilligerscentrale)."""

    class Role(models.TextChoices):
        CONSULTANT = "consultant", _("consulent")
        MANAGER = "manager", _("manager")

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="staff_memberships")
    support_point = models.ForeignKey(
        "organisations.SupportPoint", on_delete=models.CASCADE, related_name="staff_memberships"
    )
    role = models.CharField(_("rol"), max_length=20, choices=Role.choices, default=Role.CONSULTANT)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("medewerker steunpunt")
        verbose_name_plural = _("medewerkers steunpunten")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "support_point"], name="staffmembership_unique_user_point"
            )
        ]

    def __str__(self):
        return f"{self.user} — {self.support_point} ({self.get_role_display()})"


class OfficerMembership(models.Model):
    """A policy officer of a municipality."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="officer_memberships")
    municipality = models.ForeignKey("places.Municipality", on_delete=models.CASCADE, related_name="officers")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("beleidsmedewerker gemeente")
        verbose_name_plural = _("beleidsmedewerkers gemeenten")
        constraints = [
            models.UniqueConstraint(fields=["user", "municipality"], name="officermembership_unique_user_mun")
        ]

    def __str__(self):
        return f"{self.user} — {self.municipality}"
