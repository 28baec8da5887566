"""Frictionless Data Package descriptors (``datapackage.json``) for CSV tables, in plain Python.

A :class:`Table` names a CSV file and its Table Schema (field names, types, descriptions, primary and
foreign keys); :func:`descriptor` makes the Data Package around a set of tables, with its licence,
sources, contributors and how to cite it. Specifications: https://specs.frictionlessdata.io/ (Data
Package, Tabular Data Resource, Table Schema). ``frictionless validate datapackage.json`` checks a
package written with it (``tests/outputs/test_opendata.py``).

>>> code = Field("code", "string", "ISO 3166-1 alpha-3.")
>>> table = Table("states", "States", "UN Member States.", (code,), primary_key=("code",))
>>> table.path, table.header, table.schema()["primaryKey"]
('states.csv', ['code'], ['code'])
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

#: The spec the descriptors follow (Data Package v1: what ``frictionless`` 5 validates by default).
PROFILE = "tabular-data-package"


@dataclass(frozen=True)
class Field:
    """One column: ``type`` is a Table Schema type (string, integer, number, boolean, date)."""

    name: str
    type: str
    description: str
    required: bool = False
    unique: bool = False

    def descriptor(self) -> dict[str, Any]:
        field: dict[str, Any] = {"name": self.name, "type": self.type, "description": self.description}
        constraints = {
            key: True for key, wanted in (("required", self.required), ("unique", self.unique)) if wanted
        }
        if constraints:
            field["constraints"] = constraints
        return field


@dataclass(frozen=True)
class ForeignKey:
    """``field`` of this table holds a value of ``reference`` in table ``resource``."""

    field: str
    resource: str
    reference: str


@dataclass(frozen=True)
class Table:
    """One CSV file of a package and its Table Schema."""

    name: str
    title: str
    description: str
    fields: tuple[Field, ...]
    primary_key: tuple[str, ...] = ()
    foreign_keys: tuple[ForeignKey, ...] = ()

    @property
    def path(self) -> str:
        return f"{self.name}.csv"

    @property
    def header(self) -> list[str]:
        return [field.name for field in self.fields]

    def schema(self) -> dict[str, Any]:
        schema: dict[str, Any] = {"fields": [field.descriptor() for field in self.fields]}
        if self.primary_key:
            schema["primaryKey"] = list(self.primary_key)
        if self.foreign_keys:
            schema["foreignKeys"] = [
                {"fields": [key.field], "reference": {"resource": key.resource, "fields": [key.reference]}}
                for key in self.foreign_keys
            ]
        return schema

    def resource(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "path": self.path,
            "profile": "tabular-data-resource",
            "title": self.title,
            "description": self.description,
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "schema": self.schema(),
        }


@dataclass(frozen=True)
class Source:
    """Where data came from: a document (with its UN symbol's address when it has one) or a tracker."""

    title: str
    path: str = ""

    def descriptor(self) -> dict[str, str]:
        return {"title": self.title, "path": self.path} if self.path else {"title": self.title}


@dataclass(frozen=True)
class Contributor:
    """A person or organisation whose work is in the data; ``role`` as the spec names it."""

    title: str
    role: str = "contributor"

    def descriptor(self) -> dict[str, str]:
        return {"title": self.title, "role": self.role}


@dataclass(frozen=True)
class Licence:
    name: str
    title: str
    path: str

    def descriptor(self) -> dict[str, str]:
        return {"name": self.name, "title": self.title, "path": self.path}


@dataclass(frozen=True)
class Package:
    """What a package says about itself besides its tables."""

    name: str
    title: str
    description: str
    licence: Licence
    citation: str
    created: str = ""
    homepage: str = ""


def descriptor(
    package: Package,
    tables: Sequence[Table],
    sources: Iterable[Source] = (),
    contributors: Iterable[Contributor] = (),
) -> dict[str, Any]:
    """The ``datapackage.json`` of ``tables`` (``citation`` is a property of our own: the spec has none)."""
    result: dict[str, Any] = {
        "profile": PROFILE,
        "name": package.name,
        "title": package.title,
        "description": package.description,
        "licenses": [package.licence.descriptor()],
        "citation": package.citation,
        "sources": [source.descriptor() for source in sources],
        "contributors": [contributor.descriptor() for contributor in contributors],
        "resources": [table.resource() for table in tables],
    }
    if package.created:
        result["created"] = package.created
    if package.homepage:
        result["homepage"] = package.homepage
    return result
