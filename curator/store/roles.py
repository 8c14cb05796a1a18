"""The role vocabulary of each relation kind: the roles a project starts with and its own."""

from __future__ import annotations

from sqlalchemy import func
from sqlmodel import Session, col, select

from curator.domain.relations import RelationKind, Role
from curator.domain.translation import _
from curator.errors import InvalidValue
from curator.store.tables import RoleRow


def list_roles(session: Session, kind: RelationKind) -> list[Role]:
    """The roles of a relation kind, the seeded ones first, then those a project added."""
    rows = session.exec(
        select(RoleRow).where(RoleRow.relation_kind == kind.value).order_by(col(RoleRow.id))
    ).all()
    return [Role(row.id or 0, kind, row.name, row.name_zh) for row in rows]


def role_names(session: Session, kind: RelationKind) -> set[str]:
    """The names of the roles of a relation kind."""
    return set(session.exec(select(RoleRow.name).where(RoleRow.relation_kind == kind.value)))


def add_role(session: Session, kind: RelationKind, name: str, *, name_zh: str = "") -> Role:
    """Add a role to a relation kind's vocabulary; InvalidValue for a blank or known name."""
    name, name_zh = " ".join(name.split()), " ".join(name_zh.split())
    if not kind.spec.has_role:
        raise InvalidValue(_("{label} have no roles.").format(label=kind.spec.label))
    if not name:
        raise InvalidValue(_("Give the role a name."))
    known = session.exec(select(RoleRow.name).where(
        RoleRow.relation_kind == kind.value, func.lower(RoleRow.name) == name.lower())).first()
    if known is not None:
        raise InvalidValue(_("{label} already have the role {known!r}.").format(
                               label=kind.spec.label, known=known))
    row = RoleRow(relation_kind=kind.value, name=name, name_zh=name_zh)
    session.add(row)
    session.flush()
    assert row.id is not None
    return Role(row.id, kind, name, name_zh)
