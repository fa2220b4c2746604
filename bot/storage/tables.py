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
    sa.Column("owner", sa.String(80), nullable=False, server_default=""),  # account or token
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

# ---- access (issue 9): accounts, their sessions, API tokens, the audit log ----------

accounts = sa.Table(
    "accounts", metadata,
    sa.Column("name", sa.String(64), primary_key=True),
    sa.Column("full_name", sa.String(100), nullable=False, server_default=""),
    sa.Column("role", sa.String(20), nullable=False),
    sa.Column("password_hash", sa.Text, nullable=False),
    sa.Column("active", sa.Boolean, nullable=False, server_default=sa.true()),
    sa.Column("created_at", sa.DateTime, nullable=False),
    sa.Column("last_login", sa.DateTime),
    sa.Column("failed_logins", sa.Integer, nullable=False, server_default="0"),
    sa.Column("paused_until", sa.DateTime),
)

sessions = sa.Table(
    "sessions", metadata,
    sa.Column("token_hash", sa.String(64), primary_key=True),  # sha256 of the cookie value
    sa.Column("account", sa.String(64), sa.ForeignKey("accounts.name"), nullable=False,
              index=True),
    sa.Column("created_at", sa.DateTime, nullable=False),
    sa.Column("expires_at", sa.DateTime, nullable=False),
)

api_tokens = sa.Table(
    "api_tokens", metadata,
    sa.Column("name", sa.String(64), primary_key=True),
    sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("scope", sa.String(20), nullable=False),
    sa.Column("created_at", sa.DateTime, nullable=False),
    sa.Column("revoked_at", sa.DateTime),
    sa.Column("last_used", sa.DateTime),
)

audit_log = sa.Table(
    "audit_log", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("at", sa.DateTime, nullable=False, index=True),
    sa.Column("actor", sa.String(80), nullable=False),
    sa.Column("action", sa.String(40), nullable=False),
    sa.Column("subject", sa.String(200), nullable=False, server_default=""),
    sa.Column("detail", sa.Text, nullable=False, server_default=""),
)

# Who a conversation (a Rasa sender id) belongs to: the first to write in it. Another
# account or token may not write into it (a REST sender equal to a pane call id).
conversation_owners = sa.Table(
    "conversation_owners", metadata,
    sa.Column("sender_id", sa.String(128), primary_key=True),
    sa.Column("owner", sa.String(80), nullable=False),
    sa.Column("created_at", sa.DateTime, nullable=False),
)

# ---- role-play training: scored sessions and the assignments of trainers -----------
# AUTOINCREMENT on SQLite, as PostgreSQL's sequences: a deleted assignment's id is never
# given again, so a page that still shows it cannot remove a newer one.

training_sessions = sa.Table(
    "training_sessions", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("trainee", sa.String(200), nullable=False),
    sa.Column("trainee_key", sa.String(200), nullable=False),  # spaces squeezed, casefolded
    sa.Column("scenario", sa.String(100), nullable=False),  # scenario id, or "transcript"
    # easy, medium or hard; "" for a scored transcript (not a role-play)
    sa.Column("difficulty", sa.String(10), nullable=False, server_default="medium"),
    sa.Column("played_at", sa.DateTime, nullable=False),
    sa.Column("total", sa.Integer, nullable=False),
    sa.Column("scorecard", sa.Text, nullable=False),
    sa.Column("turns", sa.Text, nullable=False),
    sa.Index("ix_training_sessions_trainee", "trainee_key", "played_at"),
    sqlite_autoincrement=True,
)

training_assignments = sa.Table(
    "training_assignments", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("trainee_key", sa.String(200), nullable=False),
    sa.Column("trainee", sa.String(200), nullable=False),
    sa.Column("scenario", sa.String(100), nullable=False),
    sa.Column("difficulty", sa.String(20), nullable=False),
    sa.Column("due", sa.Date, nullable=False),
    sa.Column("assigned_by", sa.String(80), nullable=False),
    sa.Column("created_at", sa.DateTime, nullable=False),
    sa.Column("done_session_id", sa.Integer),  # the session that did it; NULL while open
    sa.Index("ix_training_assignments_trainee", "trainee_key", "created_at"),
    sqlite_autoincrement=True,
)
