"""The editors' page that imports any spreadsheet of recommendations: upload, preview, mapping, import."""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from rightstrack.assessments.models import Stakeholder
from rightstrack.documents.models import SourceDocument
from rightstrack.ingest.sources.mapped_sheet.mapping import FIELDS
from rightstrack.portal import staging
from rightstrack.portal.forms import MAX_UPLOAD
from rightstrack.portal.models import Membership, Role
from rightstrack.recommendations.models import Recommendation, Review
from tests.conftest import database_snapshot
from tests.web.action_plan import action_plan, seed_rows, xlsx

PASSWORD = "a-long-test-passphrase"
UPLOAD = "/portal/imports/spreadsheet/"


def _person(name: str, role: Role, organisation: Stakeholder | None = None) -> User:
    user = User.objects.create_user(name, f"{name}@example.org", PASSWORD)
    Membership.objects.create(user=user, role=role, organisation=organisation)
    return user


@pytest.fixture(autouse=True)
def _data_dir(settings: Any, tmp_path: Path) -> None:
    """Each test stages its uploads in a data directory of its own."""
    settings.DATA_DIR = tmp_path


@pytest.fixture
def editor(vocabularies: None, client: Client) -> Client:
    client.force_login(_person("erin", Role.EDITOR))
    return client


def _upload(client: Client, name: str, data: bytes) -> str:
    """Upload ``data``; return the mapping page's address."""
    response = client.post(UPLOAD, {"sheet": SimpleUploadedFile(name, data)})
    assert response.status_code == 302, response.content.decode()[:2000]
    return str(response["Location"])


def _mapping(**chosen: str) -> dict[str, str]:
    """A posted mapping: ``state="Country"`` picks a column, ``state_value="Kazakhstan"`` gives a value."""
    data = {f"column_{name}": "" for name in FIELDS} | {f"value_{name}": "" for name in FIELDS}
    for key, value in chosen.items():
        name, _, what = key.partition("_")
        data[f"value_{name}" if what == "value" else f"column_{name}"] = value
    return data


CORRECTED = _mapping(
    text="Рекомендация",
    state_value="Kazakhstan",
    recommending="Страна-автор",
    position="Ответ государства",
    cycle_value="2",
)


def _selected(page: str, field: str) -> str | None:
    select = re.search(rf'<select name="column_{field}".*?</select>', page, re.S)
    assert select is not None
    chosen = re.search(r'<option value="([^"]*)" selected>', select.group())
    return chosen.group(1) if chosen else None


def test_an_editor_sees_the_first_ten_rows_and_a_mapping_proposed_from_russian_headers(
    editor: Client,
) -> None:
    rows = action_plan(12)
    page = editor.get(_upload(editor, "план-действий.xlsx", xlsx(rows))).content.decode()
    assert "план-действий.xlsx" in page
    preview = re.search(r'<table id="preview">.*?</table>', page, re.S)
    assert preview is not None
    assert preview.group().count("<tr>") == 1 + 10  # the header and the first ten rows
    assert "Uruguay" in preview.group() and "Egypt" not in preview.group()  # the 12th row is not shown
    assert _selected(page, "text") == "Рекомендация"
    assert _selected(page, "paragraph") == "№"
    assert _selected(page, "position") == "Ответ государства"
    assert _selected(page, "recommending") == "Страна-автор"  # the author country, not the State
    assert not _selected(page, "state")  # the plan is Kazakhstan's own: the editor gives it once
    assert not _selected(page, "mechanism")  # "Ответственный орган" is a ministry, not a mechanism
    assert Recommendation.objects.count() == 0  # a preview writes nothing


def test_the_corrected_mapping_imports_every_row_and_is_kept_with_the_document(editor: Client) -> None:
    url = _upload(editor, "plan.xlsx", xlsx(action_plan(12)))
    token = url.rstrip("/").rsplit("/", 1)[1]
    staged = Path(str(staging._root())) / token
    assert staged.is_dir()
    page = editor.post(url, CORRECTED)
    assert page.status_code == 200
    text = page.content.decode()
    review = Review.objects.get(state_id="KAZ", mechanism__code="UPR", cycle=2)
    assert review.recommendations.count() == 12
    texts = {r.text for r in review.recommendations.all()}
    assert {text for text, _, _ in seed_rows(12)} == texts  # the words as the sheet gives them
    uruguay = review.recommendations.get(text__startswith="Adopt specific measures to guarantee")
    assert list(uruguay.recommending_states.values_list("name", flat=True)) == ["Uruguay"]
    assert uruguay.response == "supported"
    # the mapping is kept with the document, as the command keeps it
    document = SourceDocument.objects.get(name="plan.xlsx", kind="mapped-sheet")
    kept = "columns: text=Рекомендация, position=Ответ государства, recommending=Страна-автор"
    assert kept in document.title
    assert "state:=Kazakhstan" in document.title and "cycle:=2" in document.title
    assert any("state:=Kazakhstan" in str(problem) for problem in document.problems)
    # the result links to what was imported
    assert "12 new recommendations" in text
    assert f'href="/recommendations/{uruguay.pk}"' in text
    assert "/states/KAZ/UPR/2" in text and "/recommendations?state=KAZ" in text
    # the staged file is gone, and its address with it
    assert not staged.exists()
    assert editor.get(url).status_code == 404


def test_a_wrong_column_is_refused_naming_file_row_and_cell_and_the_form_stays_filled(
    editor: Client,
) -> None:
    url = _upload(editor, "plan.xlsx", xlsx(action_plan(4)))
    before = database_snapshot()
    wrong = CORRECTED | {"column_position": "Ответственный орган"}  # the ministry taken for the answer
    page = editor.post(url, wrong)
    assert page.status_code == 400
    text = page.content.decode()
    refusal = re.search(r'<div class="conflict" id="refusal".*?</div>', text, re.S)
    assert refusal is not None
    row = r"<tr><td>(.*?)</td><td[^>]*>(.*?)</td><td>(.*?)</td><td>(.*?)</td></tr>"
    cells = re.findall(row, refusal.group())
    assert len(cells) == 4  # every row's position cell
    assert cells[0][:3] == ("plan.xlsx", "row 2", "Ответственный орган")
    assert "unknown position &#x27;Министерство информации&#x27;" in cells[0][3]
    assert [cell[1] for cell in cells] == ["row 2", "row 3", "row 4", "row 5"]
    assert database_snapshot() == before  # nothing written
    assert _selected(text, "position") == "Ответственный орган"  # the form as the editor sent it
    assert 'name="value_state" value="Kazakhstan"' in text
    assert "(proposed: Ответ государства)" in text  # what the editor changed shows what was proposed
    # corrected, the same staged file imports
    assert editor.post(url, CORRECTED).status_code == 200
    assert Review.objects.get(state_id="KAZ", cycle=2).recommendations.count() == 4


def test_one_unreadable_cell_among_good_rows_imports_nothing(editor: Client) -> None:
    rows = action_plan(5)
    rows[3][3] = "Частично"  # row 4: an answer the positions table does not know
    rows[5][1] = ""  # row 6: no text
    url = _upload(editor, "plan.xlsx", xlsx(rows))
    before = database_snapshot()
    text = editor.post(url, CORRECTED).content.decode()
    assert database_snapshot() == before
    assert "row 4</td><td>Ответ государства</td><td>unknown position &#x27;Частично&#x27;" in text
    assert "row 6</td><td>Рекомендация</td><td>the text cell is empty" in text


def test_a_csv_is_read_and_a_refusal_names_its_line(editor: Client) -> None:
    (first, _, _), (second, _, _) = seed_rows(2)
    data = f'Para,Recommendation,State under review\n124.1,"{first}",Kazakhstan\n124.2,"{second}",Atlantis\n'
    url = _upload(editor, "list.csv", data.encode("utf-8"))
    page = editor.get(url).content.decode()
    assert _selected(page, "state") == "State under review" and _selected(page, "paragraph") == "Para"
    text = editor.post(url, _mapping(text="Recommendation", state="State under review")).content.decode()
    assert "line 3</td><td>State under review</td><td>unknown State &#x27;Atlantis&#x27;" in text
    assert not Recommendation.objects.exists()


def test_a_mapping_without_text_or_state_is_refused_before_reading(editor: Client) -> None:
    url = _upload(editor, "plan.xlsx", xlsx(action_plan(2)))
    page = editor.post(url, _mapping(text="Рекомендация")).content.decode()
    assert "the mapping lacks the field(s) state" in page
    both = editor.post(url, _mapping(text="Рекомендация", state="Страна-автор", state_value="KAZ"))
    assert "state: given both a column and a value" in both.content.decode()
    assert not Recommendation.objects.exists()


def test_only_editors_get_the_page(vocabularies: None, client: Client) -> None:
    organisation = Stakeholder.objects.create(name="Organisation A", acronym="ORGA", kind="ngo")
    assert client.get(UPLOAD).status_code == 302  # a visitor is sent to sign in
    assert "/accounts/login/" in client.get(UPLOAD)["Location"]
    for name, role in (("carl", Role.CONTRIBUTOR), ("vera", Role.VIEWER)):
        client.force_login(_person(name, role, organisation if role == Role.CONTRIBUTOR else None))
        assert client.get(UPLOAD).status_code == 403
        data = SimpleUploadedFile("plan.xlsx", xlsx(action_plan(2)))
        assert client.post(UPLOAD, {"sheet": data}).status_code == 403
    assert not (Path(str(staging._root())).exists() and any(staging._root().iterdir()))
    editor = Client()
    editor.force_login(_person("erin", Role.EDITOR))
    assert "Import a spreadsheet" in editor.get("/portal/").content.decode()  # the editors' menu
    assert 'href="/portal/imports/spreadsheet/"' not in client.get("/portal/").content.decode()


def test_the_admin_index_links_the_page_for_editors(vocabularies: None, client: Client) -> None:
    from rightstrack.portal.roles import grant_role

    erin = _person("erin", Role.EDITOR)
    grant_role(erin, Role.EDITOR)
    client.force_login(erin)
    index = client.get("/admin/")
    assert index.status_code == 200
    assert 'href="/portal/imports/spreadsheet/"' in index.content.decode()
    assert "Source documents" in index.content.decode()  # the rest of the index is still there


def test_an_upload_is_reachable_from_its_own_session_only(editor: Client) -> None:
    url = _upload(editor, "plan.xlsx", xlsx(action_plan(2)))
    other = Client()
    other.force_login(_person("otto", Role.EDITOR))
    assert other.get(url).status_code == 404
    assert other.post(url, CORRECTED).status_code == 404
    assert not Recommendation.objects.exists()


def test_an_abandoned_upload_expires(editor: Client) -> None:
    url = _upload(editor, "plan.xlsx", xlsx(action_plan(2)))
    assert staging.expire(time.time() + staging.KEEP_SECONDS + 1) == 1
    assert editor.get(url).status_code == 404


def test_an_upload_must_be_a_small_xlsx_or_csv(editor: Client) -> None:
    def refused(name: str, data: bytes) -> str:
        response = editor.post(UPLOAD, {"sheet": SimpleUploadedFile(name, data)})
        assert response.status_code == 200
        return response.content.decode()

    assert "Upload an Excel sheet (.xlsx) or a CSV file (.csv)." in refused("notes.pdf", b"%PDF-1.4")
    assert "This is not an Excel (.xlsx) file." in refused("plan.xlsx", b"Recommendation,State\n")
    assert "This is not a CSV text file." in refused("plan.csv", b"PK\x03\x04zip")
    assert "the limit is 5,242,880 bytes" in refused("plan.csv", b"a" * (MAX_UPLOAD + 1))
    broken = refused("plan.xlsx", b"PK\x03\x04" + b"0" * 100)
    assert "plan.xlsx: " in broken
    assert not any(staging._root().iterdir())  # a refused file is not kept


def test_the_page_speaks_russian_when_asked(editor: Client) -> None:
    page = editor.get(UPLOAD, HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert "Импорт таблицы рекомендаций" in page and "Загрузить и просмотреть" in page
    url = _upload(editor, "plan.xlsx", xlsx(action_plan(2)))
    mapping = editor.get(url, HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert "Какой столбец что содержит" in mapping and "Текст рекомендации" in mapping
    refused = editor.post(
        url, CORRECTED | {"column_position": "Ответственный орган"}, HTTP_ACCEPT_LANGUAGE="ru"
    )
    assert "строка 2</td><td>Ответственный орган" in refused.content.decode()


def test_the_document_keeps_the_uploaded_files_own_name(editor: Client) -> None:
    url = _upload(editor, "План действий 2015 (итог).xlsx", xlsx(action_plan(2)))
    assert editor.post(url, CORRECTED).status_code == 200
    assert SourceDocument.objects.get(kind="mapped-sheet").name == "План действий 2015 (итог).xlsx"


def test_the_result_lists_what_the_import_noted(editor: Client) -> None:
    rows = action_plan(3)
    rows[2][2] = "UN Women"  # row 3: not a State; left out of the recommending States, and said
    url = _upload(editor, "plan.xlsx", xlsx(rows))
    notes = re.search(r'<ul id="notes">.*?</ul>', editor.post(url, CORRECTED).content.decode(), re.S)
    assert notes is not None
    assert "row 3, cell Страна-автор" in notes.group()
    assert "&#x27;UN Women&#x27; is not a State" in notes.group()
    assert "read with the column mapping text=Рекомендация" in notes.group()


def test_the_forms_refuse_a_post_without_the_csrf_token(editor: Client) -> None:
    url = _upload(editor, "plan.xlsx", xlsx(action_plan(2)))
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(_person("otto", Role.EDITOR))
    assert strict.post(UPLOAD, {"sheet": SimpleUploadedFile("p.csv", b"a,b\n")}).status_code == 403
    assert strict.post(url, CORRECTED).status_code == 403
    assert not Recommendation.objects.exists()
