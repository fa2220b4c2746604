"""Storage behind the coach: one SQL database for cases, calls, promises and payments.

``INCASSO_DATABASE_URL`` names it (a SQLAlchemy URL); the default is an SQLite file under
build/, so `make run` needs no database server. The same URL as PostgreSQL works unchanged.
"""
