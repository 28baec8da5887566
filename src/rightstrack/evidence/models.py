"""Evidence documents, their numbered paragraphs, and the links an editor confirms or rejects.

A paragraph keeps its words, heading and the sources it names with their kind (State, UN, NHRI,
civil society, regional), so that what the State says and what the UN or civil society says about a
recommendation can be told apart. A link keeps its score and its reason; an editor's decision and
every change of it stay in its history, and a rejected link is never suggested again.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from rightstrack.core.evidence import without_note_marks
from rightstrack.documents.models import SourceDocument


class EvidenceDocument(models.Model):
    """One imported evidence document; its provenance (file, SHA-256) is its :class:`SourceDocument`."""

    source = models.OneToOneField(SourceDocument, on_delete=models.CASCADE, related_name="evidence")
    kind = models.CharField(
        max_length=32, help_text="national-report, compilation, stakeholders-summary, evidence"
    )
    state = models.CharField(
        max_length=3, blank=True, help_text="ISO 3166-1 alpha-3 of the State it is about."
    )
    symbol = models.CharField(max_length=100, blank=True)
    session = models.PositiveSmallIntegerField(null=True, blank=True)
    title = models.CharField(max_length=500)
    published_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["symbol", "id"]

    def __str__(self) -> str:
        return self.symbol or self.title


class EvidenceParagraph(models.Model):
    document = models.ForeignKey(EvidenceDocument, on_delete=models.CASCADE, related_name="paragraphs")
    number = models.CharField(max_length=16)
    heading = models.CharField(max_length=1000, blank=True)
    text = models.TextField()
    line = models.PositiveIntegerField(null=True, blank=True)
    sources = models.JSONField(
        default=list, blank=True, help_text="[{name, kind, acronym}] as the paragraph names them."
    )
    cited = models.JSONField(
        default=list, blank=True, help_text="Recommendations the document says it follows up here."
    )
    notes = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["document", "id"]
        constraints = [
            models.UniqueConstraint(fields=["document", "number"], name="one_evidence_paragraph_number")
        ]

    def __str__(self) -> str:
        return f"{self.document} para. {self.number}"

    @property
    def reading_text(self) -> str:
        """The paragraph as the printed page reads, without its notes' numbers (``text`` keeps them)."""
        return without_note_marks(self.text, [str(note) for note in self.notes])

    def source_kinds(self) -> list[str]:
        return sorted({str(source.get("kind", "")) for source in self.sources if source.get("kind")})

    def source_names(self) -> str:
        return ", ".join(str(source.get("name", "")) for source in self.sources)


class Decision(models.TextChoices):
    PENDING = "pending", _("pending")
    CONFIRMED = "confirmed", _("confirmed")
    REJECTED = "rejected", _("rejected")


class EvidenceLink(models.Model):
    """A paragraph that speaks to a recommendation, as the linker ranked it and an editor decided."""

    recommendation = models.ForeignKey(
        "recommendations.Recommendation", on_delete=models.CASCADE, related_name="evidence_links"
    )
    paragraph = models.ForeignKey(EvidenceParagraph, on_delete=models.CASCADE, related_name="links")
    score = models.FloatField()
    rank = models.PositiveSmallIntegerField(default=0)
    reason = models.TextField(blank=True)
    decision = models.CharField(max_length=16, choices=Decision.choices, default=Decision.PENDING)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    decided_at = models.DateTimeField(null=True, blank=True)
    history = models.JSONField(default=list, blank=True, help_text="Every change: when, who, what.")

    class Meta:
        ordering = ["recommendation", "rank", "-score"]
        constraints = [
            models.UniqueConstraint(fields=["recommendation", "paragraph"], name="one_evidence_link_per_pair")
        ]

    def __str__(self) -> str:
        return f"{self.recommendation_id} ← {self.paragraph}"


LEVEL_NAMES = {
    "fully": _("fully implemented"),
    "partially": _("partially implemented"),
    "not": _("not implemented"),
}


class SuggestedLevel(models.Model):
    """The implementation level one source kind's linked paragraphs suggest for a recommendation.

    Read by machine from the evidence (``rightstrack.evidence.suggesting``), never an assessment: it is
    shown as "suggested" with its confidence and the paragraphs it rests on, and recomputed after every
    linking and every editor's decision on a link.
    """

    recommendation = models.ForeignKey(
        "recommendations.Recommendation", on_delete=models.CASCADE, related_name="suggested_levels"
    )
    kind = models.CharField(max_length=32, help_text="state, un, nhri, civil-society, regional")
    level = models.CharField(max_length=16, help_text="fully, partially or not (IRI levels)")
    confidence = models.FloatField()
    basis = models.CharField(
        max_length=16, choices=Decision.choices, help_text="confirmed links, or the linker's pending ones"
    )
    reason = models.TextField(blank=True)
    quotes = models.JSONField(
        default=list, help_text="[{paragraph (id), document, number, quote, level, confidence}]"
    )
    computed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["recommendation", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["recommendation", "kind"], name="one_suggested_level_per_kind")
        ]

    def __str__(self) -> str:
        return f"{self.recommendation_id} {self.kind}: {self.level} (suggested, {self.confidence:.2f})"

    @property
    def kind_label(self) -> str:
        from rightstrack.evidence.decisions import SOURCE_KINDS

        return str(SOURCE_KINDS.get(self.kind, self.kind))

    @property
    def level_label(self) -> str:
        return str(LEVEL_NAMES.get(self.level, self.level))
