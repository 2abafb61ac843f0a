"""Publications (the organisation's current data set and its history), the access list and
the audit log."""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"


def upgrade() -> None:
    op.create_table(
        "publication",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("published_by", sa.Text, nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("as_of", sa.Date, nullable=False),
        sa.Column("digest", sa.Text, nullable=False),
        sa.Column("restored_from", sa.Integer, nullable=True),
    )
    op.create_table(
        "publication_file",
        sa.Column("publication_id", sa.Integer,
                  sa.ForeignKey("publication.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("kind", sa.Text, primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("content", sa.LargeBinary, nullable=False),
    )
    op.create_table(
        "publication_mapping",
        sa.Column("publication_id", sa.Integer,
                  sa.ForeignKey("publication.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("kind", sa.Text, primary_key=True),
        sa.Column("raw", sa.Text, primary_key=True),
        sa.Column("canonical", sa.Text, nullable=False),
    )
    op.create_table(
        "access_entry",
        sa.Column("email", sa.Text, primary_key=True),
        sa.Column("role", sa.Text, nullable=False),
        sa.Column("units", sa.Text, nullable=False, server_default="[]"),
        sa.Column("granted_by", sa.Text, nullable=False, server_default=""),
        sa.Column("granted_at", sa.DateTime(timezone=True), nullable=True),
    )
    op.create_table(
        "audit",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.Text, nullable=False),
        sa.Column("action", sa.Text, nullable=False),
        sa.Column("detail", sa.Text, nullable=False, server_default=""),
        sa.Column("units", sa.Text, nullable=False, server_default=""),
    )
