"""Approximate inhabitants of the largest municipalities, for the benchmark's spread of people only.

Our reference data (`../shared/data/gemeenten.csv`) has no population column, and this machine cannot reach
CBS. These figures are rounded (to 5,000) from CBS's published population on 1 January 2024 as the authors
remember them: close enough to spread a synthetic data set the way the country is spread (over half of the
people live in these 80 municipalities), not fit for any other use, and never shown in the application. Every
other municipality gets its number of four-digit postcode areas times OTHER_PER_POSTCODE_AREA, which is how
many people a rural or small-town PC4 area holds on average; the sum lands near the 18.0 million of 2024.
"""

# Inhabitants in thousands, by the municipality's CBS name as in gemeenten.csv.
LARGEST_THOUSANDS = {
    "Amsterdam": 930, "Rotterdam": 670, "'s-Gravenhage": 560, "Utrecht": 370, "Eindhoven": 245,
    "Groningen": 240, "Tilburg": 225, "Almere": 225, "Breda": 185, "Nijmegen": 180,
    "Apeldoorn": 170, "Arnhem": 165, "Haarlem": 165, "Enschede": 160, "Haarlemmermeer": 160,
    "Amersfoort": 160, "Zaanstad": 160, "'s-Hertogenbosch": 160, "Zwolle": 130, "Leiden": 125,
    "Zoetermeer": 125, "Leeuwarden": 125, "Ede": 120, "Maastricht": 120, "Dordrecht": 120,
    "Westland": 115, "Alphen aan den Rijn": 115, "Alkmaar": 110, "Emmen": 105, "Delft": 105,
    "Venlo": 100, "Deventer": 100, "Oss": 95, "Helmond": 95, "Hilversum": 90, "Purmerend": 95,
    "Súdwest-Fryslân": 90, "Amstelveen": 95, "Land van Cuijk": 90, "Sittard-Geleen": 90, "Dijk en Waard": 90,
    "Heerlen": 85, "Nissewaard": 85, "Meierijstad": 85, "Lelystad": 80, "Hengelo (O.)": 80,
    "Schiedam": 80, "Leidschendam-Voorburg": 80, "Roosendaal": 80, "Vlaardingen": 75, "Gouda": 75,
    "Almelo": 75, "Hoorn": 75, "Assen": 70, "Velsen": 70, "Bergen op Zoom": 70, "Capelle aan den IJssel": 65,
    "Veenendaal": 70, "Katwijk": 65, "Zeist": 65, "Westerkwartier": 65, "Nieuwegein": 65, "Barneveld": 60,
    "Hardenberg": 60, "Midden-Groningen": 60, "Maashorst": 60, "Gooise Meren": 60, "Roermond": 60,
    "Doetinchem": 60, "Rijswijk (ZH.)": 55, "Pijnacker-Nootdorp": 55, "Smallingerland": 55, "Oosterhout": 55,
    "Den Helder": 55, "Hoogeveen": 55, "Terneuzen": 55, "Kampen": 55, "Woerden": 50, "Houten": 50,
    "Weert": 50,
}  # fmt: skip

OTHER_PER_POSTCODE_AREA = 3_400


def municipality_weights(names: dict[str, str], areas_per_municipality: dict[str, int]) -> dict[str, float]:
    """Approximate inhabitants per municipality code (names: code → CBS name)."""
    by_name = {name: code for code, name in names.items()}
    unknown = set(LARGEST_THOUSANDS) - set(by_name)
    if unknown:
        raise ValueError(
            f"bench.population names municipalities that are not in the reference data: {unknown}"
        )
    weights = {code: count * OTHER_PER_POSTCODE_AREA for code, count in areas_per_municipality.items()}
    for name, thousands in LARGEST_THOUSANDS.items():
        weights[by_name[name]] = thousands * 1000
    return weights
