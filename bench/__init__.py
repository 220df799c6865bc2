"""Benchmarks: figures printed by `make bench` (`python -m bench`), never timed asserts."""
