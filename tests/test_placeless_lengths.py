"""Session 39 (issue 8, recon): the length of an event with no parts by place (a war, a
captivity: rules/reconcile.yaml `placeless_length_events`) is compared at the country of the
place its sentence or its article names; lengths each place has its own of (a national mourning, days
without a case) keep their places, and so do other kinds."""

from test_reconciler_factory import claim

from crosscheck.reconcile.grouping import group_claims
from crosscheck.reconcile.settings import default_config


def _sizes(claims):
    return sorted(len(g.members) for g in group_claims(claims).groups)


_COUNTRY = {"idlib": "syria", "damascus": "syria", "syria": "syria", "yemen": "yemen",
            "burkina_faso": "burkina_faso", "algeria": "algeria"}


def _length(doc, value, event, location, **kw):
    path = [location] if _COUNTRY[location] == location else [location, _COUNTRY[location]]
    return claim(doc, "duration_days", value, location=location, period="event", event=event,
                 rule="duration_days", place_path=path, **kw)


def test_the_setting_is_shipped():
    cfg = default_config()
    assert "war" in cfg.placeless_length_events and "captivity" in cfg.placeless_length_events
    # a truce may be a city's own (Idlib's and Homs's truces are two): it keeps its place
    assert "truce" not in cfg.placeless_length_events and "mourning" not in cfg.placeless_length_events


def test_a_wars_length_placed_in_a_city_and_in_its_country_is_one_length():
    assert _sizes([_length("a", 200, "war", "idlib"), _length("b", 230, "war", "syria")]) == [2]


def test_two_cities_truces_in_one_country_stay_apart():
    # "الهدنة في إدلب" and "الهدنة في حمص": local truces of one country are two events
    assert _sizes([_length("a", 2, "truce", "idlib"), _length("b", 3, "truce", "damascus")]) == [1, 1]


def test_a_captivitys_length_told_from_the_capital_and_the_country_is_one_length():
    claims = [_length("a", 158, "captivity", "damascus", inferred=["location", "location:article"]),
              _length("b", 158, "captivity", "syria")]
    assert _sizes(claims) == [2]


def test_two_countries_wars_stay_apart():
    # compared at its country: a war in Syria and one in Yemen are two events
    assert _sizes([_length("a", 2, "war", "idlib"), _length("b", 3, "war", "yemen")]) == [1, 1]


def test_an_extension_stays_apart_from_the_whole_truce():
    assert _sizes([_length("a", 1, "war:extension", "idlib"), _length("b", 3, "war", "syria")]) == [1, 1]


def test_two_countries_mournings_stay_apart():
    assert _sizes([_length("a", 2, "mourning", "burkina_faso"), _length("b", 3, "mourning", "algeria")]) == [1, 1]


def test_a_toll_keeps_its_place():
    assert _sizes([claim("a", "killed", 10, location="idlib"), claim("b", "killed", 12, location="aleppo")]) == [1, 1]
