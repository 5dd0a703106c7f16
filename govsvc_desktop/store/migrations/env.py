"""Alembic environment: the application hands over a live connection; nothing is configured
here, and nothing of the application is imported (each revision carries what it needs)."""

from alembic import context

connection = context.config.attributes["connection"]
context.configure(connection=connection, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
