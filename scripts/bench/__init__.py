"""Helpers of scripts/bench.py: the load generator, the server sets, the micro-benchmarks."""
