"""Turning questionnaires written for other tools into enquete's TOML (XLSForm today)."""
