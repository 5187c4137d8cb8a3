"""The ST.3 code list: who may answer, by two-letter code, with names per language.

WIPO Standard ST.3 is ISO 3166-1 alpha-2 plus codes for IP organizations.
Country names and their translations come from pycountry (the Debian
iso-codes data); it is read on first use only, so startup does not pay for it.
"""

import gettext
import unicodedata
from dataclasses import dataclass
from functools import cache

ORGANIZATIONS: dict[str, dict[str, str]] = {
    "AP": {
        "en": "African Regional Intellectual Property Organization (ARIPO)",
        "fr": "Organisation régionale africaine de la propriété intellectuelle (ARIPO)",
        "es": "Organización Regional Africana de la Propiedad Intelectual (ARIPO)",
        "zh": "非洲地区知识产权组织（ARIPO）",
        "ru": "Африканская региональная организация интеллектуальной собственности (АРИПО)",
    },
    "BX": {
        "en": "Benelux Office for Intellectual Property (BOIP)",
        "fr": "Office Benelux de la propriété intellectuelle (OBPI)",
        "es": "Oficina de Propiedad Intelectual del Benelux (BOIP)",
        "zh": "比荷卢知识产权局（BOIP）",
        "ru": "Ведомство интеллектуальной собственности Бенилюкса (BOIP)",
    },
    "EA": {
        "en": "Eurasian Patent Organization (EAPO)",
        "fr": "Organisation eurasienne des brevets (OEAB)",
        "es": "Organización Eurasiática de Patentes (OEAP)",
        "zh": "欧亚专利组织（EAPO）",
        "ru": "Евразийская патентная организация (ЕАПО)",
    },
    "EM": {
        "en": "European Union Intellectual Property Office (EUIPO)",
        "fr": "Office de l'Union européenne pour la propriété intellectuelle (EUIPO)",
        "es": "Oficina de Propiedad Intelectual de la Unión Europea (EUIPO)",
        "zh": "欧盟知识产权局（EUIPO）",
        "ru": "Ведомство интеллектуальной собственности Европейского союза (EUIPO)",
    },
    "EP": {
        "en": "European Patent Office (EPO)",
        "fr": "Office européen des brevets (OEB)",
        "es": "Oficina Europea de Patentes (OEP)",
        "zh": "欧洲专利局（EPO）",
        "ru": "Европейское патентное ведомство (ЕПВ)",
    },
    "GC": {
        "en": "Patent Office of the Cooperation Council for the Arab States of the Gulf (GCC Patent Office)",
        "fr": "Office des brevets du Conseil de coopération des États arabes du Golfe (CCG)",
        "es": "Oficina de Patentes del Consejo de Cooperación de los Estados Árabes del Golfo (CCG)",
        "zh": "海湾阿拉伯国家合作委员会专利局（GCC专利局）",
        "ru": (
            "Патентное ведомство Совета сотрудничества арабских государств Персидского залива"
            " (Патентное ведомство ССАГПЗ)"
        ),
    },
    "IB": {
        "en": "International Bureau of WIPO",
        "fr": "Bureau international de l'OMPI",
        "es": "Oficina Internacional de la OMPI",
        "zh": "世界知识产权组织国际局",
        "ru": "Международное бюро ВОИС",
    },
    "OA": {
        "en": "African Intellectual Property Organization (OAPI)",
        "fr": "Organisation africaine de la propriété intellectuelle (OAPI)",
        "es": "Organización Africana de la Propiedad Intelectual (OAPI)",
        "zh": "非洲知识产权组织（OAPI）",
        "ru": "Африканская организация интеллектуальной собственности (ОАПИ)",
    },
    "QZ": {
        "en": "Community Plant Variety Office (CPVO)",
        "fr": "Office communautaire des variétés végétales (OCVV)",
        "es": "Oficina Comunitaria de Variedades Vegetales (OCVV)",
        "zh": "欧盟植物品种局（CPVO）",
        "ru": "Ведомство Сообщества по сортам растений (CPVO)",
    },
    "WO": {
        "en": "World Intellectual Property Organization (WIPO)",
        "fr": "Organisation Mondiale de la Propriété Intellectuelle (OMPI)",
        "es": "Organización Mundial de la Propiedad Intelectual (OMPI)",
        "zh": "世界知识产权组织（WIPO）",
        "ru": "Всемирная организация интеллектуальной собственности (ВОИС)",
    },
    "XN": {
        "en": "Nordic Patent Institute (NPI)",
        "fr": "Institut nordique des brevets (NPI)",
        "es": "Instituto Nórdico de Patentes (NPI)",
        "zh": "北欧专利局（NPI）",
        "ru": "Северный патентный институт (NPI)",
    },
    "XU": {
        "en": "International Union for the Protection of New Varieties of Plants (UPOV)",
        "fr": "Union internationale pour la protection des obtentions végétales (UPOV)",
        "es": "Unión Internacional para la Protección de las Obtenciones Vegetales (UPOV)",
        "zh": "国际植物新品种保护联盟（UPOV）",
        "ru": "Международный союз по охране новых сортов растений (УПОВ)",
    },
    "XV": {
        "en": "Visegrad Patent Institute (VPI)",
        "fr": "Institut des brevets de Visegrad (VPI)",
        "es": "Instituto de Patentes de Visegrado (VPI)",
        "zh": "维谢格拉德专利局（VPI）",
        "ru": "Вишеградский патентный институт (VPI)",
    },
}

# pycountry's gettext domains use these locale names.
_GETTEXT_LOCALES = {"fr": "fr", "es": "es", "zh": "zh_CN", "ru": "ru", "ar": "ar"}


@dataclass(frozen=True)
class Code:
    """One entry of a code list."""

    code: str
    name: str


@cache
def _country_names() -> dict[str, str]:
    import pycountry  # deferred: only the code list and reports need it

    return {country.alpha_2: country.name for country in pycountry.countries}


@cache
def _translator(language: str) -> gettext.NullTranslations:
    import pycountry

    locale = _GETTEXT_LOCALES.get(language)
    if locale is None:
        return gettext.NullTranslations()
    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[locale], fallback=True)


def is_st3(code: str) -> bool:
    """Whether `code` (already upper-case) is an ST.3 code."""
    return code in ORGANIZATIONS or code in _country_names()


def normalize_code(value: str) -> str:
    """The form codes are stored in: trimmed and upper-case ("au " -> "AU").

    Only ASCII letters are upper-cased. A character outside ASCII is replaced
    by its NFKC form only when that form is one plain ASCII character (the
    full-width "ＡＵ" an input method may type reads as "AU"); anything else is
    kept, so the code matches no ST.3 code and is refused: the ligature "ﬁ"
    (NFKC "fi", two letters) is not FI, "ß" is not SS, Cyrillic "А" is not A.
    """
    chars = []
    for char in value.strip():
        if not char.isascii():
            folded = unicodedata.normalize("NFKC", char)
            if len(folded) == 1 and folded.isascii() and folded.isprintable():
                char = folded
        chars.append(char.upper() if char.isascii() else char)
    return "".join(chars)


def st3_name(code: str, language: str = "en") -> str:
    """The office's name in `language` (English when there is no translation); "" if unknown."""
    if code in ORGANIZATIONS:
        names = ORGANIZATIONS[code]
        return names.get(language) or names["en"]
    english = _country_names().get(code)
    if english is None:
        return ""
    return _translator(language).gettext(english)


@cache
def st3_codes(language: str = "en") -> tuple[Code, ...]:
    """Every ST.3 code with its name in `language`, sorted by code."""
    codes = set(_country_names()) | set(ORGANIZATIONS)
    return tuple(Code(code, st3_name(code, language)) for code in sorted(codes))
