"""Aggregating responses and writing reports: pure logic, no UI imports."""
