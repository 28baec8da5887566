"""Personas (anonymous, viewer, contributors of organisations A and B, editor, administrator) and a
small world for them to act on: one review, three recommendations, a draft of A, a published
assessment of B, a campaign and an open invitation."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from rightstrack.assessments.models import (
    Assessment,
    FollowUpCampaign,
    Grade,
    Stakeholder,
    Status,
)
from rightstrack.assist.models import Head, LabelSuggestion
from rightstrack.documents.models import SourceDocument
from rightstrack.evidence.models import EvidenceDocument, EvidenceLink, EvidenceParagraph
from rightstrack.portal.models import Invitation, Membership, Role
from rightstrack.recommendations.models import Mechanism, Recommendation, Review, State

PASSWORD = "a-long-passphrase-1"
PERSONAS = ("anonymous", "viewer", "contributor_a", "contributor_b", "editor", "admin")


@pytest.fixture(autouse=True)
def fast_passwords(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def no_sign_in_failures() -> Iterator[None]:
    """The sign-in lockout counts failures in the cache: start and end each test with none."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def organisation_a(db: None) -> Stakeholder:
    return Stakeholder.objects.create(name="Organisation A", acronym="OA", kind="ngo")


@pytest.fixture
def organisation_b(db: None) -> Stakeholder:
    return Stakeholder.objects.create(name="Organisation B", acronym="OB", kind="ngo")


def _member(username: str, role: Role | None, organisation: Stakeholder | None = None) -> User:
    user = User.objects.create_user(username, f"{username}@example.org", PASSWORD)
    if role is not None:
        Membership.objects.create(user=user, role=role, organisation=organisation)
    return user


@pytest.fixture
def anonymous() -> None:
    return None


@pytest.fixture
def viewer(db: None) -> User:
    return _member("viewer", Role.VIEWER)


@pytest.fixture
def contributor_a(organisation_a: Stakeholder) -> User:
    return _member("contributor-a", Role.CONTRIBUTOR, organisation_a)


@pytest.fixture
def contributor_b(organisation_b: Stakeholder) -> User:
    return _member("contributor-b", Role.CONTRIBUTOR, organisation_b)


@pytest.fixture
def editor(db: None) -> User:
    return _member("editor", Role.EDITOR)


@pytest.fixture
def administrator(db: None) -> User:
    return User.objects.create_superuser("administrator", "admin@example.org", PASSWORD)


@pytest.fixture
def personas(
    anonymous: None,
    viewer: User,
    contributor_a: User,
    contributor_b: User,
    editor: User,
    administrator: User,
) -> dict[str, User | None]:
    return {
        "anonymous": anonymous,
        "viewer": viewer,
        "contributor_a": contributor_a,
        "contributor_b": contributor_b,
        "editor": editor,
        "admin": administrator,
    }


def iri(code: str) -> Grade:
    return Grade.objects.get(scheme__code="iri", code=code)


@dataclass
class World:
    review: Review
    recommendation: Recommendation  # organisation A has a draft on it
    other: Recommendation  # organisation B's published assessment is on it
    fresh: Recommendation  # nobody assessed it yet
    organisation_a: Stakeholder
    organisation_b: Stakeholder
    draft_a: Assessment
    published: Assessment
    campaign: FollowUpCampaign
    invitation: Invitation
    suggestion: LabelSuggestion  # a classifier's pending suggestion on ``fresh``
    evidence: EvidenceLink  # a pending evidence link on ``fresh``


@pytest.fixture
def world(organisation_a: Stakeholder, organisation_b: Stakeholder) -> World:
    review = Review.objects.create(
        state=State.objects.get(code="KAZ"), mechanism=Mechanism.objects.get(code="UPR"), cycle=1, year=2010
    )
    recommendations = [
        Recommendation.objects.create(review=review, text=text, sort_key=f"{n:04d}")
        for n, text in enumerate(("Abolish the death penalty", "Ratify OP-CAT", "Protect journalists"), 1)
    ]
    draft_a = Assessment.private_objects.create(
        recommendation=recommendations[0],
        stakeholder=organisation_a,
        grade=iri("not"),
        original_text="DRAFT OF A: not done yet",
        status=Status.DRAFT,
    )
    published = Assessment.private_objects.create(
        recommendation=recommendations[1],
        stakeholder=organisation_b,
        grade=iri("fully"),
        original_text="Ratified in 2008.",
        status=Status.PUBLISHED,
    )
    programme = Stakeholder.objects.create(name="Follow-up programme", kind="follow_up_programme")
    campaign = FollowUpCampaign.objects.create(review=review, programme=programme, is_open=True)
    invitation = Invitation.objects.create(email="new@example.org", role=Role.VIEWER)
    suggestion = LabelSuggestion.objects.create(
        recommendation=recommendations[2], head=Head.ACTION, value="4", probability=0.8, model="test"
    )
    evidence = _evidence_link(recommendations[2])
    return World(
        review=review,
        recommendation=recommendations[0],
        other=recommendations[1],
        fresh=recommendations[2],
        organisation_a=organisation_a,
        organisation_b=organisation_b,
        draft_a=draft_a,
        published=published,
        campaign=campaign,
        invitation=invitation,
        suggestion=suggestion,
        evidence=evidence,
    )


def _evidence_link(recommendation: Recommendation) -> EvidenceLink:
    source = SourceDocument.objects.create(kind="upr-evidence", name="report.txt", sha256="e" * 64, size=1)
    document = EvidenceDocument.objects.create(
        source=source, kind="national-report", state="KAZ", symbol="A/HRC/WG.6/20/KAZ/1", title="Report"
    )
    paragraph = EvidenceParagraph.objects.create(
        document=document, number="5", text="Journalists are protected by the new media law."
    )
    return EvidenceLink.objects.create(recommendation=recommendation, paragraph=paragraph, score=0.5, rank=1)


def token_client(user: User) -> APIClient:
    """A client that authenticates with the user's API token, as a script would."""
    client = APIClient()
    token, _ = Token.objects.get_or_create(user=user)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client
