"""A first guess at the mapping from a sheet's headers, for the editors' upload page to correct.

Headers are compared after folding case, spacing, punctuation and accents (``État`` = ``etat``,
``Рекомендация`` = ``рекомендация``) with synonyms of each field in English, French, Spanish and
Russian. A header equal to a synonym beats one that only contains it; a longer synonym beats a shorter
one (``Recommending State(s)`` is ``recommending``, not ``state``); a tie goes to the leftmost column.
Each field gets at most one column and each column at most one field.

>>> propose(["No.", "Recommendation", "Country", "Recommending State(s)", "UPR Position", "Ministry"])
{'text': 'Recommendation', 'state': 'Country', 'paragraph': 'No.', 'position': 'UPR Position', \
'recommending': 'Recommending State(s)'}
>>> propose(["№", "Рекомендация", "Государство", "Позиция"])
{'text': 'Рекомендация', 'state': 'Государство', 'paragraph': '№', 'position': 'Позиция'}
>>> propose(["Párrafo", "Recomendación", "Estado examinado", "Ciclo"])
{'text': 'Recomendación', 'state': 'Estado examinado', 'paragraph': 'Párrafo', 'cycle': 'Ciclo'}
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from .mapping import FIELDS

#: Synonyms of each field's header, ";"-separated (written plainly: they are folded like the headers).
SYNONYMS: dict[str, str] = {
    "text": (
        "recommendation; recommendations; =text; recommendation text; "
        "text of the recommendation; full text; recommandation; =texte; "
        "texte de la recommandation; recomendacion; =texto; texto de la recomendacion; "
        "рекомендация; рекомендации; =текст; текст рекомендации; содержание рекомендации"
    ),
    "state": (
        "state; country; state under review; =sur; countries concerned; country concerned; "
        "state party; reviewed state; pays; etat; etat examine; etat partie; pays concerne; "
        "pais; estado; estado examinado; estado parte; pais examinado; государство; страна; "
        "государство участник; государство объект обзора; рассматриваемое государство"
    ),
    "paragraph": (
        "paragraph; para; =no; =nr; =n; number; =#; №; n°; =ref; reference; recommendation no; "
        "recommendation number; rec no; paragraph number; para no; paragraphe; =numero; "
        "n de la recommandation; parrafo; numero de la recomendacion; пункт; =номер; параграф; "
        "номер рекомендации; № рекомендации; пункт доклада"
    ),
    "position": (
        "position; response; upr position; status of acceptance; state response; state position; "
        "response of the state; answer of the state; =answer; accepted noted; supported noted; "
        "reponse; position de l etat; respuesta; posicion; posicion del estado; позиция; =ответ; "
        "позиция государства; ответ государства; принята отмечена"
    ),
    "recommending": (
        "recommending state; recommending states; upr recommending states; recommending country; "
        "recommended by; source of recommendation; =sponsor; etat recommandant; "
        "etats recommandants; pays recommandant; estado recomendante; estados recomendantes; "
        "estado que recomienda; рекомендующее государство; рекомендующие государства; "
        "рекомендовавшее государство; рекомендующая страна; автор рекомендации; "
        "страна автор; государство автор; =автор"
    ),
    "mechanism": (
        "mechanism; =body; treaty body; recommending body; reccomending body; committee; "
        "mecanisme; =organe; mecanismo; =organo; comite; механизм; =орган; комитет"
    ),
    "symbol": (
        "symbol; document symbol; =document; un symbol; cote; cote du document; signatura; "
        "simbolo; символ; символ документа; =документ"
    ),
    "session": ("session; upr session; seance; sesion; сессия; сессия упо"),
    "cycle": ("cycle; upr cycle; review cycle; ciclo; цикл; цикл упо"),
    "year": ("year; =date; annee; =ano; =fecha; год; =дата; document publication date"),
    "theme": (
        "theme; primary theme; theme heading; thematic area; =issue; main issue; =theme; =thème; "
        "=tema; тема; основная тема"
    ),
}
_PLURAL = re.compile(r"\((?:s|es|ы|и|а)\)", re.IGNORECASE)
_NOT_WORD = re.compile(r"[^\w№#°]+")


def fold(header: object) -> str:
    """``"  État  examiné "`` → ``"etat examine"``; ``"State(s)"`` → ``"state"``; ``"No."`` → ``"no"``."""
    text = _PLURAL.sub("", str(header or ""))
    decomposed = unicodedata.normalize("NFKD", text.replace("ё", "е").replace("Ё", "Е"))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return " ".join(_NOT_WORD.sub(" ", plain).replace("_", " ").split())


#: Field → its folded synonyms, each with whether it must equal the header (a ``=`` before it: a word
#: too common to mean the field inside a longer header, such as "body" in "Responsible body").
_FOLDED = {
    name: [(fold(s.removeprefix("=")), s.startswith("=")) for s in synonyms.split("; ")]
    for name, synonyms in SYNONYMS.items()
}


def _score(header: str, synonym: str, exact_only: bool) -> tuple[int, int, int] | None:
    """(exact, words, letters) of the synonym found in the header, or None."""
    if not header or not synonym:
        return None
    if header == synonym:
        return (1, len(synonym.split()), len(synonym))
    if not exact_only and f" {synonym} " in f" {header} ":
        return (0, len(synonym.split()), len(synonym))
    return None


def propose(headers: Sequence[object]) -> dict[str, str]:
    """Field → header of the column proposed for it, in the order of :data:`.mapping.FIELDS`."""
    candidates: list[tuple[tuple[int, int, int], int, int, str]] = []
    for column, header in enumerate(headers):
        folded = fold(header)
        for rank, name in enumerate(FIELDS):
            scores = [s for s in (_score(folded, *synonym) for synonym in _FOLDED[name]) if s]
            if scores:
                candidates.append((max(scores), -column, -rank, name))
    candidates.sort(reverse=True)
    chosen: dict[str, str] = {}
    taken: set[int] = set()
    for _, column, _rank, name in candidates:
        if name in chosen or -column in taken:
            continue
        chosen[name] = str(headers[-column]).strip()
        taken.add(-column)
    return {name: chosen[name] for name in FIELDS if name in chosen}
