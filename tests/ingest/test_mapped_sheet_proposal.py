"""The mapping the editors' upload page proposes from a sheet's headers (mapped_sheet/propose.py)."""

from __future__ import annotations

from rightstrack.ingest.sources.mapped_sheet.mapping import FIELDS, parse_columns
from rightstrack.ingest.sources.mapped_sheet.propose import fold, propose
from rightstrack.ingest.sources.uhri_export.table import EXPORT_HEADERS


def test_a_uhri_export_header_is_proposed_field_by_field() -> None:
    left_out = ("Affected Persons", "Sdgs", "OHCHR Annotation Id")
    headers = [name for name in EXPORT_HEADERS if name not in left_out]
    assert propose(headers) == {
        "text": "Text",
        "state": "Countries Concerned",
        "position": "UPR Position",
        "mechanism": "Reccomending Body",
        "symbol": "Document Symbol",
        "session": "UPR Session",
        "year": "Document Publication Date",
    }


def test_case_spacing_and_accents_do_not_matter() -> None:
    headers = ["  N°  ", "RECOMMANDATION", "État   examiné", "États recommandants", "Réponse", "Cycle"]
    assert propose(headers) == {
        "text": "RECOMMANDATION",
        "state": "État   examiné",
        "paragraph": "N°",
        "position": "Réponse",
        "recommending": "États recommandants",
        "cycle": "Cycle",
    }
    assert fold("  État\u00a0 examiné ") == fold("etat examine") == "etat examine"
    assert fold("Рекомендующие государства (ы)") == "рекомендующие государства"


def test_a_russian_action_plan_header_is_read() -> None:
    headers = ["№ п/п", "Текст рекомендации", "Страна", "Рекомендующее государство", "Позиция государства"]
    assert propose(headers) == {
        "text": "Текст рекомендации",
        "state": "Страна",
        "paragraph": "№ п/п",
        "position": "Позиция государства",
        "recommending": "Рекомендующее государство",
    }


def test_the_author_country_of_a_recommendation_is_the_recommending_state() -> None:
    assert propose(["Рекомендация", "Страна-автор"]) == {
        "text": "Рекомендация",
        "recommending": "Страна-автор",
    }
    assert propose(["Рекомендация", "Государство-автор рекомендации", "Страна"]) == {
        "text": "Рекомендация",
        "state": "Страна",
        "recommending": "Государство-автор рекомендации",
    }


def test_a_spanish_header_is_read() -> None:
    assert propose(["Recomendación", "País", "Estados recomendantes", "Respuesta", "Sesión"]) == {
        "text": "Recomendación",
        "state": "País",
        "position": "Respuesta",
        "recommending": "Estados recomendantes",
        "session": "Sesión",
    }


def test_recommending_states_are_not_taken_for_the_state_under_review() -> None:
    proposed = propose(["Recommending State(s)", "State under review", "Recommendation", "Para"])
    assert proposed["recommending"] == "Recommending State(s)"
    assert proposed["state"] == "State under review"
    assert proposed["paragraph"] == "Para"


def test_a_common_word_inside_a_longer_header_proposes_nothing() -> None:
    # "Responsible body" is a ministry, not a mechanism; "Implementation status" is not the position
    proposed = propose(["Recommendation", "Country", "Responsible body", "Ответственный орган", "Дата"])
    assert "mechanism" not in proposed
    assert proposed["year"] == "Дата"
    assert "position" not in propose(["Recommendation", "Country", "Implementation status"])


def test_each_column_serves_one_field_and_the_leftmost_wins_a_tie() -> None:
    proposed = propose(["Recommendation", "Recommendation", "Country"])
    assert proposed == {"text": "Recommendation", "state": "Country"}
    assert propose(["Paragraph", "Para"])["paragraph"] == "Paragraph"


def test_the_proposal_is_a_mapping_the_importer_accepts() -> None:
    proposed = propose(["No.", "Recommendation", "Country", "Response"])
    mapping = parse_columns(",".join(f"{name}={header}" for name, header in proposed.items()))
    assert mapping.columns == proposed
    assert set(proposed) <= set(FIELDS)


def test_unknown_headers_propose_nothing() -> None:
    assert propose(["Ministry", "Deadline", "", None, "Budget (KZT)"]) == {}
