"""Alembic runs here on the connection the store hands it (store.database), inside the
store's own write transaction."""

from alembic import context

connection = context.config.attributes["connection"]
context.configure(connection=connection, transaction_per_migration=False)
with context.begin_transaction():
    context.run_migrations()
