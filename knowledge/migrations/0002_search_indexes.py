"""The indexes of full-text search, on PostgreSQL only (SQLite searches without them).

One partial GIN index per text search configuration, on exactly the vector knowledge.search
matches a publication of that language on, and a GIN trigram index on the title and text of the
languages matched by containment (Chinese). The expressions are imported from knowledge.search
so that the index and the query are one expression; tests/knowledge/test_search.py checks the
planner uses them.
"""

from django.contrib.postgres.indexes import GinIndex, OpClass
from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations
from django.db.models import Q

from knowledge.search import (
    TEXT_SEARCH_CONFIGS,
    UNSEGMENTED_LANGUAGES,
    document_vector,
    searched_text,
)


def search_indexes() -> list[GinIndex]:
    return [
        GinIndex(
            document_vector(config),
            condition=Q(language=language),
            name=f"knowledge_pub_fts_{language}",
        )
        for language, config in TEXT_SEARCH_CONFIGS.items()
    ] + [
        GinIndex(
            OpClass(searched_text(), name="gin_trgm_ops"),
            condition=Q(language__in=UNSEGMENTED_LANGUAGES),
            name="knowledge_pub_trgm",
        )
    ]


def add_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    publication = apps.get_model("knowledge", "Publication")
    for index in search_indexes():
        schema_editor.add_index(publication, index)


def remove_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    publication = apps.get_model("knowledge", "Publication")
    for index in search_indexes():
        schema_editor.remove_index(publication, index)


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0001_initial")]

    operations = [
        # Skipped by Django itself on other databases.
        TrigramExtension(),
        migrations.RunPython(add_indexes, remove_indexes),
    ]
