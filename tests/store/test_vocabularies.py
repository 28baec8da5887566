"""The vocabularies ship with the package and load on migrate; a label no version holds is kept on the
record, marked, and waits for an editor to map it or add it to a new version."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.test import Client

from rightstrack.assessments.export import state_csv, state_export
from rightstrack.core.uhri import match_key
from rightstrack.documents.importing import import_files
from rightstrack.recommendations.models import (
    RecommendationTerm,
    State,
    Term,
    TermAlias,
    TermMapping,
    Vocabulary,
)
from rightstrack.recommendations.vocabularies import MappingError, add_to_new_version, map_unmatched
from tests.ingest.matrix_builder import (
    COLUMNS_2019,
    SLOVENIA_TERMS,
    build_docx,
    matrix_2019,
    slovenia_2019,
    slovenia_2025,
)

pytestmark = pytest.mark.django_db


def _import(tmp_path: Path, name: str, data: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    import_files([path])


def _tags(ref: str, code: str) -> list[tuple[str, bool]]:
    tags = RecommendationTerm.objects.filter(
        recommendation__refs__value=ref, term__vocabulary__code=code
    ).select_related("term")
    # a paragraph of two States' clauses is two records with the same terms: each label once
    return sorted({(tag.term.label, tag.term.unmatched) for tag in tags})


def test_a_fresh_database_holds_every_vocabulary_version_the_package_ships() -> None:
    sizes = {
        (vocabulary.code, vocabulary.version): vocabulary.terms.filter(unmatched=False).count()
        for vocabulary in Vocabulary.objects.all()
    }
    assert sizes == {
        ("upr-info-issues", "2008-2014"): 54,
        ("upr-info-issues", "2019"): 56,
        ("uhri-themes", "2013-2018"): 91,
        ("uhri-themes", "2019"): 112,
        ("uhri-groups", "2013-2018"): 27,
        ("uhri-groups", "2019"): 40,
        ("sdg-goals", "2015"): 17,
        ("sdg-targets", "2015"): 169,
    }
    health = Term.objects.get(
        vocabulary__code="uhri-themes", vocabulary__version="2019", label="Right to health"
    )
    assert [(term.code, term.label) for term in health.previous.all()] == [
        ("E41", "Right to health - General")
    ]


def test_a_label_no_version_holds_is_kept_on_the_record_marked_as_not_in_the_vocabulary(
    tmp_path: Path,
) -> None:
    _import(tmp_path, "kazakhstan-2019-matrix.docx", matrix_2019())
    assert ("Unheard-of theme", True) in _tags("135.7", "uhri-themes")
    assert ("Death penalty", False) in _tags("135.7", "uhri-themes")
    assert _tags("134.2", "uhri-groups") == [("Roma and Sinti", True), ("women", False)]
    unmatched = Term.objects.get(label="Roma and Sinti")
    assert (unmatched.vocabulary.code, unmatched.vocabulary.version) == ("uhri-groups", "2019")


@pytest.mark.parametrize(("build", "rows"), [(slovenia_2019, 7), (slovenia_2025, 6)])
def test_every_theme_and_group_mention_of_a_real_2019_or_later_list_is_stored(
    tmp_path: Path, build: object, rows: int
) -> None:
    assert callable(build)
    _import(tmp_path, f"{build.__name__}.docx", build())
    for ref, (themes, groups) in SLOVENIA_TERMS.items():
        if not RecommendationTerm.objects.filter(recommendation__refs__value=ref).exists():
            continue
        rows -= 1
        for code, written in (("uhri-themes", themes), ("uhri-groups", groups)):
            stored = _tags(ref, code)
            assert sorted(match_key(label) for label, _ in stored) == sorted(map(match_key, written)), ref
            assert not any(unmatched for _, unmatched in stored), ref
    assert rows == 0


def test_an_editor_maps_an_unmatched_label_and_the_records_and_later_documents_follow(
    tmp_path: Path, django_user_model: type
) -> None:
    _import(tmp_path, "kazakhstan-2019-matrix.docx", matrix_2019())
    editor = django_user_model.objects.create_user("editor")
    roma = Term.objects.get(label="Roma and Sinti")
    minorities = Term.objects.get(
        vocabulary=roma.vocabulary,
        label="minorities/ racial, ethnic, linguistic, religious or descent-based groups",
    )
    mapping = map_unmatched(roma, minorities, editor)
    # 134.2 holds two States' recommendations (Ukraine; Iran): two records re-tagged
    assert (mapping.retagged, mapping.action, mapping.editor) == (2, "mapped", editor)
    assert _tags("134.2", "uhri-groups") == [(minorities.label, False), ("women", False)]
    assert TermAlias.objects.filter(term=minorities, alias="Roma and Sinti").exists()
    with pytest.raises(MappingError):
        map_unmatched(roma, minorities, editor)  # done once
    # the same label in a later document is the known term
    later = build_docx(
        "UPR of Kazakhstan (3rd Cycle – 35th session)\tThematic list of recommendations",
        COLUMNS_2019,
        [("9.1 Protect Roma (France);\nSource of Position: A/HRC/44/1 - Para 9", "Noted",
          "- Equality & non-discrimination\nAffected persons:\n- Roma and Sinti", "")],
    )  # fmt: skip
    _import(tmp_path, "later-matrix.docx", later)
    assert _tags("9.1", "uhri-groups") == [(minorities.label, False)]
    assert TermMapping.objects.count() == 1


def test_unmatched_labels_added_to_a_new_version_leave_the_old_version_as_it_was(tmp_path: Path) -> None:
    _import(tmp_path, "kazakhstan-2019-matrix.docx", matrix_2019())
    unheard = Term.objects.get(label="Unheard-of theme")
    old = unheard.vocabulary
    known_before = old.terms.filter(unmatched=False).count()
    new = add_to_new_version([unheard], "2026")
    assert (new.code, new.version, old.terms.filter(unmatched=False).count()) == (
        "uhri-themes",
        "2026",
        known_before,
    )
    assert new.terms.count() == known_before + 1
    assert ("Unheard-of theme", False) in _tags("135.7", "uhri-themes")
    assert TermMapping.objects.get(term=unheard).action == "added"
    with pytest.raises(MappingError):
        add_to_new_version([Term.objects.get(vocabulary=old, label="Death penalty")], "2027")


def _unheard_of(tmp_path: Path) -> int:
    _import(tmp_path, "kazakhstan-2019-matrix.docx", matrix_2019())
    return int(
        RecommendationTerm.objects.get(term__label="Unheard-of theme").recommendation_id  # type: ignore[arg-type]
    )


def test_an_unmatched_label_is_on_the_page_and_in_every_export_marked_as_such(
    tmp_path: Path, client: Client
) -> None:
    pk = _unheard_of(tmp_path)
    page = client.get(f"/recommendations/{pk}").content.decode()
    assert 'Unheard-of theme <small class="unmatched">(not in the vocabulary)</small>' in page
    russian = client.get(f"/recommendations/{pk}", HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert 'Unheard-of theme <small class="unmatched">(нет в словаре)</small>' in russian
    twin = client.get(f"/recommendations/{pk}.json").json()
    assert {"vocabulary": "uhri-themes", "label": "Unheard-of theme", "in_vocabulary": False} in twin["terms"]
    assert {"vocabulary": "uhri-themes", "label": "Death penalty", "in_vocabulary": True} in twin["terms"]
    api = client.get(f"/api/recommendations/{pk}/").json()
    assert api["terms"]["uhri-themes-unmatched"] == ["Unheard-of theme"]
    assert "Death penalty" in api["terms"]["uhri-themes"]
    streamed = client.get("/recommendations/download.csv", {"state": "KAZ"}).streaming_content
    download = b"".join(streamed).decode("utf-8-sig")  # type: ignore[arg-type]
    assert "uhri-themes-unmatched:Unheard-of theme" in download
    exported = state_export(State.objects.get(code="KAZ"))
    terms = [r["terms"] for review in exported["reviews"] for r in review["recommendations"]]
    assert ["Unheard-of theme"] in [t.get("uhri-themes-unmatched") for t in terms]
    assert "uhri-themes-unmatched" in state_csv(exported)


def test_an_editor_maps_an_unmatched_label_in_the_admin(tmp_path: Path, admin_client: Client) -> None:
    pk = _unheard_of(tmp_path)
    unheard = Term.objects.get(label="Unheard-of theme")
    listing = admin_client.get("/admin/recommendations/term/", {"unmatched__exact": "1"}).content.decode()
    assert "Unheard-of theme" in listing and "Roma and Sinti" in listing and "Death penalty" not in listing
    detention = Term.objects.get(vocabulary=unheard.vocabulary, label="Conditions of detention")
    response = admin_client.post(
        f"/admin/recommendations/term/{unheard.pk}/change/",
        {"mapped_to": detention.pk, "aliases-TOTAL_FORMS": "0", "aliases-INITIAL_FORMS": "0"},
    )
    assert response.status_code == 302
    assert ("Conditions of detention", False) in _tags("135.7", "uhri-themes")
    assert ("Unheard-of theme", True) not in _tags("135.7", "uhri-themes")
    history = TermMapping.objects.get(term=unheard)
    assert (history.target, history.retagged, history.editor.username) == (detention, 1, "admin")
    assert RecommendationTerm.objects.filter(recommendation_id=pk, term=detention, origin="editor").exists()


def test_an_unmatched_line_longer_than_a_label_is_kept_shortened_and_reported(tmp_path: Path) -> None:
    line = "Protection of " + "very " * 60 + "long theme"
    data = build_docx(
        "UPR of Kazakhstan (3rd Cycle – 34th session)\tThematic list of recommendations",
        COLUMNS_2019,
        [
            (
                "9.1 Protect everyone (France);\nSource of Position: A/HRC/43/11 - Para 9",
                "Noted",
                f"- {line}",
                "",
            )
        ],
    )
    path = tmp_path / "long.docx"
    path.write_bytes(data)
    (report,) = import_files([path])
    ((label, unmatched),) = _tags("9.1", "uhri-themes")
    assert unmatched and len(label) == 200 and label.endswith("…") and line.startswith(label[:-1])
    assert any("label of 324 characters kept as its first 199" in problem for problem in report.problems), (
        report.problems
    )
