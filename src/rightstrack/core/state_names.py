"""A State's name in a language: the UN short name in English, pycountry's ISO 3166 catalogue otherwise,
with the UN's own Russian short names (UNTERM) where pycountry's differ.

>>> state_name("KAZ", "ru"), state_name("KAZ", "en"), state_name("XYZ", "ru", "Somewhere")
('Казахстан', 'Kazakhstan', 'Somewhere')
>>> state_name("GBR", "ru"), state_name("USA", "ru")
('Соединенное Королевство Великобритании и Северной Ирландии', 'Соединенные Штаты Америки')
"""

from __future__ import annotations

import gettext
from functools import cache

import pycountry

from rightstrack.core.states import state_info

#: The UN's Russian short names where pycountry's catalogue gives another form.
UN_RUSSIAN = {
    "ARE": "Объединенные Арабские Эмираты",
    "BHS": "Багамские Острова",
    "BOL": "Боливия (Многонациональное Государство)",
    "BRN": "Бруней-Даруссалам",
    "CAF": "Центральноафриканская Республика",
    "COM": "Коморские Острова",
    "DOM": "Доминиканская Республика",
    "FSM": "Микронезия (Федеративные Штаты)",
    "GBR": "Соединенное Королевство Великобритании и Северной Ирландии",
    "IRN": "Иран (Исламская Республика)",
    "KGZ": "Кыргызстан",
    "MDV": "Мальдивские Острова",
    "MHL": "Маршалловы Острова",
    "NLD": "Нидерланды (Королевство)",
    "PSE": "Государство Палестина",
    "SYC": "Сейшельские Острова",
    "TLS": "Тимор-Лешти",
    "TUR": "Тюркийе",
    "TZA": "Объединенная Республика Танзания",
    "USA": "Соединенные Штаты Америки",
    "VAT": "Святейший Престол",
    "VEN": "Венесуэла (Боливарианская Республика)",
}


@cache
def _catalogue(language: str) -> gettext.NullTranslations:
    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language], fallback=True)


def state_name(code: str, language: str, fallback: str = "") -> str:
    """The name of the State ``code`` in ``language`` ("en", "ru"...); ``fallback`` (or the code) when the
    register or the catalogue does not know it."""
    try:
        english = state_info(code).name
    except LookupError:
        return fallback or code
    if language.startswith("en"):
        return english
    if language.startswith("ru") and code in UN_RUSSIAN:
        return UN_RUSSIAN[code]
    country = pycountry.countries.get(alpha_3=code)
    if country is None:  # pragma: no cover - every code of the register is in pycountry
        return english
    iso = str(country.name)
    translated = _catalogue(language[:2]).gettext(iso)
    return translated if translated != iso else english
