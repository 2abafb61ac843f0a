"""The stored tables as SQLAlchemy Core sees them; the migrations create them."""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

snapshot = sa.Table(
    "snapshot", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("saved_at", sa.Text, nullable=False),
    sa.Column("as_of", sa.Text, nullable=False),
    sa.Column("label", sa.Text, nullable=False),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("series", sa.Text, nullable=False, server_default="published"),
)
snapshot_table = sa.Table(
    "snapshot_table", metadata,
    sa.Column("snapshot_id", sa.Integer, sa.ForeignKey("snapshot.id", ondelete="CASCADE"),
              primary_key=True),
    sa.Column("name", sa.Text, primary_key=True),
    sa.Column("rows_json", sa.Text, nullable=False),
)
publication = sa.Table(
    "publication", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("published_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("published_by", sa.Text, nullable=False),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("as_of", sa.Date, nullable=False),
    sa.Column("digest", sa.Text, nullable=False),
    sa.Column("restored_from", sa.Integer, nullable=True),
)
publication_file = sa.Table(
    "publication_file", metadata,
    sa.Column("publication_id", sa.Integer, sa.ForeignKey("publication.id", ondelete="CASCADE"),
              primary_key=True),
    sa.Column("kind", sa.Text, primary_key=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("content", sa.LargeBinary, nullable=False),
)
publication_mapping = sa.Table(
    "publication_mapping", metadata,
    sa.Column("publication_id", sa.Integer, sa.ForeignKey("publication.id", ondelete="CASCADE"),
              primary_key=True),
    sa.Column("kind", sa.Text, primary_key=True),
    sa.Column("raw", sa.Text, primary_key=True),
    sa.Column("canonical", sa.Text, nullable=False),
)
access_entry = sa.Table(
    "access_entry", metadata,
    sa.Column("email", sa.Text, primary_key=True),
    sa.Column("role", sa.Text, nullable=False),
    sa.Column("units", sa.Text, nullable=False),  # a JSON list of unit ids
    sa.Column("granted_by", sa.Text, nullable=False),
    sa.Column("granted_at", sa.DateTime(timezone=True), nullable=True),
)
audit = sa.Table(
    "audit", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("actor", sa.Text, nullable=False),
    sa.Column("action", sa.Text, nullable=False),
    sa.Column("detail", sa.Text, nullable=False),
    sa.Column("units", sa.Text, nullable=False),
)
