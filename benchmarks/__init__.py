"""Benchmarks: hcloud_models next to the official ``hcloud`` package and raw httpx.

Run ``make bench`` (or ``python -m benchmarks``).  These are measurements, not
tests: nothing here asserts a timing.  See docs/performance.md.
"""
