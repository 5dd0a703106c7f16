"""Alembic environment: the application hands over a live connection; nothing is configured here."""

from alembic import context

from govsvc_desktop.store.tables import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
