"""Your own details: name, phone and the language of your emails."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def save(client, **data):
    return client.post(reverse("accounts:profile"), {"name": "", "phone": "", "language": "nl", **data})


def test_the_profile_page_shows_the_current_details(client_for, world):
    response = client_for(world.volunteer).get(reverse("accounts:profile"))

    assert response.status_code == 200
    content = response.content.decode()
    assert "volunteer@example.org" in content
    assert 'value="Vera Vrijwilliger"' in content


def test_name_phone_and_language_are_saved(client_for, world):
    client = client_for(world.volunteer)

    response = save(client, name="  Vera de Vries ", phone=" 06 12345678 ", language="en")

    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:profile")
    world.volunteer.refresh_from_db()
    assert (world.volunteer.name, world.volunteer.phone, world.volunteer.language) == (
        "Vera de Vries",
        "06 12345678",
        "en",
    )
    page = client.get(response["Location"])
    assert "Je gegevens zijn opgeslagen." in page.content.decode()


def test_name_and_phone_may_be_emptied(client_for, world):
    save(client_for(world.volunteer), name="", phone="")

    world.volunteer.refresh_from_db()
    assert world.volunteer.name == ""
    assert world.volunteer.phone == ""
    assert str(world.volunteer) == "volunteer@example.org"


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"name": "V" * 151, "phone": "050 1234567"}, "name"),
        ({"name": "Vera de Vries", "phone": "0" * 31}, "phone"),
        ({"name": "Vera de Vries", "language": "de"}, "language"),
    ],
)
def test_bad_input_shows_a_form_error_and_saves_nothing(client_for, world, data, field):
    response = save(client_for(world.volunteer), **data)

    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert "Je gegevens zijn opgeslagen." not in response.content.decode()
    world.volunteer.refresh_from_db()
    assert (world.volunteer.name, world.volunteer.phone, world.volunteer.language) == (
        "Vera Vrijwilliger",
        "",
        "nl",
    )


def test_an_over_long_name_is_explained_on_the_form(client_for, world):
    response = save(client_for(world.volunteer), name="V" * 151)

    assert response.context["form"].errors["name"] == [
        "Zorg dat deze waarde niet meer dan 150 tekens bevat (het zijn er nu 151)."
    ]
    assert "niet meer dan 150 tekens" in response.content.decode()


def test_the_email_address_cannot_be_changed_through_the_profile_form(client_for, world):
    save(client_for(world.volunteer), name="Vera", email="kaping@example.org")

    world.volunteer.refresh_from_db()
    assert world.volunteer.email == "volunteer@example.org"
    assert world.volunteer.name == "Vera"


def test_anonymous_visitors_are_sent_to_the_login_page(client):
    response = client.post(reverse("accounts:profile"), {"name": "X", "phone": "", "language": "nl"})

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_the_security_links_show_two_step_login_only_for_staff_roles(client_for, world):
    volunteer_page = client_for(world.volunteer).get(reverse("accounts:profile")).content.decode()
    consultant_page = client_for(world.consultant).get(reverse("accounts:profile")).content.decode()

    assert reverse("mfa_index") not in volunteer_page
    assert reverse("mfa_index") in consultant_page
    assert reverse("accounts:api_token") in volunteer_page
