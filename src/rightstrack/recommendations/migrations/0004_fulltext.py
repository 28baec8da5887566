"""Full-text search on recommendation texts: SQLite FTS5 (kept in sync by triggers) or a PostgreSQL GIN index."""

from django.db import migrations

SQLITE_CREATE = [
    """CREATE VIRTUAL TABLE IF NOT EXISTS recommendation_fts USING fts5(
        text, content='recommendations_recommendation', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER IF NOT EXISTS recommendation_fts_insert AFTER INSERT ON recommendations_recommendation BEGIN
        INSERT INTO recommendation_fts(rowid, text) VALUES (new.id, new.text); END""",
    """CREATE TRIGGER IF NOT EXISTS recommendation_fts_delete AFTER DELETE ON recommendations_recommendation BEGIN
        INSERT INTO recommendation_fts(recommendation_fts, rowid, text) VALUES ('delete', old.id, old.text); END""",
    """CREATE TRIGGER IF NOT EXISTS recommendation_fts_update AFTER UPDATE OF text ON recommendations_recommendation
        BEGIN
        INSERT INTO recommendation_fts(recommendation_fts, rowid, text) VALUES ('delete', old.id, old.text);
        INSERT INTO recommendation_fts(rowid, text) VALUES (new.id, new.text); END""",
    "INSERT INTO recommendation_fts(recommendation_fts) VALUES ('rebuild')",
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS recommendation_fts_insert",
    "DROP TRIGGER IF EXISTS recommendation_fts_delete",
    "DROP TRIGGER IF EXISTS recommendation_fts_update",
    "DROP TABLE IF EXISTS recommendation_fts",
]
POSTGRES_CREATE = [
    "CREATE INDEX IF NOT EXISTS recommendation_text_fts ON recommendations_recommendation "
    "USING GIN (to_tsvector('simple', text))",
]
POSTGRES_DROP = ["DROP INDEX IF EXISTS recommendation_text_fts"]


def _run(statements: dict[str, list[str]]):  # type: ignore[no-untyped-def]
    def run(apps, schema_editor):  # type: ignore[no-untyped-def]
        for statement in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("recommendations", "0003_reference_part")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_CREATE, "postgresql": POSTGRES_CREATE}),
            _run({"sqlite": SQLITE_DROP, "postgresql": POSTGRES_DROP}),
        )
    ]
