"""Alembic's migration scripts for Newjob's schema (see bot/store/schema.py for how they run)."""
