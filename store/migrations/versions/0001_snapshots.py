"""Snapshots of the aggregate results; a file made before migrations existed already has them."""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None


def upgrade() -> None:
    existing = sa.inspect(op.get_bind())
    if not existing.has_table("snapshot"):
        op.create_table(
            "snapshot",
            sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
            sa.Column("saved_at", sa.Text, nullable=False),
            sa.Column("as_of", sa.Text, nullable=False),
            sa.Column("label", sa.Text, nullable=False, server_default=""),
            sa.Column("source", sa.Text, nullable=False, server_default=""),
        )
    if not existing.has_table("snapshot_table"):
        op.create_table(
            "snapshot_table",
            sa.Column("snapshot_id", sa.Integer,
                      sa.ForeignKey("snapshot.id", ondelete="CASCADE"), primary_key=True),
            sa.Column("name", sa.Text, primary_key=True),
            sa.Column("rows_json", sa.Text, nullable=False),
        )
    if not any(index["name"] == "ix_snapshot_as_of" for index in existing.get_indexes("snapshot")):
        op.create_index("ix_snapshot_as_of", "snapshot", ["as_of"])
