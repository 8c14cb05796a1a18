"""Alembic environment: runs migrations on the connection Curator hands over."""

from alembic import context
from sqlmodel import SQLModel

import curator.store.tables  # noqa: F401  (registers the tables on SQLModel.metadata)
from curator.store.migrating import include_name

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # `alembic` command line: use the URL from the config
    from sqlalchemy import create_engine

    engine = create_engine(config.get_main_option("sqlalchemy.url") or "")
    connection = engine.connect()

context.configure(
    connection=connection,
    target_metadata=SQLModel.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    include_name=include_name,
)
with context.begin_transaction():
    context.run_migrations()
