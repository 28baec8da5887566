"""The action-category cues tell general from specific actions; a calibrated SVM head stays linear."""

from __future__ import annotations

from rightstrack.analysis.features import clause_tokens, cue_tokens


def test_the_verb_is_crossed_with_its_object_so_adopting_measures_differs_from_adopting_a_law() -> None:
    measures = cue_tokens("Adopt all necessary measures to combat trafficking")
    law = cue_tokens("Adopt a law on domestic violence")
    assert "VO_adopt_measures" in measures
    assert "VO_adopt_law" in law
    assert "VLAW_adopt" in law and "VLAW_adopt" not in measures


def test_the_verb_after_continue_is_named() -> None:
    assert "CV_strengthen" in cue_tokens("Continue its efforts to further strengthen the ombudsman")


def test_a_named_instrument_year_or_acronym_marks_the_verb_as_having_a_specific_object() -> None:
    tokens = cue_tokens("Implement the 2012 Action Plan of the CEDAW Committee")
    assert {"VS_implement_year", "VS_implement_acr", "VS_implement_caps"} <= set(tokens)
    assert not any(token.startswith("VS_") for token in cue_tokens("Promote gender equality"))


def test_main_clause_tokens_stop_at_the_first_subordinate_clause() -> None:
    tokens = clause_tokens("Take measures to protect children, including by adopting a law")
    assert "M_protect" in tokens and "M_children" in tokens
    assert "M_adopting" not in tokens and "M_law" not in tokens
    assert "MP0_take" in tokens


def test_a_rescaled_head_gives_the_sigmoid_of_the_affine_score() -> None:
    import numpy as np
    from scipy.sparse import csr_matrix

    from rightstrack.analysis.linear import Head
    from rightstrack.analysis.training import rescaled

    coef = csr_matrix(np.array([[1.0, -2.0], [0.5, 0.0]], dtype=np.float32))
    head = Head("h", ("x", "y"), True, coef, np.array([0.1, -0.3], dtype=np.float32), np.full(2, 0.5))
    features = csr_matrix(np.array([[1.0, 0.5], [0.0, 1.0]], dtype=np.float32))
    raw = np.asarray((features @ coef.T).toarray()) + head.intercept
    expected = 1.0 / (1.0 + np.exp(-(2.0 * raw - 1.0)))
    assert np.allclose(rescaled(head, 2.0, -1.0).scores(features), expected, atol=1e-6)
