"""Rules of a child's mediation: SPOD Hlava IV Díl 2, 6 and 7, §8, §47b, §48, and the civil code."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from nrp.law.types import OZ, SPOD, TOC, D, M, Rule, S, T, U, V, Y

RULES = [
    Rule(
        "CHILD_FILE",
        SPOD,
        "21",
        _("OSPOD vede spisovou dokumentaci o dítěti a posílá ji krajskému úřadu."),
        TOC + "Díl 2, spisová dokumentace o dítěti.",
        T,
        formerly="21",
    ),
    Rule(
        "CHILD_REGISTER",
        SPOD,
        "22",
        _("Krajský úřad vede evidenci dětí, kterým se zprostředkovává NRP."),
        TOC + "Díl 2, vedení evidence dětí.",
        T,
        formerly="22",
    ),
    Rule(
        "CHILD_TO_UMPOD",
        SPOD,
        "22(3)",
        _(
            "Dítě, pro které se do 6 měsíců od zařazení do evidence nenajde osvojitel, kraj nabídne ÚMPOD "
            "k mezinárodnímu osvojení a vyrozumí ORP."
        ),
        "§ 25 odst. 1 (přečteno) odkazuje na předání údajů o dítěti podle § 22 odst. 3; lhůta 6 měsíců neověřena.",
        U,
        formerly="22",
        default=6,
        unit=M,
    ),
    Rule(
        "SELECTION",
        SPOD,
        "24",
        _(
            "Krajský úřad vybere pro dítě žadatele a písemně jej bez zbytečného odkladu vyrozumí; žadatel se může "
            "seznámit se spisem dítěte a s dítětem."
        ),
        TOC + "Díl 6, výběr osvojitele nebo pěstouna pro dítě.",
        T,
        formerly="24 odst. 2",
    ),
    Rule(
        "SELECTION_NOTICE_30_DAYS",
        SPOD,
        "24",
        _("Vyrozuměný žadatel podá návrh soudu na svěření dítěte do 30 dní od doručení vyrozumění."),
        TOC + "§ 24; lhůta 30 dní převzata z dřívější úpravy, v novém znění neověřena.",
        U,
        formerly="24 odst. 3",
        default=30,
        unit=D,
    ),
    Rule(
        "SELECTION_EXTENSION",
        SPOD,
        "24",
        _("Krajský úřad může lhůtu k podání návrhu soudu jednou prodloužit, nejvýše o 30 dní."),
        TOC + "§ 24; prodloužení převzato z dřívější úpravy, v novém znění neověřeno.",
        U,
        formerly="24 odst. 3",
        default=30,
        unit=D,
    ),
    Rule(
        "SELECTION_PAUSE",
        SPOD,
        "24a",
        _("Přerušení výběru: po dobu přerušení se rodina pro dítě nevyhledává a doba se nepočítá do čekání."),
        TOC + "Díl 6, přerušení výběru.",
        T,
        formerly="24b",
    ),
    Rule(
        "PLACEMENT_KEEPS_REGISTER",
        SPOD,
        "24a",
        _(
            "Rodina, které bylo svěřeno dítě, se od roku 2025 z evidence automaticky nevyřazuje: výběr je po dobu "
            "péče přerušen, pokud rodina nepožádá o vyřazení nebo krajský úřad nerozhodne jinak."
        ),
        "Vyjádření MPSV a komentáře k novele 242/2024 Sb.",
        S,
        formerly="24b",
    ),
    Rule(
        "MINISTRY_SELECTION",
        SPOD,
        "24b–24d",
        _("Ministerstvo ve výběru: celostátní vyhledávání, když kraj vhodnou rodinu nenajde."),
        TOC + "Díl 6, ministerstvo ve výběru.",
        T,
        formerly="24a, 24d",
    ),
    Rule(
        "NATIONAL_SEARCH_AFTER",
        SPOD,
        "24b–24d",
        _("Nenajde-li kraj do 30 dní od zařazení dítěte vhodnou rodinu, hledá se v dalších krajích a celostátně."),
        "Zákonná lhůta nenalezena; požadavek ochránkyně práv hledat bez odkladu; 30 dní je výchozí nastavení kraje.",
        U,
        default=30,
        unit=D,
        region_may_change=True,
    ),
    Rule(
        "INTERCOUNTRY",
        SPOD,
        "25",
        _("ÚMPOD přijímá děti od krajů; osoba s obvyklým bydlištěm v cizině nemůže být v jeho evidenci."),
        "Text § 25 ve znění zákona č. 242/2024 Sb.",
        V,
        formerly="25",
    ),
    Rule(
        "CHILD_VIEW",
        SPOD,
        "8(2)",
        _("Dítě má právo vyjádřit svůj názor; jeho přání a způsob, jak bylo vyslechnuto, se zaznamenají."),
        "§ 8 odst. 2 (mimo Hlavu IV, novelou nepřečíslován; pro projekt znovu nečten).",
        S,
    ),
    Rule(
        "FOSTER_AGREEMENT",
        SPOD,
        "47b",
        _("Pěstoun uzavře dohodu o výkonu pěstounské péče do 30 dní od právní moci rozhodnutí soudu."),
        "§ 47b (mimo Hlavu IV); lhůta 30 dní neověřena.",
        U,
        default=30,
        unit=D,
    ),
    Rule(
        "ACCOMPANYING_ORGANISATION",
        SPOD,
        "48",
        _("Doprovázející organizace působí na základě pověření k výkonu sociálně-právní ochrany."),
        "§ 48 (mimo Hlavu IV; pro projekt znovu nečten).",
        S,
    ),
    Rule(
        "LEGALLY_FREE",
        OZ,
        "818–821",
        _("Dítě je právně volné, dali-li rodiče souhlas s osvojením nebo jejich souhlasu není třeba."),
        "§ 818–821 občanského zákoníku (pro projekt znovu nečteno).",
        U,
    ),
    Rule(
        "CHILD_CONSENT_12",
        OZ,
        "806",
        _("Dítě starší 12 let musí s osvojením souhlasit."),
        "§ 806 občanského zákoníku (pro projekt znovu nečten).",
        U,
        default=12,
        unit=Y,
    ),
    Rule(
        "PRE_ADOPTION_CARE",
        OZ,
        "829",
        _("Před osvojením musí být dítě nejméně 6 měsíců v péči budoucích osvojitelů."),
        "§ 829 občanského zákoníku (pro projekt znovu nečten).",
        U,
        default=6,
        unit=M,
    ),
    # The child's side before matching and around the court (issue 14; workflows/child_mediation/legal.py).
    Rule(
        "CHILD_ASSESSMENT",
        SPOD,
        "27",
        _("Krajský úřad zajistí odborné posouzení dítěte, kde je třeba (věk, doporučení lékaře, jiné okolnosti)."),
        TOC + "odborné posuzování (číslo § 27 předpokládáno).",
        T,
        formerly="27",
    ),
    Rule(
        "CHILD_ASSESSMENT_AGE",
        SPOD,
        "27",
        _("Od tohoto věku se odborné posouzení dítěte vyžaduje vždy (výchozí nastavení projektu, ne zákon)."),
        "Zákon věk nestanoví; výchozí hodnota projektu k potvrzení krajem.",
        U,
        default=3,
        unit=Y,
        region_may_change=True,
    ),
    Rule(
        "INFANT_WAIVER",
        SPOD,
        "8(2)",
        _(
            "U dítěte mladšího této hranice může pracovník kraje se zaznamenaným důvodem upustit od záznamu názoru "
            "a posouzení dítěte (výchozí nastavení projektu)."
        ),
        "Zákon hranici nestanoví (dítě schopné formulovat názor); výchozí hodnota projektu k potvrzení krajem.",
        U,
        default=3,
        unit=Y,
        region_may_change=True,
    ),
    Rule(
        "COURT_PETITION_CHILD_FILE",
        SPOD,
        "21",
        _(
            "Podá-li OSPOD návrh soudu, na jehož základě může být dítě svěřeno do péče mimo rodinu, pošle spisovou "
            "dokumentaci o dítěti krajskému úřadu."
        ),
        TOC + "Díl 2, spisová dokumentace o dítěti; lhůta k odeslání neověřena (výchozí 30 dní).",
        U,
        formerly="21",
        default=30,
        unit=D,
        region_may_change=True,
    ),
    Rule(
        "INSTITUTIONAL_CARE_SEARCH",
        SPOD,
        "24b–24d",
        _("Zahájí-li se řízení o ústavní výchově, kraj znovu požádá ostatní kraje o vyhledání rodiny."),
        "Požadavek veřejné ochránkyně práv (2022); zákonem výslovně nestanoveno.",
        S,
    ),
    Rule(
        "CONSENT_REVOCATION",
        OZ,
        "",
        _(
            "Rodič může souhlas s osvojením odvolat do 3 měsíců; dítě je právně volné až po uplynutí této lhůty "
            "(číslo paragrafu neověřeno)."
        ),
        "Občanský zákoník, úprava souhlasu rodiče s osvojením (pro projekt nečteno).",
        U,
        default=3,
        unit=M,
    ),
]
