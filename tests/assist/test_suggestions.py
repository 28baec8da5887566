"""Label suggestions: proposed with a probability, decided by editors, never overwriting people."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils.html import escape

from rightstrack.assist.models import Decision, Head, LabelSuggestion
from rightstrack.assist.pipeline import AnalysisReport, analyse
from rightstrack.assist.suggestions import DecisionError, accept, reject, suggest
from rightstrack.core.percent import confidence
from rightstrack.portal.models import Membership, Role
from rightstrack.recommendations.models import ActionCategory, Recommendation, RecommendationTerm
from tests.conftest import shared_path


def _editor() -> User:
    user = User.objects.create_user("editor", "editor@example.org", "a-long-passphrase-1")
    Membership.objects.create(user=user, role=Role.EDITOR)
    return user


def _issue_model(rec: Recommendation) -> str:
    """The model that proposed the recommendation's issues."""
    return str(rec.suggestions.filter(head=Head.ISSUES).values_list("model", flat=True).first())


def _untagged_2014() -> Recommendation:
    return Recommendation.objects.get(
        review__cycle=2, text__startswith="Abolish the death penalty", recommending_states__code="FRA"
    )


def test_recommendations_without_labels_get_suggestions_with_probabilities(analysed: AnalysisReport) -> None:
    assert analysed.classified == Recommendation.objects.count()
    rec = _untagged_2014()
    suggested = {(s.head, s.value): s.probability for s in rec.suggestions.all()}
    assert suggested[(Head.ISSUES, "Death penalty")] > 0.5
    assert suggested[(Head.THEMES, "Death penalty")] > 0.5
    assert all(0 < p <= 1 for p in suggested.values())
    assert all(s.decision == Decision.PENDING and s.reason for s in rec.suggestions.all())
    # nothing was applied: the recommendation has no label until an editor accepts one
    assert not RecommendationTerm.objects.filter(recommendation=rec).exists()
    assert rec.action_category is None


def test_labels_a_document_gave_are_never_second_guessed(analysed: AnalysisReport) -> None:
    tagged = Recommendation.objects.filter(
        review__cycle=1, recommendationterm__term__vocabulary__code="upr-info-issues"
    )
    assert tagged.exists()
    assert not LabelSuggestion.objects.filter(recommendation__in=tagged, head=Head.ISSUES).exists()
    # the other vocabularies (UHRI themes...) are still proposed for them
    assert LabelSuggestion.objects.filter(recommendation__in=tagged, head=Head.THEMES).exists()


def test_an_accepted_label_is_marked_confirmed_by_a_person(analysed: AnalysisReport) -> None:
    editor = _editor()
    rec = _untagged_2014()
    issue = rec.suggestions.get(head=Head.ISSUES, value="Death penalty")
    action = rec.suggestions.get(head=Head.ACTION)
    accept(issue, editor)
    accept(action, editor)
    tag = RecommendationTerm.objects.get(recommendation=rec, term=issue.term)
    assert (tag.origin, tag.confirmed) == (RecommendationTerm.Origin.SUGGESTED, True)
    rec.refresh_from_db()
    assert rec.action_category == int(action.value)
    issue.refresh_from_db()
    assert (issue.decision, issue.decided_by) == (Decision.ACCEPTED, editor)
    with pytest.raises(DecisionError):
        reject(issue, editor)  # decided once


def test_a_rejected_suggestion_stays_rejected_after_retraining(
    analysed: AnalysisReport, tmp_path: Path
) -> None:
    from rightstrack.analysis.classify import Classifier
    from rightstrack.analysis.training import train

    editor = _editor()
    rec = _untagged_2014()
    rejected = rec.suggestions.get(head=Head.THEMES, value="Death penalty")
    reject(rejected, editor)
    pending_before = LabelSuggestion.objects.filter(decision=Decision.PENDING).count()

    # retrain (on a sample of the real training data, for time) and run the classifier again
    retrained = Classifier.load(
        train(shared_path("data"), out=tmp_path / "retrained.npz", sample=1500) and tmp_path / "retrained.npz"
    )
    report = analyse(classifier=retrained, relink="none")

    assert report.classified == Recommendation.objects.count()  # a new model: everything re-classified
    assert report.suggestions.kept_decided >= 1
    rejected.refresh_from_db()
    assert rejected.decision == Decision.REJECTED
    assert (
        rejected.model != LabelSuggestion.objects.filter(decision=Decision.PENDING).latest("updated_at").model
    )
    assert (
        LabelSuggestion.objects.filter(recommendation=rec, head=Head.THEMES, value="Death penalty").count()
        == 1
    )
    assert not RecommendationTerm.objects.filter(recommendation=rec, term=rejected.term).exists()
    assert LabelSuggestion.objects.filter(decision=Decision.PENDING).count() >= pending_before // 2


def test_running_the_same_model_again_changes_nothing(analysed: AnalysisReport) -> None:
    before = list(LabelSuggestion.objects.order_by("pk").values_list("pk", "probability", "model"))
    again = analyse(relink="none")
    assert (again.embedded, again.classified) == (0, 0)
    ids = list(Recommendation.objects.values_list("id", flat=True))
    made = suggest(ids)  # forced: the same suggestions, no duplicates
    assert made.created == 0
    assert list(LabelSuggestion.objects.order_by("pk").values_list("pk", "probability", "model")) == before


def test_an_action_category_is_shown_with_its_name_on_upr_infos_scale(analysed: AnalysisReport) -> None:
    rec = _untagged_2014()
    action = rec.suggestions.get(head=Head.ACTION)
    name = str(ActionCategory(int(action.value)).label)
    assert name.startswith(f"{action.value} – ") and "action" in name
    editor = Client()
    editor.force_login(_editor())
    url = f"/recommendations/{rec.pk}"
    assert escape(name) in editor.get(url).content.decode()  # the suggestion, before a decision
    response = editor.post(f"/portal/suggestions/{action.pk}/accept/", {"next": url}, follow=True)
    page = response.content.decode()
    assert escape(f"Accepted: Action category “{name}”.") in page
    assert page.count(escape(name)) >= 2  # the message and the recommendation's own field
    listing = editor.get("/recommendations", {"action_category": action.value}).content.decode()
    assert f'<option value="{action.value}" selected>{escape(name)}</option>' in listing


def test_editors_see_suggestions_with_their_confidence_and_decide_in_the_site(
    analysed: AnalysisReport,
) -> None:
    rec = _untagged_2014()
    url = f"/recommendations/{rec.pk}"
    visitor = Client()
    assert "Machine suggestions" not in visitor.get(url).content.decode()

    editor = Client()
    editor.force_login(_editor())
    page = editor.get(url).content.decode()
    assert "Machine suggestions" in page and "Death penalty" in page and "<meter" in page
    assert "the words that weigh most" in page and "“death”" in page  # the reason: the text's own words
    assert f"proposed by {_issue_model(rec)} from the recommendation" in page
    russian = editor.get(url, headers={"Accept-Language": "ru"}).content.decode()
    assert "слова, которые весят больше всего" in russian and "предложено моделью" in russian
    issue = rec.suggestions.get(head=Head.ISSUES, value="Death penalty")
    assert f"/portal/suggestions/{issue.pk}/accept/" in page
    assert escape(confidence(issue.probability)) in page  # "> 99 %" at most: never a certainty

    response = editor.post(f"/portal/suggestions/{issue.pk}/reject/", {"next": url})
    assert response.status_code == 302 and response["Location"] == url
    issue.refresh_from_db()
    assert issue.decision == Decision.REJECTED
    # a foreign "next" is not followed
    other = rec.suggestions.filter(decision=Decision.PENDING).first()
    assert other is not None
    response = editor.post(f"/portal/suggestions/{other.pk}/accept/", {"next": "https://evil.example/"})
    assert response["Location"] == url

    queue = editor.get("/portal/suggestions/?state=KAZ&head=issues&min=0.5").content.decode()
    waiting = LabelSuggestion.objects.filter(
        decision=Decision.PENDING, head=Head.ISSUES, probability__gte=0.5
    )
    assert f"{waiting.count()} suggestions wait for a decision" in queue
    # grouped by label: one row per label that waits, each leading to its preview
    labels = set(waiting.values_list("value", flat=True))
    assert queue.count("preview and decide") == min(len(labels), 50)
    most_probable = waiting.order_by("-probability", "recommendation_id", "head").first()
    assert most_probable is not None
    preview = editor.get(
        "/portal/suggestions/group/",
        {"state": "KAZ", "head": "issues", "min": "0.5", "key": f"issues:{most_probable.value}"},
    ).content.decode()
    assert f'value="{most_probable.pk}" checked' in preview
    assert f'value="{issue.pk}"' not in preview  # decided: out of the queue

    # the editor's own page says how many wait, and leads to the queue
    pending = LabelSuggestion.objects.filter(decision=Decision.PENDING).count()
    home = editor.get("/portal/").content.decode()
    assert f'<a href="/portal/suggestions/">{pending} machine suggestions wait for a decision.</a>' in home


def test_an_editor_decides_many_suggestions_at_once(analysed: AnalysisReport) -> None:
    editor = Client()
    editor.force_login(_editor())
    chosen = list(LabelSuggestion.objects.filter(head=Head.SDGS).order_by("-probability")[:5])
    response = editor.post(
        "/portal/suggestions/decide/",
        {"action": "accept", "suggestion": [s.pk for s in chosen], "next": "/portal/suggestions/?head=sdgs"},
    )
    assert response.status_code == 302 and response["Location"] == "/portal/suggestions/?head=sdgs"
    assert (
        LabelSuggestion.objects.filter(pk__in=[s.pk for s in chosen], decision=Decision.ACCEPTED).count() == 5
    )
    for s in chosen:
        assert RecommendationTerm.objects.filter(
            recommendation=s.recommendation, term=s.term, confirmed=True
        ).exists()
    page = editor.get("/portal/suggestions/?head=sdgs").content.decode()
    assert "5 suggestions accepted." in page
    assert "preview and decide" in page


@pytest.mark.django_db(transaction=True)
def test_two_labels_that_mean_one_term_give_one_suggestion(vocabularies: None) -> None:
    """Namibia's 3rd-cycle sheet has no year: its labels are read through the vocabularies' mapping, where
    "Cooperation with special procedures" and "… other international mechanisms" are one theme; the
    theme is suggested once, with the higher probability, and the analysis does not stop."""
    from typer.testing import CliRunner

    from rightstrack.cli.main import app

    sheet = shared_path("data", "evidence", "namibia", "assessment.csv")
    columns = "text=text,paragraph=paragraph,recommending=recommending_state,position=position,state:=NAM"
    result = CliRunner().invoke(app, ["import", str(sheet), "--columns", columns])
    assert result.exit_code == 0, result.stderr
    ids = list(Recommendation.objects.filter(review__state_id="NAM").values_list("pk", flat=True))
    report = suggest(ids)
    assert report.recommendations == len(ids) > 250
    cooperation = LabelSuggestion.objects.filter(
        head=Head.THEMES, value="Cooperation with human rights mechanisms & requests for technical assistance"
    )
    assert cooperation.exists()
    assert cooperation.count() == cooperation.values("recommendation").distinct().count()
