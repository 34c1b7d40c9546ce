"""The public front door: what NRP is, its steps, where to turn in one's region, sign-up and login."""

from __future__ import annotations

import pytest
from django.urls import reverse

from nrp.core.czech import czech_sort_key, czech_sorted

pytestmark = pytest.mark.django_db


def test_anonymous_visitor_sees_what_nrp_is_and_the_way_to_sign_up(client, jmk):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Chci se stát pěstounem / osvojitelem" in html
    assert reverse("applicant_journey:signup") in html
    assert reverse("login") in html
    assert "Jak cesta k náhradní rodinné péči probíhá" in html
    assert "Krajský úřad Jihomoravského kraje" in html
    assert "Magistrát hlavního města Prahy" in html


def test_front_door_lists_the_regions_orp_in_czech_order(client, jmk):
    html = client.get("/?kraj=60").content.decode()  # Ústecký kraj
    assert "Krajský úřad Ústeckého kraje" in html
    # Česká Lípa is Liberecký; in Ústecký: Děčín, Chomutov, Kadaň, Litoměřice, … Ústí nad Labem, Žatec.
    positions = [html.index(name) for name in ("Bílina", "Děčín", "Chomutov", "Kadaň", "Ústí nad Labem", "Žatec")]
    assert positions == sorted(positions)


def test_front_door_in_english(client):
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    html = client.get("/").content.decode()
    assert "I want to become a foster or adoptive parent" in html


def test_logged_in_user_still_gets_their_home(client, applicant):
    client.force_login(applicant)
    html = client.get("/").content.decode()
    assert "Můj den" in html
    assert "Chci se stát pěstounem" not in html


def test_accessibility_statement_is_public_and_linked_from_every_footer(client):
    html = client.get("/").content.decode()
    assert reverse("accessibility") in html
    statement = client.get(reverse("accessibility")).content.decode()
    assert "99/2019 Sb." in statement
    assert "mailto:" in statement


# --- Czech alphabetical order (no ICU in the embedded PostgreSQL: sorted in Python) -------------------------------


def test_czech_order_puts_accented_capitals_where_a_czech_reader_looks():
    names = ["Žatec", "Zlín", "Ústí nad Labem", "Uherské Hradiště", "Čáslav", "Cheb", "Hustopeče", "Ivančice",
             "Cvikov", "Řevnice", "Rakovník", "Šumperk", "Svitavy", "Tábor"]  # fmt: skip
    assert czech_sorted(names) == [
        "Cvikov", "Čáslav", "Hustopeče", "Cheb", "Ivančice", "Rakovník", "Řevnice", "Svitavy", "Šumperk", "Tábor",
        "Uherské Hradiště", "Ústí nad Labem", "Zlín", "Žatec",
    ]  # fmt: skip


def test_czech_order_accents_only_break_ties():
    assert czech_sort_key("Ústí") > czech_sort_key("Usti")
    assert czech_sorted(["Úvaly", "Uherský Brod", "Ústí"]) == ["Uherský Brod", "Ústí", "Úvaly"]
    assert czech_sorted(["Brno-venkov", "Brno", "Brnoň"]) == ["Brno", "Brno-venkov", "Brnoň"]


def test_numbers_meet_nouns_in_the_right_czech_form():
    from django.utils import translation

    from nrp.core import czech

    with translation.override("cs"):
        assert [czech.years(n) for n in (0, 1, 3, 5)] == ["0 let", "1 rok", "3 roky", "5 let"]
        assert czech.suitable_families_of(1, 5) == "1 vhodná rodina z 5"
        assert czech.suitable_families_of(3, 5) == "3 vhodné rodiny z 5"
        assert czech.suitable_families_of(5, 12) == "5 vhodných rodin z 12"
        assert czech.child_sex_word("F") == "dívka" and czech.child_sex_word("žena") == "dívka"
        from datetime import date

        assert czech.around_month(date(2027, 2, 1)) == "kolem února 2027"
    with translation.override("en"):
        assert czech.years(3) == "3 years" and czech.around_month(date(2027, 2, 1)) == "around February 2027"
