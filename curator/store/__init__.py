"""How Curator's data is kept: tables, engine and sessions, migrations, queries and revisions."""
