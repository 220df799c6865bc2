"""Newjob: draft, check, review and publish job postings where teams already talk."""

__version__ = "0.1.0"
