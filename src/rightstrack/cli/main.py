"""The ``rightstrack`` command: a thin layer over the core and the store."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
import typer.core
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from rightstrack.core.stakeholders import STAKEHOLDER_KINDS

app = typer.Typer(
    help="RightsTrack: follow up human rights recommendations.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
vocab_app = typer.Typer(help="Controlled vocabularies (UPR Info issues...).", no_args_is_help=True)
app.add_typer(vocab_app, name="vocab")

err = Console(stderr=True, soft_wrap=True)
out = Console(soft_wrap=True)


class ImportKind(StrEnum):
    """The import kinds of ``rightstrack.ingest.registry`` (a test in tests/cli keeps them equal)."""

    UPR_EVIDENCE = "upr-evidence"
    STAKEHOLDER_SHEET = "stakeholder-sheet"
    UHRI_EXPORT = "uhri-export"
    CCPR_FOLLOWUP_REPORT = "ccpr-followup-report"
    UPR_ADDENDUM = "upr-addendum"
    OHCHR_MATRIX = "ohchr-matrix"
    CONCLUDING_OBSERVATIONS = "concluding-observations"
    UPR_INFO_MIA = "upr-info-mia"
    UPR_WG_REPORT = "upr-wg-report"
    CCPR_FOLLOWUP_JSON = "ccpr-followup-json"
    CCPR_FACTSHEET = "ccpr-factsheet"
    HRC_FOLLOWUP_GRADES = "hrc-followup-grades"
    STATE_HR_REPORT = "state-hr-report"
    COALITION_SUMMARY = "coalition-summary"
    UPR_INFO_EXPORT = "upr-info-export"
    EVIDENCE_DOCUMENT = "evidence-document"


class ReportKind(StrEnum):
    """The report kinds of ``rightstrack.reports.api.KINDS``."""

    MIA = "mia"
    FACTSHEET = "factsheet"
    COALITION = "coalition"
    ACTIONPLAN = "actionplan"
    TREATYBODY = "treatybody"
    STATE = "state"
    THEMATIC = "thematic"
    IMPLEMENTATION = "implementation"


class ReportFormat(StrEnum):
    """Every format some report is made in (each kind says which of them it makes)."""

    HTML = "html"
    PDF = "pdf"
    DOCX = "docx"
    PPTX = "pptx"
    XLSX = "xlsx"
    JSON = "json"


class ExportFormat(StrEnum):
    JSON = "json"
    CSV = "csv"
    XLSX = "xlsx"


class Language(StrEnum):
    """The interface languages (settings.LANGUAGES)."""

    EN = "en"
    RU = "ru"


if TYPE_CHECKING:

    class StakeholderKind(StrEnum):
        """The kinds of ``rightstrack.core.stakeholders.STAKEHOLDER_KINDS``."""

else:  # made from the register itself, so that a new kind is offered at once
    StakeholderKind = StrEnum("StakeholderKind", {code.upper(): code for code in STAKEHOLDER_KINDS})
NEW_STAKEHOLDER_KIND = StakeholderKind("ngo")


def _plain_type_label(param: Any, ctx: Any) -> str | None:
    """A value's label in ``--help``: ``FILE...``, ``TEXT``, the choices; never ``<bool>``."""
    metavar: str | None = param.metavar
    if metavar is not None:
        return metavar
    if getattr(param, "is_flag", False) or getattr(param, "count", False):
        return None
    label = str(param.display_type(ctx)).strip("<>")
    if label.startswith("list[") and label.endswith("]"):
        label = label[5:-1]
    if "|" in label:
        label = f"[{label}]"
    else:
        label = {"str": "TEXT", "int": "INTEGER", "float": "NUMBER", "bool": ""}.get(label, label.upper())
    if not label:
        return None
    return f"{label}..." if param.nargs != 1 else label


typer.core.TyperOption.display_type_rich = _plain_type_label  # type: ignore[method-assign,assignment]
typer.core.TyperArgument.display_type_rich = _plain_type_label  # type: ignore[method-assign,assignment]


def _django(database: bool = True) -> None:
    """Set Django up with RightsTrack's settings; with ``database``, refuse in words when there is none."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rightstrack.config.settings")
    import django
    from django.core.exceptions import ImproperlyConfigured

    from rightstrack.config.env import SettingError

    try:
        django.setup()
    except (SettingError, ImproperlyConfigured) as error:
        _fail(f"settings: {error}")
    if database:
        _require_database()


def _database_name() -> str:
    """Where the settings point: the SQLite file, or the server's engine, host and database name."""
    from django.db import connection

    db = connection.settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        return f"the SQLite database {db['NAME']}"
    engine = str(db["ENGINE"]).rsplit(".", 1)[-1]
    where = f"{db.get('HOST') or 'localhost'}{f':{db["PORT"]}' if db.get('PORT') else ''}"
    return f"the {engine} database {db['NAME']} on {where}"


def _require_database() -> None:
    """Stop with a message naming the database looked for when it is not there or has no tables."""
    from django.db import connection
    from django.db.utils import Error

    hint = "run `rightstrack migrate` to create it (RIGHTSTRACK_DATA_DIR or DATABASE_URL chooses another)"
    if connection.vendor == "sqlite" and not connection.is_in_memory_db():  # type: ignore[attr-defined]
        exists = Path(connection.settings_dict["NAME"]).is_file()
    else:
        exists = True
    if not exists:
        _fail(f"no database here: looked for {_database_name()}; {hint}")
    try:
        tables = connection.introspection.table_names()
    except Error as error:
        _fail(f"cannot open {_database_name()}: {str(error).strip()}")
        return
    if "recommendations_review" not in tables:
        _fail(f"{_database_name()} has no RightsTrack tables; {hint}")


@contextmanager
def _progress(first: str) -> Iterator[Callable[[str, int, int], None]]:
    """A progress bar on stderr; yields ``show(what, done, total)`` (total 0: not known yet)."""
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=err, transient=True) as bar:
        task = bar.add_task(first, total=None)

        def show(what: str, done: int, total: int) -> None:
            bar.update(task, description=what, completed=done, total=total or None)

        yield show


def _fail(message: str, code: int = 1) -> None:
    err.print(f"[bold red]error:[/] {escape(message)}", highlight=False, markup=True)
    raise typer.Exit(code)


@app.command()
def migrate() -> None:
    """Create or update the database tables (and the State register, mechanisms, grading schemes)."""
    _django(database=False)
    from django.conf import settings
    from django.core.management import call_command
    from django.db.utils import Error

    _make_data_folder()
    try:
        call_command("migrate", interactive=False, verbosity=0)
    except Error as error:
        _fail(f"cannot migrate {_database_name()}: {str(error).strip()}")
    out.print(f"database ready: {settings.DATABASES['default']['NAME']}")


def _make_data_folder() -> None:
    """The data folder (SQLite file, static files, caches): made by ``migrate``, never by merely looking."""
    from django.conf import settings

    Path(settings.DATA_DIR).mkdir(parents=True, exist_ok=True)
    Path(settings.STATIC_ROOT).mkdir(parents=True, exist_ok=True)
    if settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"):
        Path(settings.DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)


# Django's management commands that do not read the database (the others need `rightstrack migrate` first).
_WITHOUT_DATABASE = {
    "collectstatic",
    "compilemessages",
    "diffsettings",
    "findstatic",
    "help",
    "makemessages",
    "migrate",
    "version",
}


_PASS_THROUGH = {"allow_extra_args": True, "ignore_unknown_options": True, "allow_interspersed_args": False}


@app.command(context_settings=_PASS_THROUGH)
def manage(
    arguments: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="COMMAND [ARGS]...",
            help="A Django management command and its arguments, e.g. createsuperuser, collectstatic "
            "--noinput, check --deploy, changepassword NAME (`rightstrack manage help` lists them).",
        ),
    ] = None,
) -> None:
    """Run a Django management command with RightsTrack's settings (no manage.py needed)."""
    words = list(arguments or ["help"])
    name = words[0]
    _django(database=name not in _WITHOUT_DATABASE and not name.startswith("-"))
    from django.core.management import execute_from_command_line
    from django.db.utils import Error

    if name == "migrate":
        _make_data_folder()
    try:
        execute_from_command_line(["rightstrack manage", *words])
    except Error as error:
        _fail(f"{name}: {_database_name()}: {str(error).strip()}")


@app.command()
def example(
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")] = False,
) -> None:
    """Import the Kazakhstan example documents shipped with the package (seeds 000-004)."""
    from rightstrack.examples import kazakhstan_documents

    import_(kazakhstan_documents(), as_json=as_json)


@app.command(name="import")
def import_(
    paths: Annotated[list[Path], typer.Argument(help="Documents to import (all or nothing).")],
    kind: Annotated[
        ImportKind | None,
        typer.Option(
            metavar="KIND",
            show_choices=False,
            help="Force the document kind instead of detecting it; one of: "
            + ", ".join(kind.value for kind in ImportKind)
            + ".",
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")] = False,
    publish: Annotated[
        bool, typer.Option(help="Publish submitted assessments (a filled sheet) instead of holding them.")
    ] = False,
    review: Annotated[
        str | None, typer.Option(help="Refuse documents about another review, e.g. KAZ/UPR/2.")
    ] = None,
    background: Annotated[
        bool, typer.Option(help="Queue the import for `rightstrack worker` instead of running it now.")
    ] = False,
    columns: Annotated[
        str | None,
        typer.Option(
            help="Read a spreadsheet (.xlsx/.csv) of recommendations through this column mapping, e.g. "
            "text=Recommendation,state=Country,paragraph=No.,position=Response (field:=value for one value)."
        ),
    ] = None,
    mapping: Annotated[
        Path | None,
        typer.Option(help='The same mapping as a JSON file: {"columns": {"text": "..."}, "values": {...}}.'),
    ] = None,
    state: Annotated[
        str | None,
        typer.Option(
            help="With --kind evidence-document: the State it is about (else the one it names most)."
        ),
    ] = None,
    title: Annotated[
        str | None, typer.Option(help="With --kind evidence-document: its title (else its first line).")
    ] = None,
    author: Annotated[
        str | None,
        typer.Option(help="With --kind evidence-document: who speaks in it, the source of every paragraph."),
    ] = None,
    author_kind: Annotated[
        str | None,
        typer.Option(help="The author's kind: state, un, nhri, civil-society or regional (needs --author)."),
    ] = None,
) -> None:
    """Import documents. The kind is detected from the content; nothing is written if any file fails."""
    _django()
    from rightstrack.documents.importing import ImportFailed, import_files

    kind_code = kind.value if kind is not None else None
    source = _mapped_source(columns, mapping)
    described = _evidence_source(kind_code, state, title, author, author_kind)
    if described is not None:
        if source is not None:
            _fail("--columns/--mapping read a spreadsheet, not an evidence document")
        source = described
    if source is not None and background:
        _fail("--columns/--mapping and an evidence document's description run now, not in the background")

    if background:
        from rightstrack.documents.tasks import import_documents

        result = import_documents.enqueue([str(path.resolve()) for path in paths], kind=kind_code)
        out.print(f"queued as task {result.id}; `rightstrack worker` runs it")
        return

    expected = _review_key(review) if review else None

    with _progress("importing") as show:
        try:
            reports = import_files(
                paths, kind=kind_code, progress=show, publish=publish, expect_review=expected, source=source
            )
        except ImportFailed as failure:
            if as_json:
                print(json.dumps({"error": str(failure), "path": str(failure.path), "documents": []}))
            _fail(f"{failure}\nnothing was imported.")
            return
    if as_json:
        print(
            json.dumps({"documents": [report.as_json() for report in reports]}, ensure_ascii=False, indent=2)
        )
        return
    for report in reports:
        if report.unchanged:
            out.print(f"{report.path}: already imported, nothing changed")
            continue
        created = ", ".join(f"{n} {what}" for what, n in report.created.items())
        out.print(f"{report.path}: {report.kind}: created {created}")
        if report.problems:  # in one call (an export can have tens of thousands), as written: no markup
            out.print(
                "\n".join(f"  note: {problem}" for problem in report.problems), highlight=False, markup=False
            )


def _evidence_source(
    kind: str | None, state: str | None, title: str | None, author: str | None, author_kind: str | None
) -> Any:
    """The source that reads another evidence document as described by ``--state`` and the rest; None
    when none of them is given."""
    from rightstrack.core.evidence import SOURCE_KINDS, EvidenceSource
    from rightstrack.core.states import resolve_state
    from rightstrack.ingest.registry import evidence_source

    if state is None and title is None and author is None and author_kind is None:
        return None
    if kind != ImportKind.EVIDENCE_DOCUMENT.value:
        _fail(
            "--state, --title, --author and --author-kind describe another evidence document: "
            "give --kind evidence-document"
        )
    code = resolve_state(state) if state else None
    if state and code is None:
        _fail(f"--state: unknown State {state!r}")
    if author_kind is not None and not author:
        _fail("--author-kind needs --author")
    kinds = [known for known in SOURCE_KINDS if known]
    if author_kind is not None and author_kind not in kinds:
        _fail(f"--author-kind: {author_kind!r} is not one of {', '.join(kinds)}")
    given = EvidenceSource(author.strip(), author_kind or "") if author else None
    return evidence_source(code or "", title or "", given)


def _mapped_source(columns: str | None, mapping: Path | None) -> Any:
    """The source that reads a spreadsheet through ``--columns`` or ``--mapping``; None without them."""
    from rightstrack.core.errors import DocumentRejected
    from rightstrack.ingest.registry import mapped_source
    from rightstrack.ingest.sources.mapped_sheet.mapping import parse_columns, parse_json

    if columns is None and mapping is None:
        return None
    if columns is not None and mapping is not None:
        _fail("give --columns or --mapping, not both")
    try:
        if columns is not None:
            return mapped_source(parse_columns(columns))
        assert mapping is not None
        return mapped_source(parse_json(mapping.read_text(encoding="utf-8")))
    except (DocumentRejected, OSError) as error:
        _fail(f"{'--columns' if columns is not None else mapping}: {error}")
        raise AssertionError from None


def _review_key(text: str) -> Any:
    from rightstrack.core.records import ReviewKey
    from rightstrack.core.states import resolve_state

    parts = text.split("/")
    code = resolve_state(parts[0]) if parts else None
    if len(parts) != 3 or code is None or not parts[2].isdigit():
        _fail(f"--review {text!r}: write STATE/MECHANISM/CYCLE, e.g. KAZ/UPR/2")
        raise AssertionError
    return ReviewKey(code, parts[1].upper(), int(parts[2]))


def _review(state: str, mechanism: str, cycle: int | None) -> Any:
    from rightstrack.core.states import resolve_state
    from rightstrack.recommendations.models import Review

    code = resolve_state(state)
    if code is None:
        _fail(f"unknown State {state!r}")
    reviews = Review.objects.filter(state_id=code, mechanism__code=mechanism.upper())
    if cycle is not None:
        reviews = reviews.filter(cycle=cycle)
    found = list(reviews.select_related("state", "mechanism"))
    if not found:
        _fail(f"no {mechanism} review of {code}{f' in cycle {cycle}' if cycle else ''} has been imported")
    if len(found) > 1:
        _fail(f"{len(found)} reviews match; give --cycle ({', '.join(str(r.cycle) for r in found)})")
    return found[0]


@app.command()
def iri(
    state: Annotated[str, typer.Option(help="State under review: ISO code or name.")],
    mechanism: Annotated[str, typer.Option(help="Mechanism code.")] = "UPR",
    cycle: Annotated[int | None, typer.Option(help="Cycle of the review.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the picture as JSON.")] = False,
    suggested: Annotated[
        bool,
        typer.Option(
            "--suggested",
            help="Compute the levels from claims extracted from the stakeholders' words where none was "
            "stated (a machine reading, marked as such).",
        ),
    ] = False,
) -> None:
    """The implementation picture of one review (UPR Info's IRI per recommendation)."""
    _django()
    from rightstrack.assessments.picture import review_picture
    from rightstrack.web.serializers import picture_json

    if suggested:
        _suggested_iri(_review(state, mechanism, cycle), as_json)
        return
    picture = review_picture(_review(state, mechanism, cycle))
    if as_json:
        print(json.dumps(picture_json(picture), ensure_ascii=False, indent=2))
        return
    review = picture.review
    out.print(f"[bold]{review.state.name}[/] — {review.mechanism.name}, cycle {review.cycle}")
    table = Table("outcome", "recommendations")
    for outcome, count in picture.counts.items():
        table.add_row(outcome, str(count))
    table.add_row("[bold]total[/]", f"[bold]{len(picture.rows)}[/]")
    out.print(table)


def _suggested_iri(review: Any, as_json: bool) -> None:
    from rightstrack.assist.claims import suggested_picture
    from rightstrack.web.serializers import review_json

    picture = suggested_picture(review)
    same, compared = picture.agreement()
    if as_json:
        data = {
            **review_json(review),
            "basis": "suggested: claims extracted from the stakeholders' words where none was stated",
            "counts": picture.counts,
            "suggested_recommendations": picture.suggested,
            "agreement_with_published": {"same": same, "compared": compared},
            "recommendations": [
                {
                    "ref": row.ref,
                    "outcome": row.result.result.outcome.value,
                    "score": None if row.result.result.score is None else str(row.result.result.score),
                    "suggested": row.result.suggested,
                    "published_outcome": row.recommendation.level,
                    "claims": [
                        {
                            "stakeholder": claim.stakeholder,
                            "level": claim.level,
                            "confidence": claim.confidence,
                            "source": claim.source,
                            "reason": claim.reason,
                        }
                        for claim in row.result.claims
                    ],
                }
                for row in picture.rows
            ],
        }
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return
    out.print(f"[bold]{review.state.name}[/] — {review.mechanism.name}, cycle {review.cycle}")
    out.print(
        "[yellow]suggested levels[/]: claims extracted by machine from the stakeholders' words where "
        f"none was stated ({picture.suggested} of {len(picture.rows)} recommendations rest on them)"
    )
    table = Table("outcome", "recommendations (suggested)")
    for outcome, count in picture.counts.items():
        table.add_row(outcome, str(count))
    table.add_row("[bold]total[/]", f"[bold]{len(picture.rows)}[/]")
    out.print(table)
    if compared:
        out.print(
            f"same as the published level: {same} of {compared} graded recommendations "
            f"({same / compared:.1%})"
        )


def _state_codes(names: list[str] | None) -> list[str] | None:
    """The ISO codes of a repeatable ``--state`` option (None: every State); an unknown name stops."""
    from rightstrack.core.states import resolve_state

    if not names:
        return None
    codes = []
    for name in names:
        code = resolve_state(name)
        if code is None:
            _fail(f"unknown State {name!r}")
        codes.append(str(code))
    return codes


@app.command()
def analyse(
    state: Annotated[
        list[str] | None,
        typer.Option(help="Only this State's recommendations (ISO code or name; repeatable)."),
    ] = None,
    links: Annotated[bool, typer.Option(help="Recompute the suggested links of the States analysed.")] = True,
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")] = False,
) -> None:
    """Machine help now: embed, suggest labels (for editors to accept or reject) and link recommendations."""
    _django()
    from rightstrack.assist.pipeline import analyse as run

    codes = _state_codes(state)
    with _progress("analysing") as show:
        report = run(states=codes, relink="scope" if links else "none", progress=show)
    if as_json:
        print(json.dumps(report.as_json(), ensure_ascii=False, indent=2))
        return
    made = report.suggestions
    out.print(f"embedded {report.embedded:,} recommendations; classified {report.classified:,}")
    out.print(
        f"label suggestions: {made.created:,} new, {made.updated:,} updated, "
        f"{made.kept_decided:,} already decided by an editor (kept)"
    )
    if made.unmatched:
        missing = ", ".join(f"{n} {head}" for head, n in sorted(made.unmatched.items()))
        out.print(f"  note: labels whose vocabulary is not loaded were not suggested: {missing}")
    if report.links:
        total = sum(report.links.values())
        out.print(f"suggested links: {total:,} for {len(report.links)} State(s)")


@app.command("link-evidence")
def link_evidence(
    state: Annotated[
        list[str] | None,
        typer.Option(help="Only this State's evidence (ISO code or name; repeatable)."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")] = False,
) -> None:
    """Link the imported evidence paragraphs to the recommendations of each State's earlier reviews
    (editors' confirmed and rejected links are kept), then suggest a level per source kind."""
    _django()
    from rightstrack.evidence.linking import link_evidence as run
    from rightstrack.evidence.suggesting import suggest_for_states

    made = run(_state_codes(state))
    suggested = suggest_for_states(made)
    if as_json:
        print(json.dumps(made, indent=2))
        return
    if not made:
        out.print("no evidence document of these States has been imported")
    for code, count in made.items():
        out.print(f"{code}: {count:,} suggested evidence links, {suggested[code]:,} suggested levels")


@app.command("draft-assessment")
def draft_assessment(
    recommendation: Annotated[
        str, typer.Argument(help="The recommendation: its id, or State and paragraph as DNK:60.1.")
    ],
    stakeholder: Annotated[str, typer.Option(help="Whose assessment it is: acronym or full name.")],
    grade: Annotated[str, typer.Option(help="scheme:grade, e.g. iri:partially or hrc:B.")],
    user: Annotated[str, typer.Option(help="The editor who drafts it (username).")],
) -> None:
    """Draft an assessment of a recommendation from its confirmed evidence (quotes as its words), under
    any grading scheme; it stays a draft, not public, until submitted and published."""
    _django()
    from django.contrib.auth import get_user_model

    from rightstrack.assessments.workflow import Refused
    from rightstrack.evidence.drafting import draft_from_evidence, find_stakeholder
    from rightstrack.recommendations.models import Recommendation

    state, _sep, ref = recommendation.partition(":")
    found = (
        Recommendation.objects.filter(review__state_id=state.upper(), refs__value=ref).distinct()
        if ref
        else Recommendation.objects.filter(pk=int(state) if state.isdigit() else 0)
    )
    if found.count() != 1:
        _fail(f"no single recommendation {recommendation!r}")
    editor = get_user_model().objects.filter(username=user).first()
    if editor is None:
        _fail(f"no user {user!r}")
        return
    scheme, _sep, code = grade.partition(":")
    try:
        made = draft_from_evidence(found.get(), find_stakeholder(stakeholder), scheme, code, editor)
    except Refused as refused:
        _fail(refused.reason)
        return
    out.print(f"draft assessment {made.pk}: {made.stakeholder}, {made.grade} (not public until published)")


@app.command()
def export(
    state: Annotated[str, typer.Option(help="State: ISO code or name.")],
    format: Annotated[ExportFormat, typer.Option("--format", help="What to write.")] = ExportFormat.JSON,
    output: Annotated[
        Path | None,
        typer.Option(
            "-o", "--output", help="File to write (default: stdout; for xlsx a file named after the State)."
        ),
    ] = None,
) -> None:
    """Everything known about a State, as open data."""
    _django()
    from rightstrack.assessments.export import state_csv, state_export, state_xlsx
    from rightstrack.core.states import resolve_state
    from rightstrack.recommendations.models import State

    code = resolve_state(state)
    row = State.objects.filter(code=code).first() if code else None
    if row is None:
        _fail(f"unknown State {state!r}")
        return
    data = state_export(row)
    payload: bytes
    if format is ExportFormat.JSON:
        payload = (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode()
    elif format is ExportFormat.CSV:
        payload = state_csv(data, bom=output is not None).encode()  # a file gets the BOM, a pipe not
    else:
        output = output or Path(f"{row.code}-export.xlsx")  # binary: never to the terminal
        payload = state_xlsx(data)
    if output is None:
        sys.stdout.buffer.write(payload)
    else:
        output.write_bytes(payload)
        err.print(f"wrote {output} ({len(payload):,} bytes)")


@app.command()
def fetch(
    symbol: Annotated[str | None, typer.Argument(help="A UN document symbol, e.g. A/HRC/28/10.")] = None,
    uhri: Annotated[str | None, typer.Option(help="Download the UHRI export of this State instead.")] = None,
    url: Annotated[str | None, typer.Option(help="Download this address instead.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")] = False,
    allow_private: Annotated[
        bool,
        typer.Option(
            "--allow-private",
            help="Also fetch from this machine or the local network (a mirror there); refused by default.",
        ),
    ] = False,
) -> None:
    """Download a document (UN symbol, UHRI export or any http(s) address) and import it."""
    _django()
    from django.conf import settings

    from rightstrack.core.errors import DocumentRejected
    from rightstrack.core.states import resolve_state
    from rightstrack.documents.importing import ImportFailed, import_files
    from rightstrack.ingest.fetch import check_symbol, download, url_for

    folder = Path(settings.DATA_DIR) / "downloads"
    try:
        if url:
            target, name = url, url.rsplit("/", 1)[-1] or "download"
        elif uhri:
            code = resolve_state(uhri)
            if code is None:
                _fail(f"unknown State {uhri!r}")
                return
            target, name = url_for(settings.RIGHTSTRACK_UHRI_EXPORT_URL, state=code), f"uhri-{code}"
        elif symbol:
            clean = check_symbol(symbol)
            target, name = url_for(settings.RIGHTSTRACK_UN_DOCUMENTS_URL, symbol=clean), clean
        else:
            _fail("give a document symbol, --uhri STATE or --url ADDRESS")
            return
        with err.status(f"downloading {target}"):
            downloaded = download(target, folder, name, allow_private=allow_private)
    except DocumentRejected as error:
        _fail(f"{error.reason}\nnothing was imported.")
        return
    err.print(f"downloaded {downloaded.url} → {downloaded.path} ({downloaded.size:,} bytes)")
    try:
        reports = import_files([downloaded.path])
    except ImportFailed as failure:
        _fail(f"{failure}\nnothing was imported (the download is kept at {downloaded.path}).")
        return
    if as_json:
        print(json.dumps({"documents": [r.as_json() for r in reports]}, ensure_ascii=False, indent=2))
        return
    for report in reports:
        created = ", ".join(f"{n} {what}" for what, n in report.created.items())
        out.print(f"{report.path}: {report.kind}: created {created}")


@app.command()
def sheet(
    state: Annotated[str, typer.Option(help="State under review: ISO code or name.")],
    stakeholder: Annotated[str, typer.Option(help="The stakeholder's full name.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="The .xlsx to write.")],
    mechanism: Annotated[str, typer.Option(help="Mechanism code.")] = "UPR",
    cycle: Annotated[int | None, typer.Option(help="Cycle of the review.")] = None,
    acronym: Annotated[str, typer.Option(help="The stakeholder's acronym.")] = "",
    kind: Annotated[
        StakeholderKind, typer.Option(help="The stakeholder's kind (when it is new).")
    ] = NEW_STAKEHOLDER_KIND,
) -> None:
    """Write the Excel sheet a stakeholder fills in: every recommendation of a review, a level per row."""
    _django()
    from rightstrack.assessments.models import Stakeholder
    from rightstrack.assessments.sheets import sheet_for
    from rightstrack.core.records import StakeholderRecord

    review = _review(state, mechanism, cycle)
    known = Stakeholder.objects.filter(name=stakeholder).first()
    record = (
        StakeholderRecord(known.name, known.acronym, known.kind)
        if known
        else StakeholderRecord(stakeholder, acronym, kind.value)
    )
    payload = sheet_for(review, record)
    output.write_bytes(payload)
    out.print(
        f"wrote {output}: {review.recommendations.count()} recommendations of {review} for {record.name}"
    )


@app.command()
def report(
    kind: Annotated[ReportKind, typer.Argument(help="The report.")],
    state: Annotated[str, typer.Option(help="State: ISO code or name.")],
    format: Annotated[
        ReportFormat, typer.Option("--format", help="The file's format (each report says which it makes).")
    ] = ReportFormat.PDF,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="File to write (default: a name the report gives).")
    ] = None,
    language: Annotated[Language, typer.Option(help="The report's language.")] = Language.EN,
    option: Annotated[
        list[str] | None, typer.Option("--option", help="NAME=VALUE, e.g. cycle=1 (see the report's help).")
    ] = None,
) -> None:
    """Make a report people print: the MIA, fact sheets, coalition slides, action plan, treaty-body table."""
    _django()
    from rightstrack.reports import ReportError, render

    options = {}
    for item in option or []:
        name, _, value = item.partition("=")
        if not name or not value:
            _fail(f"--option {item!r}: write NAME=VALUE")
        options[name.strip()] = value.strip()
    try:
        rendered = render(kind.value, state, format.value, language=language.value, **options)
    except ReportError as error:
        _fail(str(error))
        return
    target = output or Path(rendered.filename)
    target.write_bytes(rendered.content)
    out.print(f"wrote {target} ({len(rendered.content):,} bytes)")


@app.command()
def classify(
    source: Annotated[Path, typer.Argument(help="A CSV of recommendations.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="The CSV to write, with the predictions.")],
    text_column: Annotated[
        str, typer.Option(help="The column holding the recommendation's text.")
    ] = "recommendation",
) -> None:
    """Add predicted action category, issues, UHRI themes, groups and SDGs (with probabilities) to a CSV."""
    from rightstrack.analysis.classify import classify_csv

    if not source.is_file():
        _fail(f"{source}: no such file")

    with err.status("classifying…"):
        rows = classify_csv(source, output, text_column=text_column)
    out.print(f"wrote {output}: {rows:,} rows with pred_action_category, pred_issues, pred_themes, pred_sdgs")


def _require_shared_data(data: Path) -> None:
    if not (data / "upr-info").is_dir():
        _fail(f"{data}: not the shared data folder (no upr-info/ in it); give it with --data")


@app.command()
def evaluate(
    data: Annotated[Path, typer.Option(help="The shared data folder.")] = Path("../shared/data"),
) -> None:
    """Print the machine-help figures on held-out States, beside an in-run TF-IDF baseline."""
    from rightstrack.analysis.evaluation import evaluate as run_evaluation
    from rightstrack.analysis.evaluation import format_report

    _require_shared_data(data)

    print(format_report(run_evaluation(data)))


@app.command()
def train(
    data: Annotated[Path, typer.Option(help="The shared data folder.")] = Path("../shared/data"),
) -> None:
    """Retrain the shipped classifiers from the shared data (about 1.5 minutes on 2 cores)."""
    from rightstrack.analysis.training import train as run_training

    _require_shared_data(data)

    run_training(data)
    out.print("trained; the model file is in src/rightstrack/analysis/models/")


@app.command()
def backup(
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Backup file (default: in the data folder).")
    ] = None,
    keep: Annotated[
        int | None,
        typer.Option(
            min=1,
            help="Then keep only the N newest backups named by this command (rightstrack-DATE-TIME).",
        ),
    ] = None,
) -> None:
    """Back up the whole database (SQLite online backup, or pg_dump for PostgreSQL)."""
    _django()
    from datetime import UTC, datetime

    from django.conf import settings

    from rightstrack.core.errors import DocumentRejected
    from rightstrack.documents.backup import backup as make_backup
    from rightstrack.documents.backup import describe_database, prune_backups

    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    suffix = ".sqlite3" if settings.DATABASES["default"]["ENGINE"].endswith("sqlite3") else ".dump"
    target = output or Path(settings.DATA_DIR) / "backups" / f"rightstrack-{stamp}{suffix}"
    try:
        written = make_backup(target)
    except DocumentRejected as error:
        _fail(str(error.reason))
        return
    out.print(f"backed up {describe_database()} to {written} ({written.stat().st_size:,} bytes)")
    if keep is not None:
        removed = prune_backups(written.parent, keep)
        if removed:
            out.print(f"removed {len(removed)} older backups: {', '.join(path.name for path in removed)}")


@app.command()
def restore(
    source: Annotated[Path, typer.Argument(help="A file written by `rightstrack backup`.")],
    yes: Annotated[bool, typer.Option("--yes", help="Do not ask: replace the database's content.")] = False,
) -> None:
    """Replace the database's content with a backup, once checked; the database as it was is kept."""
    _django()
    from django.conf import settings
    from django.core.management import call_command

    from rightstrack.core.errors import DocumentRejected
    from rightstrack.documents.backup import check_backup, describe_database
    from rightstrack.documents.backup import restore as restore_backup

    try:
        check_backup(source)
    except DocumentRejected as error:
        _fail(f"{error.reason}\nnothing was restored.")
        return
    if not yes and not typer.confirm(f"Replace everything in {describe_database()} with {source}?"):
        _fail("nothing was restored")
    try:
        safety = restore_backup(source, Path(settings.DATA_DIR) / "backups")
    except DocumentRejected as error:
        _fail(f"{error.reason}\nnothing was restored.")
        return
    call_command("migrate", verbosity=0)  # a backup of an older version gets this version's tables
    out.print(f"restored {describe_database()} from {source}")
    out.print(f"the database as it was before is kept in {safety} (restore it the same way to undo)")


@app.command(name="migrate-db")
def migrate_db(
    target: Annotated[
        str, typer.Argument(help="The new database, e.g. postgres://user@host:5432/rightstrack.")
    ],
    yes: Annotated[bool, typer.Option("--yes", help="Do not ask: replace the target's content.")] = False,
) -> None:
    """Copy everything to another database (SQLite → PostgreSQL) and verify every table's row count."""
    _django()
    from rightstrack.core.errors import DocumentRejected
    from rightstrack.documents.backup import describe_database
    from rightstrack.documents.move import move_database

    if not yes and not typer.confirm(f"Copy {describe_database()} into {target}, replacing what it holds?"):
        _fail("nothing was copied")
    try:
        with err.status("copying…") as status:
            counts = move_database(target, progress=lambda table: status.update(f"copying {table}"))
    except DocumentRejected as error:
        _fail(error.reason)
        return
    table = Table("table", "rows here", "rows there")
    for count in counts:
        if count.source or count.target:
            table.add_row(count.table, str(count.source), str(count.target) + ("" if count.equal else "  ✗"))
    out.print(table)
    wrong = [count.table for count in counts if not count.equal]
    if wrong:
        _fail(f"the counts differ in {', '.join(wrong)}")
    total = sum(count.target for count in counts)
    out.print(
        f"copied {total:,} rows in {len(counts)} tables; every count verified. Now set DATABASE_URL={target}"
    )


@app.command(name="export-all")
def export_all(
    output: Annotated[Path, typer.Option("-o", "--output", help="Folder to write the open data to.")],
) -> None:
    """Everything as open data: one CSV per table with its datapackage.json (a Frictionless Data
    Package: `frictionless validate` checks it), and one JSON file per State."""
    _django()
    from rightstrack.assessments.opendata import write_package
    from rightstrack.documents.backup import export_everything

    written = write_package(output) + export_everything(output)
    out.print(f"wrote {len(written)} files to {output} (the tables are described in datapackage.json)")


@app.command()
def worker(
    batch: Annotated[bool, typer.Option(help="Run what is queued, then stop.")] = False,
) -> None:
    """Run queued background work (the database queue, or Redis with RIGHTSTRACK_TASKS=rq)."""
    _django()
    from django.conf import settings
    from django.core.management import call_command

    queue = getattr(settings, "TASK_QUEUE", "database")
    if queue == "rq":
        call_command(
            "rqworker", "default", burst=batch, with_scheduler=False, job_class="django_tasks_rq.Job"
        )
    elif queue == "database":
        options = {"batch": True} if batch else {}
        call_command("db_worker", no_startup_delay=True, **options)
    else:
        _fail("RIGHTSTRACK_TASKS=immediate runs work at once: there is no queue to work on")


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    worker: Annotated[
        bool, typer.Option(help="Also run a background worker (uploads, machine help) beside the site.")
    ] = True,
) -> None:
    """Serve the site (Django's threaded server, for one machine; for production see DEPLOY.md)."""
    _django()
    import subprocess

    from django.conf import settings
    from django.core.management import call_command

    from rightstrack.config.gc_tuning import tune_gc

    tune_gc()
    helper = None
    if worker and settings.TASK_QUEUE != "immediate":
        command = [sys.executable, "-c", "from rightstrack.cli.main import app; app()", "worker"]
        helper = subprocess.Popen(command)
        out.print(f"background worker running (process {helper.pid})")
    out.print(f"RightsTrack at http://{host}:{port}/  (Ctrl-C stops it)")
    try:
        call_command("runserver", f"{host}:{port}", use_reloader=False, insecure_serving=True)
    finally:
        if helper is not None:
            helper.terminate()
            helper.wait(timeout=30)


@vocab_app.command("import")
def vocab_import(
    path: Annotated[Path, typer.Argument(help="A text file with one label a line.")],
    code: Annotated[str, typer.Option(help="Vocabulary code.")] = "upr-info-issues",
    version: Annotated[str, typer.Option(help="Version (default: the year range in the file name).")] = "",
) -> None:
    """Load a vocabulary version; re-loading the same file changes nothing."""
    _django()
    from rightstrack.core.errors import DocumentRejected
    from rightstrack.recommendations.vocabularies import import_vocabulary

    try:
        report = import_vocabulary(path, code=code, version=version)
    except DocumentRejected as error:
        _fail(f"{path}: {error}\nnothing was imported.")
        return
    out.print(f"{report.code} {report.version}: {report.labels} labels, {report.created} new")
    for problem in report.problems:
        out.print(f"  note: {problem}", highlight=False)


if __name__ == "__main__":
    app()
