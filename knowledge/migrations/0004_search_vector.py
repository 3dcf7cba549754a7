"""Each publication's search vector is kept in a column, which one GIN index serves: matching and
ranking no longer parse every matching text on each search. On PostgreSQL only, like 0002, whose
expression indexes it replaces."""

from importlib import import_module

import django.contrib.postgres.search
from django.contrib.postgres.indexes import GinIndex
from django.db import migrations

from knowledge.search import UNSEGMENTED_LANGUAGES, store_vectors

VECTOR_INDEX = GinIndex(fields=["search_vector"], name="knowledge_pub_search_vector")


def _parsed_expression_indexes() -> list[GinIndex]:
    created = import_module("knowledge.migrations.0002_search_indexes").search_indexes()
    # The trigram index of the unsegmented languages stays.
    return [index for index in created if index.name != "knowledge_pub_trgm"]


def keep_vectors(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    publication = apps.get_model("knowledge", "Publication")
    for index in _parsed_expression_indexes():
        schema_editor.remove_index(publication, index)
    schema_editor.add_index(publication, VECTOR_INDEX)
    store_vectors(publication.objects.exclude(language__in=UNSEGMENTED_LANGUAGES))


def parse_again(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    publication = apps.get_model("knowledge", "Publication")
    schema_editor.remove_index(publication, VECTOR_INDEX)
    for index in _parsed_expression_indexes():
        schema_editor.add_index(publication, index)


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0003_deliveries")]

    operations = [
        migrations.AddField(
            model_name="publication",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.RunPython(keep_vectors, parse_again),
    ]
