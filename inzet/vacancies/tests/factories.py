"""Factories for the vacaturebank: profiles and vacancies in Groningen (GM0014) unless told otherwise.

Coordinates are real PC4 centroids from the shipped reference data; ``place("9734")`` gives the keyword
arguments that put a profile or vacancy in another postcode area.
"""

from datetime import timedelta

import factory
from django.utils import timezone

from inzet.factories import OrganisationFactory, UserFactory, municipality
from inzet.organisations.models import Sector
from inzet.places.models import PostcodeArea
from inzet.vacancies.models import ActivityType, Commitment, Skill, Vacancy, VolunteerProfile
from inzet.vacancies.search import vacancy_search_index_update

# 9712, Groningen city centre.
HOME = {"postcode": "9712 CP", "lat": 53.2218, "lon": 6.5624}


def place(pc4: str) -> dict:
    """postcode, lat, lon and municipality of a PC4 area's centroid, for a factory call."""
    area = PostcodeArea.objects.select_related("municipality").get(pc4=pc4)
    return {"postcode": f"{pc4} AA", "lat": area.lat, "lon": area.lon, "municipality": area.municipality}


def _set_by_slug(manager, model, extracted):
    if extracted:
        manager.set([item if isinstance(item, model) else model.objects.get(slug=item) for item in extracted])


class VolunteerProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = VolunteerProfile
        skip_postgeneration_save = True

    user = factory.SubFactory(UserFactory)
    postcode = HOME["postcode"]
    municipality = factory.LazyFunction(lambda: municipality("GM0014"))
    lat = HOME["lat"]
    lon = HOME["lon"]
    max_distance_km = 10
    availability = 0
    hours_per_week = 4
    allows_mediation = False

    @factory.post_generation
    def sectors(self, create, extracted, **kwargs):
        if create:
            _set_by_slug(self.sectors, Sector, extracted)

    @factory.post_generation
    def activity_types(self, create, extracted, **kwargs):
        if create:
            _set_by_slug(self.activity_types, ActivityType, extracted)

    @factory.post_generation
    def skills(self, create, extracted, **kwargs):
        if create:
            _set_by_slug(self.skills, Skill, extracted)


class VacancyFactory(factory.django.DjangoModelFactory):
    """A published, open vacancy. Pass sector/activity_types/skills as slugs or objects."""

    class Meta:
        model = Vacancy
        skip_postgeneration_save = True

    organisation = factory.SubFactory(OrganisationFactory)
    title = factory.Sequence(lambda n: f"Helpende hand {n}")
    description = "Een leuke plek bij een vereniging in de buurt."
    activities = ""
    sector = factory.LazyFunction(lambda: Sector.objects.get(slug="sport"))
    postcode = HOME["postcode"]
    municipality = factory.LazyFunction(lambda: municipality("GM0014"))
    lat = HOME["lat"]
    lon = HOME["lon"]
    availability = 0
    hours_per_week = 4
    commitment = Commitment.STRUCTURAL
    contact_name = "Carla Coördinator"
    contact_email = factory.Sequence(lambda n: f"vacature{n}@vereniging.example.org")
    insured = True
    expenses_reimbursed = True
    status = Vacancy.Status.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)
    expires_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=91))

    @classmethod
    def _adjust_kwargs(cls, **kwargs):
        if isinstance(kwargs.get("sector"), str):
            kwargs["sector"] = Sector.objects.get(slug=kwargs["sector"])
        return kwargs

    @factory.post_generation
    def activity_types(self, create, extracted, **kwargs):
        if create:
            _set_by_slug(self.activity_types, ActivityType, extracted)

    @factory.post_generation
    def skills(self, create, extracted, **kwargs):
        if create:
            _set_by_slug(self.skills, Skill, extracted)

    @factory.post_generation
    def search_vector(self, create, extracted, **kwargs):
        # Last, as the services do after every write that touches the text (PostgreSQL only).
        if create:
            vacancy_search_index_update(vacancy_ids=[self.pk])
