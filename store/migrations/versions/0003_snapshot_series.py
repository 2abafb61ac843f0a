"""Snapshots belong to a series (the published data, the sample, one preview), so "since last
time" and the trends compare only snapshots of the same data. Snapshots saved before this had no
series: they are taken to be of the published data."""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"


def upgrade() -> None:
    with op.batch_alter_table("snapshot") as batch:  # SQLite alters a table by copying it
        batch.add_column(sa.Column("series", sa.Text, nullable=False,
                                   server_default="published"))
