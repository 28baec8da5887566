"""The editors' import of evidence documents: the web face of ``rightstrack import FILE``.

A review's national report, UN compilation and stakeholders' summary (``A/HRC/WG.6/NN/XXX/1|2|3``,
read as ``--kind upr-evidence``), or any other evidence (an NHRI's report, an NGO's submission) read
as ``--kind evidence-document`` about the State the editor names, under the title and with the author
the editor gives. The files of one submission go through the CLI's own
:func:`rightstrack.documents.importing.import_files`, all or nothing; after it, the worker links the
evidence to the State's recommendations as it does after the command.
"""

from __future__ import annotations

import hashlib
import tempfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from rightstrack.core.evidence import EvidenceSource
from rightstrack.core.records import Place
from rightstrack.core.state_names import state_name
from rightstrack.core.states import all_states
from rightstrack.documents.importing import UPLOAD_WAIT_SECONDS, ImportBusy, ImportFailed, import_files
from rightstrack.evidence.decisions import SOURCE_KINDS
from rightstrack.evidence.models import EvidenceDocument, EvidenceLink
from rightstrack.ingest.registry import Source, evidence_source
from rightstrack.ingest.sources.upr_evidence.parser import KIND as UPR_EVIDENCE
from rightstrack.portal import permissions
from rightstrack.portal.forms import MAX_UPLOAD
from rightstrack.recommendations.models import Recommendation

#: Files one submission may hold (a review's three documents, with room for a few more).
MAX_FILES = 10
#: How each accepted file name ends, and what its first bytes must be.
SUFFIXES = (".txt", ".pdf", ".docx")
UPR, OTHER = "upr", "other"


class _MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class _MultipleFileField(forms.FileField):
    """One or more files (Django's documented pattern): the cleaned value is a list."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", _MultipleFileInput(attrs={"accept": ",".join(SUFFIXES)}))
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        items = data if isinstance(data, (list, tuple)) else [data]
        return [super(_MultipleFileField, self).clean(item, initial) for item in items]


def _state_choices() -> list[tuple[str, str]]:
    language = (get_language() or "en")[:2]
    named = [(state.code, state_name(state.code, language, state.name)) for state in all_states()]
    return [("", gettext("— choose —")), *sorted(named, key=lambda choice: choice[1].casefold())]


class EvidenceUploadForm(forms.Form):
    documents = _MultipleFileField(
        label=_("Documents (.txt, .pdf or .docx)"),
    )
    reading = forms.ChoiceField(
        label=_("What they are"),
        widget=forms.RadioSelect,
        initial=UPR,
        choices=[
            (UPR, _("UPR review documents (each detected from its symbol A/HRC/WG.6/NN/XXX/1, /2 or /3)")),
            (OTHER, _("Another evidence document (an NHRI's report, an NGO's submission…)")),
        ],
    )
    state = forms.ChoiceField(label=_("State it is about"), required=False)
    title = forms.CharField(
        label=_("Title"),
        max_length=300,
        required=False,
        help_text=_("Empty: the document's first line."),
    )
    author = forms.CharField(
        label=_("Author"),
        max_length=200,
        required=False,
        help_text=_("Who wrote it: the source every paragraph is quoted from."),
    )
    author_kind = forms.ChoiceField(
        label=_("Kind of author"),
        required=False,
        choices=[("", _("— not said —")), *SOURCE_KINDS.items()],
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["state"].choices = _state_choices()  # type: ignore[attr-defined]
        self.fields["documents"].help_text = gettext("One or more files, at most %(mb)d MB each.") % {
            "mb": MAX_UPLOAD // 2**20
        }

    def clean_documents(self) -> list[UploadedFile[Any]]:
        files: list[UploadedFile[Any]] = self.cleaned_data["documents"]
        if len(files) > MAX_FILES:
            raise ValidationError(
                gettext("At most %(n)d files at a time; this submission has %(count)d.")
                % {"n": MAX_FILES, "count": len(files)}
            )
        return files

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("reading") != OTHER:
            return data
        if not data.get("state"):
            self.add_error("state", gettext("Choose the State the document is about."))
        if data.get("author_kind") and not data.get("author", "").strip():
            self.add_error("author", gettext("Name the author whose kind you chose."))
        if data.get("title", "").strip() and len(data.get("documents") or []) > 1:
            self.add_error(
                "title", gettext("A title names one document: upload one file, or leave it empty.")
            )
        return data

    def source(self) -> Source | None:
        """The source that reads every file: None for the UPR documents (named by their kind), else the
        described evidence document's."""
        data = self.cleaned_data
        if data["reading"] != OTHER:
            return None
        author = data["author"].strip()
        given = EvidenceSource(author, data["author_kind"]) if author else None
        return evidence_source(data["state"], data["title"], given)


@dataclass(frozen=True)
class Refusal:
    """One refused file: its name, the place in it and the reason (nothing of the submission is written)."""

    name: str
    place: str
    reason: str


def place_of(place: Place | None) -> str:
    """The place of a refusal as the page says it: page, paragraph, row, cell, line (and the section)."""
    if place is None:
        return gettext("the whole file")
    parts = []
    if place.page is not None:
        parts.append(gettext("page %(n)s") % {"n": place.page})
    if place.paragraph:
        parts.append(gettext("paragraph %(n)s") % {"n": place.paragraph})
    if place.row is not None:
        parts.append(gettext("row %(n)d") % {"n": place.row})
    if place.cell:
        parts.append(gettext("cell %(n)s") % {"n": place.cell})
    if place.line is not None:
        parts.append(gettext("line %(n)d") % {"n": place.line})
    text = ", ".join(parts) or gettext("the whole file")
    return f"{text} ({place.section})" if place.section else text


def checked(upload: UploadedFile[Any]) -> Refusal | None:
    """A file the page refuses before reading it: too big, not named .txt/.pdf/.docx, or not what its
    name says (a PDF begins with ``%PDF-``, a Word file is a ZIP package)."""
    name = str(upload.name)
    size = upload.size or 0
    if size > MAX_UPLOAD:
        reason = gettext("The file is %(size)s bytes; the limit is %(limit)s bytes.") % {
            "size": f"{size:,}",
            "limit": f"{MAX_UPLOAD:,}",
        }
        return Refusal(name, place_of(None), reason)
    suffix = Path(name).suffix.lower()
    if suffix not in SUFFIXES:
        return Refusal(name, place_of(None), gettext("upload a .txt, .pdf or .docx file"))
    head = upload.read(8)
    upload.seek(0)
    if suffix == ".pdf" and not head.startswith(b"%PDF-"):
        reason = gettext("the file is named .pdf but is not a PDF: a PDF begins with “%PDF-”")
        return Refusal(name, place_of(Place(line=1)), reason)
    if suffix == ".docx" and not head.startswith(b"PK\x03\x04"):
        reason = gettext("the file is named .docx but is not a Word document (.docx is a ZIP package)")
        return Refusal(name, place_of(Place(line=1)), reason)
    return None


def _written(uploads: Sequence[UploadedFile[Any]], folder: Path) -> list[Path]:
    """Each upload under its own name (a folder each: two files may share a name)."""
    paths = []
    for index, upload in enumerate(uploads):
        name = Path(str(upload.name).replace("\\", "/")).name.strip()[:200]
        if not name or name.startswith("."):
            name = "upload" + Path(name).suffix.lower()
        path = folder / str(index) / name
        path.parent.mkdir()
        with path.open("wb") as out:
            for chunk in upload.chunks():
                out.write(chunk)
        paths.append(path)
    return paths


@login_required
def upload(request: HttpRequest) -> HttpResponse:
    """Upload, check, import all or nothing; then what was imported and where the linking stands."""
    permissions.require_editor(request.user)
    form = EvidenceUploadForm(request.POST or None, request.FILES or None)
    context: dict[str, Any] = {"form": form, "max_files": MAX_FILES}
    if request.method != "POST" or not form.is_valid():
        return render(request, "portal/evidence_import.html", context)
    uploads: list[UploadedFile[Any]] = form.cleaned_data["documents"]
    refusals = [refusal for refusal in map(checked, uploads) if refusal is not None]
    if refusals:
        context["refusals"] = refusals
        return render(request, "portal/evidence_import.html", context, status=400)
    source = form.source()
    with tempfile.TemporaryDirectory(prefix="evidence-upload-") as folder:
        paths = _written(uploads, Path(folder))
        digests = [hashlib.sha256(path.read_bytes()).hexdigest() for path in paths]
        try:
            reports = import_files(
                paths,
                kind=UPR_EVIDENCE if source is None else None,
                actor=request.user.get_username(),
                source=source,
                wait=UPLOAD_WAIT_SECONDS,
            )
        except ImportFailed as failure:
            error = failure.error
            context["refusals"] = [Refusal(failure.path.name, place_of(error.place), error.reason)]
            context["busy"] = isinstance(failure, ImportBusy)
            return render(
                request, "portal/evidence_import.html", context, status=503 if context["busy"] else 400
            )
    unchanged = {report.path: report.unchanged for report in reports}
    documents = _imported(paths, digests, unchanged)
    return render(
        request,
        "portal/evidence_done.html",
        {"documents": documents, "linking": _linking(documents)},
    )


@dataclass(frozen=True)
class Imported:
    """One file of the submission and the evidence document it is (new, or imported before)."""

    name: str
    unchanged: bool
    document: EvidenceDocument | None
    paragraphs: int
    sources: list[tuple[str, str, int]]  # (name, kind as the page says it, paragraphs naming it)
    state: str  # the name of the State it is about, in the page's language ("" when none)


def _imported(paths: Sequence[Path], digests: Sequence[str], unchanged: dict[str, bool]) -> list[Imported]:
    found = {
        document.source.sha256: document
        for document in EvidenceDocument.objects.filter(source__sha256__in=digests).select_related("source")
    }
    language = (get_language() or "en")[:2]
    listed: list[Imported] = []
    for path, digest in zip(paths, digests, strict=True):
        document = found.get(digest)
        named: Counter[tuple[str, str]] = Counter()
        count = 0
        if document is not None:
            for sources in document.paragraphs.values_list("sources", flat=True):
                count += 1
                named.update({(str(s.get("name", "")), str(s.get("kind", ""))) for s in sources})
        sources = [
            (name, str(SOURCE_KINDS.get(kind, "")), n)
            for (name, kind), n in sorted(named.items(), key=lambda item: (-item[1], item[0]))
        ]
        # a file sent twice in one submission is read once: its second copy changes nothing
        code = document.state if document is not None else ""
        state = state_name(code, language, code) if code else ""
        listed.append(Imported(path.name, unchanged.get(str(path), True), document, count, sources, state))
    return listed


@dataclass(frozen=True)
class Linking:
    """Where the linking of one State's evidence stands after the import."""

    state: str
    name: str
    links: int  # suggested links of the submission's documents so far
    recommendations: bool  # the State has recommendations to link to


def _linking(documents: Sequence[Imported]) -> dict[str, Any]:
    """Per State of the new documents: the links made so far (the worker may not have run yet)."""
    language = (get_language() or "en")[:2]
    new = [item.document for item in documents if item.document is not None and not item.unchanged]
    states = sorted({document.state for document in new if document.state})
    rows = []
    for code in states:
        ids = [document.pk for document in new if document.state == code]
        links = EvidenceLink.objects.filter(paragraph__document_id__in=ids).count()
        has = Recommendation.objects.filter(review__state_id=code).exists()
        rows.append(Linking(code, state_name(code, language, code), links, has))
    return {"on": bool(settings.RIGHTSTRACK_MACHINE_HELP), "states": rows, "new": bool(new)}
