"""The shipped classifier: loads offline, classifies known recommendations, writes CSV columns."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from rightstrack.analysis.classify import CSV_COLUMNS, DEFAULT_MODEL, Classifier, classify, classify_csv

TEXTS = [
    "Ratify the Convention on the Rights of Persons with Disabilities",
    "Continue its efforts to combat poverty and social exclusion",
    "Abolish the death penalty and commute all death sentences to terms of imprisonment",
    "Consider ratifying the Optional Protocol to the Convention against Torture",
]


@pytest.fixture(scope="module")
def results():  # type: ignore[no-untyped-def]
    if not DEFAULT_MODEL.is_file():
        pytest.fail(f"the shipped model {DEFAULT_MODEL} is missing: retrain it (see analysis/README.md)")
    return classify(TEXTS)


def test_shipped_model_is_small() -> None:
    assert DEFAULT_MODEL.stat().st_size < 5_000_000


def test_ratify_is_specific_action_and_continue_is_continuing(results) -> None:  # type: ignore[no-untyped-def]
    assert results[0].action_category == 5
    assert results[1].action_category == 2
    assert results[3].action_category == 3


def test_death_penalty_text_gets_the_death_penalty_issue(results) -> None:  # type: ignore[no-untyped-def]
    assert "Death penalty" in results[2].labels("issues")
    assert "Disabilities" in results[0].labels("issues")


def test_every_prediction_carries_a_probability_between_0_and_1(results) -> None:  # type: ignore[no-untyped-def]
    for result in results:
        assert 0.0 <= result.action_probability <= 1.0
        for head in ("issues", "themes", "groups", "sdgs"):
            labels = getattr(result, head)
            assert labels, f"{head}: at least one label"
            assert all(0.0 <= label.probability <= 1.0 for label in labels)
            assert [label.probability for label in labels] == sorted(
                (label.probability for label in labels), reverse=True
            )


def test_classify_csv_adds_the_prediction_columns(tmp_path: Path, results) -> None:  # type: ignore[no-untyped-def]
    source, target = tmp_path / "in.csv", tmp_path / "out.csv"
    with source.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "recommendation"])
        writer.writerows([[str(k), text] for k, text in enumerate(TEXTS)])
    assert classify_csv(source, target) == len(TEXTS)
    with target.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert set(CSV_COLUMNS) <= set(rows[0])
    assert rows[0]["id"] == "0" and rows[0]["pred_action_category"] == "5"
    for row in rows:
        assert len(row["pred_issues"].split(";")) == len(row["pred_issues_p"].split(";"))
        assert all(0 <= float(p) <= 1 for p in row["pred_issues_p"].split(";"))
    assert "Death penalty" in rows[2]["pred_issues"].split(";")


def test_classify_csv_names_a_missing_text_column(tmp_path: Path) -> None:
    source = tmp_path / "in.csv"
    source.write_text("id,text\n1,Ratify the CRPD\n", encoding="utf-8")
    with pytest.raises(KeyError, match="recommendation"):
        classify_csv(source, tmp_path / "out.csv")


def test_a_model_trained_on_a_sample_round_trips_through_its_file(data_dir: Path, tmp_path: Path) -> None:
    from rightstrack.analysis.training import Settings, train

    out = tmp_path / "model.npz"
    train(data_dir, out, sample=1200, settings=Settings(threshold=0.5))
    loaded = Classifier.load(out)
    assert set(loaded.heads) == {"action", "issues", "themes", "groups", "sdgs"}
    first = loaded.classify(["Ratify the Optional Protocol to the Convention against Torture"])[0]
    assert first.action_category == 5
    assert "International instruments" in first.labels("issues")


def test_nb_weights_favour_the_words_that_tell_a_label_apart() -> None:
    import numpy as np
    from scipy.sparse import csr_matrix

    from rightstrack.analysis.training import nb_weights

    # columns: "death", "penalty", "the"; rows 0–1 are about the death penalty, rows 2–3 are not
    features = csr_matrix(np.array([[1, 1, 1], [1, 0, 1], [0, 0, 1], [0, 1, 1]], dtype=np.float32))
    targets = np.array([[1], [1], [0], [0]], dtype=np.int8)
    weights = nb_weights(features, targets, beta=1.0)[:, 0]
    assert weights[0] > 2 * max(weights[1], weights[2])  # "death" is only in the label's texts
    assert np.isclose(weights[1], weights[2])  # "penalty" and "the" are as common on both sides
    assert np.allclose(nb_weights(features, targets, beta=0.5)[:, 0], np.sqrt(weights))


def test_nb_weighted_svm_weights_apply_to_the_unscaled_features() -> None:
    import numpy as np
    from scipy.sparse import csr_matrix

    from rightstrack.analysis.training import fit_svms

    rng = np.random.default_rng(0)
    dense = (rng.random((200, 30)) < 0.2).astype(np.float32)
    target = (dense[:, 0] + dense[:, 1] > 0).astype(np.int8)  # the label is "feature 0 or 1 present"
    coef, intercept = fit_svms(csr_matrix(dense), target[:, None], c=1.0, beta=0.5, balanced=False)
    predicted = (dense @ coef[0] + intercept[0]) > 0
    assert (predicted == target.astype(bool)).mean() > 0.95
    assert set(np.argsort(-coef[0])[:2]) == {0, 1}
