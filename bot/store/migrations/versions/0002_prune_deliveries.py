"""Deliveries are pruned by age: an index on processed_events.at. The old schema marker says 2,
so that a Newjob from before migrations refuses this database instead of writing to it.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_marker = sa.table("newjob_schema", sa.column("id", sa.Integer), sa.column("version", sa.Integer))


def upgrade() -> None:
    with op.batch_alter_table("processed_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_processed_events_at"), ["at"], unique=False)
    op.execute(sa.delete(_marker))
    op.bulk_insert(_marker, [{"id": 1, "version": 2}])


def downgrade() -> None:
    op.execute(sa.update(_marker).values(version=1))
    with op.batch_alter_table("processed_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_processed_events_at"))
