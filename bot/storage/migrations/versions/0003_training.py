"""Role-play training sessions and assignments, until now in a SQLite file of their own.

Revision ID: 0003
Revises: 0002
"""
import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "training_sessions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("trainee", sa.String(200), nullable=False),
        sa.Column("trainee_key", sa.String(200), nullable=False),
        sa.Column("scenario", sa.String(100), nullable=False),
        sa.Column("difficulty", sa.String(10), nullable=False, server_default="medium"),
        sa.Column("played_at", sa.DateTime, nullable=False),
        sa.Column("total", sa.Integer, nullable=False),
        sa.Column("scorecard", sa.Text, nullable=False),
        sa.Column("turns", sa.Text, nullable=False),
        sqlite_autoincrement=True)
    op.create_index("ix_training_sessions_trainee", "training_sessions",
                    ["trainee_key", "played_at"])
    op.create_table(
        "training_assignments",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("trainee_key", sa.String(200), nullable=False),
        sa.Column("trainee", sa.String(200), nullable=False),
        sa.Column("scenario", sa.String(100), nullable=False),
        sa.Column("difficulty", sa.String(20), nullable=False),
        sa.Column("due", sa.Date, nullable=False),
        sa.Column("assigned_by", sa.String(80), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("done_session_id", sa.Integer),
        sqlite_autoincrement=True)
    op.create_index("ix_training_assignments_trainee", "training_assignments",
                    ["trainee_key", "created_at"])


def downgrade() -> None:
    for table in ("training_assignments", "training_sessions"):
        op.drop_table(table)
