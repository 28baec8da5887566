"""Forms of the editors' spreadsheet import: the upload, then the mapping of fields to columns."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from rightstrack.core.errors import DocumentRejected
from rightstrack.ingest.sources.mapped_sheet.mapping import FIELDS, Mapping, make
from rightstrack.portal.forms import MAX_UPLOAD

#: What each field of :mod:`rightstrack.ingest.sources.mapped_sheet.mapping` is, for the editor.
FIELD_LABELS: dict[str, Any] = {
    "text": _("Recommendation text"),
    "state": _("State under review"),
    "paragraph": _("Paragraph number"),
    "position": _("Position (the State's answer)"),
    "recommending": _("Recommending State(s)"),
    "mechanism": _("Mechanism (UPR if empty)"),
    "symbol": _("Document symbol"),
    "session": _("UPR session"),
    "cycle": _("Cycle"),
    "year": _("Year"),
    "theme": _("Theme (the heading it is filed under)"),
}


class SpreadsheetUploadForm(forms.Form):
    sheet = forms.FileField(label=_("Spreadsheet of recommendations (.xlsx or .csv)"))

    def clean_sheet(self) -> Any:
        upload = self.cleaned_data["sheet"]
        if upload.size > MAX_UPLOAD:
            raise ValidationError(
                _("The file is %(size)s bytes; the limit is %(limit)s bytes.")
                % {"size": f"{upload.size:,}", "limit": f"{MAX_UPLOAD:,}"}
            )
        name = upload.name.lower()
        if not name.endswith((".xlsx", ".csv")):
            raise ValidationError(_("Upload an Excel sheet (.xlsx) or a CSV file (.csv)."))
        head = upload.read(4096)
        upload.seek(0)
        if name.endswith(".xlsx") and not head.startswith(b"PK\x03\x04"):
            raise ValidationError(_("This is not an Excel (.xlsx) file."))
        if name.endswith(".csv") and (head.startswith(b"PK\x03\x04") or b"\x00" in head):
            raise ValidationError(_("This is not a CSV text file."))
        return upload


class MappingForm(forms.Form):
    """For each field: the column that holds it, or one value for every row."""

    def __init__(self, headers: Sequence[str], proposed: dict[str, str], *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.proposed = proposed
        columns = [("", _("— none —"))] + [(h, h) for h in dict.fromkeys(headers) if h]
        for name in FIELDS:
            self.fields[f"column_{name}"] = forms.ChoiceField(
                choices=columns, required=False, label=FIELD_LABELS[name]
            )
            self.fields[f"value_{name}"] = forms.CharField(
                max_length=200, required=False, label=_("or one value for every row")
            )

    def rows(self) -> list[tuple[str, Any, forms.BoundField, forms.BoundField, str]]:
        """(field, label, its column select, its value input, the column proposed), in the mapping's order."""
        proposed = self.proposed
        return [
            (name, FIELD_LABELS[name], self[f"column_{name}"], self[f"value_{name}"], proposed.get(name, ""))
            for name in FIELDS
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        columns = {name: data.get(f"column_{name}") or "" for name in FIELDS}
        values = {name: data.get(f"value_{name}") or "" for name in FIELDS}
        try:
            data["mapping"] = make(columns, values)
        except DocumentRejected as error:
            raise ValidationError(error.reason) from None
        return data

    @property
    def mapping(self) -> Mapping:
        mapping: Mapping = self.cleaned_data["mapping"]
        return mapping


def initial_for(proposed: dict[str, str]) -> dict[str, str]:
    """The form's initial values from a proposed mapping (field → header)."""
    return {f"column_{name}": header for name, header in proposed.items()}
