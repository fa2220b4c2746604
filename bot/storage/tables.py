"""The schema, as SQLAlchemy Core tables. Changes go through a migration in migrations/.

Money is stored as whole cents (exact on every database); JSON documents (a case, a
brief, an event) as text, so SQLite and PostgreSQL store them alike.
"""
import sqlalchemy as sa

metadata = sa.MetaData()

cases = sa.Table(
    "cases", metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("company", sa.String(200), nullable=False),
    sa.Column("contact", sa.String(200), nullable=False),
    sa.Column("data", sa.Text, nullable=False),
    sa.Column("updated_at", sa.DateTime, nullable=False),
)

calls = sa.Table(
    "calls", metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("case_id", sa.String(64), index=True),
    sa.Column("collector", sa.String(100), nullable=False, server_default=""),
    sa.Column("started_at", sa.DateTime, nullable=False),
    sa.Column("ended_at", sa.DateTime),
    sa.Column("brief", sa.Text, nullable=False),
    sa.Column("state", sa.Text, nullable=False),  # offer on the table, last suggestions
    sa.Column("summary", sa.Text),
)

call_events = sa.Table(
    "call_events", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("call_id", sa.String(64), sa.ForeignKey("calls.id"), nullable=False),
    sa.Column("seq", sa.Integer, nullable=False),
    sa.Column("created_at", sa.DateTime, nullable=False),
    sa.Column("kind", sa.String(20), nullable=False),
    sa.Column("data", sa.Text, nullable=False),
    sa.UniqueConstraint("call_id", "seq", name="uq_call_events_call_seq"),
)

promises = sa.Table(
    "promises", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("case_id", sa.String(64), nullable=False, index=True),
    sa.Column("call_id", sa.String(64), sa.ForeignKey("calls.id"), index=True),
    sa.Column("date", sa.Date, nullable=False),
    sa.Column("amount_cents", sa.BigInteger, nullable=False),
    sa.Column("source", sa.String(20), nullable=False),
    sa.Column("line", sa.Text, nullable=False, server_default=""),
    sa.Column("plan", sa.String(40)),
    sa.Column("created_at", sa.DateTime, nullable=False),
    sa.Column("cancelled_at", sa.DateTime),
)

payments = sa.Table(
    "payments", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("case_id", sa.String(64), nullable=False, index=True),
    sa.Column("date", sa.Date, nullable=False),
    sa.Column("amount_cents", sa.BigInteger, nullable=False),
    sa.Column("reference", sa.Text, nullable=False, server_default=""),
    sa.Column("source", sa.String(20), nullable=False),
    sa.Column("counterparty", sa.String(200), nullable=False, server_default=""),
    sa.Column("iban", sa.String(34), nullable=False, server_default=""),
    sa.Column("external_id", sa.String(140), unique=True),  # NULL when the bank gave none
    sa.Column("created_at", sa.DateTime, nullable=False),
)
