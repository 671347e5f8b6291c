"""Alembic environment: always run with a connection handed in by btdesk.store.schema."""
from alembic import context

from btdesk.store import exchange_models  # noqa: F401  (its tables join Base.metadata)
from btdesk.store.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite needs batch mode for column changes
)
with context.begin_transaction():
    context.run_migrations()
