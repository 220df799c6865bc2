"""Roles: what a job is (curated role files over the O*NET catalogue) and how titles find them."""
