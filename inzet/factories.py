"""factory_boy factories shared by every app's tests (and handy in a shell)."""

import factory
from allauth.account.models import EmailAddress

from inzet.accounts.models import Membership, OfficerMembership, StaffMembership, User
from inzet.organisations.models import Organisation, Sector, SupportPoint
from inzet.places.models import Municipality

PASSWORD = "correct-horse-battery-staple"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"persoon{n}@example.org")
    name = factory.Faker("name", locale="nl_NL")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        if create:
            self.save()
            if extracted is not False:
                EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)


def municipality(code: str) -> Municipality:
    return Municipality.objects.get(code=code)


class SupportPointFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SupportPoint
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Vrijwilligerscentrale {n}")
    slug = factory.Sequence(lambda n: f"vrijwilligerscentrale-{n}")
    email = factory.Sequence(lambda n: f"info{n}@vc.example.org")

    @factory.post_generation
    def municipality_codes(self, create, extracted, **kwargs):
        if create and extracted:
            self.municipalities.set(Municipality.objects.filter(code__in=extracted))


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Vereniging {n}")
    legal_form = Organisation.LegalForm.VERENIGING
    municipality = factory.LazyFunction(lambda: municipality("GM0014"))
    postcode = "9712 CP"
    address = "Grote Markt 1"
    city = "Groningen"
    lat = 53.2183
    lon = 6.6209
    contact_email = factory.Sequence(lambda n: f"contact{n}@vereniging.example.org")
    description = "Een vereniging in de buurt."
    status = Organisation.Status.APPROVED

    @factory.post_generation
    def sectors(self, create, extracted, **kwargs):
        if create:
            self.sectors.set(extracted or [Sector.objects.get(slug="sport")])


def make_coordinator(organisation: Organisation, user: User | None = None) -> User:
    user = user or UserFactory()
    Membership.objects.create(user=user, organisation=organisation, role=Membership.Role.COORDINATOR)
    return user


def make_member(organisation: Organisation, user: User | None = None) -> User:
    user = user or UserFactory()
    Membership.objects.create(user=user, organisation=organisation, role=Membership.Role.MEMBER)
    return user


def make_consultant(support_point: SupportPoint, user: User | None = None) -> User:
    user = user or UserFactory()
    StaffMembership.objects.create(
        user=user, support_point=support_point, role=StaffMembership.Role.CONSULTANT
    )
    return user


def make_officer(code: str, user: User | None = None) -> User:
    user = user or UserFactory()
    OfficerMembership.objects.create(user=user, municipality=municipality(code))
    return user
