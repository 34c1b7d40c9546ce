"""Rules of správní řád (zákon č. 500/2004 Sb.) that the inclusion in the register follows."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from nrp.law.types import SR, SR_TEXT, WD, D, Rule, S

RULES = [
    Rule(
        "FORWARD_TO_COMPETENT",
        SR,
        "12",
        _("Podání učiněné u nepříslušného úřadu se postoupí příslušnému úřadu a podatel se vyrozumí."),
        SR_TEXT + "§ 12 (postoupení).",
        S,
    ),
    Rule(
        "WITHDRAWAL",
        SR,
        "45(4), 66(1)(a)",
        _(
            "Žádost může vzít zpět jen žadatel; úřad řízení zastaví. Zpětvzetí podané písemně zapíše pracovník "
            "úřadu s přiloženým podáním."
        ),
        SR_TEXT + "§ 45 odst. 4 (zpětvzetí žádosti) a § 66 odst. 1 písm. a) (zastavení řízení).",
        S,
    ),
    Rule(
        "FILE_INSPECTION",
        SR,
        "36(3)",
        _("Před vydáním rozhodnutí má účastník možnost vyjádřit se k podkladům rozhodnutí; lhůtu určí úřad."),
        SR_TEXT + "§ 36 odst. 3; výchozí lhůta 5 pracovních dní je nastavení kraje.",
        S,
        default=5,
        unit=WD,
        region_may_change=True,
    ),
    Rule(
        "DEADLINE_COUNTING",
        SR,
        "40(1)",
        _(
            "Lhůta začíná dnem následujícím po události; připadne-li její konec na sobotu, neděli nebo svátek, "
            "je posledním dnem nejbližší příští pracovní den."
        ),
        SR_TEXT + "§ 40 odst. 1 písm. a) a c).",
        S,
    ),
    Rule(
        "DELIVERY",
        SR,
        "17(4), 19–24",
        _(
            "Písemnost je doručena dnem, kdy ji adresát převzal; do datové schránky dnem přihlášení, nejpozději "
            "desátým dnem po dodání; lhůty běží od doručení, ne od odeslání."
        ),
        SR_TEXT + "§ 17 odst. 4 (datová schránka), § 19–24 (doručování).",
        S,
    ),
    Rule(
        "APPLICATION_DEFICIENT",
        SR,
        "45(2)",
        _(
            "Nemá-li žádost předepsané náležitosti, úřad pomůže nedostatky odstranit nebo vyzve k jejich "
            "odstranění a určí přiměřenou lhůtu."
        ),
        SR_TEXT + "§ 45 odst. 2.",
        S,
    ),
    Rule(
        "DECISION_REASONS",
        SR,
        "68(4)",
        _("Rozhodnutí, které žadateli zcela nevyhovuje, musí obsahovat odůvodnění."),
        SR_TEXT + "§ 68 odst. 4.",
        S,
    ),
    Rule(
        "DECISION_DEADLINE",
        SR,
        "71(3)",
        _(
            "Úřad rozhodne bez zbytečného odkladu, nejpozději do 30 dní od zahájení řízení, ve složitých případech "
            "o dalších 30 dní později; doba na znalecký posudek se nezapočítává."
        ),
        SR_TEXT + "§ 71 odst. 3.",
        S,
        default=30,
        unit=D,
    ),
    Rule(
        "FINALITY",
        SR,
        "73(1)",
        _("Rozhodnutí je v právní moci, bylo-li oznámeno (doručeno) a nelze-li se proti němu odvolat."),
        SR_TEXT + "§ 73 odst. 1.",
        S,
    ),
    Rule(
        "APPEAL_WAIVER",
        SR,
        "81(2)",
        _(
            "Účastník se může odvolání vzdát; rozhodnutí pak nabývá právní moci dnem, kdy vzdání došlo úřadu "
            "(nejdříve dnem doručení rozhodnutí)."
        ),
        SR_TEXT + "§ 81 odst. 2.",
        S,
    ),
    Rule(
        "APPEAL_PERIOD",
        SR,
        "83(1)",
        _("Odvolání lze podat do 15 dní od doručení rozhodnutí."),
        SR_TEXT + "§ 83 odst. 1.",
        S,
        default=15,
        unit=D,
    ),
    Rule(
        "LATE_APPEAL",
        SR,
        "85",
        _(
            "Odkladný účinek má jen včas podané odvolání: opožděné odvolání se zaznamená a předá, právní moci "
            "rozhodnutí nebrání."
        ),
        SR_TEXT + "§ 85.",
        S,
    ),
    Rule(
        "APPEAL_FORWARDING",
        SR,
        "88(1)",
        _("Úřad prvního stupně předá odvolání se spisem odvolacímu orgánu do 30 dní od jeho doručení."),
        SR_TEXT + "§ 88 odst. 1.",
        S,
        default=30,
        unit=D,
    ),
    Rule(
        "APPEAL_DECISION",
        SR,
        "88(1), 90(6)",
        _("Odvolací orgán rozhodne do 30 dní od předání odvolání; krajský úřad jej předá do 30 dní."),
        SR_TEXT + "§ 88 odst. 1, § 90 odst. 6.",
        S,
        default=60,
        unit=D,
        region_may_change=True,
    ),
    Rule(
        "APPEAL_OUTCOME_EFFECT",
        SR,
        "73(1)",
        _("Rozhodnutí odvolacího orgánu nabývá právní moci doručením (oznámením) účastníkovi, ne dnem vydání."),
        SR_TEXT + "§ 73 odst. 1 (proti rozhodnutí o odvolání se nelze dále odvolat).",
        S,
    ),
]
