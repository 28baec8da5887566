from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from rightstrack.assessments.models import Grade, Stakeholder
from rightstrack.portal.models import Role

MAX_UPLOAD = 5 * 1024 * 1024


class GradeField(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Grade) -> str:
        return gettext(obj.label)  # the IRI levels are in the catalogue


class AssessmentForm(forms.Form):
    """What a contributor says of one recommendation."""

    grade = GradeField(
        queryset=Grade.objects.filter(scheme__code="iri"),
        required=False,
        empty_label=_("no information"),
        label=_("Implementation level"),
    )
    original_text = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 6}), label=_("Comment"), required=False
    )
    source_note = forms.CharField(max_length=500, required=False, label=_("Source (link or document)"))
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class ModerationForm(forms.Form):
    """What an editor may change: the public text, never the contributor's own words."""

    public_text = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 6}),
        required=False,
        label=_("Public text"),
        help_text=_("Leave empty to publish the contributor's own words."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput)


class UploadForm(forms.Form):
    sheet = forms.FileField(label=_("Filled sheet (.xlsx)"))

    def clean_sheet(self) -> Any:
        upload = self.cleaned_data["sheet"]
        if upload.size > MAX_UPLOAD:
            raise ValidationError(f"The file is {upload.size:,} bytes; the limit is {MAX_UPLOAD:,} bytes.")
        if not upload.name.lower().endswith(".xlsx"):
            raise ValidationError("Upload the Excel sheet (.xlsx) you were sent.")
        head = upload.read(4)
        upload.seek(0)
        if head != b"PK\x03\x04":
            raise ValidationError("This is not an Excel (.xlsx) file.")
        return upload


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("Email"))
    role = forms.ChoiceField(label=_("Role"), choices=[(r.value, r.label) for r in Role if r != Role.ADMIN])
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Stakeholder.objects.all(), required=False
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("role") == Role.CONTRIBUTOR and not data.get("organisation"):
            raise ValidationError(_("A contributor works for one organisation: choose it."))
        return data


class AcceptForm(forms.Form):
    username = forms.CharField(label=_("User name"), max_length=150)
    password = forms.CharField(label=_("Password"), widget=forms.PasswordInput, min_length=10)


class CampaignForm(forms.Form):
    deadline = forms.DateField(
        label=_("Deadline"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )


class ContactForm(forms.Form):
    stakeholder = forms.ModelChoiceField(label=_("Stakeholder"), queryset=Stakeholder.objects.all())
    email = forms.EmailField(label=_("Email"), required=False)
