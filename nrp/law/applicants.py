"""Rules of the applicant's way into the register and life in it: zákon č. 359/1999 Sb., Hlava IV, Díl 1 and 3–5."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from nrp.law.types import SPOD, TOC, D, H, M, Rule, T, U, V, Y

RULES = [
    Rule(
        "MEDIATION_AUTHORITIES",
        SPOD,
        "19a",
        _("Zprostředkování NRP provádějí jen orgány sociálně-právní ochrany; rodinu pro dítě vybírá krajský úřad."),
        TOC + "Díl 1, obecná ustanovení (kdo zprostředkovává).",
        T,
        formerly="19a",
    ),
    Rule(
        "NOT_MEDIATED",
        SPOD,
        "20",
        _(
            "Případy, které se nezprostředkovávají (pěstounská péče příbuzných, osvojení dítěte manžela nebo "
            "osvojitelem, kterého určili rodiče)."
        ),
        TOC + "Díl 1, případy, kdy se nezprostředkovává.",
        T,
        formerly="20",
    ),
    Rule(
        "APPLICATION",
        SPOD,
        "23a",
        _("Žádost o zařazení do evidence žadatelů o zprostředkování osvojení nebo pěstounské péče."),
        "Text § 23a ve znění zákona č. 242/2024 Sb.: „žádost o zařazení do evidence žadatelů“.",
        V,
        formerly="20 odst. 1, 21 odst. 3",
    ),
    Rule(
        "APPLICATION_ORP_RESIDENCE",
        SPOD,
        "23a",
        _(
            "Žádost se podává u obecního úřadu obce s rozšířenou působností podle trvalého pobytu žadatele; "
            "žádost podaná jinde se postoupí příslušnému ORP."
        ),
        "Text § 23a: žádost se podává u obecního úřadu obce s rozšířenou působností; který úřad "
        "(podle pobytu, jako dříve) neověřeno.",
        U,
        formerly="20 odst. 1",
    ),
    Rule(
        "APPLICATION_ELIGIBILITY",
        SPOD,
        "23a(1)",
        _(
            "Žadatel má obvyklé bydliště v ČR a je občanem s trvalým pobytem, cizincem s nárokem podle práva EU, "
            "cizincem s povoleným trvalým pobytem, nebo pobývá přechodně nepřetržitě alespoň 365 dní."
        ),
        "Text § 23a odst. 1: „obvyklé bydliště“ na území ČR a občan s trvalým pobytem; cizinec oprávněný podle "
        "práva EU (pracovník, OSVČ, zachování postavení, rodinný příslušník s rovným zacházením); cizinec "
        "s povolením k trvalému pobytu; cizinec s přechodným pobytem nepřetržitě alespoň 365 dnů.",
        V,
        formerly="20 odst. 1",
        default=365,
        unit=D,
    ),
    Rule(
        "APPLICATION_CONTENTS",
        SPOD,
        "23a(2)",
        _(
            "Žádost obsahuje údaje o žadateli a osobách v domácnosti, souhlas s nabídnutím ÚMPOD a souhlas "
            "žadatele i manžela či partnera v domácnosti s přípravou."
        ),
        "Text § 23a odst. 2: rodné příjmení, rodné číslo, datum a místo narození, státní občanství (u cizince "
        "i druh pobytu); údaje manžela, registrovaného partnera nebo partnera v domácnosti, dětí a dalších osob "
        "v domácnosti; souhlas s nabídnutím ÚMPOD po uplynutí doby podle § 23i odst. 4; souhlas žadatele "
        "a manžela či partnera s účastí na přípravě.",
        V,
        formerly="21 odst. 5",
    ),
    Rule(
        "APPLICATION_REFUSAL",
        SPOD,
        "23a(1), 23b",
        _("ORP žádost zamítne rozhodnutím (s možností odvolání), nesplňuje-li žadatel podmínky, kdo může žádat."),
        "Podmínky: text § 23a odst. 1 (přečteno); postup ORP: " + TOC + "§ 23b.",
        T,
        formerly="21 odst. 3",
    ),
    Rule(
        "ORP_PROCEEDINGS",
        SPOD,
        "23b",
        _("ORP v řízení o zařazení: kontrola úplnosti, sociální šetření, stanovisko ORP a předání spisu kraji."),
        TOC + "Díl 3, obecní úřad obce s rozšířenou působností v řízení.",
        T,
        formerly="21",
    ),
    Rule(
        "HANDOVER_PERIOD",
        SPOD,
        "23b",
        _("ORP předá spisovou dokumentaci žadatele krajskému úřadu do 30 dní od úplné žádosti."),
        TOC + "§ 23b; zvláštní lhůta pro ORP nenalezena, 30 dní je výchozí nastavení kraje.",
        U,
        formerly="21 odst. 4",
        default=30,
        unit=D,
        region_may_change=True,
    ),
    Rule(
        "APPLICANT_FILE",
        SPOD,
        "23c",
        _(
            "Spisová dokumentace o žadateli: žádost s dotazníkem, doklady o občanství a pobytu, výpisy "
            "z evidence Rejstříku trestů (český si vyžádá ORP), zpráva o zdravotním stavu, poměry, souhlasy."
        ),
        TOC + "Díl 3, spisová dokumentace o žadateli.",
        T,
        formerly="21 odst. 5",
    ),
    Rule(
        "CRIMINAL_RECORD_ABROAD",
        SPOD,
        "23c",
        _("Výpis z rejstříku trestů z každého státu, kde žadatel po 15. roce věku pobýval déle než 3 měsíce."),
        "Pravidlo převzato z dřívější úpravy; v novém znění neověřeno.",
        U,
        formerly="21 odst. 5",
        default=3,
        unit=M,
    ),
    Rule(
        "REGISTER_DECISION",
        SPOD,
        "23d–23g",
        _(
            "Krajský úřad zajistí odborné posouzení a rozhodne o zařazení či nezařazení do evidence žadatelů "
            "ve správním řízení."
        ),
        TOC + "Díl 3, krajský úřad v řízení (odborné posouzení, rozhodnutí).",
        T,
        formerly="22",
    ),
    Rule(
        "EXPERT_ASSESSMENT",
        SPOD,
        "27",
        _("Odborné posouzení žadatele (psychologické, sociální, zdravotní); může proběhnout i v jiném kraji."),
        TOC + "odborné posuzování (číslo § 27 předpokládáno).",
        T,
        formerly="27",
    ),
    Rule(
        "MINISTRY_PROCEEDINGS",
        SPOD,
        "23h",
        _("Ministerstvo práce a sociálních věcí v řízení o zařazení do evidence (odvolací orgán)."),
        TOC + "Díl 3, ministerstvo v řízení.",
        T,
        formerly="23",
    ),
    Rule(
        "APPLICANT_REGISTER",
        SPOD,
        "23i",
        _("Krajský úřad vede evidenci žadatelů; rodinu lze vyhledávat pro dítě od právní moci rozhodnutí o zařazení."),
        TOC + "Díl 4, evidence žadatelů.",
        T,
        formerly="22",
    ),
    Rule(
        "UMPOD_OFFER_PERIOD",
        SPOD,
        "23i(4)",
        _("Žadatel, který s tím souhlasil, je po 3 letech v evidenci nabídnut i ÚMPOD k mezinárodnímu osvojení."),
        "Text § 23a odst. 2 (přečteno) odkazuje na dobu podle § 23i odst. 4; délka 3 roky neověřena.",
        U,
        formerly="22",
        default=3,
        unit=Y,
        region_may_change=True,
    ),
    Rule(
        "REGISTER_REMOVAL",
        SPOD,
        "23j",
        _("Krajský úřad vyřadí žadatele z evidence rozhodnutím (s možností odvolání)."),
        TOC + "Díl 4, vyřazení z evidence žadatelů.",
        T,
        formerly="24c",
    ),
    Rule(
        "REGISTER_LEAVE",
        SPOD,
        "23i, 23j, 24",
        _(
            "Rodina, která opustí evidenci (zpětvzetí žádosti, vyřazení, úmrtí, přestěhování), nemůže být vybrána: "
            "její otevřená oslovení se ve stejné transakci ruší a pracovník dítěte je vyrozuměn."
        ),
        TOC + "§ 23i, § 23j, § 24; důsledek pro oslovení odvozen (vybrat lze jen žadatele v evidenci).",
        T,
        formerly="24c",
    ),
    Rule(
        "APPLICANT_DUTIES",
        SPOD,
        "23k",
        _("Povinnosti žadatele: účast na přípravě a oznamování změn rozhodných poměrů."),
        TOC + "Díl 5, povinnosti žadatele.",
        T,
        formerly="22 odst. 5",
    ),
    Rule(
        "CHANGE_REPORT",
        SPOD,
        "23k",
        _("Žadatel oznámí krajskému úřadu změnu rozhodných poměrů do 15 dní."),
        TOC + "§ 23k; lhůta 15 dní převzata z dřívější úpravy, v novém znění neověřena.",
        U,
        formerly="22 odst. 5",
        default=15,
        unit=D,
        region_may_change=True,
    ),
    Rule(
        "PREPARATION",
        SPOD,
        "23k",
        _("Žadatel absolvuje přípravu k přijetí dítěte; může proběhnout i v jiném kraji."),
        TOC + "§ 23k (povinnosti žadatele).",
        T,
        formerly="22 odst. 5",
    ),
    Rule(
        "COURSE_HOURS",
        SPOD,
        "",
        _("Příprava trvá nejméně 48 hodin, pro pěstounskou péči na přechodnou dobu 72 hodin."),
        "Dřívější úprava (viz dřívější číslo); ustanovení v novém znění nenalezeno.",
        U,
        formerly="27a",
        default=48,
        unit=H,
    ),
    Rule(
        "CRIMINAL_RECORD_CZ",
        SPOD,
        "23c",
        _("Výpis z evidence Rejstříku trestů ČR si ORP vyžádá sama; žadatel ho nepřikládá."),
        TOC + "Díl 3, spisová dokumentace o žadateli; postup převzat z dřívější úpravy.",
        T,
        formerly="21 odst. 5",
    ),
    Rule(
        "COMPLETENESS_GATE",
        SPOD,
        "23b, 23c",
        _(
            "ORP shledá žádost úplnou a předá spis krajskému úřadu, jen když jsou všechny části spisové "
            "dokumentace u každého žadatele doloženy a přijaty."
        ),
        TOC + "§ 23b a § 23c; spis předávaný kraji musí být úplný (odvozeno z nadpisů).",
        T,
        formerly="21",
    ),
    Rule(
        "ORP_OPINION",
        SPOD,
        "23b",
        _("ORP připojí ke spisu záznam ze sociálního šetření a své stanovisko a spis předá krajskému úřadu."),
        TOC + "Díl 3, obecní úřad obce s rozšířenou působností v řízení (stanovisko ORP).",
        T,
        formerly="21",
    ),
    Rule(
        "AUTHORITY_ACTS",
        SPOD,
        "19a, 23b, 23d–23g",
        _(
            "Úkony v řízení (kontrola a přijetí podkladů, postoupení, rozhodnutí) činí jen ORP a krajský úřad; "
            "doprovázející organizace žadateli pomáhá, za úřad nejedná."
        ),
        TOC + "§ 19a (kdo zprostředkovává), § 23b, § 23d–23g (orgány v řízení).",
        T,
        formerly="19a",
    ),
    Rule(
        "REPEAT_COURSE_HOURS",
        SPOD,
        "",
        _("Kraj může opakovaným žadatelům určit kratší přípravu (např. 16 hodin)."),
        "Praxe některých krajů (sekundární zdroje); zákonná úprava nenalezena.",
        U,
        default=16,
        unit=H,
        region_may_change=True,
    ),
]
