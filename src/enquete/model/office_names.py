"""Office names as the Secretariat prints them: UN-style country names, then the office.

ISO 3166 (and so pycountry) writes "Korea, Republic of" and "United States";
WIPO documents follow the United Nations and write "Republic of Korea" and
"United States of America". The annex lists each respondent as
"AU | Australia, IP Australia": the country, then the office's own name.
The invited list (`invited.csv`) kept by the Secretariat wins over all of this
when it names a respondent.
"""

from collections.abc import Mapping

from enquete.model.codes import ORGANIZATIONS, st3_name

UN_COUNTRY_NAMES: dict[str, dict[str, str]] = {
    "BO": {"en": "Bolivia (Plurinational State of)"},
    "CD": {"en": "Democratic Republic of the Congo", "fr": "République démocratique du Congo"},
    "FM": {"en": "Micronesia (Federated States of)"},
    "GB": {
        "en": "United Kingdom",
        "fr": "Royaume-Uni",
        "es": "Reino Unido",
        "zh": "大不列颠及北爱尔兰联合王国",
    },
    "IR": {"en": "Iran (Islamic Republic of)", "fr": "Iran (République islamique d')"},
    "KP": {
        "en": "Democratic People's Republic of Korea",
        "fr": "République populaire démocratique de Corée",
        "es": "República Popular Democrática de Corea",
        "zh": "朝鲜民主主义人民共和国",
    },
    "KR": {
        "en": "Republic of Korea",
        "fr": "République de Corée",
        "es": "República de Corea",
        "zh": "大韩民国",
    },
    "MD": {"en": "Republic of Moldova", "fr": "République de Moldova", "es": "República de Moldova"},
    "NL": {
        "en": "Netherlands (Kingdom of the)",
        "fr": "Pays-Bas (Royaume des)",
        "es": "Países Bajos (Reino de los)",
    },
    "PS": {"en": "State of Palestine"},
    "RU": {
        "en": "Russian Federation",
        "fr": "Fédération de Russie",
        "es": "Federación de Rusia",
        "zh": "俄罗斯联邦",
    },
    "TZ": {"en": "United Republic of Tanzania", "fr": "République-Unie de Tanzanie"},
    "US": {
        "en": "United States of America",
        "fr": "États-Unis d'Amérique",
        "es": "Estados Unidos de América",
        "zh": "美利坚合众国",
    },
    "VE": {"en": "Venezuela (Bolivarian Republic of)"},
    "VN": {"en": "Viet Nam", "fr": "Viet Nam", "es": "Viet Nam", "zh": "越南"},
}
"""Where the United Nations' short name differs from ISO's, per language (English at least)."""

OFFICE_NAMES: dict[str, str] = {
    "AT": "Austrian Patent Office",
    "AU": "IP Australia",
    "BR": "National Institute of Industrial Property (INPI)",
    "CA": "Canadian Intellectual Property Office (CIPO)",
    "CH": "Swiss Federal Institute of Intellectual Property (IPI)",
    "CN": "China National Intellectual Property Administration (CNIPA)",
    "DE": "German Patent and Trade Mark Office (DPMA)",
    "DK": "Danish Patent and Trademark Office (DKPTO)",
    "ES": "Spanish Patent and Trademark Office (OEPM)",
    "FI": "Finnish Patent and Registration Office (PRH)",
    "FR": "National Institute of Industrial Property (INPI)",
    "GB": "Intellectual Property Office (UKIPO)",
    "JP": "Japan Patent Office (JPO)",
    "KR": "Korean Intellectual Property Office (KIPO)",
    "MX": "Mexican Institute of Industrial Property (IMPI)",
    "NO": "Norwegian Industrial Property Office (NIPO)",
    "NZ": "Intellectual Property Office of New Zealand (IPONZ)",
    "RU": "Federal Service for Intellectual Property (Rospatent)",
    "SE": "Swedish Intellectual Property Office (PRV)",
    "US": "United States Patent and Trademark Office (USPTO)",
}
"""The national office's own name, in English (the annex's language), for common respondents."""


def country_name(code: str, language: str = "en") -> str:
    """The UN-style name of a country or organization for ST.3 `code`; "" when unknown."""
    names = UN_COUNTRY_NAMES.get(code)
    if names and language in names:
        return names[language]
    return st3_name(code, language)


def office_display_name(code: str, language: str = "en", invited: Mapping[str, str] | None = None) -> str:
    """How a respondent is named in a report: the invited list's name, else "Country, Office".

    Args:
        code: the respondent's ST.3 code (or any respondent key).
        language: the report's language; office names are English, so they are added in English only.
        invited: display names by code from the Secretariat's invited list, which win.

    Returns:
        The name, or "" when nothing is known (the code alone is then shown).
    """
    if invited and invited.get(code):
        return invited[code]
    country = country_name(code, language)
    if code in ORGANIZATIONS:
        return country
    office = OFFICE_NAMES.get(code) if language == "en" else None
    if country and office:
        return f"{country}, {office}"
    return country
