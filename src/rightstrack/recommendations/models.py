"""States, mechanisms, reviews, recommendations and the controlled vocabularies that tag them."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from rightstrack.core import positions
from rightstrack.core.mechanisms import MECHANISM_KINDS


class State(models.Model):
    """A State, keyed by its ISO 3166-1 alpha-3 code."""

    code = models.CharField(max_length=3, primary_key=True)
    name = models.CharField(max_length=200, help_text="UN short name.")
    variants = models.JSONField(default=list, blank=True)
    regional_group = models.CharField(max_length=32, blank=True, help_text="UN regional group, e.g. WEOG.")
    organisations = models.JSONField(default=list, blank=True, help_text="e.g. EU, OIC, AU.")

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Mechanism(models.Model):
    code = models.CharField(max_length=32, unique=True)
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=32, choices=list(MECHANISM_KINDS.items()))

    class Meta:
        ordering = ["code"]

    def __str__(self) -> str:
        return self.code


class Review(models.Model):
    """A State's review by a mechanism: a UPR cycle, or a treaty body's periodic report."""

    state = models.ForeignKey(State, on_delete=models.PROTECT, related_name="reviews")
    mechanism = models.ForeignKey(Mechanism, on_delete=models.PROTECT, related_name="reviews")
    cycle = models.PositiveSmallIntegerField(null=True, blank=True)
    session = models.PositiveSmallIntegerField(null=True, blank=True)
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    started_on = models.DateField(null=True, blank=True)
    adopted_on = models.DateField(null=True, blank=True)
    symbols = models.JSONField(default=list, blank=True, help_text="UN document symbols, e.g. A/HRC/14/10.")

    class Meta:
        ordering = ["state", "mechanism", "cycle"]
        constraints = [
            models.UniqueConstraint(fields=["state", "mechanism", "cycle"], name="one_review_per_cycle"),
        ]

    def __str__(self) -> str:
        """ "KAZ UPR cycle 2 (2014)" (the code, for logs, the admin and the command line); in another
        language as :meth:`named`: "Казахстан, UPR, цикл 2 (2014)"."""
        from django.utils.translation import get_language

        if not (get_language() or "en").startswith("en"):
            return self.named()
        cycle = f" cycle {self.cycle}" if self.cycle else ""
        name = f"{self.state_id} {self.mechanism.code}{cycle}"
        return f"{name} ({self.year})" if self.year else name

    def named(self) -> str:
        """The review as pages name it, the State by its UN name in the active language: "Denmark UPR
        cycle 3 (2021)", "Дания, UPR, цикл 3 (2021)"."""
        from django.utils.translation import get_language, gettext

        from rightstrack.core.state_names import state_name

        state = state_name(self.state_id, get_language() or "en", self.state_id)
        if self.cycle:
            name = gettext("%(state)s %(mechanism)s cycle %(cycle)s") % {
                "state": state,
                "mechanism": self.mechanism.code,
                "cycle": self.cycle,
            }
        else:
            name = f"{state}, {self.mechanism.code}"
        return f"{name} ({self.year})" if self.year else name


class Position(models.TextChoices):
    """The State's final position on a UPR recommendation (rightstrack.core.positions)."""

    SUPPORTED = positions.SUPPORTED, _("Supported")
    NOTED = positions.NOTED, _("Noted")
    SPLIT = positions.SPLIT, _("Supported/noted")
    PENDING = positions.PENDING, _("Not given")


class Stage(models.TextChoices):
    """The Working Group report's stage: how the State answered at the end of the dialogue."""

    SUPPORTED = positions.STAGE_SUPPORTED, _("supported")
    EXAMINE = positions.STAGE_EXAMINE, _("will be examined")
    NOTED = positions.STAGE_NOTED, _("noted")
    REJECTED = positions.STAGE_REJECTED, _("rejected")
    IMPLEMENTED = positions.STAGE_IMPLEMENTED, _("already implemented")
    IN_PROCESS = positions.STAGE_IN_PROCESS, _("in process of implementation")
    IMPLEMENTED_OR_IN_PROCESS = (
        positions.STAGE_IMPLEMENTED_OR_IN_PROCESS,
        _("already implemented or in process of implementation"),
    )
    NONE = "", _("not given")


class ActionCategory(models.IntegerChoices):
    """UPR Info's scale of how specific the action asked is, read from the main verb (1–5)."""

    MINIMAL = 1, _("1 – minimal action (share, seek assistance)")
    CONTINUING = 2, _("2 – continuing action (continue, maintain)")
    CONSIDERING = 3, _("3 – considering action (consider, review, explore)")
    GENERAL = 4, _("4 – general action (ensure, strengthen, take measures)")
    SPECIFIC = 5, _("5 – specific action (ratify, adopt, abolish, amend)")


class Recommendation(models.Model):
    review = models.ForeignKey(Review, on_delete=models.PROTECT, related_name="recommendations")
    text = models.TextField()
    recommending_states = models.ManyToManyField(State, blank=True, related_name="recommendations_made")
    response = models.CharField(
        max_length=32,
        choices=Position.choices,
        blank=True,
        default="",
        help_text="The State's final position (supported, noted, supported/noted); blank while pending.",
    )
    wg_stage = models.CharField(
        max_length=40,
        choices=Stage.choices,
        blank=True,
        default="",
        help_text="The Working Group report's stage.",
    )
    position_qualifier = models.CharField(
        max_length=40,
        choices=[(q, Stage(q).label) for q in positions.QUALIFIERS],
        blank=True,
        default="",
        help_text="Beside a supported position: already implemented, in process of implementation.",
    )
    position_conflict = models.BooleanField(
        default=False, db_index=True, help_text="Two documents state different positions."
    )
    text_variants = models.JSONField(
        default=list,
        blank=True,
        help_text="Other wordings of it in other documents (document, place, text, similarity).",
    )
    context = models.TextField(
        blank=True, help_text="Concluding observations: the committee's concern paragraphs before it."
    )
    follow_up_due = models.DateField(
        null=True, blank=True, help_text="Under the committee's follow-up procedure: information due by."
    )
    follow_up_due_text = models.CharField(max_length=100, blank=True, help_text="The deadline as written.")
    text_conflict = models.BooleanField(
        default=False, db_index=True, help_text="Another document words it differently, beyond formatting."
    )
    action_category = models.PositiveSmallIntegerField(null=True, blank=True, choices=ActionCategory.choices)
    group = models.CharField(
        max_length=100, blank=True, help_text="Recommendations answered together share a key, e.g. 5+57."
    )
    theme_heading = models.CharField(max_length=200, blank=True)
    terms: models.ManyToManyField[Term, RecommendationTerm] = models.ManyToManyField(
        "Term", through="RecommendationTerm", blank=True
    )
    sort_key = models.CharField(max_length=32, blank=True, help_text="Orders recommendations by number.")
    level = models.CharField(
        max_length=32,
        default="no answer",
        db_index=True,
        help_text="The IRI outcome from published assessments, kept up to date by the assessments app.",
    )
    level_score = models.DecimalField(max_digits=5, decimal_places=4, null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["review", "sort_key", "id"]
        indexes = [models.Index(fields=["review", "sort_key"])]

    def __str__(self) -> str:
        return f"{self.review}: {self.text[:60]}"

    @property
    def position_label(self) -> str:
        """The position as people read it: "Supported (already implemented)", "Pending (will be examined)"."""
        if not self.response:
            if self.wg_stage == positions.STAGE_EXAMINE:
                return str(_("Pending (will be examined)"))
            return ""
        label = str(Position(self.response).label)
        if self.position_qualifier:
            return f"{label} ({Stage(self.position_qualifier).label})"
        return label


class RecommendationRef(models.Model):
    """A recommendation's number in one source's numbering (UPR Info n° 57, OHCHR paragraph 95.1)."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="refs")
    recommendation = models.ForeignKey(Recommendation, on_delete=models.CASCADE, related_name="refs")
    scheme = models.CharField(max_length=64)
    value = models.CharField(max_length=32)
    part = models.CharField(
        max_length=4, blank=True, help_text="When one paragraph holds several recommendations: a, b..."
    )
    state = models.ForeignKey(
        State,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        help_text="For numberings per recommending State (UPR Info): the State this number is for.",
    )

    class Meta:
        ordering = ["scheme", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["review", "scheme", "value", "part"], name="one_recommendation_per_ref"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.scheme} {self.value}{self.part}"


class Vocabulary(models.Model):
    """A controlled list of labels with a version. Imports never add to it silently."""

    code = models.CharField(max_length=64)
    version = models.CharField(max_length=32)
    name = models.CharField(max_length=200)
    source = models.CharField(max_length=500, blank=True)

    class Meta:
        verbose_name_plural = "vocabularies"
        constraints = [models.UniqueConstraint(fields=["code", "version"], name="one_vocabulary_version")]

    def __str__(self) -> str:
        return f"{self.name} ({self.version})"


class Term(models.Model):
    """A label of a vocabulary version; or, ``unmatched``, a label a document used that no version of
    the vocabulary holds, kept on the records that use it until an editor maps it or adds it."""

    vocabulary = models.ForeignKey(Vocabulary, on_delete=models.CASCADE, related_name="terms")
    label = models.CharField(max_length=200)
    code = models.CharField(max_length=32, blank=True)
    unmatched = models.BooleanField(
        default=False, help_text="A document's label that is not in the vocabulary (kept as written)."
    )
    previous = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="continued_by",
        help_text="The terms of an earlier version of the vocabulary that this term continues.",
    )
    mapped_to = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="mapped_from",
        help_text="For an unmatched label: the term an editor mapped it to.",
    )

    class Meta:
        ordering = ["label"]
        constraints = [
            models.UniqueConstraint(fields=["vocabulary", "label"], name="one_label_per_vocabulary")
        ]

    def __str__(self) -> str:
        return f"{self.label} (not in the vocabulary)" if self.unmatched else self.label

    @property
    def exported_under(self) -> str:
        """The key exports file the term under: its vocabulary's code, ``<code>-unmatched`` when it is
        a label the vocabulary does not hold (the same key the parsers use)."""
        return f"{self.vocabulary.code}-unmatched" if self.unmatched else self.vocabulary.code


class TermMapping(models.Model):
    """History: what an editor did with an unmatched label (mapped it to a term, or added it to a new
    version of its vocabulary), and how many recommendations were re-tagged."""

    class Action(models.TextChoices):
        MAPPED = "mapped", "Mapped to a known term"
        ADDED = "added", "Added to a new vocabulary version"

    term = models.ForeignKey(Term, on_delete=models.CASCADE, related_name="mappings")
    target = models.ForeignKey(Term, on_delete=models.PROTECT, related_name="+")
    action = models.CharField(max_length=16, choices=Action.choices)
    retagged = models.PositiveIntegerField(default=0)
    editor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"{self.term.label} → {self.target} ({self.action})"


class TermAlias(models.Model):
    """Another spelling of a term that documents use ("Detention conditions" for "Detention")."""

    term = models.ForeignKey(Term, on_delete=models.CASCADE, related_name="aliases")
    alias = models.CharField(max_length=200)

    class Meta:
        verbose_name_plural = "term aliases"
        constraints = [models.UniqueConstraint(fields=["term", "alias"], name="one_alias_per_term")]

    def __str__(self) -> str:
        return f"{self.alias} → {self.term}"


class RecommendationTerm(models.Model):
    class Origin(models.TextChoices):
        DOCUMENT = "document", "From the source document"
        EDITOR = "editor", "Set by an editor"
        SUGGESTED = "suggested", "Suggested by a classifier"

    recommendation = models.ForeignKey(Recommendation, on_delete=models.CASCADE)
    term = models.ForeignKey(Term, on_delete=models.PROTECT)
    origin = models.CharField(max_length=16, choices=Origin.choices, default=Origin.DOCUMENT)
    confirmed = models.BooleanField(default=True, help_text="Confirmed by a person or a document.")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["recommendation", "term"], name="one_tag_per_term")]

    def __str__(self) -> str:
        return f"{self.recommendation_id} {self.term}"


class RecommendationLink(models.Model):
    """Two recommendations that ask the same thing (across cycles or mechanisms), with a score."""

    source = models.ForeignKey(Recommendation, on_delete=models.CASCADE, related_name="links_out")
    target = models.ForeignKey(Recommendation, on_delete=models.CASCADE, related_name="links_in")
    kind = models.CharField(max_length=32, default="similar")
    score = models.FloatField(null=True, blank=True, help_text="1.0 when a document states the link.")
    origin = models.CharField(max_length=100, blank=True, help_text="Document or method that made the link.")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["source", "target", "kind"], name="one_link_per_pair_and_kind")
        ]

    def __str__(self) -> str:
        return f"{self.source_id} ~ {self.target_id} ({self.kind})"
